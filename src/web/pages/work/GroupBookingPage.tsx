import {
  Alert,
  Anchor,
  Button,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import {
  useCancelGroupBooking,
  useConvertPlace,
  useGroupBooking,
  type GroupBooking,
} from '../../api/groupBookings.ts';
import { emptyPerson, localToday } from '../../components/caseDraft.ts';
import { placeServerErrors, withoutErrors, type FormErrors } from '../../components/caseFieldErrors.ts';
import { Detail } from '../../components/CaseSummaries.tsx';
import { isOneOf } from '../../components/codes.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { focusFirstInvalid } from '../../components/focusFirstInvalid.ts';
import { useFormat } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { LoadingBlock } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan, useSession } from '../../components/session.ts';
import { BookingStatusBadge } from './GroupBookingsPage.tsx';
import { AdministrativeStatusSelect, HouseholdFields, useProblemText } from './ReturnFormParts.tsx';
import {
  FORM_PROBLEMS,
  hasProblems,
  placeConvertible,
  toConvertPlace,
  validateConvert,
  type ConvertDraft,
} from './returnForms.ts';

/** The partner registers the real household of one place. */
function ConvertDialog({
  booking,
  placeNumber,
  onClose,
}: {
  booking: GroupBooking;
  placeNumber: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const problemText = useProblemText();
  const convert = useConvertPlace();
  const [draft, setDraft] = useState<ConvertDraft>(() => ({
    persons: [emptyPerson('principal')],
    administrativeStatus: '',
    arrivedOn: '',
  }));
  const [personErrors, setPersonErrors] = useState<FormErrors>({});
  const [fields, setFields] = useState<Record<string, string>>({});
  const [placed, setPlaced] = useState<string[]>([]);
  const arrivedError = fields.arrivedOn;

  function submit(form: HTMLFormElement): void {
    const check = validateConvert(draft, booking.operationDate, localToday());
    setPersonErrors(check.persons);
    setFields(check.fields);
    if (hasProblems(check)) return focusFirstInvalid(form);
    convert.mutate(
      { id: booking.id, placeNumber, input: toConvertPlace(draft) },
      {
        onSuccess: (view) =>
          void navigate(`/shared/${encodeURIComponent(view.id)}`, {
            state: {
              notice: t('work.groupBookings.converted', { number: placeNumber, reference: view.reference }),
            },
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
          const others = placeServerErrors(error, ['arrivedOn']);
          setPersonErrors(persons.errors);
          setFields(others.errors);
          setPlaced([...persons.placed, ...others.placed]);
          focusFirstInvalid(form);
        },
      },
    );
  }

  return (
    <FormModal
      title={t('work.groupBookings.convertTitle', { number: placeNumber })}
      submitLabel={t('work.groupBookings.convertSubmit')}
      onSubmit={submit}
      onClose={onClose}
      pending={convert.isPending}
      error={convert.error}
      errorTitle={t('work.groupBookings.convertFailed')}
      shownFields={placed}
    >
      <Text size="sm">
        {t('work.groupBookings.convertIntro', {
          reference: booking.operationReference,
          date: format.date(booking.operationDate),
        })}
      </Text>
      <HouseholdFields
        idPrefix="convert"
        persons={draft.persons}
        errors={personErrors}
        onChange={(persons, path) => {
          setDraft((d) => ({ ...d, persons }));
          setPersonErrors((e) => withoutErrors(e, path));
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <AdministrativeStatusSelect
          value={draft.administrativeStatus}
          onChange={(value) => setDraft((d) => ({ ...d, administrativeStatus: value }))}
        />
        <TextInput
          type="date"
          label={t('work.forms.arrivedOn')}
          description={t('work.groupBookings.arrivedHint')}
          min={booking.operationDate}
          max={localToday()}
          value={draft.arrivedOn}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setDraft((d) => ({ ...d, arrivedOn: value }));
            setFields({});
          }}
          error={
            arrivedError === undefined
              ? undefined
              : isOneOf(FORM_PROBLEMS, arrivedError)
                ? problemText(arrivedError)
                : arrivedError
          }
        />
      </SimpleGrid>
    </FormModal>
  );
}

/** One group booking: its operation, and its places (empty, or the case registered for it). */
export function GroupBookingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const format = useFormat();
  const query = useGroupBooking(id);
  const cancel = useCancelGroupBooking();
  const canRespond = useCan('referrals:respond');
  const canPlan = useCan('plans:write');
  const [converting, setConverting] = useState<number | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const booking = query.data;
  const isPartner =
    booking !== undefined && booking.partner.id === me.organisation.id && (canRespond || canPlan);
  const isAuthority = booking !== undefined && booking.authority.id === me.organisation.id;
  const convertible = booking !== undefined && placeConvertible(booking.operationDate, localToday());

  return (
    <>
      <PageHeader
        title={booking ? booking.operationReference : t('work.groupBookings.one')}
        documentTitle={
          booking
            ? t('work.groupBookings.documentTitle', { reference: booking.operationReference })
            : t('work.groupBookings.one')
        }
        actions={
          <Group gap="md">
            {isAuthority && booking.status === 'announced' && (
              <Button variant="default" color="red.9" onClick={() => setCancelling(true)}>
                {t('work.groupBookings.cancel')}
              </Button>
            )}
            <Anchor component={Link} to="/group-bookings">
              {t('work.groupBookings.back')}
            </Anchor>
          </Group>
        }
      />
      {query.isPending ? (
        <LoadingBlock />
      ) : query.isError ? (
        isApiError(query.error) && (query.error.status === 404 || query.error.status === 400) ? (
          <Text>{t('work.groupBookings.notFound')}</Text>
        ) : (
          <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : booking ? (
        <Stack gap="lg">
          <Group gap="sm">
            <BookingStatusBadge status={booking.status} />
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
            <Detail term={t('work.groupBookings.operationDate')}>{format.date(booking.operationDate)}</Detail>
            <Detail term={t('newCase.return')}>
              {t('case.route', {
                from: format.country(booking.hostCountry),
                to: format.country(booking.returnCountry),
              })}
            </Detail>
            <Detail term={t('legal.returnType')}>{t(`returnTypes.${booking.returnType}`)}</Detail>
            <Detail term={t('work.groupBookings.placesColumn')}>
              {t('work.groupBookings.placesSummary', {
                places: booking.places,
                converted: booking.converted,
                open: booking.open,
              })}
            </Detail>
            <Detail term={t('work.groupBookings.authority')}>{booking.authority.name}</Detail>
            <Detail term={t('sharedCase.details.partner')}>{booking.partner.name}</Detail>
            <Detail term={t('work.forms.programme')}>
              {booking.programme?.code ?? t('common.notRecorded')}
            </Detail>
            {booking.notes && <Detail term={t('work.groupBookings.notes')}>{booking.notes}</Detail>}
          </SimpleGrid>
          {isPartner && booking.status === 'announced' && !convertible && (
            <Alert color="blue" variant="light">
              {t('work.groupBookings.notYet', { date: format.date(booking.operationDate) })}
            </Alert>
          )}
          {cancel.isError && <ProblemAlert error={cancel.error} />}
          <Stack gap="sm" component="section" aria-labelledby="booking-places">
            <Title order={2} size="h3" id="booking-places">
              {t('work.groupBookings.placesTitle', { count: booking.placeList.length })}
            </Title>
            <Text size="sm">{t('work.groupBookings.placesIntro')}</Text>
            <Table.ScrollContainer minWidth={520}>
              <Table striped verticalSpacing="xs" data-testid="booking-places">
                <Table.Caption>{t('work.groupBookings.placesCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('work.groupBookings.place')}</Table.Th>
                    <Table.Th scope="col">{t('common.status')}</Table.Th>
                    <Table.Th scope="col">{t('work.groupBookings.case')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {booking.placeList.map((p) => (
                    <Table.Tr key={p.placeNumber} data-place={p.placeNumber} data-status={p.status}>
                      <Table.Th scope="row" fw={500}>
                        {t('work.groupBookings.placeNumber', { number: p.placeNumber })}
                      </Table.Th>
                      <Table.Td>{t(`work.groupBookings.placeStatuses.${p.status}`)}</Table.Td>
                      <Table.Td>
                        {p.status === 'converted' && p.caseId ? (
                          <Anchor component={Link} to={`/shared/${encodeURIComponent(p.caseId)}`} dir="ltr">
                            {p.caseReference ?? p.caseId}
                          </Anchor>
                        ) : p.status === 'open' &&
                          isPartner &&
                          convertible &&
                          booking.status === 'announced' ? (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setConverting(p.placeNumber)}
                            aria-label={t('work.groupBookings.convertLabel', { number: p.placeNumber })}
                          >
                            {t('work.groupBookings.convert')}
                          </Button>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
          {converting !== null && (
            <ConvertDialog booking={booking} placeNumber={converting} onClose={() => setConverting(null)} />
          )}
          {cancelling && (
            <ConfirmDialog
              title={t('work.groupBookings.cancelTitle', { reference: booking.operationReference })}
              confirmLabel={t('work.groupBookings.cancel')}
              danger
              pending={cancel.isPending}
              onClose={() => setCancelling(false)}
              onConfirm={() => cancel.mutate(booking.id, { onSuccess: () => setCancelling(false) })}
            >
              <Text>{t('work.groupBookings.cancelBody')}</Text>
              {cancel.isError && <ProblemAlert error={cancel.error} />}
            </ConfirmDialog>
          )}
        </Stack>
      ) : null}
    </>
  );
}
