import { describe, expect, test } from 'vitest';
import type { Case } from '../api/types.ts';
import {
  duplicateQueryOf,
  emptyCase,
  emptyPerson,
  isIsoDate,
  legalChanges,
  legalDraftOf,
  stepOfPath,
  toNewCase,
  validateCaseLegal,
  validateHousehold,
  type CaseDraft,
} from './caseDraft.ts';

function family(): CaseDraft {
  const draft = emptyCase('DE');
  draft.persons = [
    {
      ...emptyPerson('principal'),
      givenNames: ' Mohammed ',
      familyName: 'Al-Hassan',
      originalScriptName: 'محمد الحسن',
      sex: 'male',
      dateOfBirth: '1985-03-14',
      dateOfBirthApproximate: true,
      nationalities: ['IQ'],
      languages: ['ar'],
    },
    { ...emptyPerson('spouse'), givenNames: 'Fatima', familyName: 'Al-Hassan', sex: 'female' },
    {
      ...emptyPerson('child'),
      givenNames: 'Yusuf',
      familyName: 'Al-Hassan',
      sex: 'male',
      dateOfBirth: '2016-09-01',
    },
  ];
  draft.returnCountry = 'IQ';
  draft.administrativeStatus = 'asylum_rejected';
  draft.returnDecisionDate = '2025-05-01';
  draft.departureDeadline = '2025-06-30';
  return draft;
}

describe('new case draft', () => {
  test('a complete family is valid and becomes the POST /cases body', () => {
    const draft = family();
    expect(validateHousehold(draft.persons, '2025-06-10')).toEqual({});
    expect(validateCaseLegal(draft)).toEqual({});
    expect(toNewCase(draft)).toEqual({
      hostCountry: 'DE',
      returnCountry: 'IQ',
      returnType: 'assisted_voluntary',
      administrativeStatus: 'asylum_rejected',
      returnDecisionDate: '2025-05-01',
      departureDeadline: '2025-06-30',
      persons: [
        {
          relationship: 'principal',
          givenNames: 'Mohammed',
          familyName: 'Al-Hassan',
          originalScriptName: 'محمد الحسن',
          sex: 'male',
          dateOfBirth: '1985-03-14',
          dateOfBirthApproximate: true,
          nationalities: ['IQ'],
          languages: ['ar'],
        },
        { relationship: 'spouse', givenNames: 'Fatima', familyName: 'Al-Hassan', sex: 'female' },
        {
          relationship: 'child',
          givenNames: 'Yusuf',
          familyName: 'Al-Hassan',
          sex: 'male',
          dateOfBirth: '2016-09-01',
        },
      ],
    });
  });

  test('errors are keyed by the paths the server uses', () => {
    const draft = family();
    draft.persons.push(emptyPerson(''));
    const principal = draft.persons[0];
    if (principal) principal.dateOfBirth = '2030-01-01';
    expect(validateHousehold(draft.persons, '2025-06-10')).toEqual({
      'persons.0.dateOfBirth': 'birthInFuture',
      'persons.3.relationship': 'relationshipRequired',
      'persons.3.givenNames': 'givenNamesRequired',
      'persons.3.familyName': 'familyNameRequired',
      'persons.3.sex': 'sexRequired',
    });
  });

  test('legal situation checks', () => {
    const draft = {
      ...family(),
      returnCountry: 'DE',
      departureDeadline: '2025-04-01',
      entryBan: true,
      entryBanUntil: '2025-01-01',
    };
    expect(validateCaseLegal(draft)).toEqual({
      returnCountry: 'sameCountry',
      departureDeadline: 'deadlineBeforeDecision',
      entryBanUntil: 'entryBanUntilBeforeDecision',
    });
    expect(validateCaseLegal({ ...emptyCase(null), returnType: '' })).toEqual({
      hostCountry: 'hostCountryRequired',
      returnCountry: 'returnCountryRequired',
      returnType: 'returnTypeRequired',
    });
  });

  test('a server error path tells which step shows it', () => {
    expect(stepOfPath('persons.2.givenNames')).toBe(0);
    expect(stepOfPath('persons')).toBe(0);
    expect(stepOfPath('departureDeadline')).toBe(1);
  });

  test('dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('14/03/1985')).toBe(false);
  });
});

describe('legal situation changes', () => {
  const saved = {
    returnCountry: 'IQ',
    returnType: 'assisted_voluntary',
    administrativeStatus: 'asylum_rejected',
    returnDecisionDate: '2025-05-01',
    departureDeadline: '2025-06-30',
    entryBan: true,
    entryBanUntil: '2027-05-01',
    inDetention: false,
  } as Case;

  test('an untouched form changes nothing', () => {
    expect(legalChanges(saved, legalDraftOf(saved))).toEqual({});
  });

  test('only changed fields are sent; a cleared field is null; lifting the ban clears its end', () => {
    const draft = { ...legalDraftOf(saved), inDetention: true, departureDeadline: '', entryBan: false };
    expect(legalChanges(saved, draft)).toEqual({
      inDetention: true,
      departureDeadline: null,
      entryBan: false,
      entryBanUntil: null,
    });
  });
});

describe('possible duplicates', () => {
  test('are looked for once both names are known, with what else is known of the person', () => {
    const person = { ...emptyPerson('principal'), givenNames: 'Mohammed ', familyName: '' };
    expect(duplicateQueryOf(person)).toBeNull();
    expect(
      duplicateQueryOf({
        ...person,
        familyName: ' Al-Hassan',
        originalScriptName: 'محمد الحسن',
        otherSpellings: ['Muhammad Alhassan', ' '],
        dateOfBirth: '1985-03-14',
        dateOfBirthApproximate: true,
        sex: 'male',
      }),
    ).toEqual({
      givenNames: 'Mohammed',
      familyName: 'Al-Hassan',
      originalScriptName: 'محمد الحسن',
      otherSpellings: ['Muhammad Alhassan'],
      dateOfBirth: '1985-03-14',
      dateOfBirthApproximate: true,
      sex: 'male',
    });
  });

  test('an incomplete date of birth is left out', () => {
    const person = { ...emptyPerson('principal'), givenNames: 'Fatima', familyName: 'Al-Hassan' };
    expect(duplicateQueryOf({ ...person, dateOfBirth: '1985-13-01' })).toEqual({
      givenNames: 'Fatima',
      familyName: 'Al-Hassan',
    });
  });
});
