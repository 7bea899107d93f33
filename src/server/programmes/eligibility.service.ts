import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { hasPermission } from '../../domain/permissions.ts';
import { localize, type Programme } from '../../domain/programmes/definition.ts';
import {
  type EligibilityAnswer,
  type ProgrammeResult,
  type Reason,
  evaluateAll,
  sumByCurrency,
} from '../../domain/programmes/engine.ts';
import { deriveFacts, householdCounts } from '../../domain/programmes/facts.ts';
import {
  type HouseholdDescription,
  householdFacts,
  PREVIEW_HOUSEHOLDS,
  referenceHousehold,
  type Situation,
} from '../../domain/programmes/households.ts';
import { checkDefinition } from '../../domain/programmes/rules.ts';
import { recordAudit, subjectOf } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { insertEvent, personsOfCase } from '../cases/cases.repository.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import { loadCase } from '../cases/cases.service.ts';
import type { AppContext } from '../context.ts';
import { Problem, problems } from '../http/problem.ts';
import { type PublishedCatalogue, publishedCatalogue, rememberAnswer, TTL_MS } from './published-memo.ts';
import * as repo from './programmes.repository.ts';
import { FindView } from './programmes.schemas.ts';
import { dottedPath, todayIso, toEngineProgrammes } from './programmes.service.ts';

const TYPE_BASE = 'https://homeward.example/problems/';

function withDottedPaths(r: Reason): Reason {
  return {
    ...r,
    path: dottedPath(r.path),
    ...(r.children ? { children: r.children.map(withDottedPaths) } : {}),
  };
}

function presentResult(r: ProgrammeResult): ProgrammeResult {
  return {
    ...r,
    reasons: r.reasons.map(withDottedPaths),
    components: r.components.map((c) => ({ ...c, reasons: c.reasons.map(withDottedPaths) })),
  };
}

/** The leaves of a reason tree with the given outcome, in order (what failed, or what to check). */
export function leaves(reasons: readonly Reason[], outcome: Reason['outcome']): string[] {
  const out: string[] = [];
  const walk = (r: Reason) => {
    if (r.children && r.children.length > 0) {
      if (r.outcome === outcome) r.children.forEach(walk);
      return;
    }
    if (r.outcome === outcome) out.push(r.text);
  };
  reasons.forEach(walk);
  return out;
}

// A case's eligibility ----------------------------------------------------------------------------

type EnrolmentRow = Awaited<ReturnType<typeof repo.listEnrolments>>[number];

interface Snapshot {
  result: ProgrammeResult;
  packageLines: EligibilityAnswer['package']['lines'];
}

function presentEnrolment(e: EnrolmentRow) {
  const snapshot = e.snapshot as Snapshot;
  return {
    id: e.id,
    caseId: e.case_id,
    programmeId: e.programme_id,
    programmeCode: e.programme_code,
    programmeVersion: e.programme_version,
    status: e.status,
    evaluatedOn: e.evaluated_on,
    language: e.language,
    snapshot: snapshot.result,
    packageLines: snapshot.packageLines,
    totals: e.totals as Array<{ currency: string; amount: number }>,
    enrolledAt: e.enrolled_at.toISOString(),
    enrolledBy: e.enrolled_by,
    withdrawnAt: e.withdrawn_at?.toISOString() ?? null,
    withdrawalReason: e.withdrawal_reason,
  };
}

/**
 * Evaluates a case against the published programmes. Vulnerabilities count only for a reader who may
 * see special-category data, and that read is audited; for anyone else they are "not visible".
 */
async function evaluateCase(
  ctx: AppContext,
  db: Kysely<DB>,
  actor: Actor,
  caseId: string,
  options: {
    lang: string;
    scope: 'country' | 'all';
    purpose: 'eligibility' | 'enrolment';
    programmeId?: string;
  },
) {
  const c = await loadCase(ctx, actor, caseId);
  const persons = await personsOfCase(db, actor.organisationId, caseId);
  const enrolments = await repo.listEnrolments(db, actor.organisationId, caseId);
  const active = enrolments.filter((e) => e.status === 'active');
  const seesVulnerabilities = hasPermission(actor.permissions, 'special_category:read');
  let vulnerabilities: Array<{ personId: string; category: string }> | null = null;
  if (seesVulnerabilities) {
    vulnerabilities = await repo.vulnerabilitiesOfCase(db, actor.organisationId, caseId);
    await recordAudit(db, subjectOf(actor), {
      action: 'vulnerabilities.read',
      targetType: 'case',
      targetId: caseId,
      details: { count: vulnerabilities.length, purpose: options.purpose },
    });
  }
  const onDate = todayIso();
  const facts = deriveFacts(
    {
      returnCountry: c.return_country,
      hostCountry: c.host_country,
      returnType: c.return_type,
      administrativeStatus: c.administrative_status,
      returnDecisionDate: c.return_decision_date,
      departureDeadline: c.departure_deadline,
      plannedDepartureDate: c.planned_departure_date,
      inDetention: c.in_detention,
      entryBan: c.entry_ban,
      persons: persons.map((p) => ({
        id: p.id,
        relationship: p.relationship,
        dateOfBirth: p.date_of_birth,
        nationalities: p.nationalities,
        unaccompaniedMinor: p.unaccompanied_minor,
      })),
    },
    onDate,
    vulnerabilities,
    active.map((e) => e.programme_code),
  );
  // The live answer reads the published catalogue kept in memory; an enrolment reads the database,
  // so what is frozen is the version in force at that moment.
  const programmes =
    options.purpose === 'enrolment'
      ? toEngineProgrammes(await repo.publishedInForce(db, onDate))
      : (await catalogue(ctx)).programmes;
  const enrolledCodes = active.map((e) => e.programme_code);
  // Programmes that do not cover the country of return are never eligible: unless every programme is
  // asked for, only those covering it (and those already enrolled in, or being enrolled in) are
  // answered. Prerequisites elsewhere are still evaluated when one of them requires them.
  const focus =
    options.scope === 'all'
      ? undefined
      : (p: Programme) =>
          p.definition.countriesOfReturn.includes(c.return_country) ||
          enrolledCodes.includes(p.code) ||
          p.id === options.programmeId;
  const answer = evaluateAll(programmes, facts, {
    onDate,
    lang: options.lang,
    enrolledCodes,
    ...(focus ? { focus } : {}),
  });
  const shown = answer.programmes;
  const counts = householdCounts(facts);
  return {
    facts,
    programmes,
    answer,
    shown,
    enrolments,
    household: {
      adults: counts.adults,
      minors: counts.minors,
      vulnerabilitiesVisible: seesVulnerabilities,
      proceduralStage: facts.proceduralStage,
      daysBeforeDeparture: facts.daysBeforeDeparture,
    },
  };
}

export async function caseEligibility(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  query: { lang?: string | undefined; scope: 'country' | 'all' },
) {
  const actor = requirePermission(actorIn, 'cases:read');
  requirePermission(actor, 'programmes:read');
  const lang = query.lang ?? 'en';
  const e = await evaluateCase(ctx, ctx.db, actor, caseId, {
    lang,
    scope: query.scope,
    purpose: 'eligibility',
  });
  return {
    caseId,
    onDate: e.answer.onDate,
    language: lang,
    household: e.household,
    programmes: e.shown.map(presentResult),
    package: e.answer.package,
    enrolments: e.enrolments.map(presentEnrolment),
  };
}

export async function listEnrolments(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  await loadCase(ctx, actor, caseId);
  const rows = await repo.listEnrolments(ctx.db, actor.organisationId, caseId);
  return { items: rows.map(presentEnrolment) };
}

/**
 * Enrols a case in a programme it is eligible for, freezing the explanation and the amounts: the
 * snapshot is what was promised, whatever later versions of the programme say.
 */
export async function enrol(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  input: { programmeId: string; lang?: string | undefined },
) {
  const actor = requirePermission(actorIn, 'cases:write');
  const lang = input.lang ?? 'en';
  const e = await evaluateCase(ctx, ctx.db, actor, caseId, {
    lang,
    scope: 'country',
    purpose: 'enrolment',
    programmeId: input.programmeId,
  });
  const result = e.answer.programmes.find((r) => r.programmeId === input.programmeId);
  if (!result) {
    throw new Problem(422, 'No published programme has this id.', {
      type: `${TYPE_BASE}unknown-programme`,
      errors: [{ path: 'programmeId', message: 'not a published programme', location: 'body' }],
    });
  }
  if (e.enrolments.some((x) => x.status === 'active' && x.programme_id === input.programmeId)) {
    throw problems.conflict(`The case is already enrolled in ${result.name}.`);
  }
  if (!result.eligible) {
    const why = leaves(result.reasons, result.status === 'to_check' ? 'unknown' : 'not_met');
    throw new Problem(
      422,
      result.status === 'to_check'
        ? `Some facts must be recorded before enrolling in ${result.name}: ${why.join('; ')}.`
        : `The household is not eligible for ${result.name}: ${why.join('; ')}.`,
      {
        type: `${TYPE_BASE}not-eligible`,
        errors: [{ path: 'programmeId', message: why.join('; ') || 'not eligible', location: 'body' }],
        extensions: { eligibility: presentResult(result) },
      },
    );
  }
  const left = e.answer.package.excluded.find((x) => x.programmeCode === result.code);
  if (left) {
    throw new Problem(409, left.reason, {
      type: `${TYPE_BASE}not-combinable`,
      errors: [{ path: 'programmeId', message: left.reason, location: 'body' }],
    });
  }
  const packageLines = e.answer.package.lines.filter((l) => l.programmeCode === result.code);
  const totals = sumByCurrency(packageLines);
  const row = await ctx.db.transaction().execute(async (trx) => {
    let inserted;
    try {
      inserted = await repo.insertEnrolment(trx, {
        case_id: caseId,
        organisation_id: actor.organisationId,
        programme_id: result.programmeId,
        programme_code: result.code,
        programme_version: result.version,
        evaluated_on: e.answer.onDate,
        language: lang,
        snapshot: { result: presentResult(result), packageLines } satisfies Snapshot,
        totals,
        enrolled_by: actor.userId,
      });
    } catch (err) {
      if ((err as { code?: string }).code === '23505') {
        throw problems.conflict(`The case is already enrolled in ${result.name}.`);
      }
      throw err;
    }
    await insertEvent(trx, {
      caseId,
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      type: 'programme.enrolled',
      details: { programmeCode: result.code, version: result.version, totals },
    });
    await recordAudit(trx, subjectOf(actor), {
      action: 'enrolment.create',
      targetType: 'case',
      targetId: caseId,
      details: { programmeCode: result.code, version: result.version },
    });
    return inserted;
  });
  return presentEnrolment(row);
}

export async function withdrawEnrolment(
  ctx: AppContext,
  actorIn: Actor | null,
  caseId: string,
  enrolmentId: string,
  reason: string,
) {
  const actor = requirePermission(actorIn, 'cases:write');
  await loadCase(ctx, actor, caseId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.withdrawEnrolment(
      trx,
      actor.organisationId,
      caseId,
      enrolmentId,
      actor.userId,
      reason,
    );
    if (!updated) {
      const all = await repo.listEnrolments(trx, actor.organisationId, caseId);
      if (!all.some((x) => x.id === enrolmentId)) throw problems.notFound('enrolment');
      throw problems.conflict('The enrolment is already withdrawn.');
    }
    await insertEvent(trx, {
      caseId,
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      type: 'programme.enrolment_withdrawn',
      comment: reason,
      details: { programmeCode: updated.programme_code },
    });
    await recordAudit(trx, subjectOf(actor), {
      action: 'enrolment.withdraw',
      targetType: 'case',
      targetId: caseId,
      details: { programmeCode: updated.programme_code },
    });
    return updated;
  });
  return presentEnrolment(row);
}

// The published catalogue: comparison and the public finder ------------------------------------

function catalogue(ctx: AppContext): Promise<PublishedCatalogue> {
  const db = ctx.db;
  const onDate = todayIso();
  const ttl = ctx.databaseKind === 'embedded' ? Number.POSITIVE_INFINITY : TTL_MS;
  return publishedCatalogue(
    db,
    onDate,
    async () => {
      const rows = await repo.publishedInForce(db, onDate);
      const orgIds = [...new Set(rows.flatMap((r) => r.implementing_organisation_ids))];
      return {
        onDate,
        loadedAt: Date.now(),
        programmes: toEngineProgrammes(rows),
        funderNames: new Map(rows.map((r) => [r.funder_organisation_id, r.funder_name])),
        organisationNames: await repo.organisationNames(db, orgIds),
        answers: new Map(),
      };
    },
    Date.now(),
    ttl,
  );
}

interface HouseholdQuery {
  adults?: number | undefined;
  minors?: number | undefined;
  nationality?: string | undefined;
  situation?: Situation | undefined;
  vulnerable?: boolean | undefined;
  returnType?: HouseholdDescription['returnType'] | undefined;
  hostCountry?: string | undefined;
}

function givenHousehold(q: HouseholdQuery): boolean {
  const { adults, minors, nationality, situation, vulnerable, returnType, hostCountry } = q;
  return [adults, minors, nationality, situation, vulnerable, returnType, hostCountry].some(
    (v) => v !== undefined,
  );
}

function describe(h: HouseholdDescription) {
  return {
    adults: h.adults,
    minors: h.minors,
    nationality: h.nationality,
    situation: h.situation,
    vulnerable: h.vulnerable === true,
    returnType: h.returnType,
    hostCountry: h.hostCountry ?? null,
  };
}

function cell(r: ProgrammeResult) {
  return {
    status: r.status,
    totals: r.totals,
    components: r.components.map((c) => ({
      code: c.code,
      name: c.name,
      stage: c.stage,
      modality: c.modality,
      category: c.category,
      currency: c.currency,
      eligible: c.eligible,
      amount: c.amount,
      upTo: c.upTo,
      actualCost: c.actualCost,
    })),
  };
}

/** Every published programme for one country of return, side by side, for a reference household. */
export async function compareProgrammes(
  ctx: AppContext,
  actorIn: Actor | null,
  q: HouseholdQuery & { countryOfReturn: string; lang?: string | undefined },
) {
  const actor = requirePermission(actorIn, 'programmes:read');
  const lang = q.lang ?? 'en';
  const cat = await catalogue(ctx);
  const covers = (p: Programme) => p.definition.countriesOfReturn.includes(q.countryOfReturn);
  const covering = cat.programmes.filter(covers);
  // The reference household lives where the reader's organisation works: programmes that run in one
  // host country only are then answered for it, not left "to check".
  const home = (await findOrganisation(ctx.db, actor.organisationId))?.country ?? null;
  const reference: HouseholdDescription = { ...referenceHousehold(q.countryOfReturn), hostCountry: home };
  const evaluate = (h: HouseholdDescription) =>
    new Map(
      evaluateAll(cat.programmes, householdFacts(h, q.countryOfReturn), {
        onDate: cat.onDate,
        lang,
        focus: covers,
        withPackage: false,
      }).programmes.map((r) => [r.code, r]),
    );
  const refResults = evaluate(reference);
  const own: HouseholdDescription | null = givenHousehold(q)
    ? {
        adults: q.adults ?? 1,
        minors: q.minors ?? 0,
        nationality: q.nationality ?? q.countryOfReturn,
        situation: q.situation ?? reference.situation,
        vulnerable: q.vulnerable ?? false,
        returnType: q.returnType ?? 'assisted_voluntary',
        daysBeforeDeparture: reference.daysBeforeDeparture,
        hostCountry: q.hostCountry ?? home,
      }
    : null;
  const ownResults = own ? evaluate(own) : null;
  return {
    countryOfReturn: q.countryOfReturn,
    onDate: cat.onDate,
    referenceHousehold: describe(reference),
    household: own ? describe(own) : null,
    programmes: covering.map((p) => {
      const ref = refResults.get(p.code)!;
      const mine = ownResults?.get(p.code);
      return {
        id: p.id,
        code: p.code,
        name: localize(p.definition.name, lang),
        funder: { id: p.funderOrganisationId, name: cat.funderNames.get(p.funderOrganisationId) ?? '' },
        version: p.version,
        reference: cell(ref),
        household: mine ? cell(mine) : null,
      };
    }),
  };
}

/**
 * The public finder: no login, nothing stored or logged about the visitor. Shows the programmes the
 * household may be eligible for, in the visitor's language (programme texts fall back to English).
 */
type FindQuery = HouseholdQuery & { countryOfReturn: string; lang: string };

/**
 * The finder's answer as JSON. Answers depend only on the query and the published catalogue, so they
 * are kept with the catalogue (up to MAX_ANSWERS, dropped with it when it changes): a popular query is
 * worked out once. Nothing about who asked is kept.
 */
export async function findProgrammesJson(ctx: AppContext, q: FindQuery): Promise<string> {
  const cat = await catalogue(ctx);
  const key = JSON.stringify([
    q.countryOfReturn,
    q.lang,
    q.adults,
    q.minors,
    q.nationality,
    q.situation,
    q.vulnerable,
    q.returnType,
    q.hostCountry,
  ]);
  const known = cat.answers.get(key);
  if (known !== undefined) return known;
  const json = JSON.stringify(FindView.parse(findIn(cat, q)));
  rememberAnswer(cat, key, json);
  return json;
}

export async function findProgrammes(ctx: AppContext, q: FindQuery) {
  return findIn(await catalogue(ctx), q);
}

function findIn(cat: PublishedCatalogue, q: FindQuery) {
  const household: HouseholdDescription = {
    adults: q.adults ?? 1,
    minors: q.minors ?? 0,
    nationality: q.nationality ?? q.countryOfReturn,
    situation: q.situation ?? 'other',
    vulnerable: q.vulnerable ?? null,
    returnType: q.returnType ?? 'assisted_voluntary',
    daysBeforeDeparture: null,
    hostCountry: q.hostCountry ?? null,
  };
  const answer = evaluateAll(cat.programmes, householdFacts(household, q.countryOfReturn), {
    onDate: cat.onDate,
    lang: q.lang,
    focus: (p) => p.definition.countriesOfReturn.includes(q.countryOfReturn),
    withPackage: false,
  });
  const byCode = new Map(cat.programmes.map((p) => [p.code, p]));
  const found = answer.programmes
    .filter((r) => r.status !== 'not_eligible')
    .sort((a, b) =>
      a.status === b.status ? a.name.localeCompare(b.name) : a.status === 'eligible' ? -1 : 1,
    );
  return {
    countryOfReturn: q.countryOfReturn,
    language: q.lang,
    programmes: found.map((r) => {
      const p = byCode.get(r.code)!;
      const d = p.definition;
      return {
        code: r.code,
        name: r.name,
        summary: localize(d.summary, q.lang),
        description: d.description ? localize(d.description, q.lang) : null,
        contact: d.contact ? localize(d.contact, q.lang) : null,
        funder: cat.funderNames.get(p.funderOrganisationId) ?? '',
        implementedBy: d.implementingOrganisationIds
          .map((id) => cat.organisationNames.get(id) ?? '')
          .filter(Boolean),
        status: r.status as 'eligible' | 'to_check',
        toCheck: [
          ...leaves(r.reasons, 'unknown'),
          ...r.components.flatMap((c) => (c.status === 'to_check' ? leaves(c.reasons, 'unknown') : [])),
        ],
        offers: r.components
          .filter((c) => c.status !== 'not_eligible')
          .map((c) => ({
            name: c.name,
            stage: c.stage,
            modality: c.modality,
            category: c.category,
            amount: c.amount,
            currency: c.currency,
            upTo: c.upTo,
            actualCost: c.actualCost,
          })),
        totals: r.totals,
      };
    }),
  };
}

/**
 * The rule builder's live preview: a draft definition evaluated on a spread of sample households
 * (no real person), with its consistency problems, without saving anything.
 */
export async function previewProgramme(
  ctx: AppContext,
  actorIn: Actor | null,
  body: { code?: string | undefined; definition: Programme['definition']; lang?: string | undefined },
) {
  const actor = requirePermission(actorIn, 'programmes:manage');
  const lang = body.lang ?? 'en';
  const code = body.code ?? 'DRAFT-PREVIEW';
  const cat = await catalogue(ctx);
  const draft: Programme = {
    id: '00000000-0000-4000-8000-000000000000',
    code,
    status: 'published',
    funderOrganisationId: actor.organisationId,
    version: 0,
    definition: body.definition,
  };
  const programmes = [...cat.programmes.filter((p) => p.code !== code), draft];
  const covered = new Set(body.definition.countriesOfReturn);
  const sample = PREVIEW_HOUSEHOLDS.filter((h) => covered.has(h.country));
  const households = (sample.length > 0 ? sample : PREVIEW_HOUSEHOLDS).map((h) => {
    const facts = householdFacts(h.household, h.country);
    // Only the draft is answered; programmes it requires are evaluated on demand.
    const r = evaluateAll(programmes, facts, {
      onDate: cat.onDate,
      lang,
      focus: (p) => p === draft,
      withPackage: false,
    }).programmes[0]!;
    return {
      key: h.key,
      description: `${h.household.adults} adult(s), ${h.household.minors} minor(s), ${h.household.situation.replaceAll('_', ' ')}, ${h.household.returnType.replaceAll('_', ' ')}${h.household.vulnerable ? ', vulnerable' : ''}`,
      returnCountry: h.country,
      status: r.status,
      totals: r.totals,
      failed: [
        ...leaves(r.reasons, 'not_met'),
        ...r.components.flatMap((c) => leaves(c.reasons, 'not_met')),
      ].slice(0, 3),
    };
  });
  const found = checkDefinition(body.definition, code).map((p) => ({
    path: dottedPath(p.path),
    message: p.message,
  }));
  return { problems: found, households };
}
