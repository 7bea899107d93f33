/**
 * Adds a document to a case: its kind, the file, a progress bar while it is sent, and a clear message
 * when it is refused (too large, a type not accepted, not allowed). Used by the documents panel and
 * by the delivery dialog (a proof uploaded right there). It holds no <form> of its own, so that it
 * may sit inside another form.
 */
import { Alert, Button, FileInput, Group, NativeSelect, Progress, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentKind } from '../../../domain/documents.ts';
import { ACCEPTED_MEDIA_TYPES } from '../../../domain/file-types.ts';
import { useUploadDocument, type CaseDocument } from '../../api/documents.ts';
import { errorMessage, ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useUiLanguage } from '../case/EligibilityParts.tsx';
import { formatBytes, uploadRefusal } from './documentRules.ts';

function UploadProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const refusal = uploadRefusal(error);
  if (refusal.kind === 'other') return <ProblemAlert error={error} title={t('documents.upload.failed')} />;
  const title =
    refusal.kind === 'tooLarge'
      ? refusal.maxBytes === null
        ? t('documents.upload.tooLargeNoLimit')
        : t('documents.upload.tooLarge', { limit: formatBytes(refusal.maxBytes, language) })
      : refusal.kind === 'unsupportedType'
        ? t('documents.upload.unsupportedType')
        : refusal.kind === 'forbidden'
          ? t('documents.upload.forbidden')
          : t('documents.upload.empty');
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-refusal={refusal.kind}>
      {errorMessage(t, error)}
    </Alert>
  );
}

export function DocumentUpload({
  caseId,
  kinds,
  defaultKind,
  onUploaded,
  compact = false,
}: {
  caseId: string;
  kinds: readonly DocumentKind[];
  defaultKind?: DocumentKind;
  onUploaded: (document: CaseDocument) => void;
  /** Inside another dialog: smaller, with a heading-less layout. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const upload = useUploadDocument();
  const [kind, setKind] = useState<DocumentKind | ''>(
    defaultKind && kinds.includes(defaultKind) ? defaultKind : '',
  );
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [missing, setMissing] = useState<{ kind?: boolean; file?: boolean }>({});

  function start(): void {
    const found = { kind: kind === '', file: file === null };
    setMissing(found);
    if (kind === '' || file === null) return;
    setProgress(0);
    upload.mutate(
      { caseId, kind, file, onProgress: setProgress },
      {
        onSuccess: (saved) => {
          setFile(null);
          onUploaded(saved);
        },
      },
    );
  }

  const percent = Math.round(progress * 100);
  return (
    <Stack gap="xs" data-testid="document-upload">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('documents.upload.kind')}
          required
          value={kind}
          onChange={(e) => {
            setKind(e.currentTarget.value as DocumentKind | '');
            setMissing((m) => ({ ...m, kind: false }));
          }}
          error={missing.kind ? t('documents.upload.kindMissing') : undefined}
          data={[
            { value: '', label: t('person.choose'), disabled: true },
            ...kinds.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) })),
          ]}
          size={compact ? 'sm' : 'md'}
          miw={220}
        />
        <FileInput
          label={t('documents.upload.file')}
          description={t('documents.upload.accepted')}
          placeholder={t('documents.upload.choose')}
          required
          clearable
          clearButtonProps={{ 'aria-label': t('documents.upload.clear') }}
          accept={ACCEPTED_MEDIA_TYPES.join(',')}
          value={file}
          onChange={(f) => {
            setFile(f);
            setMissing((m) => ({ ...m, file: false }));
            upload.reset();
          }}
          error={missing.file ? t('documents.upload.fileMissing') : undefined}
          size={compact ? 'sm' : 'md'}
          miw={240}
          style={{ flex: 1 }}
        />
      </Group>
      <Group gap="sm">
        <Button
          type="button"
          variant={compact ? 'default' : 'filled'}
          onClick={start}
          loading={upload.isPending}
          data-testid="upload-button"
        >
          {t('documents.upload.submit')}
        </Button>
        {upload.isPending && (
          <Text size="sm" id={`${id}-progress`} aria-live="polite">
            {t('documents.upload.progress', { percent })}
          </Text>
        )}
      </Group>
      {upload.isPending && (
        <Progress value={percent} aria-label={t('documents.upload.progress', { percent })} animated />
      )}
      <div aria-live="polite">
        {upload.isSuccess && (
          <Text size="sm" c="teal.9" data-testid="upload-done">
            {t('documents.upload.done', { name: upload.data.filename })}
          </Text>
        )}
      </div>
      {upload.isError && <UploadProblem error={upload.error} />}
    </Stack>
  );
}
