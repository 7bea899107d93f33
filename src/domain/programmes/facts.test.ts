import { describe, expect, it } from 'vitest';
import {
  ageOn,
  type CaseForFacts,
  daysBetween,
  deriveFacts,
  deriveProceduralStage,
  householdCounts,
  isMinor,
} from './facts.ts';

const ON = '2026-11-26';

type Person = CaseForFacts['persons'][number];
const person = (
  id: string,
  relationship: string,
  dateOfBirth: string | null,
  nationalities: string[] = ['AF'],
  unaccompaniedMinor = false,
): Person => ({ id, relationship, dateOfBirth, nationalities, unaccompaniedMinor });

const aCase = (over: Partial<CaseForFacts> = {}): CaseForFacts => ({
  returnCountry: 'AF',
  hostCountry: 'DE',
  returnType: 'assisted_voluntary',
  administrativeStatus: 'asylum_rejected',
  returnDecisionDate: '2026-09-01',
  departureDeadline: '2026-12-20',
  plannedDepartureDate: '2027-01-05',
  inDetention: false,
  entryBan: false,
  persons: [person('p1', 'principal', '1992-03-14')],
  ...over,
});

describe('ageOn', () => {
  it('adds the year on the birthday, not the day before', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
    expect(ageOn('1990-06-15', '2026-06-16')).toBe(36);
  });

  it('compares the month before the day (born in December, evaluated in January)', () => {
    expect(ageOn('2008-12-31', '2026-01-01')).toBe(17);
    expect(ageOn('2008-12-31', '2026-12-30')).toBe(17);
    expect(ageOn('2008-12-31', '2026-12-31')).toBe(18);
    // A later month with an earlier day is past the birthday.
    expect(ageOn('2008-05-20', '2026-06-01')).toBe(18);
  });

  it('is 0 on the day of birth and before the first birthday', () => {
    expect(ageOn('2026-11-26', ON)).toBe(0);
    expect(ageOn('2025-11-27', ON)).toBe(0);
    expect(ageOn('2025-11-26', ON)).toBe(1);
  });

  it('counts a 29 February birthday from 1 March in a common year and on 29 February in a leap year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('reads only the date part of timestamps', () => {
    expect(ageOn('1990-06-15T23:30:00Z', '2026-06-15T00:10:00Z')).toBe(36);
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days, negative backwards, zero on the same day', () => {
    // 4 days to 30 November + 24 days of December = 28
    expect(daysBetween(ON, '2026-12-24')).toBe(28);
    expect(daysBetween('2026-12-24', ON)).toBe(-28);
    expect(daysBetween(ON, ON)).toBe(0);
  });

  it('knows leap years', () => {
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('is not moved by a clock change or by the time of day in a timestamp', () => {
    // Europe switches to summer time in the night of 29 March 2026.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-11-26T23:59:59Z', '2026-11-27T00:00:01Z')).toBe(1);
  });
});

describe('deriveProceduralStage', () => {
  const stage = (over: Partial<Parameters<typeof deriveProceduralStage>[0]>) =>
    deriveProceduralStage({
      administrativeStatus: 'asylum_rejected',
      returnDecisionDate: null,
      departureDeadline: null,
      onDate: ON,
      ...over,
    });

  it('is before the asylum decision while the application is pending, whatever the dates', () => {
    expect(stage({ administrativeStatus: 'asylum_pending' })).toBe('before_asylum_decision');
    expect(stage({ administrativeStatus: 'asylum_pending', departureDeadline: '2026-01-01' })).toBe(
      'before_asylum_decision',
    );
  });

  it('is within the departure deadline up to and including its last day, after it the day after', () => {
    expect(stage({ returnDecisionDate: '2026-10-01', departureDeadline: '2026-12-20' })).toBe(
      'within_departure_deadline',
    );
    expect(stage({ departureDeadline: ON })).toBe('within_departure_deadline');
    expect(stage({ departureDeadline: '2026-11-25' })).toBe('after_departure_deadline');
  });

  it('is unknown when a return decision exists without a recorded deadline, or nothing is recorded', () => {
    expect(stage({ returnDecisionDate: '2026-10-01' })).toBeNull();
    expect(stage({ administrativeStatus: null })).toBeNull();
  });

  it('is "no return decision" for a known status without a decision or deadline', () => {
    expect(stage({ administrativeStatus: 'irregular_stay' })).toBe('no_return_decision');
    expect(stage({ administrativeStatus: 'tolerated_stay' })).toBe('no_return_decision');
  });
});

describe('deriveFacts', () => {
  const family = aCase({
    persons: [
      person('c1', 'child', '2014-05-02', ['IQ']),
      person('p1', 'principal', '1986-11-27', ['IQ', 'TR']),
      person('s1', 'spouse', '1988-01-09', ['IQ']),
      person('c2', 'child', '2008-11-26', ['IQ']), // 18 today
      person('c3', 'child', null, ['IQ']),
    ],
    returnCountry: 'IQ',
  });

  it('takes the principal applicant by relationship, not by order, for age and nationalities', () => {
    const f = deriveFacts(family, ON, []);
    // Born 27 November 1986: 39 on 26 November 2026, one day before the 40th birthday.
    expect(f.age).toBe(39);
    expect(f.nationalities).toEqual(['IQ', 'TR']);
  });

  it('gives each member an age on the date, null without a date of birth', () => {
    const f = deriveFacts(family, ON, []);
    expect(f.household.map((m) => [m.relationship, m.age])).toEqual([
      ['child', 12],
      ['principal', 39],
      ['spouse', 38],
      ['child', 18],
      ['child', null],
    ]);
    // Adults: principal, spouse and the child who turns 18 today; minors: 12-year-old and the child
    // without a date of birth (counted by relationship).
    expect(householdCounts(f)).toEqual({
      adults: 3,
      minors: 2,
      size: 5,
      ageUnknown: 1,
      vulnerablePersons: 0,
    });
  });

  it('marks vulnerable persons and lists the categories once, sorted', () => {
    const f = deriveFacts(family, ON, [
      { personId: 's1', category: 'serious_illness' },
      { personId: 's1', category: 'pregnancy' },
      { personId: 'c1', category: 'serious_illness' },
    ]);
    expect(f.vulnerabilities).toEqual(['pregnancy', 'serious_illness']);
    expect(f.household.map((m) => m.vulnerable)).toEqual([true, false, true, false, false]);
    expect(householdCounts(f).vulnerablePersons).toBe(2);
  });

  it('keeps vulnerabilities unknown (null) when the reader may not see them, and nobody marked', () => {
    const f = deriveFacts(family, ON, null);
    expect(f.vulnerabilities).toBeNull();
    expect(f.household.every((m) => !m.vulnerable)).toBe(true);
    expect(deriveFacts(family, ON, []).vulnerabilities).toEqual([]);
  });

  it('counts days to the planned departure and to the deadline, negative once passed', () => {
    const f = deriveFacts(
      aCase({ plannedDepartureDate: '2027-01-05', departureDeadline: '2026-11-20' }),
      ON,
      [],
    );
    // 4 (to 30 Nov) + 31 (December) + 5 = 40
    expect(f.daysBeforeDeparture).toBe(40);
    expect(f.daysUntilDeadline).toBe(-6);
    expect(f.proceduralStage).toBe('after_departure_deadline');
    const none = deriveFacts(aCase({ plannedDepartureDate: null, departureDeadline: null }), ON, []);
    expect(none.daysBeforeDeparture).toBeNull();
    expect(none.daysUntilDeadline).toBeNull();
    // A return decision without a recorded deadline: the stage is unknown.
    expect(none.proceduralStage).toBeNull();
  });

  it('copies the case flags and de-duplicates previous assistance', () => {
    const f = deriveFacts(
      aCase({
        inDetention: true,
        entryBan: true,
        hostCountry: null,
        persons: [person('m', 'principal', '2010-02-01', ['AF'], true)],
      }),
      ON,
      [],
      ['REAG', 'EURP', 'REAG'],
    );
    expect(f).toMatchObject({
      inDetention: true,
      entryBan: true,
      hostCountry: null,
      unaccompaniedMinor: true,
      age: 16,
      returnCountry: 'AF',
      administrativeStatus: 'asylum_rejected',
      returnType: 'assisted_voluntary',
      previousAssistance: ['EURP', 'REAG'],
    });
  });

  it('falls back to the first person without a principal, and to unknowns without persons', () => {
    const f = deriveFacts(aCase({ persons: [person('x', 'spouse', '1990-01-01', ['SY'])] }), ON, []);
    expect(f.nationalities).toEqual(['SY']);
    expect(f.age).toBe(36);
    const empty = deriveFacts(aCase({ persons: [] }), ON, []);
    expect(empty.nationalities).toEqual([]);
    expect(empty.age).toBeNull();
    expect(empty.household).toEqual([]);
  });
});

describe('isMinor', () => {
  it('uses the age when known and the relationship otherwise', () => {
    expect(isMinor({ relationship: 'principal', age: 17, vulnerable: false })).toBe(true);
    expect(isMinor({ relationship: 'child', age: 18, vulnerable: false })).toBe(false);
    expect(isMinor({ relationship: 'child', age: null, vulnerable: false })).toBe(true);
    expect(isMinor({ relationship: 'spouse', age: null, vulnerable: false })).toBe(false);
    expect(isMinor({ relationship: 'principal', age: null, vulnerable: false })).toBe(false);
  });
});
