import {
  Alert,
  Anchor,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import {
  useAcceptReferral,
  useReferrals,
  type Referral,
  type ReferralListParams,
} from '../../api/referrals.ts';
import { useFormat } from '../../components/format.ts';
import { TableSkeleton } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan, useSession } from '../../components/session.ts';
import { useUiLanguage } from '../case/EligibilityParts.tsx';
import { DeclineDialog } from '../shared/DeclineDialog.tsx';
import { ReferralStatusBadge } from './ReferralStatusBadge.tsx';
import { formatWaited, waitedFor } from './waiting.ts';

const FILTERS = ['all', 'pending', 'overdue'] as const;
type Filter = (typeof FILTERS)[number];

function isFilter(value: string | null): value is Filter {
  return value !== null && (FILTERS as readonly string[]).includes(value);
}

function paramsOf(filter: Filter): ReferralListParams {
  if (filter === 'pending') return { box: 'inbox', status: 'pending', limit: 100 };
  if (filter === 'overdue') return { box: 'inbox', status: 'pending', overdue: true, limit: 100 };
  return { box: 'inbox', limit: 100 };
}

interface Notice {
  text: string;
  caseId: string | null;
}

/** Referrals to the user's organisation: pending first, with their respond-by time; answered inline. */
export function InboxPage() {
  const { t } = useTranslation();
  const me = useSession();
  const format = useFormat();
  const language = useUiLanguage();
  const canRespond = useCan('referrals:respond');
  const [params, setParams] = useSearchParams();
  const filterParam = params.get('show');
  const filter: Filter = isFilter(filterParam) ? filterParam : 'all';
  const referrals = useReferrals(paramsOf(filter));
  const accept = useAcceptReferral();
  const [declining, setDeclining] = useState<Referral | null>(null);
  const location = useLocation();
  // A referral declined on the shared case page comes back here with its outcome.
  const [notice, setNotice] = useState<Notice | null>(() => {
    const state: unknown = location.state;
    return typeof state === 'object' &&
      state !== null &&
      'notice' in state &&
      typeof state.notice === 'string'
      ? { text: state.notice, caseId: null }
      : null;
  });

  function acceptOne(r: Referral): void {
    setNotice(null);
    accept.mutate(
      { referralId: r.id },
      {
        onSuccess: () =>
          setNotice({
            text:
              r.kind === 'partner'
                ? t('handover.notices.accepted', { reference: r.caseReference })
                : t('handover.notices.acknowledged', { reference: r.caseReference }),
            caseId: r.caseId,
          }),
      },
    );
  }

  const items = referrals.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('inbox.title')} intro={t('inbox.intro', { organisation: me.organisation.name })} />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('inbox.filterLabel')}
          value={filter}
          onChange={(value) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (value === 'all') next.delete('show');
                else next.set('show', value);
                return next;
              },
              { replace: true },
            )
          }
          data={FILTERS.map((f) => ({ value: f, label: t(`inbox.filters.${f}`) }))}
          maw={480}
        />
        <div aria-live="polite">
          {notice && (
            <Alert
              color="green"
              variant="light"
              withCloseButton
              onClose={() => setNotice(null)}
              closeButtonLabel={t('common.close')}
              data-testid="inbox-notice"
            >
              {notice.text}{' '}
              {notice.caseId && (
                <Anchor component={Link} to={`/shared/${encodeURIComponent(notice.caseId)}`}>
                  {t('inbox.openCase')}
                </Anchor>
              )}
            </Alert>
          )}
        </div>
        {accept.isError && <ProblemAlert error={accept.error} title={t('handover.dialogs.failed')} />}
        {referrals.isPending ? (
          <TableSkeleton />
        ) : referrals.isError ? (
          <ProblemAlert error={referrals.error} onRetry={() => void referrals.refetch()} />
        ) : items.length === 0 ? (
          <Text data-testid="inbox-empty">{t(`inbox.empty.${filter}`)}</Text>
        ) : (
          <Table.ScrollContainer minWidth={960}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="inbox-table">
              <Table.Caption>{t('inbox.caption', { count: referrals.data.total })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cases.reference')}</Table.Th>
                  <Table.Th scope="col">{t('inbox.from')}</Table.Th>
                  <Table.Th scope="col">{t('cases.returnCountry')}</Table.Th>
                  <Table.Th scope="col">{t('inbox.referredAt')}</Table.Th>
                  <Table.Th scope="col">{t('inbox.respondByColumn')}</Table.Th>
                  <Table.Th scope="col">{t('common.status')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => {
                  const pending = r.status === 'pending';
                  const busy = accept.isPending && accept.variables.referralId === r.id;
                  return (
                    <Table.Tr key={r.id} data-referral={r.status} data-case={r.caseReference}>
                      <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                        {pending || r.status === 'accepted' ? (
                          <Anchor component={Link} to={`/shared/${encodeURIComponent(r.caseId)}`} dir="ltr">
                            {r.caseReference}
                          </Anchor>
                        ) : (
                          <span dir="ltr">{r.caseReference}</span>
                        )}
                        <Text size="xs" c="dimmed">
                          {t(`handover.kinds.${r.kind}`)}
                        </Text>
                      </Table.Th>
                      <Table.Td className="hw-break">{r.sender.name}</Table.Td>
                      <Table.Td>{format.country(r.returnCountry)}</Table.Td>
                      <Table.Td>
                        <time dateTime={r.referredAt}>{format.dateTime(r.referredAt)}</time>
                        {pending && (
                          <Text size="xs">
                            {t('inbox.waited', { time: formatWaited(language, waitedFor(r.referredAt)) })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {pending ? <time dateTime={r.respondBy}>{format.dateTime(r.respondBy)}</time> : '—'}
                      </Table.Td>
                      <Table.Td>
                        <ReferralStatusBadge referral={r} />
                      </Table.Td>
                      <Table.Td>
                        {pending && canRespond && (
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              onClick={() => acceptOne(r)}
                              loading={busy}
                              disabled={accept.isPending && !busy}
                              aria-label={
                                r.kind === 'partner'
                                  ? t('inbox.acceptLabel', { reference: r.caseReference })
                                  : t('inbox.acknowledgeLabel', { reference: r.caseReference })
                              }
                            >
                              {r.kind === 'partner' ? t('inbox.accept') : t('inbox.acknowledge')}
                            </Button>
                            {r.kind === 'partner' && (
                              <Button
                                size="xs"
                                variant="default"
                                onClick={() => {
                                  setNotice(null);
                                  setDeclining(r);
                                }}
                                aria-label={t('inbox.declineLabel', { reference: r.caseReference })}
                              >
                                {t('inbox.decline')}
                              </Button>
                            )}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {declining && (
        <DeclineDialog
          referralId={declining.id}
          reference={declining.caseReference}
          onClose={() => setDeclining(null)}
          onDeclined={() => {
            setNotice({
              text: t('handover.notices.declined', { reference: declining.caseReference }),
              caseId: null,
            });
            setDeclining(null);
          }}
        />
      )}
    </>
  );
}
