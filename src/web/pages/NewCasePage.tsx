import { Anchor, Button, Fieldset, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCreateCase } from '../api/queries.ts';
import {
  emptyCase,
  emptyPerson,
  stepOfPath,
  toNewCase,
  toNewPerson,
  validateCaseLegal,
  validateHousehold,
  type CaseDraft,
  type LegalDraft,
  type PersonDraft,
} from '../components/caseDraft.ts';
import {
  errorText,
  placeServerErrors,
  withoutErrors,
  type FormErrors,
} from '../components/caseFieldErrors.ts';
import { LegalSummary, PersonSummary } from '../components/CaseSummaries.tsx';
import { focusFirstInvalid } from '../components/focusFirstInvalid.ts';
import { CountrySelect, LegalStatusFields, ReturnFields } from '../components/LegalFields.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PersonFields } from '../components/PersonFields.tsx';
import { PossibleDuplicates } from '../components/PossibleDuplicates.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { useSession } from '../components/session.ts';

const STEPS = ['household', 'legal', 'review'] as const;
const PERSON_FIELDS = [
  'relationship',
  'givenNames',
  'familyName',
  'originalScriptName',
  'otherSpellings',
  'sex',
  'dateOfBirth',
  'nationalities',
  'languages',
] as const;
const CASE_FIELDS = [
  'hostCountry',
  'returnCountry',
  'returnType',
  'administrativeStatus',
  'returnDecisionDate',
  'departureDeadline',
  'entryBanUntil',
] as const;

/** The fields of the form a server error can be shown next to, by path. */
function fieldPaths(draft: CaseDraft): string[] {
  return [...draft.persons.flatMap((_, i) => PERSON_FIELDS.map((f) => `persons.${i}.${f}`)), ...CASE_FIELDS];
}

export function NewCasePage() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const create = useCreateCase();
  const [draft, setDraft] = useState<CaseDraft>(() => emptyCase(me.organisation.country));
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<FormErrors>({});
  const [placed, setPlaced] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  // What gets focus after the next render: the new step's heading, the first invalid field, a new
  // family member's first input, or the "add" button after a member was removed.
  const focusNext = useRef<
    { kind: 'heading' } | { kind: 'invalid' } | { kind: 'member'; key: string } | { kind: 'add' } | null
  >(null);

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (!target) return;
    if (target.kind === 'heading') document.getElementById('new-case-step')?.focus();
    else if (target.kind === 'invalid') focusFirstInvalid(formRef.current);
    else if (target.kind === 'add') addButtonRef.current?.focus();
    else {
      formRef.current
        ?.querySelector<HTMLElement>(
          `[data-person="${target.key}"] select, [data-person="${target.key}"] input`,
        )
        ?.focus();
    }
  });

  function goTo(next: number, focus: 'heading' | 'invalid' = 'heading'): void {
    focusNext.current = { kind: focus };
    setStep(next);
  }

  function changePerson(index: number, changes: Partial<PersonDraft>, field: keyof PersonDraft): void {
    setDraft((d) => ({ ...d, persons: d.persons.map((p, i) => (i === index ? { ...p, ...changes } : p)) }));
    setErrors((e) => withoutErrors(e, `persons.${index}.${field}`));
  }

  function changeLegal(changes: Partial<LegalDraft> | { hostCountry: string }, field: string): void {
    setDraft((d) => ({ ...d, ...changes }));
    setErrors((e) => withoutErrors(e, field));
  }

  function addMember(): void {
    const member = emptyPerson('');
    focusNext.current = { kind: 'member', key: member.key };
    setDraft((d) => ({ ...d, persons: [...d.persons, member] }));
  }

  function removeMember(index: number): void {
    focusNext.current = { kind: 'add' };
    setDraft((d) => ({ ...d, persons: d.persons.filter((_, i) => i !== index) }));
    // Paths of the members after it shift: check them again at the next step.
    setErrors((e) => withoutErrors(e, 'persons'));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (step === 0) {
      const found = validateHousehold(draft.persons);
      setErrors(found);
      if (Object.keys(found).length > 0) return focusFirstInvalid(formRef.current);
      return goTo(1);
    }
    if (step === 1) {
      const found = validateCaseLegal(draft);
      setErrors(found);
      if (Object.keys(found).length > 0) return focusFirstInvalid(formRef.current);
      return goTo(2);
    }
    // Review: a last check of everything, then create.
    const found = { ...validateHousehold(draft.persons), ...validateCaseLegal(draft) };
    const first = Object.keys(found)[0];
    if (first !== undefined) {
      setErrors(found);
      return goTo(stepOfPath(first), 'invalid');
    }
    create.mutate(toNewCase(draft), {
      onSuccess: (created) => {
        void navigate(`/cases/${created.id}`, { state: { created: created.reference } });
      },
      onError: (error) => {
        const server = placeServerErrors(error, fieldPaths(draft));
        setErrors(server.errors);
        setPlaced(server.placed);
        const firstPath = Object.keys(server.errors)[0];
        if (firstPath !== undefined) goTo(stepOfPath(firstPath), 'invalid');
        else focusFirstInvalid(formRef.current);
      },
    });
  }

  const principal = draft.persons[0];
  const members = draft.persons.slice(1);
  const stepTitle = t(`newCase.steps.${STEPS[step] ?? 'review'}`);

  return (
    <>
      <PageHeader title={t('newCase.title')} intro={t('newCase.intro')} />
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="page-title">
        <Stack gap="lg">
          <Stepper
            active={step}
            onStepClick={(i) => {
              if (i < step) goTo(i);
            }}
            allowNextStepsSelect={false}
            aria-label={t('newCase.stepsLabel')}
          >
            {STEPS.map((s, i) => (
              <Stepper.Step
                key={s}
                label={t(`newCase.steps.${s}`)}
                description={t(`newCase.steps.${s}Hint`)}
                aria-current={i === step ? 'step' : undefined}
              />
            ))}
          </Stepper>

          {create.isError && (
            <ProblemAlert error={create.error} title={t('newCase.createFailed')} shownFields={placed} />
          )}

          <Title order={2} id="new-case-step" tabIndex={-1} style={{ outlineOffset: 4 }}>
            {t('newCase.stepHeading', { step: step + 1, total: STEPS.length, title: stepTitle })}
          </Title>

          {step === 0 && principal && (
            <Stack gap="lg">
              <PersonFields
                person={principal}
                path="persons.0"
                errors={errors}
                legend={t('newCase.principal')}
                member={false}
                onChange={(changes, field) => changePerson(0, changes, field)}
              />
              <PossibleDuplicates person={principal} />
              <Stack gap="sm" component="section" aria-labelledby="new-case-members">
                <Title order={3} size="h4" id="new-case-members">
                  {t('newCase.members')}
                </Title>
                <Text size="sm">
                  {members.length === 0 ? t('newCase.noMembers') : t('newCase.membersHint')}
                </Text>
                {members.map((member, i) => (
                  <PersonFields
                    key={member.key}
                    person={member}
                    path={`persons.${i + 1}`}
                    errors={errors}
                    legend={t('newCase.member', { number: i + 1 })}
                    member
                    onChange={(changes, field) => changePerson(i + 1, changes, field)}
                    onRemove={() => removeMember(i + 1)}
                    removeLabel={t('newCase.removeMemberLabel', { number: i + 1 })}
                  />
                ))}
                <Group>
                  <Button variant="default" onClick={addMember} ref={addButtonRef}>
                    {t('newCase.addMember')}
                  </Button>
                </Group>
              </Stack>
            </Stack>
          )}

          {step === 1 && (
            <Stack gap="lg">
              <Fieldset legend={t('newCase.return')}>
                <Stack gap="sm">
                  <CountrySelect
                    label={t('legal.hostCountry')}
                    required
                    value={draft.hostCountry}
                    onChange={(code) => changeLegal({ hostCountry: code }, 'hostCountry')}
                    error={errorText(t, errors.hostCountry)}
                  />
                  <ReturnFields draft={draft} onChange={changeLegal} errors={errors} />
                </Stack>
              </Fieldset>
              <Fieldset legend={t('legal.title')}>
                <LegalStatusFields draft={draft} onChange={changeLegal} errors={errors} />
              </Fieldset>
            </Stack>
          )}

          {step === 2 && (
            <Stack gap="lg">
              <Paper withBorder p="md" component="section" aria-labelledby="review-household">
                <Group justify="space-between" mb="sm">
                  <Title order={3} size="h4" id="review-household">
                    {t('newCase.reviewHousehold', { count: draft.persons.length })}
                  </Title>
                  <Button variant="default" size="xs" onClick={() => goTo(0)}>
                    {t('newCase.changeHousehold')}
                  </Button>
                </Group>
                <Stack gap="md">
                  {draft.persons.map((p, i) => (
                    <Paper key={p.key} withBorder p="sm" radius="sm">
                      <PersonSummary
                        person={toNewPerson(p)}
                        headingLevel={4}
                        headingId={`review-person-${i}`}
                      />
                    </Paper>
                  ))}
                </Stack>
              </Paper>
              <Paper withBorder p="md" component="section" aria-labelledby="review-legal">
                <Group justify="space-between" mb="sm">
                  <Title order={3} size="h4" id="review-legal">
                    {t('legal.title')}
                  </Title>
                  <Button variant="default" size="xs" onClick={() => goTo(1)}>
                    {t('newCase.changeLegal')}
                  </Button>
                </Group>
                <LegalSummary legal={reviewLegal(draft)} />
              </Paper>
              {principal && <PossibleDuplicates person={principal} />}
            </Stack>
          )}

          <Group justify="space-between">
            <Anchor component={Link} to="/cases">
              {t('common.cancel')}
            </Anchor>
            <Group gap="sm">
              {step > 0 && (
                <Button variant="default" onClick={() => goTo(step - 1)}>
                  {t('newCase.back')}
                </Button>
              )}
              <Button type="submit" loading={create.isPending}>
                {step < STEPS.length - 1 ? t('newCase.next') : t('newCase.submit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </>
  );
}

function reviewLegal(d: CaseDraft) {
  return {
    hostCountry: d.hostCountry || null,
    returnCountry: d.returnCountry || null,
    returnType: d.returnType || null,
    administrativeStatus: d.administrativeStatus || null,
    returnDecisionDate: d.returnDecisionDate || null,
    departureDeadline: d.departureDeadline || null,
    entryBan: d.entryBan,
    entryBanUntil: d.entryBan ? d.entryBanUntil || null : null,
    inDetention: d.inDetention,
  };
}
