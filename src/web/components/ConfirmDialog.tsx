import { Button, Group, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from './AppModal.tsx';

interface ConfirmDialogProps {
  title: string;
  /** The text of the button that does it ("Revoke token", "Withdraw the consent"). */
  confirmLabel: string;
  /** Called with the dialog's form (to move focus to a field in error). */
  onConfirm: (form: HTMLFormElement) => void;
  onClose: () => void;
  /** The action is running: its button spins, the dialog stays open. */
  pending?: boolean;
  /** An action that cannot be undone: its button is red. */
  danger?: boolean;
  /**
   * Where focus starts. 'cancel' (the default) for a plain question, so that Enter does not confirm by
   * accident; 'content' when the body holds a field to fill in (it carries `data-autofocus`).
   */
  initialFocus?: 'cancel' | 'content';
  /** The question, any fields, and the error of a refused attempt. */
  children: ReactNode;
}

/** A confirmation dialog: a question (and fields, if the action needs some), Cancel and the action. */
export function ConfirmDialog({
  title,
  confirmLabel,
  onConfirm,
  onClose,
  pending = false,
  danger = false,
  initialFocus = 'cancel',
  children,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!pending) onConfirm(event.currentTarget);
  }
  return (
    <AppModal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {children}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={onClose}
              data-autofocus={initialFocus === 'cancel' || undefined}
            >
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={danger ? 'red.9' : undefined} loading={pending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
