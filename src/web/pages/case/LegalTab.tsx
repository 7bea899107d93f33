import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useUpdateCase } from '../../api/queries.ts';
import type { Case } from '../../api/types.ts';
import { legalChanges, legalDraftOf, validateLegal, type LegalDraft } from '../../components/caseDraft.ts';
import { withoutErrors, type FormErrors } from '../../components/caseFieldErrors.ts';
import { LegalSummary } from '../../components/CaseSummaries.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { LegalStatusFields, ReturnFields } from '../../components/LegalFields.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan } from '../../components/session.ts';

function sameLegal(a: Case, b: Case): boolean {
  return JSON.stringify(legalDraftOf(a)) === JSON.stringify(legalDraftOf(b));
}

/** The legal situation; editable (PATCH with If-Match on the version the form started from). */
export function LegalTab({
  current,
  onReload,
}: {
  current: Case;
  onReload: () => Promise<Case | undefined>;
}) {
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
