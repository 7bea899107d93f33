import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isReasonCode, type CaseStage } from '../../../domain/case-workflow.ts';
import { useOrganisationDirectory } from '../../api/queries.ts';
import {
  useApplication,
  useReferrals,
  useSetApplication,
  type ApplicationChoice,
  type ApplicationView,
  type RecipientCheck,
  type Referral,
} from '../../api/referrals.ts';
import type { Case } from '../../api/types.ts';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { useFormat } from '../../components/format.ts';
import { LoadingBlock, TableSkeleton } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan } from '../../components/session.ts';
import { useDatasetWords } from '../shared/ActionDialogs.tsx';
import { ReferralStatusBadge } from '../work/ReferralStatusBadge.tsx';
import { TabHeading } from './shared.tsx';

/** Orange alerts' titles in the text colour: Mantine's orange on its light background is 3.6:1. */
const WARNING_TITLE = { title: { color: 'var(--mantine-color-text)' } };

/** The stages in which the counsellor makes the referral choices (the server refuses them later). */
const CHOICE_STAGES: readonly CaseStage[] = ['intake', 'counselling', 'application'];

/** The tabs of the case page this tab sends the counsellor to. */
export type ReferralTabLink = 'consent' | 'eligibility';

interface Draft {
  partner: string;
  origin: string;
  funder: string;
}

function draftOf(view: ApplicationView): Draft {
  return {
    partner: view.partner?.organisation.id ?? '',
    origin: view.originAuthority?.organisation.id ?? '',
    funder: view.funder.id,
  };
}

/** Only what changed: a missing member leaves a choice as it is on the server. */
function changes(before: Draft, after: Draft): ApplicationChoice {
  const out: ApplicationChoice = {};
  if (after.partner !== before.partner) out.partnerOrganisationId = after.partner || null;
  if (after.origin !== before.origin) out.originAuthorityOrganisationId = after.origin || null;
  if (after.funder !== before.funder) out.fundingOrganisationId = after.funder || null;
  return out;
}

function ChoicesForm({
  view,
  onSaved,
  onReload,
}: {
  view: ApplicationView;
  onSaved: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const directory = useOrganisationDirectory();
  const save = useSetApplication();
  const initial = draftOf(view);
  const [draft, setDraft] = useState<Draft>(initial);
  const entries = directory.data?.items ?? [];
  const ofType = (type: 'reintegration_partner' | 'origin_authority') =>
    entries
      .filter((o) => o.type === type)
      .map((o) => ({ value: o.id, label: `${o.name} (${format.country(o.country) ?? o.country})` }));
  const funders = [
    { value: view.owner.id, label: t('handover.referralTab.ownFunder', { name: view.owner.name }) },
    ...view.funderChoices.filter((f) => f.id !== view.owner.id).map((f) => ({ value: f.id, label: f.name })),
  ];
  if (!funders.some((f) => f.value === draft.funder))
    funders.push({ value: draft.funder, label: view.funder.name });
  const changed = changes(initial, draft);
  const dirty = Object.keys(changed).length > 0;
  const placeholder = directory.isPending ? t('common.loading') : t('common.typeToSearch');

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!dirty || save.isPending) return;
    // The saved choices give the form a new key (it is remounted): a promise, unlike mutate's
    // callbacks, still resolves after that.
    save
      .mutateAsync({ caseId: view.caseId, version: view.version, choice: changed })
      .then(onSaved, () => undefined);
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="referral-choices">
      <Stack gap="sm">
        <Title order={3} size="h4" id="referral-choices">
          {t('handover.referralTab.choicesTitle')}
        </Title>
        {save.isError &&
          (isConflict(save.error) ? (
            <ConflictAlert
              onReload={() => {
                save.reset();
                onReload();
              }}
            />
          ) : (
            <ProblemAlert error={save.error} title={t('handover.referralTab.saveFailed')} />
          ))}
        {directory.isError && <ProblemAlert error={directory.error} title={t('consent.directoryFailed')} />}
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <Select
            label={t('handover.referralTab.partner')}
            description={t('handover.referralTab.partnerHint')}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            placeholder={placeholder}
            data={ofType('reintegration_partner')}
            value={draft.partner || null}
            onChange={(value) => setDraft((d) => ({ ...d, partner: value ?? '' }))}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('handover.referralTab.origin')}
            description={t('handover.referralTab.originHint')}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            placeholder={placeholder}
            data={ofType('origin_authority')}
            value={draft.origin || null}
            onChange={(value) => setDraft((d) => ({ ...d, origin: value ?? '' }))}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('handover.referralTab.funder')}
            description={t('handover.referralTab.funderHint')}
            data={funders}
            value={draft.funder}
            allowDeselect={false}
            onChange={(value) => setDraft((d) => ({ ...d, funder: value ?? view.owner.id }))}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          {dirty && (
            <Button variant="default" onClick={() => setDraft(initial)}>
              {t('handover.referralTab.undo')}
            </Button>
          )}
          <Button type="submit" disabled={!dirty} loading={save.isPending}>
            {t('handover.referralTab.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ConsentBadge({ check }: { check: RecipientCheck }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant={check.consentInForce ? 'filled' : 'outline'}
      color={check.consentInForce ? 'teal.9' : 'red.9'}
      radius="sm"
      tt="none"
      data-consent={check.consentInForce ? 'in-force' : 'missing'}
    >
      {check.consentInForce ? t('handover.referralTab.consentInForce') : t('handover.referralTab.noConsent')}
    </Badge>
  );
}

function RecipientCard({
  title,
  check,
  onOpenTab,
}: {
  title: string;
  check: RecipientCheck;
  onOpenTab: (tab: ReferralTabLink) => void;
}) {
  const { t } = useTranslation();
  const words = useDatasetWords();
  return (
    <Paper withBorder p="md" data-recipient={check.kind}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Group gap="xs" wrap="wrap" align="baseline">
          <Text fw={700}>{check.organisation.name}</Text>
          <ConsentBadge check={check} />
        </Group>
        {check.consentInForce ? (
          <Text size="sm" data-testid={`${check.kind}-receives`}>
            {t('handover.referralTab.willReceive', { dataset: words(check.dataset) })}
          </Text>
        ) : (
          <Stack gap={4} align="flex-start">
            <Text size="sm">
              {check.kind === 'partner'
                ? t('handover.referralTab.partnerNeedsConsent')
                : t('handover.referralTab.originNeedsConsent')}
            </Text>
            <Button variant="light" size="xs" onClick={() => onOpenTab('consent')}>
              {t('handover.referralTab.toConsent')}
            </Button>
          </Stack>
        )}
        {check.kind === 'origin' && (
          <Text size="xs" c="dimmed">
            {t('handover.referralTab.originNever')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Recipients({
  view,
  onOpenTab,
}: {
  view: ApplicationView;
  onOpenTab: (tab: ReferralTabLink) => void;
}) {
  const { t } = useTranslation();
  const ownFunder = view.funder.id === view.owner.id;
  return (
    <Stack gap="sm" component="section" aria-labelledby="referral-recipients">
      <Title order={3} size="h4" id="referral-recipients">
        {t('handover.referralTab.recipientsTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        {view.partner ? (
          <RecipientCard
            title={t('handover.referralTab.partner')}
            check={view.partner}
            onOpenTab={onOpenTab}
          />
        ) : (
          <Paper withBorder p="md" data-recipient="partner">
            <Text size="sm" fw={600}>
              {t('handover.referralTab.partner')}
            </Text>
            <Text size="sm">{t('handover.referralTab.noPartner')}</Text>
          </Paper>
        )}
        {view.originAuthority ? (
          <RecipientCard
            title={t('handover.referralTab.origin')}
            check={view.originAuthority}
            onOpenTab={onOpenTab}
          />
        ) : (
          <Paper withBorder p="md" data-recipient="origin">
            <Text size="sm" fw={600}>
              {t('handover.referralTab.origin')}
            </Text>
            <Text size="sm">{t('handover.referralTab.noOrigin')}</Text>
          </Paper>
        )}
        <Paper withBorder p="md" data-recipient="funder">
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('handover.referralTab.funder')}
            </Text>
            <Text fw={700}>{view.funder.name}</Text>
            <Text size="sm" data-testid="funder-receives">
              {ownFunder ? t('handover.referralTab.funderIsOwner') : t('handover.referralTab.funderReceives')}
            </Text>
          </Stack>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}

function Blockers({ view, onOpenTab }: { view: ApplicationView; onOpenTab: (tab: ReferralTabLink) => void }) {
  const { t } = useTranslation();
  if (view.blockers.length === 0) {
    return view.stage === 'application' ? (
      <Alert color="teal" variant="light" data-testid="no-blockers">
        {t('handover.referralTab.ready')}
      </Alert>
    ) : null;
  }
  return (
    <Alert
      color="orange"
      styles={WARNING_TITLE}
      variant="light"
      title={t('handover.referralTab.blockersTitle')}
      data-testid="blockers"
    >
      <List size="sm" spacing={4}>
        {view.blockers.map((b) => (
          <List.Item key={`${b.path}:${b.message}`} data-blocker={b.path}>
            {b.path === 'enrolments' ? (
              <>
                {t('handover.referralTab.blockers.enrolments')}{' '}
                <Button variant="subtle" size="compact-xs" onClick={() => onOpenTab('eligibility')}>
                  {t('handover.referralTab.toEligibility')}
                </Button>
              </>
            ) : b.path === 'partnerOrganisationId' ? (
              <>
                {t('handover.referralTab.blockers.consent')}{' '}
                <Button variant="subtle" size="compact-xs" onClick={() => onOpenTab('consent')}>
                  {t('handover.referralTab.toConsent')}
                </Button>
              </>
            ) : b.path === 'fundingOrganisationId' ? (
              t('handover.referralTab.blockers.funder')
            ) : (
              b.message
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function ReferralRows({ items }: { items: Referral[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm" data-testid="case-referrals">
        <Table.Caption>{t('handover.referralTab.referralsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('handover.referralTab.recipient')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
            <Table.Th scope="col">{t('inbox.referredAt')}</Table.Th>
            <Table.Th scope="col">{t('handover.referralTab.timer')}</Table.Th>
            <Table.Th scope="col">{t('case.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id} data-referral={r.status}>
              <Table.Th scope="row" fw={500}>
                {r.recipient.name}
                <Text size="xs" c="dimmed">
                  {t(`handover.kinds.${r.kind}`)}
                </Text>
              </Table.Th>
              <Table.Td>
                <ReferralStatusBadge referral={r} />
              </Table.Td>
              <Table.Td>
                <time dateTime={r.referredAt}>{format.dateTime(r.referredAt)}</time>
              </Table.Td>
              <Table.Td>
                {r.status === 'pending'
                  ? t('inbox.respondBy', { date: format.dateTime(r.respondBy) })
                  : r.respondedAt
                    ? t('handover.referralTab.answeredOn', { date: format.dateTime(r.respondedAt) })
                    : r.endedAt
                      ? t('handover.referralTab.endedOn', { date: format.dateTime(r.endedAt) })
                      : '—'}
              </Table.Td>
              <Table.Td className="hw-break">
                {r.reasonCode
                  ? isReasonCode(r.reasonCode)
                    ? t(`reasonCodes.${r.reasonCode}`)
                    : r.reasonCode
                  : '—'}
                {r.comment && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.comment}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The case's referrals, from the outbox of the organisation. */
function CaseReferrals({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const referrals = useReferrals({ box: 'outbox', caseId, limit: 200 });
  const items = referrals.data?.items ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="referral-history">
      <Title order={3} size="h4" id="referral-history">
        {t('handover.referralTab.referralsTitle', { count: items.length })}
      </Title>
      {referrals.isPending ? (
        <TableSkeleton rows={2} />
      ) : referrals.isError ? (
        <ProblemAlert error={referrals.error} onRetry={() => void referrals.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm">{t('handover.referralTab.noReferrals')}</Text>
      ) : (
        <ReferralRows items={items} />
      )}
    </Stack>
  );
}

/**
 * The owner's view of the hand-over: the partner, origin authority and funding authority chosen,
 * whether a consent is in force for each recipient and exactly what each will receive, what still
 * stops the submission, and the case's referrals with their status, timers and reasons.
 */
export function ReferralTab({
  current,
  onNotice,
  onOpenTab,
}: {
  current: Case;
  onNotice: (message: string) => void;
  onOpenTab: (tab: ReferralTabLink) => void;
}) {
  const { t } = useTranslation();
  const canWrite = useCan('cases:write');
  const application = useApplication(current.id);
  const view = application.data;
  // The case moved or changed elsewhere on the page (a submission): read the application again.
  const refetch = application.refetch;
  const seenVersion = useRef(current.version);
  useEffect(() => {
    if (seenVersion.current === current.version) return;
    seenVersion.current = current.version;
    void refetch();
  }, [current.version, refetch]);
  const editable = canWrite && CHOICE_STAGES.includes(current.stage);

  return (
    <Stack gap="lg">
      <TabHeading id="referral-heading" title={t('handover.referralTab.title')} />
      <Text size="sm" maw={760}>
        {t('handover.referralTab.intro')}
      </Text>
      {application.isPending ? (
        <LoadingBlock />
      ) : application.isError ? (
        <ProblemAlert error={application.error} onRetry={() => void application.refetch()} />
      ) : view ? (
        <>
          {editable ? (
            <ChoicesForm
              key={`${view.version}:${view.partner?.organisation.id ?? ''}:${view.originAuthority?.organisation.id ?? ''}:${view.funder.id}`}
              view={view}
              onReload={() => void application.refetch()}
              onSaved={() => onNotice(t('handover.referralTab.saved'))}
            />
          ) : (
            <Text size="sm" data-testid="choices-locked">
              {canWrite ? t('handover.referralTab.locked') : t('handover.referralTab.readOnly')}
            </Text>
          )}
          <Recipients view={view} onOpenTab={onOpenTab} />
          {CHOICE_STAGES.includes(current.stage) && <Blockers view={view} onOpenTab={onOpenTab} />}
        </>
      ) : null}
      <CaseReferrals caseId={current.id} />
    </Stack>
  );
}
