import { Button, Group, Stack, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from './AppModal.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';

interface FormModalProps {
  title: string;
  submitLabel: string;
  /** Called with the form when it is submitted (the browser's own checks are off: noValidate). */
  onSubmit: (form: HTMLFormElement) => void;
  onClose: () => void;
  /** The request is running: the submit button spins. */
  pending: boolean;
  /** The error of the last attempt, if it failed. */
  error: unknown;
  /** The title of the error alert ("The session was not saved."). */
  errorTitle: string;
  /** Paths of the server's field errors shown next to their fields (the alert lists the others). */
  shownFields: readonly string[];
  size?: ModalProps['size'];
  children: ReactNode;
}

/** A dialog holding one form: the failure of the last attempt, the fields, Cancel and submit. */
export function FormModal({
  title,
  submitLabel,
  onSubmit,
  onClose,
  pending,
  error,
  errorTitle,
  shownFields,
  size = 'xl',
  children,
}: FormModalProps) {
  const { t } = useTranslation();
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!pending) onSubmit(event.currentTarget);
  }
  return (
    <AppModal opened onClose={onClose} title={title} size={size}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {error !== null && error !== undefined && (
            <ProblemAlert error={error} title={errorTitle} shownFields={shownFields} />
          )}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
