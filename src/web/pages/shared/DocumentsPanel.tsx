/**
 * The documents of a case that the reader's organisation sees: kind, name, type, size, who uploaded
 * it and when, with a download link each; and, for those who may add documents, the upload.
 */
import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MEDIA_TYPE_NAMES } from '../../../domain/file-types.ts';
import { isApiError } from '../../api/client.ts';
import { documentContentUrl, useDocuments, type CaseDocument } from '../../api/documents.ts';
import type { SharedCaseLike } from '../../api/plans.ts';
import { useFormat } from '../../components/format.ts';
import { TableSkeleton } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSession } from '../../components/session.ts';
import { useUiLanguage } from '../case/EligibilityParts.tsx';
import { formatBytes, mayUpload, uploadableKinds, uploaderName } from './documentRules.ts';
import { DocumentUpload } from './DocumentUpload.tsx';
import { casePartsOf } from './planDraft.ts';

/** The newest first. */
function newestFirst(items: readonly CaseDocument[]): CaseDocument[] {
  return [...items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

export function DocumentsPanel({ caseId, view }: { caseId: string; view: SharedCaseLike }) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useUiLanguage();
  const session = useSession();
  const reader = { permissions: session.permissions, parts: casePartsOf(view, session.organisation.id) };
  const documents = useDocuments(caseId);
  const canUpload = mayUpload(reader);
  const kinds = uploadableKinds(reader, view.relation, view.dataset);
  const items = documents.data ? newestFirst(documents.data.items) : [];

  return (
    <Stack gap="md" component="section" aria-labelledby="documents-title" data-testid="documents-panel">
      <Title order={2} size="h3" id="documents-title" tabIndex={-1} style={{ outlineOffset: 4 }}>
        {t('documents.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('documents.intro')}
      </Text>
      {documents.isPending ? (
        <TableSkeleton rows={3} />
      ) : documents.isError ? (
        isApiError(documents.error) && documents.error.status === 404 ? (
          <Text>{t('documents.notShared')}</Text>
        ) : (
          <ProblemAlert error={documents.error} onRetry={() => void documents.refetch()} />
        )
      ) : items.length === 0 ? (
        <Text data-testid="documents-empty">{t('documents.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="documents-table">
            <Table.Caption>{t('documents.caption', { count: items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('documents.name')}</Table.Th>
                <Table.Th scope="col">{t('documents.kind')}</Table.Th>
                <Table.Th scope="col">{t('documents.type')}</Table.Th>
                <Table.Th scope="col">{t('documents.size')}</Table.Th>
                <Table.Th scope="col">{t('documents.uploadedBy')}</Table.Th>
                <Table.Th scope="col">{t('documents.uploadedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id} data-document={d.id}>
                  <Table.Td>
                    <Anchor
                      href={documentContentUrl(caseId, d.id)}
                      download={d.filename}
                      dir="auto"
                      className="hw-break"
                      aria-label={t('documents.download', { name: d.filename })}
                    >
                      {d.filename}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`documents.kinds.${d.kind}`)}</Table.Td>
                  <Table.Td>{MEDIA_TYPE_NAMES[d.mediaType]?.name ?? d.mediaType}</Table.Td>
                  <Table.Td>{formatBytes(d.sizeBytes, language)}</Table.Td>
                  <Table.Td>
                    {uploaderName(view, d.uploadedByOrganisationId) ?? t('documents.otherOrganisation')}
                  </Table.Td>
                  <Table.Td>
                    <time dateTime={d.createdAt}>{format.dateTime(d.createdAt)}</time>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canUpload && kinds.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="documents-upload-title">
          <Stack gap="sm">
            <Title order={3} size="h4" id="documents-upload-title">
              {t('documents.upload.title')}
            </Title>
            <DocumentUpload caseId={caseId} kinds={kinds} onUploaded={() => undefined} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
