import { describe, expect, it } from 'vitest';
import { ProgrammeDefinition, type Programme } from '../../domain/programmes/definition.ts';
import { evaluateAll, type EligibilityAnswer } from '../../domain/programmes/engine.ts';
import { deriveFacts, type EligibilityFacts, type HouseholdMember } from '../../domain/programmes/facts.ts';
import { checkDefinition } from '../../domain/programmes/rules.ts';
import { DEMO_PROGRAMMES } from './demo-programmes.ts';
import { DEMO_ORGANISATIONS } from './demo-world.ts';
import { rng, SYNTHETIC_CORRIDORS, syntheticHousehold } from './synthetic-cases.ts';

const FINDER_LANGUAGES = ['en', 'fr', 'ar', 'ru', 'fa', 'es'];
const ON_DATE = '2026-03-02';

const catalogue: Programme[] = DEMO_PROGRAMMES.map((p, i) => ({
  id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  code: p.code,
  status: p.status,
  funderOrganisationId: p.funderSlug,
  version: 1,
  definition: ProgrammeDefinition.parse(p.definition),
}));

const orgBySlug = new Map(DEMO_ORGANISATIONS.map((o) => [o.slug, o]));

function facts(over: Partial<EligibilityFacts>): EligibilityFacts {
  return {
    nationalities: ['IQ'],
    returnCountry: 'IQ',
    hostCountry: 'DE',
    administrativeStatus: 'asylum_pending',
    proceduralStage: 'before_asylum_decision',
    returnType: 'assisted_voluntary',
    age: 40,
    household: [{ relationship: 'principal', age: 40, vulnerable: false }],
    daysBeforeDeparture: 45,
    daysUntilDeadline: null,
    vulnerabilities: [],
    unaccompaniedMinor: false,
    inDetention: false,
    entryBan: false,
    previousAssistance: [],
    ...over,
  };
}

const member = (relationship: string, age: number, vulnerable = false): HouseholdMember => ({
  relationship,
  age,
  vulnerable,
});

function programme(answer: EligibilityAnswer, code: string) {
  const r = answer.programmes.find((p) => p.code === code);
  if (!r) throw new Error(`no result for ${code}`);
  return r;
}

function component(answer: EligibilityAnswer, code: string, componentCode: string) {
  const c = programme(answer, code).components.find((x) => x.code === componentCode);
  if (!c) throw new Error(`no component ${code}/${componentCode}`);
  return c;
}

function line(answer: EligibilityAnswer, code: string, componentCode: string) {
  const l = answer.package.lines.find((x) => x.programmeCode === code && x.componentCode === componentCode);
  if (!l) throw new Error(`no package line ${code}/${componentCode}`);
  return l;
}

describe('the demo programme catalogue', () => {
  it('has at least 8 programmes with unique codes, 8 or more published, one draft and one closed', () => {
    const codes = DEMO_PROGRAMMES.map((p) => p.code);
    expect(codes.length).toBeGreaterThanOrEqual(8);
    expect(new Set(codes).size).toBe(codes.length);
    expect(DEMO_PROGRAMMES.filter((p) => p.status === 'published').length).toBeGreaterThanOrEqual(8);
    expect(DEMO_PROGRAMMES.some((p) => p.status === 'draft')).toBe(true);
    expect(DEMO_PROGRAMMES.some((p) => p.status === 'closed')).toBe(true);
  });

  it.each(DEMO_PROGRAMMES.map((p) => [p.code, p] as const))(
    '%s parses and passes the semantic checks',
    (code, p) => {
      const parsed = ProgrammeDefinition.parse(p.definition);
      expect(checkDefinition(parsed, code)).toEqual([]);
    },
  );

  it('points every interaction at a programme of the catalogue', () => {
    const codes = new Set(DEMO_PROGRAMMES.map((p) => p.code));
    for (const p of catalogue) {
      for (const i of p.definition.interactions)
        expect(codes, `${p.code} → ${i.programmeCode}`).toContain(i.programmeCode);
    }
  });

  it('names demo organisations as funders and implementers; each funder has a programme manager', () => {
    for (const p of DEMO_PROGRAMMES) {
      const funder = orgBySlug.get(p.funderSlug);
      expect(funder, `${p.code} funder ${p.funderSlug}`).toBeDefined();
      expect(funder!.users.some((u) => u.roles.includes('programme_manager'))).toBe(true);
      for (const slug of p.implementingSlugs) expect(orgBySlug.has(slug), `${p.code} ${slug}`).toBe(true);
      expect(new Set(p.implementingSlugs).size).toBe(p.implementingSlugs.length);
    }
  });

  it('gives each published programme its name, summary and contact in the six finder languages', () => {
    for (const p of DEMO_PROGRAMMES.filter((x) => x.status === 'published')) {
      const d = p.definition;
      for (const lang of FINDER_LANGUAGES) {
        expect(d.name[lang], `${p.code} name ${lang}`).toBeTruthy();
        expect(d.summary[lang], `${p.code} summary ${lang}`).toBeTruthy();
        expect(d.contact?.[lang], `${p.code} contact ${lang}`).toBeTruthy();
      }
      for (const c of d.components) {
        for (const lang of ['en', 'fr', 'ar'])
          expect(c.name[lang], `${p.code}/${c.code} ${lang}`).toBeTruthy();
      }
    }
  });

  it('keeps published programmes in force from 2025/2026 and open-ended or until 2027 or later', () => {
    for (const p of catalogue.filter((x) => x.status === 'published')) {
      expect(p.definition.validFrom >= '2025-01-01' && p.definition.validFrom < '2027-01-01').toBe(true);
      expect(p.definition.validTo === null || p.definition.validTo >= '2027-01-01').toBe(true);
    }
  });
});

describe('packages from the demo catalogue', () => {
  it('gives a family returning from Germany to Iraq ReturnStart and StartPlus, amounts by hand', () => {
    // Two adults and two children, Iraqi, asylum application still pending, departure in 45 days.
    const answer = evaluateAll(
      catalogue,
      facts({
        age: 40,
        household: [member('principal', 40), member('spouse', 36), member('child', 10), member('child', 6)],
      }),
      { onDate: ON_DATE },
    );
    const returnStart = programme(answer, 'NM-RETURNSTART');
    expect(returnStart.status).toBe('eligible');
    expect(component(answer, 'NM-RETURNSTART', 'travel')).toMatchObject({ eligible: true, amount: null });
    // 2 × 200 + 2 × 100
    expect(component(answer, 'NM-RETURNSTART', 'travel-allowance')).toMatchObject({
      eligible: true,
      amount: 600,
    });
    // Iraq is in the start-up aid group: 2 × 1,000 + 2 × 500
    expect(component(answer, 'NM-RETURNSTART', 'start-up-aid')).toMatchObject({
      eligible: true,
      amount: 3000,
    });
    expect(component(answer, 'NM-RETURNSTART', 'medical-costs').eligible).toBe(false);
    expect(returnStart.totals).toEqual([{ currency: 'EUR', amount: 3600 }]);

    const startPlus = programme(answer, 'NM-STARTPLUS');
    expect(startPlus.status).toBe('eligible');
    // Before the asylum decision: 2 × 1,200 + 2 × 600, half at departure and half six months later.
    const capital = component(answer, 'NM-STARTPLUS', 'reintegration-capital');
    expect(capital.amount).toBe(3600);
    expect(capital.instalments).toEqual([
      { percent: 50, due: 'before_departure', amount: 1800 },
      { percent: 50, due: 'after_arrival', monthsAfterArrival: 6, amount: 1800 },
    ]);

    expect(answer.package.programmeCodes).toEqual(
      expect.arrayContaining(['NM-RETURNSTART', 'NM-STARTPLUS', 'TG-IRAQ-REBUILD']),
    );
    // The Corridor programme does not cover Iraq, so nothing cuts StartPlus.
    expect(programme(answer, 'CO-EURP').status).toBe('not_eligible');
    expect(line(answer, 'NM-STARTPLUS', 'reintegration-capital')).toMatchObject({
      amountBefore: 3600,
      amount: 3600,
      reductions: [],
    });
    // Tigris Rebuild: training 2 × 1,200; housing 1,500 (children, nobody vulnerable); school 2 × 300.
    expect(programme(answer, 'TG-IRAQ-REBUILD').totals).toEqual([{ currency: 'EUR', amount: 4500 }]);
    // 3,600 + 3,600 + 4,500; the journey is paid at actual cost and counts no fixed sum.
    expect(answer.package.totals).toEqual([{ currency: 'EUR', amount: 11_700 }]);
  });

  it('pays less StartPlus within the departure deadline, and cuts it where the Corridor programme pays', () => {
    // A Nigerian adult alone, asylum refused, within the departure deadline, leaving in 30 days.
    const answer = evaluateAll(
      catalogue,
      facts({
        nationalities: ['NG'],
        returnCountry: 'NG',
        administrativeStatus: 'asylum_rejected',
        proceduralStage: 'within_departure_deadline',
        age: 29,
        household: [member('principal', 29)],
        daysBeforeDeparture: 30,
        daysUntilDeadline: 40,
      }),
      { onDate: ON_DATE },
    );
    expect(component(answer, 'NM-STARTPLUS', 'reintegration-capital').amount).toBe(800);
    expect(programme(answer, 'CO-EURP').status).toBe('eligible');
    expect(answer.package.programmeCodes).toEqual(
      expect.arrayContaining(['NM-RETURNSTART', 'NM-STARTPLUS', 'CO-EURP', 'HM-NIGERIA-LIVELIHOODS']),
    );
    // The Corridor in-kind support (2,000) is one pool: 800 of it cancels StartPlus, the 1,200 left
    // reduces the Harmattan start-up kit from 1,500 to 300.
    const startPlus = line(answer, 'NM-STARTPLUS', 'reintegration-capital');
    expect(startPlus).toMatchObject({ amountBefore: 800, amount: 0 });
    expect(startPlus.reductions.map((r) => [r.byProgrammeCode, r.amount])).toEqual([['CO-EURP', 800]]);
    expect(line(answer, 'HM-NIGERIA-LIVELIHOODS', 'start-up-kit')).toMatchObject({
      amountBefore: 1500,
      amount: 300,
    });
    expect(line(answer, 'CO-EURP', 'reintegration-in-kind').amount).toBe(2000);
  });

  it('pays the journey only to a national of a visa-free state under ReturnStart', () => {
    const answer = evaluateAll(
      catalogue,
      facts({ nationalities: ['GE'], returnCountry: 'GE', household: [member('principal', 35)] }),
      { onDate: ON_DATE },
    );
    expect(programme(answer, 'NM-RETURNSTART').status).toBe('eligible');
    expect(
      programme(answer, 'NM-RETURNSTART')
        .components.filter((c) => c.eligible)
        .map((c) => c.code),
    ).toEqual(['travel']);
    expect(programme(answer, 'KR-GEORGIA-WORK').status).toBe('eligible');
    expect(programme(answer, 'KR-GEORGIA-PILOT').status).toBe('not_eligible');
  });

  it('keeps the Belgian-like journey and premium where the Corridor programme pays, cutting the rest', () => {
    // A Georgian adult alone, leaving Belgium: visa-free country, so 700 EUR of partner-paid support,
    // all of it covered by the Corridor in-kind support (2,000 EUR).
    const answer = evaluateAll(
      catalogue,
      facts({
        nationalities: ['GE'],
        returnCountry: 'GE',
        hostCountry: 'BE',
        administrativeStatus: 'asylum_rejected',
        proceduralStage: 'within_departure_deadline',
        household: [member('principal', 33)],
      }),
      { onDate: ON_DATE },
    );
    expect(answer.package.excluded).toEqual([]);
    expect(line(answer, 'SR-REINTEGRATION', 'return-premium').amount).toBe(250);
    expect(line(answer, 'SR-REINTEGRATION', 'reintegration-in-kind')).toMatchObject({
      amountBefore: 700,
      amount: 0,
    });
    expect(line(answer, 'CO-EURP', 'post-arrival-package').amount).toBe(615);
  });

  it('pays the Swiss-like allowance in CHF and caps project aid at 5,000 CHF with a vulnerability', () => {
    const answer = evaluateAll(
      catalogue,
      facts({
        hostCountry: 'CH',
        household: [member('principal', 44, true), member('spouse', 41), member('child', 12)],
        vulnerabilities: ['serious_illness'],
      }),
      { onDate: ON_DATE },
    );
    // 2 × 1,000 + 1 × 500
    expect(component(answer, 'AR-RETURNAID', 'cash-allowance')).toMatchObject({
      amount: 2500,
      currency: 'CHF',
    });
    // 3,000 + 2,000 top-up, at the 5,000 cap
    expect(component(answer, 'AR-RETURNAID', 'project-material-aid').amount).toBe(5000);
    expect(component(answer, 'AR-RETURNAID', 'medical-return-aid').eligible).toBe(true);
    expect(programme(answer, 'NM-RETURNSTART').status).toBe('not_eligible');
  });

  it('gives every synthetic demo household an eligible programme, from Germany and from Belgium', () => {
    const r = rng(7);
    const today = new Date(`${ON_DATE}T00:00:00Z`);
    const seen = new Set<string>();
    for (let n = 0; n < 300; n++) {
      const h = syntheticHousehold(r, today);
      seen.add(h.returnCountry);
      const persons = h.persons.map((p, i) => ({
        id: `p${i}`,
        relationship: p.relationship,
        dateOfBirth: p.dateOfBirth ?? null,
        nationalities: p.nationalities ?? [],
        unaccompaniedMinor: false,
      }));
      const vulnerabilities = h.vulnerablePersonIndexes.map((i) => ({
        personId: `p${i}`,
        category: 'other',
      }));
      for (const host of ['DE', 'BE']) {
        const f = deriveFacts(
          {
            returnCountry: h.returnCountry,
            hostCountry: host,
            returnType: 'assisted_voluntary',
            administrativeStatus: h.administrativeStatus,
            returnDecisionDate: null,
            departureDeadline: h.departureDeadline,
            plannedDepartureDate: null,
            inDetention: false,
            entryBan: false,
            persons,
          },
          ON_DATE,
          vulnerabilities,
        );
        const answer = evaluateAll(catalogue, f, { onDate: ON_DATE });
        expect(
          answer.package.programmeCodes.length,
          `${h.returnCountry} from ${host}: ${answer.programmes.map((p) => `${p.code} ${p.status}`).join(', ')}`,
        ).toBeGreaterThan(0);
      }
    }
    expect([...seen].sort()).toEqual([...new Set(SYNTHETIC_CORRIDORS.map((c) => c.nationality))].sort());
  });
});
