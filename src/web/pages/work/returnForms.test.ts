import { describe, expect, test } from 'vitest';
import {
  GROUP_BOOKING_STATUSES as SERVER_BOOKING_STATUSES,
  MAX_PLACES as SERVER_MAX_PLACES,
  PLACE_STATUSES as SERVER_PLACE_STATUSES,
} from '../../../server/group-bookings/group-bookings.schemas.ts';
import {
  RETROACTIVE_DECLINE_REASONS as SERVER_DECLINE_REASONS,
  RETROACTIVE_STATUSES as SERVER_RETROACTIVE_STATUSES,
} from '../../../server/retroactive/retroactive.schemas.ts';
import { GROUP_BOOKING_STATUSES, MAX_PLACES, PLACE_STATUSES } from '../../api/groupBookings.ts';
import { RETROACTIVE_DECLINE_REASONS, RETROACTIVE_STATUSES } from '../../api/retroactive.ts';
import { emptyPerson, type PersonDraft } from '../../components/caseDraft.ts';
import {
  hasProblems,
  placeConvertible,
  toConvertPlace,
  toNewGroupBooking,
  toNewRetroactiveCase,
  validateBooking,
  validateConvert,
  validateReturned,
  type BookingDraft,
  type ReturnedDraft,
} from './returnForms.ts';

const TODAY = '2026-03-10';

function principal(): PersonDraft {
  return { ...emptyPerson('principal'), givenNames: 'Ali', familyName: 'Hussein', sex: 'male' };
}

function returned(overrides: Partial<ReturnedDraft> = {}): ReturnedDraft {
  return {
    persons: [principal()],
    hostCountry: 'DE',
    returnCountry: 'IQ',
    returnType: 'assisted_voluntary',
    administrativeStatus: '',
    fundingOrganisationId: 'f1',
    departedOn: '2026-03-01',
    arrivedOn: '2026-03-02',
    programmeId: '',
    ...overrides,
  };
}

describe('a household that already returned', () => {
  test('a complete draft passes and becomes the request body (empty choices left out)', () => {
    const draft = returned();
    expect(hasProblems(validateReturned(draft, TODAY))).toBe(false);
    const body = toNewRetroactiveCase(draft);
    expect(body).toMatchObject({
      hostCountry: 'DE',
      returnCountry: 'IQ',
      fundingOrganisationId: 'f1',
      departedOn: '2026-03-01',
      arrivedOn: '2026-03-02',
    });
    expect(body).not.toHaveProperty('programmeId');
    expect(body).not.toHaveProperty('administrativeStatus');
    expect(body.persons[0]).toMatchObject({ relationship: 'principal', givenNames: 'Ali' });
    expect(toNewRetroactiveCase(returned({ programmeId: 'p1' })).programmeId).toBe('p1');
  });

  test('funder and dates are required; dates not in the future; arrival not before departure', () => {
    const check = validateReturned(
      returned({ fundingOrganisationId: '', departedOn: '', arrivedOn: '2026-03-11' }),
      TODAY,
    );
    expect(check.fields).toEqual({
      fundingOrganisationId: 'required',
      departedOn: 'required',
      arrivedOn: 'future',
    });
    expect(
      validateReturned(returned({ departedOn: '2026-03-05', arrivedOn: '2026-03-04' }), TODAY).fields,
    ).toEqual({ arrivedOn: 'beforeDeparture' });
    expect(validateReturned(returned({ returnCountry: 'DE' }), TODAY).fields).toEqual({
      returnCountry: 'sameCountry',
    });
  });

  test('the household is checked as on a new case', () => {
    const check = validateReturned(returned({ persons: [emptyPerson('principal')] }), TODAY);
    expect(check.persons['persons.0.givenNames']).toBe('givenNamesRequired');
    expect(hasProblems(check)).toBe(true);
  });
});

describe('a group return announced as places', () => {
  const booking: BookingDraft = {
    partnerOrganisationId: 'p',
    operationReference: ' OP-7 ',
    operationDate: '2026-04-01',
    hostCountry: 'DE',
    returnCountry: 'IQ',
    returnType: 'assisted_voluntary',
    places: '12',
    notes: '',
    programmeId: '',
  };

  test('a complete draft passes; the body is trimmed and numeric', () => {
    expect(validateBooking(booking)).toEqual({});
    expect(toNewGroupBooking(booking)).toEqual({
      partnerOrganisationId: 'p',
      operationReference: 'OP-7',
      operationDate: '2026-04-01',
      hostCountry: 'DE',
      returnCountry: 'IQ',
      returnType: 'assisted_voluntary',
      places: 12,
    });
  });

  test('places are a whole number from 1 to 500', () => {
    for (const places of ['0', '501', '2.5', 'x', '']) {
      expect(validateBooking({ ...booking, places }).places, places).toBe('places');
    }
    expect(validateBooking({ ...booking, places: '500' })).toEqual({});
  });
});

describe('the real household of one place', () => {
  test('arrival is optional, never before the operation nor in the future', () => {
    const draft = { persons: [principal()], administrativeStatus: '' as const, arrivedOn: '' };
    expect(hasProblems(validateConvert(draft, '2026-03-01', TODAY))).toBe(false);
    expect(toConvertPlace(draft)).not.toHaveProperty('arrivedOn');
    expect(validateConvert({ ...draft, arrivedOn: '2026-02-28' }, '2026-03-01', TODAY).fields).toEqual({
      arrivedOn: 'beforeOperation',
    });
    expect(validateConvert({ ...draft, arrivedOn: '2026-03-11' }, '2026-03-01', TODAY).fields).toEqual({
      arrivedOn: 'future',
    });
    expect(toConvertPlace({ ...draft, arrivedOn: '2026-03-02' }).arrivedOn).toBe('2026-03-02');
  });

  test('a place converts from the day of the operation', () => {
    expect(placeConvertible('2026-03-10', TODAY)).toBe(true);
    expect(placeConvertible('2026-03-11', TODAY)).toBe(false);
  });
});

describe('the web app’s copy of the contract', () => {
  test('statuses, reasons and the number of places match the server', () => {
    expect([...RETROACTIVE_STATUSES]).toEqual([...SERVER_RETROACTIVE_STATUSES]);
    expect([...RETROACTIVE_DECLINE_REASONS]).toEqual([...SERVER_DECLINE_REASONS]);
    expect([...GROUP_BOOKING_STATUSES]).toEqual([...SERVER_BOOKING_STATUSES]);
    expect([...PLACE_STATUSES]).toEqual([...SERVER_PLACE_STATUSES]);
    expect(MAX_PLACES).toBe(SERVER_MAX_PLACES);
  });
});
