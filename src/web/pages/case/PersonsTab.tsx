import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useAddPerson } from '../../api/queries.ts';
import type { Case } from '../../api/types.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { emptyPerson, toNewPerson, validatePerson, type PersonDraft } from '../../components/caseDraft.ts';
import { withoutErrors, type FormErrors } from '../../components/caseFieldErrors.ts';
import { fullName, PersonSummary } from '../../components/CaseSummaries.tsx';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { PersonFields } from '../../components/PersonFields.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan } from '../../components/session.ts';

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

export function PersonsTab({ current, onNotice }: { current: Case; onNotice: (text: string) => void }) {
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
