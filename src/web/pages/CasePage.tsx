import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import {
  isReasonCode,
  isTerminal,
  reasonCodesFor,
  REASON_NEEDING_COMMENT,
  type CaseStage,
  type ReasonCode,
} from '../../domain/case-workflow.ts';
import { isApiError } from '../api/client.ts';
import { useAddPerson, useCase, useCaseTimeline, useTransitionCase, useUpdateCase } from '../api/queries.ts';
import type { AllowedTransition, Case, CaseEvent } from '../api/types.ts';
import { AppModal } from '../components/AppModal.tsx';
import { DeadlineBadge, StageBadge } from '../components/CaseBadges.tsx';
import { asStage, eventLabelKey, isSideExit, transitionLabelKey } from '../components/caseDisplay.ts';
import {
  emptyPerson,
  legalChanges,
  legalDraftOf,
  toNewPerson,
  validateLegal,
  validatePerson,
  type LegalDraft,
  type PersonDraft,
} from '../components/caseDraft.ts';
import { withoutErrors, type FormErrors } from '../components/caseFieldErrors.ts';
import { Detail, fullName, LegalSummary, PersonSummary } from '../components/CaseSummaries.tsx';
import { ConflictAlert, isConflict } from '../components/ConflictAlert.tsx';
import { focusFirstInvalid } from '../components/focusFirstInvalid.ts';
import { useFormat } from '../components/format.ts';
import { LegalStatusFields, ReturnFields } from '../components/LegalFields.tsx';
import { LoadingBlock } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PersonFields } from '../components/PersonFields.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { useCan } from '../components/session.ts';

const TABS = ['persons', 'legal', 'timeline'] as const;
type CaseTab = (typeof TABS)[number];

function isTab(value: string | null): value is CaseTab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

/** A refused move's field errors repeat its `detail`, which the alert already shows. */
const MOVE_FIELDS = ['to', 'reasonCode', 'comment'];

/** The button text of a move, in the interface language (the server's English label otherwise). */
function useTransitionLabel() {
  const { t } = useTranslation();
  return (from: CaseStage, move: AllowedTransition) => {
    const key = transitionLabelKey(from, move.to);
    return key ? t(`transitions.${key}`) : move.label;
  };
}

function ReasonModal({
  current,
  move,
  onClose,
  onReload,
  onMoved,
}: {
  current: Case;
  move: AllowedTransition;
  onClose: () => void;
  /** Closes the dialog and reloads the case (after a refusal as stale). */
  onReload: () => void;
  onMoved: (saved: Case) => void;
}) {
  const { t } = useTranslation();
  const label = useTransitionLabel()(current.stage, move);
  const transition = useTransitionCase();
  const [reason, setReason] = useState<ReasonCode | ''>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ reasonCode?: string; comment?: string }>({});
  const reasons = reasonCodesFor(move.to);

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = event.currentTarget;
    const found: typeof errors = {};
    if (reason === '') found.reasonCode = t('validation.reasonRequired');
    if (reason === REASON_NEEDING_COMMENT && comment.trim() === '')
      found.comment = t('validation.commentRequired');
    setErrors(found);
    if (found.reasonCode || found.comment) return focusFirstInvalid(form);
    transition.mutate(
      {
        id: current.id,
        version: current.version,
        move: { to: move.to, reasonCode: reason, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      },
      { onSuccess: onMoved, onError: () => focusFirstInvalid(form) },
    );
  }

  return (
    <AppModal opened onClose={onClose} title={label} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">
            {t('case.moveIntro', { from: t(`stages.${current.stage}`), to: t(`stages.${move.to}`) })}
          </Text>
          {transition.isError &&
            (isConflict(transition.error) ? (
              <ConflictAlert onReload={onReload} />
            ) : (
              <ProblemAlert
                error={transition.error}
                title={t('case.moveRefused')}
                shownFields={MOVE_FIELDS}
              />
            ))}
          <NativeSelect
            label={t('case.reason')}
            required
            value={reason}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setReason(isReasonCode(value) ? value : '');
              setErrors((x) => ({ ...x, reasonCode: undefined }));
            }}
            error={errors.reasonCode}
            data={[
              { value: '', label: t('person.choose'), disabled: true },
              ...reasons.map((code) => ({ value: code, label: t(`reasonCodes.${code}`) })),
            ]}
            data-autofocus
          />
          <Textarea
            label={t('case.comment')}
            description={t('case.commentHint')}
            required={reason === REASON_NEEDING_COMMENT}
            autosize
            minRows={3}
            maxLength={4000}
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setErrors((x) => ({ ...x, comment: undefined }));
            }}
            error={errors.comment}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={transition.isPending}
              color={isSideExit(move.to) ? 'red.9' : undefined}
            >
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** The moves the user may make from the case's stage, as buttons; a move that needs a reason asks for it. */
function Transitions({
  current,
  onMoved,
  onReload,
}: {
  current: Case;
  onMoved: (saved: Case) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const labelOf = useTransitionLabel();
  const transition = useTransitionCase();
  const [asking, setAsking] = useState<AllowedTransition | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // After a move, the button that made it is gone: keyboard focus goes to this section's heading
  // (the outcome is announced by the page's live region).
  const moved = (saved: Case) => {
    onMoved(saved);
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  const journey = current.allowedTransitions.filter((m) => !isSideExit(m.to));
  const exits = current.allowedTransitions.filter((m) => isSideExit(m.to));

  function start(move: AllowedTransition): void {
    transition.reset();
    if (move.reasonRequired) return setAsking(move);
    transition.mutate(
      { id: current.id, version: current.version, move: { to: move.to } },
      { onSuccess: moved },
    );
  }

  const button = (move: AllowedTransition, side: boolean) => (
    <Button
      key={move.to}
      variant={side ? 'default' : 'filled'}
      onClick={() => start(move)}
      loading={transition.isPending && transition.variables?.move.to === move.to}
      disabled={transition.isPending && transition.variables?.move.to !== move.to}
    >
      {labelOf(current.stage, move)}
    </Button>
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-moves">
      <Stack gap="sm">
        <Title
          order={2}
          size="h4"
          id="case-moves"
          tabIndex={-1}
          ref={headingRef}
          style={{ outlineOffset: 4 }}
        >
          {t('case.moves')}
        </Title>
        {transition.isError &&
          (isConflict(transition.error) ? (
            <ConflictAlert
              onReload={() => {
                transition.reset();
                void onReload();
              }}
            />
          ) : (
            <ProblemAlert error={transition.error} title={t('case.moveRefused')} shownFields={MOVE_FIELDS} />
          ))}
        {current.allowedTransitions.length === 0 ? (
          <Text size="sm">{isTerminal(current.stage) ? t('case.finished') : t('case.noMoves')}</Text>
        ) : (
          <>
            {journey.length > 0 && <Group gap="sm">{journey.map((m) => button(m, false))}</Group>}
            {exits.length > 0 && (
              <Stack gap={4}>
                <Text size="sm" fw={600} id="case-exits">
                  {t('case.otherOutcomes')}
                </Text>
                <Group gap="sm" role="group" aria-labelledby="case-exits">
                  {exits.map((m) => button(m, true))}
                </Group>
              </Stack>
            )}
          </>
        )}
      </Stack>
      {asking && (
        <ReasonModal
          key={asking.to}
          current={current}
          move={asking}
          onClose={() => setAsking(null)}
          onReload={() => {
            setAsking(null);
            void onReload();
          }}
          onMoved={(saved) => {
            setAsking(null);
            moved(saved);
          }}
        />
      )}
    </Paper>
  );
}

function AddPersonModal({
  caseId,
  onClose,
  onAdded,
}: {
  caseId: string;
  onClose: () => void;
  onAdded: (name: string) => void;
}) {
  const { t } = useTranslation();
  const add = useAddPerson();
  const [person, setPerson] = useState<PersonDraft>(() => emptyPerson(''));
  const [errors, setErrors] = useState<FormErrors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = event.currentTarget;
    const found = validatePerson(person, '');
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(form);
    const body = toNewPerson(person);
    add.mutate(
      { caseId, person: body },
      {
        onSuccess: () => onAdded(fullName(body)),
        onError: (error) => {
          if (isApiError(error)) setErrors(error.fieldErrorsByPath());
          focusFirstInvalid(form);
        },
      },
    );
  }

  return (
    <AppModal opened onClose={onClose} title={t('case.addPerson')} size="xl">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {add.isError && (
            <ProblemAlert
              error={add.error}
              shownFields={Object.keys(errors)}
              title={t('case.addPersonFailed')}
            />
          )}
          <PersonFields
            person={person}
            path=""
            errors={errors}
            legend={t('case.newMember')}
            member
            onChange={(changes, field) => {
              setPerson((p) => ({ ...p, ...changes }));
              setErrors((e) => withoutErrors(e, field));
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('case.addPersonSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function PersonsTab({ current, onNotice }: { current: Case; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const canWrite = useCan('cases:write');
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={2} size="h3">
          {t('case.personsTitle', { count: current.persons.length })}
        </Title>
        {canWrite && (
          <Button variant="default" onClick={() => setAdding(true)}>
            {t('case.addPerson')}
          </Button>
        )}
      </Group>
      <Stack
        gap="md"
        component="ul"
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
        data-testid="case-persons"
      >
        {current.persons.map((p) => (
          <Paper key={p.id} withBorder p="md" component="li">
            <PersonSummary person={p} />
          </Paper>
        ))}
      </Stack>
      {adding && (
        <AddPersonModal
          caseId={current.id}
          onClose={() => setAdding(false)}
          onAdded={(name) => {
            setAdding(false);
            onNotice(t('case.personAdded', { name }));
          }}
        />
      )}
    </Stack>
  );
}

function sameLegal(a: Case, b: Case): boolean {
  return JSON.stringify(legalDraftOf(a)) === JSON.stringify(legalDraftOf(b));
}

/** The legal situation; editable (PATCH with If-Match on the version the form started from). */
function LegalTab({ current, onReload }: { current: Case; onReload: () => Promise<Case | undefined> }) {
  const { t } = useTranslation();
  const canWrite = useCan('cases:write');
  const update = useUpdateCase();
  const [base, setBase] = useState<Case>(current);
  const [draft, setDraft] = useState<LegalDraft>(() => legalDraftOf(current));
  const [errors, setErrors] = useState<FormErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const dirty = Object.keys(legalChanges(base, draft)).length > 0;

  // A newer version arrived (a move, a save, a reload): take it, unless that would lose edits. Edits
  // stay based on the old version, so a save is refused (412) if the legal situation changed meanwhile.
  if (current.version !== base.version) {
    if (!dirty) {
      setBase(current);
      setDraft(legalDraftOf(current));
    } else if (sameLegal(current, base)) {
      setBase(current);
    }
  }

  if (!canWrite) {
    return (
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('legal.title')}
        </Title>
        <LegalSummary legal={current} />
      </Stack>
    );
  }

  function change(changes: Partial<LegalDraft>, field: keyof LegalDraft): void {
    setDraft((d) => ({ ...d, ...changes }));
    setErrors((e) => withoutErrors(e, field));
    setNotice(null);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = event.currentTarget;
    setNotice(null);
    const found = validateLegal(draft);
    if (draft.returnCountry !== '' && draft.returnCountry === base.hostCountry)
      found.returnCountry = 'sameCountry';
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(form);
    const changes = legalChanges(base, draft);
    if (Object.keys(changes).length === 0) return setNotice(t('legal.nothingChanged'));
    update.mutate(
      { id: base.id, version: base.version, changes },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setDraft(legalDraftOf(saved));
          setNotice(t('legal.saved'));
        },
        onError: (error) => {
          if (isApiError(error) && !isConflict(error)) setErrors(error.fieldErrorsByPath());
          focusFirstInvalid(form);
        },
      },
    );
  }

  async function reload(): Promise<void> {
    setReloading(true);
    try {
      const fresh = await onReload();
      if (fresh) {
        setBase(fresh);
        setDraft(legalDraftOf(fresh));
        setErrors({});
        update.reset();
        requestAnimationFrame(() => document.getElementById('legal-title')?.focus());
      }
    } finally {
      setReloading(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="legal-title">
      <Stack gap="md" maw={760}>
        <Title order={2} size="h3" id="legal-title" tabIndex={-1} style={{ outlineOffset: 4 }}>
          {t('legal.title')}
        </Title>
        {update.isError &&
          (isConflict(update.error) ? (
            <ConflictAlert onReload={() => void reload()} reloading={reloading} />
          ) : (
            <ProblemAlert error={update.error} shownFields={Object.keys(errors)} />
          ))}
        <LegalStatusFields draft={draft} onChange={change} errors={errors} />
        <ReturnFields draft={draft} onChange={change} errors={errors} />
        <div aria-live="polite">
          {notice && (
            <Alert color={update.isSuccess ? 'green' : 'blue'} variant="light">
              {notice}
            </Alert>
          )}
        </div>
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
          {dirty && (
            <Button
              variant="default"
              onClick={() => {
                setDraft(legalDraftOf(base));
                setErrors({});
                update.reset();
              }}
            >
              {t('legal.discard')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function EventText({ event }: { event: CaseEvent }) {
  const { t } = useTranslation();
  const key = eventLabelKey(event.type);
  const from = asStage(event.fromStage);
  const to = asStage(event.toStage);
  const stageName = (s: CaseStage | null, raw: string | null) => (s ? t(`stages.${s}`) : (raw ?? '—'));
  switch (key) {
    case 'transition':
      return (
        <>
          {t('timeline.transition', {
            from: stageName(from, event.fromStage),
            to: stageName(to, event.toStage),
          })}
        </>
      );
    case 'created':
      return <>{t('timeline.created')}</>;
    case 'updated': {
      const fields = Array.isArray(event.details.fields)
        ? event.details.fields.filter((f) => typeof f === 'string')
        : [];
      const names = fields.map((f) => (isLegalField(f) ? t(`legal.${f}`) : f));
      return (
        <>
          {names.length > 0
            ? t('timeline.updatedFields', { fields: names.join(', ') })
            : t('timeline.updated')}
        </>
      );
    }
    case 'personAdded':
      return <>{t('timeline.personAdded')}</>;
    case null:
      return <>{event.type}</>;
  }
}

const LEGAL_FIELDS = [
  'administrativeStatus',
  'returnDecisionDate',
  'departureDeadline',
  'entryBan',
  'entryBanUntil',
  'inDetention',
  'returnCountry',
  'returnType',
  'hostCountry',
  'plannedDepartureDate',
  'counsellorId',
] as const;

function isLegalField(value: string): value is (typeof LEGAL_FIELDS)[number] {
  return (LEGAL_FIELDS as readonly string[]).includes(value);
}

function TimelineTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const timeline = useCaseTimeline(caseId);
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('timeline.title')}
      </Title>
      {timeline.isPending ? (
        <LoadingBlock />
      ) : timeline.isError ? (
        <ProblemAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : timeline.data.items.length === 0 ? (
        <Text>{t('timeline.empty')}</Text>
      ) : (
        <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} data-testid="case-timeline">
          {timeline.data.items.map((e) => (
            <Paper
              key={e.id}
              component="li"
              withBorder
              p="sm"
              style={{
                borderInlineStartWidth: 4,
                borderInlineStartColor: 'var(--mantine-primary-color-filled)',
              }}
            >
              <Text fw={600}>
                <EventText event={e} />
              </Text>
              <Text size="sm">
                <time dateTime={e.at}>{format.dateTime(e.at)}</time> ·{' '}
                {t('timeline.by', { actor: e.actorLabel ?? t('timeline.system') })}
              </Text>
              {e.reasonCode && (
                <Text size="sm">
                  {t('timeline.reason', {
                    reason: isReasonCode(e.reasonCode) ? t(`reasonCodes.${e.reasonCode}`) : e.reasonCode,
                  })}
                </Text>
              )}
              {e.comment && (
                <Text size="sm" className="hw-break" style={{ whiteSpace: 'pre-wrap' }}>
                  {t('timeline.comment', { comment: e.comment })}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function createdReference(state: unknown): string | null {
  if (
    typeof state === 'object' &&
    state !== null &&
    'created' in state &&
    typeof state.created === 'string'
  ) {
    return state.created;
  }
  return null;
}

export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const format = useFormat();
  const query = useCase(id);
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: CaseTab = isTab(tabParam) ? tabParam : 'persons';
  const [notice, setNotice] = useState<string | null>(() => {
    const created = createdReference(location.state);
    return created ? t('case.created', { reference: created }) : null;
  });

  const current = query.data;
  const reload = async () => (await query.refetch()).data;
  const principal = current?.persons.find((p) => p.relationship === 'principal');

  return (
    <>
      <PageHeader
        title={current?.reference ?? t('case.title')}
        documentTitle={current ? t('case.documentTitle', { reference: current.reference }) : t('case.title')}
        actions={
          <Anchor component={Link} to="/cases">
            {t('case.backToList')}
          </Anchor>
        }
      />
      {query.isPending ? (
        <LoadingBlock />
      ) : query.isError ? (
        isApiError(query.error) && (query.error.status === 404 || query.error.status === 400) ? (
          <Text>{t('case.notFound')}</Text>
        ) : (
          <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : current ? (
        <Stack gap="lg">
          <Group gap="sm" data-testid="case-badges">
            <StageBadge stage={current.stage} size="lg" />
            <DeadlineBadge deadline={current.departureDeadline} stage={current.stage} size="lg" withLabel />
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
            <Detail term={t('cases.principal')}>
              {principal ? fullName(principal) : t('cases.noPrincipal')}
            </Detail>
            <Detail term={t('cases.household')}>{current.persons.length}</Detail>
            <Detail term={t('newCase.return')}>
              {t('case.route', {
                from: format.country(current.hostCountry),
                to: format.country(current.returnCountry),
              })}
            </Detail>
            <Detail term={t('legal.returnType')}>{t(`returnTypes.${current.returnType}`)}</Detail>
          </SimpleGrid>

          <div aria-live="polite">
            {notice && (
              <Alert
                color="green"
                variant="light"
                withCloseButton
                onClose={() => setNotice(null)}
                closeButtonLabel={t('common.close')}
              >
                {notice}
              </Alert>
            )}
          </div>

          <Transitions
            current={current}
            onReload={reload}
            onMoved={(saved) => setNotice(t('case.moved', { stage: t(`stages.${saved.stage}`) }))}
          />

          <Tabs
            value={tab}
            onChange={(value) =>
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  if (value === 'persons' || !isTab(value)) next.delete('tab');
                  else next.set('tab', value);
                  return next;
                },
                { replace: true },
              )
            }
            keepMounted={false}
          >
            <Tabs.List aria-label={t('case.tabsLabel')}>
              {TABS.map((name) => (
                <Tabs.Tab key={name} value={name}>
                  {t(`case.tabs.${name}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="persons" pt="md">
              <PersonsTab current={current} onNotice={setNotice} />
            </Tabs.Panel>
            <Tabs.Panel value="legal" pt="md">
              <LegalTab current={current} onReload={reload} />
            </Tabs.Panel>
            <Tabs.Panel value="timeline" pt="md">
              <TimelineTab caseId={current.id} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      ) : null}
    </>
  );
}
