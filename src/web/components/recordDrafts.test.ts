import { describe, expect, test } from 'vitest';
import {
  emptyConsent,
  emptyCounselling,
  emptyVulnerability,
  emptyWithdrawal,
  localDateTime,
  localDateTimeToIso,
  toNewConsent,
  toNewCounsellingSession,
  toNewVulnerability,
  toWithdrawal,
  validateConsent,
  validateCounselling,
  validateVulnerability,
  validateWithdrawal,
} from './recordDrafts.ts';

// The unit project runs with TZ=UTC, so local times are UTC here.
const NOW = new Date('2026-03-10T14:30:45Z');
const PERSON = '0b6f4c8e-3f55-4c61-9a55-7a0a5d1f3c11';

describe('date and time inputs', () => {
  test('the local date and time as datetime-local writes it, to the minute', () => {
    expect(localDateTime(NOW)).toBe('2026-03-10T14:30');
  });

  test('datetime-local values become ISO timestamps; anything else is refused', () => {
    expect(localDateTimeToIso('2026-03-10T14:30')).toBe('2026-03-10T14:30:00.000Z');
    expect(localDateTimeToIso('2026-03-10T14:30:15')).toBe('2026-03-10T14:30:15.000Z');
    expect(localDateTimeToIso('2026-02-30T10:00')).toBeNull();
    expect(localDateTimeToIso('2026-03-10')).toBeNull();
    expect(localDateTimeToIso('')).toBeNull();
  });
});

describe('counselling session', () => {
  test('the date, time and mode are required; the future is refused', () => {
    expect(validateCounselling({ ...emptyCounselling(NOW), heldAt: '' }, NOW)).toEqual({
      heldAt: 'dateTimeRequired',
      mode: 'modeRequired',
    });
    expect(
      validateCounselling({ ...emptyCounselling(NOW), mode: 'phone', heldAt: '2026-03-11T09:00' }, NOW),
    ).toEqual({ heldAt: 'dateTimeInFuture' });
    expect(validateCounselling({ ...emptyCounselling(NOW), mode: 'video' }, NOW)).toEqual({});
  });

  test('the body carries only what was recorded, trimmed', () => {
    const body = toNewCounsellingSession({
      ...emptyCounselling(NOW),
      mode: 'in_person',
      interpreterLanguage: 'ar',
      topics: [' programme ', 'travel', 'travel', ' '],
      motivesFor: ['family_reunion', 'asylum_rejected'],
      motivesText: '  Wants to see his mother.  ',
      decision: 'considering',
      restrictedNotes: '   ',
    });
    expect(body).toEqual({
      heldAt: '2026-03-10T14:30:00.000Z',
      mode: 'in_person',
      interpreterLanguage: 'ar',
      topics: ['programme', 'travel'],
      motivesFor: ['family_reunion', 'asylum_rejected'],
      motivesText: 'Wants to see his mother.',
      decision: 'considering',
    });
  });
});

describe('consent', () => {
  test('person, purpose, data, method and time are required', () => {
    expect(validateConsent({ ...emptyConsent('', NOW), givenAt: '' }, NOW)).toEqual({
      personId: 'personRequired',
      purpose: 'purposeRequired',
      dataCategories: 'dataCategoriesRequired',
      method: 'methodRequired',
      givenAt: 'dateTimeRequired',
    });
  });

  test('online consent needs the information sheet, verbal consent a witness', () => {
    const base = {
      ...emptyConsent(PERSON, NOW),
      purpose: 'referral_to_partner' as const,
      dataCategories: ['identity' as const],
    };
    expect(validateConsent({ ...base, method: 'online' }, NOW)).toEqual({
      informationSheetVersion: 'sheetVersionRequired',
      informationSheetLanguage: 'sheetLanguageRequired',
    });
    expect(validateConsent({ ...base, method: 'witnessed_verbal' }, NOW)).toEqual({
      witnessName: 'witnessRequired',
    });
    expect(validateConsent({ ...base, method: 'signed_sheet' }, NOW)).toEqual({});
  });

  test('a recipient, when given, is an organisation identifier', () => {
    const base = {
      ...emptyConsent(PERSON, NOW),
      purpose: 'referral_to_partner' as const,
      dataCategories: ['identity' as const],
      method: 'signed_sheet' as const,
    };
    expect(validateConsent({ ...base, recipientOrganisationId: 'Partner NGO' }, NOW)).toEqual({
      recipientOrganisationId: 'organisationIdInvalid',
    });
    expect(
      validateConsent({ ...base, recipientOrganisationId: ' 7D1A4E1C-0F7B-4E2B-9C43-1B2A3C4D5E6F ' }, NOW),
    ).toEqual({});
  });

  test('the body leaves out the details of the other methods', () => {
    const body = toNewConsent({
      ...emptyConsent(PERSON, NOW),
      purpose: 'referral_to_partner',
      recipientOrganisationId: ' 7D1A4E1C-0F7B-4E2B-9C43-1B2A3C4D5E6F ',
      dataCategories: ['identity', 'travel'],
      method: 'witnessed_verbal',
      informationSheetVersion: 'v3',
      informationSheetLanguage: 'ar',
      witnessName: ' Leila Haddad ',
    });
    expect(body).toEqual({
      personId: PERSON,
      purpose: 'referral_to_partner',
      recipientOrganisationId: '7d1a4e1c-0f7b-4e2b-9c43-1b2a3c4d5e6f',
      dataCategories: ['identity', 'travel'],
      method: 'witnessed_verbal',
      witnessName: 'Leila Haddad',
      givenAt: '2026-03-10T14:30:00.000Z',
    });
  });

  test('a withdrawal records its effect and cannot come before the consent', () => {
    const given = '2026-03-10T12:00:30.000Z';
    expect(validateWithdrawal(emptyWithdrawal(NOW), given, NOW)).toEqual({ effect: 'effectRequired' });
    expect(
      validateWithdrawal({ withdrawnAt: '2026-03-10T11:59', effect: 'Sharing stops.' }, given, NOW),
    ).toEqual({ withdrawnAt: 'withdrawnBeforeGiven' });
    // Within the same minute as the consent: accepted, and sent as the time of the consent.
    const sameMinute = { withdrawnAt: '2026-03-10T12:00', effect: ' Sharing stops. ' };
    expect(validateWithdrawal(sameMinute, given, NOW)).toEqual({});
    expect(toWithdrawal(sameMinute, given)).toEqual({ withdrawnAt: given, effect: 'Sharing stops.' });
  });
});

describe('vulnerability', () => {
  test('the person and the category are required', () => {
    expect(validateVulnerability(emptyVulnerability(''))).toEqual({
      personId: 'personRequired',
      category: 'categoryRequired',
    });
    expect(toNewVulnerability({ personId: PERSON, category: 'serious_illness', details: ' ' })).toEqual({
      personId: PERSON,
      category: 'serious_illness',
    });
  });
});
