import {
  Anchor,
  Badge,
  Button,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  GROUP_BOOKING_STATUSES,
  MAX_PLACES,
  useAnnounceGroupBooking,
  useGroupBookings,
  type GroupBookingStatus,
} from '../../api/groupBookings.ts';
import { useOrganisationDirectory } from '../../api/queries.ts';
import { placeServerErrors } from '../../components/caseFieldErrors.ts';
import { isOneOf } from '../../components/codes.ts';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { useFormat } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { CountrySelect } from '../../components/LegalFields.tsx';
import { TableSkeleton } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan, useSession } from '../../components/session.ts';
import { FunderProgrammeSelect, ReturnTypeSelect, useProblemText } from './ReturnFormParts.tsx';
import { FORM_PROBLEMS, toNewGroupBooking, validateBooking, type BookingDraft } from './returnForms.ts';
import { ListPagination } from '../../components/ListPagination.tsx';

const PAGE_SIZE = 25;
const SERVER_FIELDS = [
  'partnerOrganisationId',
  'operationReference',
  'operationDate',
  'hostCountry',
  'returnCountry',
  'places',
  'notes',
  'programmeId',
];

export function BookingStatusBadge({ status }: { status: GroupBookingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={status === 'announced' ? 'blue.9' : 'gray.8'}
      variant={status === 'announced' ? 'light' : 'outline'}
      radius="sm"
      tt="none"
      data-status={status}
    >
      {t(`work.groupBookings.statuses.${status}`)}
    </Badge>
  );
}

/** A return authority or programme office announces a charter operation to a partner. */
function AnnounceDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const format = useFormat();
  const navigate = useNavigate();
  const problemText = useProblemText();
  const directory = useOrganisationDirectory();
  const announce = useAnnounceGroupBooking();
  const [draft, setDraft] = useState<BookingDraft>(() => ({
    partnerOrganisationId: '',
    operationReference: '',
    operationDate: '',
    hostCountry: me.organisation.country ?? '',
    returnCountry: '',
    returnType: 'assisted_voluntary',
    places: '',
    notes: '',
    programmeId: '',
  }));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [placed, setPlaced] = useState<string[]>([]);
  const partners = (directory.data?.items ?? [])
    .filter((o) => o.type === 'reintegration_partner')
    .map((o) => ({ value: o.id, label: `${o.name} (${format.country(o.country) ?? o.country})` }));
  const set = <K extends keyof BookingDraft>(field: K, value: BookingDraft[K]) => {
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
    const found = validateBooking(draft);
    setFields(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(form);
    announce.mutate(toNewGroupBooking(draft), {
      onSuccess: (booking) => void navigate(`/group-bookings/${encodeURIComponent(booking.id)}`),
      onError: (error) => {
        const server = placeServerErrors(error, SERVER_FIELDS);
        setFields(server.errors);
        setPlaced(server.placed);
        focusFirstInvalid(form);
      },
    });
  }

  return (
    <FormModal
      title={t('work.groupBookings.announceTitle')}
      submitLabel={t('work.groupBookings.announceSubmit')}
      onSubmit={submit}
      onClose={onClose}
      pending={announce.isPending}
      error={announce.error}
      errorTitle={t('work.groupBookings.announceFailed')}
      shownFields={placed}
      size="lg"
    >
      <Text size="sm">{t('work.groupBookings.announceIntro')}</Text>
      <Select
        label={t('handover.referralTab.partner')}
        required
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        placeholder={directory.isPending ? t('common.loading') : t('common.typeToSearch')}
        data={partners}
        value={draft.partnerOrganisationId || null}
        onChange={(id) => set('partnerOrganisationId', id ?? '')}
        error={fieldError('partnerOrganisationId')}
        comboboxProps={{ withinPortal: true }}
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('work.groupBookings.operationReference')}
          required
          maxLength={100}
          autoComplete="off"
          value={draft.operationReference}
          onChange={(e) => set('operationReference', e.currentTarget.value)}
          error={fieldError('operationReference')}
        />
        <TextInput
          type="date"
          label={t('work.groupBookings.operationDate')}
          required
          value={draft.operationDate}
          onChange={(e) => set('operationDate', e.currentTarget.value)}
          error={fieldError('operationDate')}
        />
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
        <NumberInput
          label={t('work.groupBookings.places')}
          description={t('work.groupBookings.placesHint', { max: MAX_PLACES })}
          required
          min={1}
          max={MAX_PLACES}
          allowDecimal={false}
          allowNegative={false}
          value={draft.places}
          onChange={(value) => set('places', String(value))}
          error={fieldError('places')}
        />
      </SimpleGrid>
      <FunderProgrammeSelect
        funderId={me.organisation.id}
        returnCountry={draft.returnCountry}
        value={draft.programmeId}
        onChange={(id) => set('programmeId', id)}
        description={t('work.groupBookings.programmeHint')}
      />
      <Textarea
        label={t('work.groupBookings.notes')}
        description={t('work.groupBookings.notesHint')}
        autosize
        minRows={2}
        maxLength={4000}
        value={draft.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        error={fieldError('notes')}
      />
    </FormModal>
  );
}

/**
 * Group returns (charter operations) announced as places without identities: the authority's own,
 * or those announced to the partner, who registers the real household of each place.
 */
export function GroupBookingsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const format = useFormat();
  const canValidate = useCan('cases:validate');
  const canConfirm = useCan('cases:confirm_departure');
  const authority =
    (me.organisation.type === 'return_authority' || me.organisation.type === 'programme_office') &&
    (canValidate || canConfirm);
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status =
    statusParam !== null && isOneOf(GROUP_BOOKING_STATUSES, statusParam) ? statusParam : undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const list = useGroupBookings(status, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const [announcing, setAnnouncing] = useState(false);
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
        title={t('work.groupBookings.title')}
        intro={authority ? t('work.groupBookings.introAuthority') : t('work.groupBookings.introPartner')}
        actions={
          authority && <Button onClick={() => setAnnouncing(true)}>{t('work.groupBookings.announce')}</Button>
        }
      />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('work.groupBookings.filterLabel')}
          value={status ?? 'default'}
          onChange={(value) => update({ status: value === 'default' ? undefined : value, page: undefined })}
          data={[
            { value: 'default', label: t('work.groupBookings.filters.default') },
            ...GROUP_BOOKING_STATUSES.map((s) => ({
              value: s,
              label: t(`work.groupBookings.statuses.${s}`),
            })),
          ]}
          maw={480}
        />
        {list.isPending ? (
          <TableSkeleton />
        ) : list.isError ? (
          <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <Text data-testid="group-bookings-empty">{t('work.groupBookings.empty')}</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover verticalSpacing="sm" data-testid="group-bookings-table">
                <Table.Caption>{t('work.groupBookings.caption', { count: total })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('work.groupBookings.operationReference')}</Table.Th>
                    <Table.Th scope="col">{t('work.groupBookings.operationDate')}</Table.Th>
                    <Table.Th scope="col">{t('newCase.return')}</Table.Th>
                    <Table.Th scope="col">
                      {authority ? t('sharedCase.details.partner') : t('work.groupBookings.authority')}
                    </Table.Th>
                    <Table.Th scope="col">{t('work.groupBookings.placesColumn')}</Table.Th>
                    <Table.Th scope="col">{t('common.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((b) => (
                    <Table.Tr key={b.id} data-booking={b.operationReference}>
                      <Table.Th scope="row" fw={500}>
                        <Anchor
                          component={Link}
                          to={`/group-bookings/${encodeURIComponent(b.id)}`}
                          dir="auto"
                        >
                          {b.operationReference}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{format.date(b.operationDate)}</Table.Td>
                      <Table.Td>
                        {t('case.route', {
                          from: format.country(b.hostCountry),
                          to: format.country(b.returnCountry),
                        })}
                      </Table.Td>
                      <Table.Td className="hw-break">
                        {authority ? b.partner.name : b.authority.name}
                      </Table.Td>
                      <Table.Td>
                        {t('work.groupBookings.placesSummary', {
                          places: b.places,
                          converted: b.converted,
                          open: b.open,
                        })}
                      </Table.Td>
                      <Table.Td>
                        <BookingStatusBadge status={b.status} />
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
      {announcing && <AnnounceDialog onClose={() => setAnnouncing(false)} />}
    </>
  );
}
