import {
  Anchor,
  Badge,
  Button,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useOrganisationDirectory } from '../../api/queries.ts';
import {
  RETROACTIVE_STATUSES,
  useRegisterRetroactiveCase,
  useRetroactiveCases,
  type RetroactiveStatus,
} from '../../api/retroactive.ts';
import { StageBadge } from '../../components/CaseBadges.tsx';
import { emptyPerson, localToday } from '../../components/caseDraft.ts';
import { placeServerErrors, withoutErrors, type FormErrors } from '../../components/caseFieldErrors.ts';
import { isOneOf } from '../../components/codes.ts';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { useFormat } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { CountrySelect } from '../../components/LegalFields.tsx';
import { TableSkeleton } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan, useSession } from '../../components/session.ts';
import {
  AdministrativeStatusSelect,
  FunderProgrammeSelect,
  HouseholdFields,
  ReturnTypeSelect,
  useProblemText,
} from './ReturnFormParts.tsx';
import {
  FORM_PROBLEMS,
  hasProblems,
  toNewRetroactiveCase,
  validateReturned,
  type ReturnedDraft,
} from './returnForms.ts';
import { ListPagination } from '../../components/ListPagination.tsx';

const PAGE_SIZE = 25;
const FILTERS = ['all', ...RETROACTIVE_STATUSES] as const;
const SERVER_FIELDS = [
  'hostCountry',
  'returnCountry',
  'fundingOrganisationId',
  'departedOn',
  'arrivedOn',
  'programmeId',
];

const STATUS_STYLE: Record<RetroactiveStatus, { color: string; variant: 'light' | 'filled' | 'outline' }> = {
  pending: { color: 'blue.9', variant: 'light' },
  accepted: { color: 'teal.9', variant: 'filled' },
  declined: { color: 'red.9', variant: 'outline' },
};

function RetroactiveStatusBadge({ status }: { status: RetroactiveStatus }) {
  const { t } = useTranslation();
  const style = STATUS_STYLE[status];
  return (
    <Badge color={style.color} variant={style.variant} radius="sm" tt="none" data-status={status}>
      {t(`work.retroactive.statuses.${status}`)}
    </Badge>
  );
}

/** A reintegration partner registers a household that already returned. */
function RegisterDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const format = useFormat();
  const navigate = useNavigate();
  const problemText = useProblemText();
  const directory = useOrganisationDirectory();
  const register = useRegisterRetroactiveCase();
  const [draft, setDraft] = useState<ReturnedDraft>(() => ({
    persons: [emptyPerson('principal')],
    hostCountry: '',
    returnCountry: me.organisation.country ?? '',
    returnType: 'assisted_voluntary',
    administrativeStatus: '',
    fundingOrganisationId: '',
    departedOn: '',
    arrivedOn: '',
    programmeId: '',
  }));
  const [personErrors, setPersonErrors] = useState<FormErrors>({});
  const [fields, setFields] = useState<Record<string, string>>({});
  const [placed, setPlaced] = useState<string[]>([]);
  const funders = (directory.data?.items ?? [])
    .filter((o) => o.type === 'return_authority' || o.type === 'programme_office')
    .map((o) => ({ value: o.id, label: `${o.name} (${format.country(o.country) ?? o.country})` }));
  const set = <K extends keyof ReturnedDraft>(field: K, value: ReturnedDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setFields((f) => {
      const next = { ...f };
      delete next[field];
      return next;
    });
  };
  const fieldError = (name: string) => {
    const value = fields[name];
    if (value === undefined) return undefined;
    return isOneOf(FORM_PROBLEMS, value) ? problemText(value) : value;
  };

  function submit(form: HTMLFormElement): void {
    const check = validateReturned(draft, localToday());
    setPersonErrors(check.persons);
    setFields(check.fields);
    if (hasProblems(check)) return focusFirstInvalid(form);
    register.mutate(toNewRetroactiveCase(draft), {
      onSuccess: (view) =>
        void navigate(`/shared/${encodeURIComponent(view.id)}`, {
          state: { notice: t('work.retroactive.registered', { reference: view.reference }) },
        }),
      onError: (error) => {
        const persons = placeServerErrors(
          error,
          draft.persons.flatMap((_, i) =>
            ['givenNames', 'familyName', 'sex', 'dateOfBirth', 'nationalities'].map(
              (f) => `persons.${i}.${f}`,
            ),
          ),
        );
        const others = placeServerErrors(error, SERVER_FIELDS);
        setPersonErrors(persons.errors);
        setFields(others.errors);
        setPlaced([...persons.placed, ...others.placed]);
        focusFirstInvalid(form);
      },
    });
  }

  return (
    <FormModal
      title={t('work.retroactive.registerTitle')}
      submitLabel={t('work.retroactive.registerSubmit')}
      onSubmit={submit}
      onClose={onClose}
      pending={register.isPending}
      error={register.error}
      errorTitle={t('work.retroactive.registerFailed')}
      shownFields={placed}
    >
      <Text size="sm">{t('work.retroactive.registerIntro')}</Text>
      <HouseholdFields
        idPrefix="retroactive"
        persons={draft.persons}
        errors={personErrors}
        onChange={(persons, path) => {
          setDraft((d) => ({ ...d, persons }));
          setPersonErrors((e) => withoutErrors(e, path));
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <CountrySelect
          label={t('legal.hostCountry')}
          required
          value={draft.hostCountry}
          onChange={(code) => set('hostCountry', code)}
          error={fieldError('hostCountry')}
        />
        <CountrySelect
          label={t('legal.returnCountry')}
          required
          value={draft.returnCountry}
          onChange={(code) => set('returnCountry', code)}
          error={fieldError('returnCountry')}
        />
        <ReturnTypeSelect value={draft.returnType} onChange={(v) => set('returnType', v)} />
        <AdministrativeStatusSelect
          value={draft.administrativeStatus}
          onChange={(v) => set('administrativeStatus', v)}
        />
        <TextInput
          type="date"
          label={t('work.forms.departedOn')}
          required
          max={localToday()}
          value={draft.departedOn}
          onChange={(e) => set('departedOn', e.currentTarget.value)}
          error={fieldError('departedOn')}
        />
        <TextInput
          type="date"
          label={t('work.forms.arrivedOn')}
          required
          max={localToday()}
          min={draft.departedOn || undefined}
          value={draft.arrivedOn}
          onChange={(e) => set('arrivedOn', e.currentTarget.value)}
          error={fieldError('arrivedOn')}
        />
        <Select
          label={t('work.forms.funder')}
          description={t('work.forms.funderHint')}
          required
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          placeholder={directory.isPending ? t('common.loading') : t('common.typeToSearch')}
          data={funders}
          value={draft.fundingOrganisationId || null}
          onChange={(id) => {
            set('fundingOrganisationId', id ?? '');
            set('programmeId', '');
          }}
          error={fieldError('fundingOrganisationId')}
          comboboxProps={{ withinPortal: true }}
        />
        <FunderProgrammeSelect
          funderId={draft.fundingOrganisationId}
          returnCountry={draft.returnCountry}
          value={draft.programmeId}
          onChange={(id) => set('programmeId', id)}
          description={t('work.retroactive.programmeHint')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

/**
 * Households registered after their return: a partner's own registrations and a funding authority's
 * requests to fund; a partner registers a new one here.
 */
export function RetroactivePage() {
  const { t } = useTranslation();
  const me = useSession();
  const format = useFormat();
  const canRespond = useCan('referrals:respond');
  const canPlan = useCan('plans:write');
  const mayRegister = me.organisation.type === 'reintegration_partner' && (canRespond || canPlan);
  const [params, setParams] = useSearchParams();
  const filterParam = params.get('status');
  const status = filterParam !== null && isOneOf(RETROACTIVE_STATUSES, filterParam) ? filterParam : undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const list = useRetroactiveCases(status, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const [registering, setRegistering] = useState(false);
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  function update(changes: Record<string, string | undefined>): void {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  }

  return (
    <>
      <PageHeader
        title={t('work.retroactive.title')}
        intro={mayRegister ? t('work.retroactive.introPartner') : t('work.retroactive.introFunder')}
        actions={
          mayRegister && (
            <Button onClick={() => setRegistering(true)}>{t('work.retroactive.register')}</Button>
          )
        }
      />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('work.retroactive.filterLabel')}
          value={status ?? 'all'}
          onChange={(value) => update({ status: value === 'all' ? undefined : value, page: undefined })}
          data={FILTERS.map((f) => ({
            value: f,
            label: f === 'all' ? t('inbox.filters.all') : t(`work.retroactive.statuses.${f}`),
          }))}
          maw={560}
        />
        {list.isPending ? (
          <TableSkeleton />
        ) : list.isError ? (
          <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <Text data-testid="retroactive-empty">{t('work.retroactive.empty')}</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={860}>
              <Table striped highlightOnHover verticalSpacing="sm" data-testid="retroactive-table">
                <Table.Caption>{t('work.retroactive.caption', { count: total })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('cases.reference')}</Table.Th>
                    <Table.Th scope="col">{t('sharedCase.details.partner')}</Table.Th>
                    <Table.Th scope="col">{t('sharedCase.details.funder')}</Table.Th>
                    <Table.Th scope="col">{t('cases.returnCountry')}</Table.Th>
                    <Table.Th scope="col">{t('work.forms.arrivedOn')}</Table.Th>
                    <Table.Th scope="col">{t('cases.stage')}</Table.Th>
                    <Table.Th scope="col">{t('work.retroactive.funding')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((c) => (
                    <Table.Tr key={c.id} data-case={c.reference}>
                      <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                        <Anchor component={Link} to={`/shared/${encodeURIComponent(c.id)}`} dir="ltr">
                          {c.reference}
                        </Anchor>
                      </Table.Th>
                      <Table.Td className="hw-break">{c.partner.name}</Table.Td>
                      <Table.Td className="hw-break">{c.funder.name}</Table.Td>
                      <Table.Td>{format.country(c.returnCountry)}</Table.Td>
                      <Table.Td>{format.date(c.arrivedOn) ?? '—'}</Table.Td>
                      <Table.Td>
                        <StageBadge stage={c.stage} />
                      </Table.Td>
                      <Table.Td>
                        <RetroactiveStatusBadge status={c.retroactiveStatus} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListPagination pages={pages} page={page} onChange={(next) => update({ page: String(next) })} />
          </>
        )}
      </Stack>
      {registering && <RegisterDialog onClose={() => setRegistering(false)} />}
    </>
  );
}
