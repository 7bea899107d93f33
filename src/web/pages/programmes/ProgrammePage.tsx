import { Alert, Anchor, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ProgrammeStatus } from '../../../domain/programmes/definition.ts';
import { isApiError } from '../../api/client.ts';
import {
  useDeleteProgramme,
  useProgramme,
  useProgrammeVersion,
  useSetProgrammeStatus,
  type ProgrammeView,
} from '../../api/programmes.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useFormat } from '../../components/format.ts';
import { LoadingBlock } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ProgrammeStatusBadge, useText } from './display.tsx';
import { ProgrammeDetails } from './ProgrammeDetails.tsx';

type StatusAction = 'publish' | 'close' | 'reopen';

const ACTIONS: Record<ProgrammeStatus, readonly StatusAction[]> = {
  draft: ['publish', 'close'],
  published: ['close'],
  closed: ['reopen'],
};

const TARGET: Record<StatusAction, ProgrammeStatus> = {
  publish: 'published',
  close: 'closed',
  reopen: 'published',
};

/** What the page announces (kept as data, so that it follows a change of language). */
type Notice = { kind: 'created' } | { kind: 'saved' } | { kind: 'status'; status: ProgrammeStatus };

function savedNotice(state: unknown): 'created' | 'saved' | null {
  if (typeof state === 'object' && state !== null && 'saved' in state) {
    return state.saved === 'created' ? 'created' : state.saved === 'saved' ? 'saved' : null;
  }
  return null;
}

/**
 * Publish, close or reopen (a programme manager of the funder), and delete a draft, each after a
 * confirmation.
 */
function StatusActions({
  programme,
  onDone,
}: {
  programme: ProgrammeView;
  onDone: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const text = useText();
  const setStatus = useSetProgrammeStatus();
  const remove = useDeleteProgramme();
  const [asked, setAsked] = useState<StatusAction | null>(null);
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <Group gap="sm">
        {ACTIONS[programme.status].map((action) => (
          <Button
            key={action}
            variant={action === 'close' ? 'default' : 'filled'}
            onClick={() => {
              setStatus.reset();
              setAsked(action);
            }}
          >
            {t(`programmes.view.actions.${action}`)}
          </Button>
        ))}
        {programme.status === 'draft' && (
          <Button
            variant="default"
            c="red.9"
            onClick={() => {
              remove.reset();
              setDeleting(true);
            }}
          >
            {t('programmes.view.actions.delete')}
          </Button>
        )}
      </Group>
      {deleting && (
        <ConfirmDialog
          title={t('programmes.view.confirm.deleteTitle')}
          confirmLabel={t('programmes.view.actions.delete')}
          pending={remove.isPending}
          danger
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            remove.mutate(programme.id, {
              onSuccess: () =>
                void navigate('/programmes', { state: { deleted: text(programme.name) || programme.code } }),
            })
          }
        >
          <Text>{t('programmes.view.confirm.deleteBody')}</Text>
          {remove.isError && <ProblemAlert error={remove.error} />}
        </ConfirmDialog>
      )}
      {asked && (
        <ConfirmDialog
          title={t(`programmes.view.confirm.${asked}Title`)}
          confirmLabel={t(`programmes.view.actions.${asked}`)}
          pending={setStatus.isPending}
          danger={asked === 'close'}
          onClose={() => setAsked(null)}
          onConfirm={() =>
            setStatus.mutate(
              { id: programme.id, status: TARGET[asked] },
              {
                onSuccess: (saved) => {
                  setAsked(null);
                  onDone({ kind: 'status', status: saved.status });
                },
              },
            )
          }
        >
          <Text>{t(`programmes.view.confirm.${asked}Body`)}</Text>
          {setStatus.isError && <ProblemAlert error={setStatus.error} />}
        </ConfirmDialog>
      )}
    </>
  );
}

function Versions({
  programme,
  shown,
  onShow,
}: {
  programme: ProgrammeView;
  shown: number;
  onShow: (version: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = [...programme.versions].sort((a, b) => b.version - a.version);
  return (
    <Stack gap="sm" component="section" aria-labelledby="programme-versions">
      <Title order={2} size="h3" id="programme-versions">
        {t('programmes.view.versions')}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" data-testid="programme-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('programmes.view.version')}</Table.Th>
              <Table.Th scope="col">{t('programmes.view.effectiveFrom')}</Table.Th>
              <Table.Th scope="col">{t('programmes.view.savedAt')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v.version} aria-current={v.version === shown ? 'true' : undefined}>
                <Table.Th scope="row" fw={500}>
                  {v.version === programme.version
                    ? t('programmes.view.versionCurrent', { version: v.version })
                    : t('programmes.view.versionNumber', { version: v.version })}
                </Table.Th>
                <Table.Td>{format.date(v.effectiveFrom)}</Table.Td>
                <Table.Td>{format.dateTime(v.createdAt)}</Table.Td>
                <Table.Td>
                  {v.version === shown ? (
                    <Text size="sm" c="dimmed">
                      {t('programmes.view.shown')}
                    </Text>
                  ) : (
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => onShow(v.version)}
                      aria-label={t('programmes.view.showVersion', { version: v.version })}
                    >
                      {t('programmes.view.show')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** One programme: its current definition in words, its versions, and its status actions. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const format = useFormat();
  const text = useText();
  const query = useProgramme(id);
  const [params, setParams] = useSearchParams();
  const programme = query.data;
  const asked = Number.parseInt(params.get('version') ?? '', 10);
  const olderVersion =
    programme &&
    Number.isInteger(asked) &&
    asked !== programme.version &&
    programme.versions.some((v) => v.version === asked)
      ? asked
      : null;
  const older = useProgrammeVersion(id, olderVersion);
  const [notice, setNotice] = useState<Notice | null>(() => {
    const saved = savedNotice(location.state);
    return saved ? { kind: saved } : null;
  });

  function showVersion(version: number | null): void {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (version === null) next.delete('version');
        else next.set('version', String(version));
        return next;
      },
      { replace: false },
    );
    requestAnimationFrame(() =>
      document.getElementById('programme-overview')?.scrollIntoView({ block: 'start' }),
    );
  }

  const title = programme ? text(programme.name) : t('programmes.view.title');
  const definition = olderVersion !== null ? older.data?.definition : programme?.definition;

  return (
    <>
      <PageHeader
        title={title}
        actions={
          <>
            <Anchor component={Link} to="/programmes">
              {t('programmes.view.backToList')}
            </Anchor>
            {programme?.canManage && (
              <Button component={Link} to={`/programmes/${programme.id}/edit`}>
                {t('programmes.view.edit')}
              </Button>
            )}
          </>
        }
      />
      {query.isPending ? (
        <LoadingBlock />
      ) : query.isError ? (
        isApiError(query.error) && (query.error.status === 404 || query.error.status === 400) ? (
          <Text>{t('programmes.view.notFound')}</Text>
        ) : (
          <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : programme ? (
        <Stack gap="lg">
          <Group gap="sm" data-testid="programme-badges">
            <ProgrammeStatusBadge status={programme.status} size="lg" />
            <Text size="sm" dir="ltr">
              {programme.code}
            </Text>
            <Text size="sm" c="dimmed">
              {t('programmes.view.currentVersion', {
                version: programme.version,
                date: format.date(programme.effectiveFrom),
              })}
            </Text>
          </Group>

          <div aria-live="polite">
            {notice && (
              <Alert
                color="green"
                variant="light"
                withCloseButton
                onClose={() => setNotice(null)}
                closeButtonLabel={t('common.close')}
              >
                {notice.kind === 'status'
                  ? t('programmes.view.statusChanged', { status: t(`programmes.statuses.${notice.status}`) })
                  : notice.kind === 'created'
                    ? t('programmes.view.created')
                    : t('programmes.view.saved')}
              </Alert>
            )}
          </div>

          {programme.canManage && <StatusActions programme={programme} onDone={setNotice} />}

          {olderVersion !== null && (
            <Alert
              color="blue"
              variant="light"
              title={t('programmes.view.olderTitle', { version: olderVersion })}
            >
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('programmes.view.olderBody', { version: programme.version })}</Text>
                <Button size="xs" variant="white" onClick={() => showVersion(null)}>
                  {t('programmes.view.showCurrent')}
                </Button>
              </Stack>
            </Alert>
          )}

          {olderVersion !== null && older.isPending ? (
            <LoadingBlock />
          ) : olderVersion !== null && older.isError ? (
            <ProblemAlert error={older.error} onRetry={() => void older.refetch()} />
          ) : definition ? (
            <ProgrammeDetails
              definition={definition}
              funder={programme.funder}
              implementingOrganisations={programme.implementingOrganisations}
            />
          ) : null}

          <Versions programme={programme} shown={olderVersion ?? programme.version} onShow={showVersion} />
        </Stack>
      ) : null}
    </>
  );
}
