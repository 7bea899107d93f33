import type { CaseStage } from '../../domain/case-workflow.ts';
import { duplicateScore, isPossibleDuplicate } from '../../domain/duplicates.ts';
import {
  CLOSE_SPELLING_MIN,
  expansionGroups,
  expansionTier,
  isNameMatch,
  lookupForms,
  lookupTokens,
  similarTokens,
  storedPersonScore,
  tokenSkeleton,
  TOKEN_EXPANSION_MIN,
} from '../../domain/names/search-plan.ts';
import { personSearchKeys, queryKeys, type SearchKeys } from '../../domain/names/search-keys.ts';
import { recordAudit, subjectOf } from '../audit/audit.service.ts';
import { hasPermission } from '../../domain/permissions.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { Problem, problems } from '../http/problem.ts';
import { moveCase, movesFor } from '../referrals/workflow.service.ts';
import { findCaseAccess } from '../sharing/access.ts';
import * as repo from './cases.repository.ts';
import { vocabularyMemoOf } from './vocabulary-memo.ts';
import type { CaseListQuery, CasePatch, NewCase, PersonInput } from './cases.schemas.ts';

type PersonRow = repo.PersonRow;
type CaseRow = repo.CaseRow;

export function presentPerson(p: PersonRow) {
  return {
    id: p.id,
    caseId: p.case_id,
    relationship: p.relationship as PersonInput['relationship'],
    givenNames: p.given_names,
    familyName: p.family_name,
    originalScriptName: p.original_script_name,
    otherSpellings: p.other_spellings,
    dateOfBirth: p.date_of_birth,
    dateOfBirthApproximate: p.date_of_birth_approximate,
    sex: p.sex as PersonInput['sex'],
    nationalities: p.nationalities,
    languages: p.languages,
    unaccompaniedMinor: p.unaccompanied_minor,
    documents: p.documents as NonNullable<PersonInput['documents']>,
    version: p.version,
  };
}

function presentCase(c: CaseRow, persons: PersonRow[], moves: ReturnType<typeof movesFor>) {
  return {
    id: c.id,
    reference: c.reference,
    organisationId: c.organisation_id,
    counsellorId: c.counsellor_user_id,
    hostCountry: c.host_country,
    returnCountry: c.return_country,
    returnType: c.return_type as NewCase['returnType'],
    stage: c.stage as CaseStage,
    administrativeStatus: c.administrative_status as NewCase['administrativeStatus'] & string,
    returnDecisionDate: c.return_decision_date,
    departureDeadline: c.departure_deadline,
    entryBan: c.entry_ban,
    entryBanUntil: c.entry_ban_until,
    inDetention: c.in_detention,
    plannedDepartureDate: c.planned_departure_date,
    version: c.version,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    persons: persons.map(presentPerson),
    allowedTransitions: moves.map((r) => ({
      to: r.to,
      label: r.label,
      reasonRequired: r.reasonRequired,
    })),
  };
}

export function personValues(p: PersonInput) {
  const keys = personSearchKeys({
    givenNames: p.givenNames,
    familyName: p.familyName,
    otherSpellings: p.otherSpellings ?? [],
    ...(p.originalScriptName ? { originalScript: p.originalScriptName } : {}),
  });
  return {
    relationship: p.relationship,
    given_names: p.givenNames,
    family_name: p.familyName,
    original_script_name: p.originalScriptName ?? null,
    other_spellings: p.otherSpellings ?? [],
    date_of_birth: p.dateOfBirth ?? null,
    date_of_birth_approximate: p.dateOfBirthApproximate ?? false,
    sex: p.sex,
    nationalities: p.nationalities ?? [],
    languages: p.languages ?? [],
    unaccompanied_minor: p.unaccompaniedMinor ?? false,
    documents: JSON.stringify(p.documents ?? []),
    search_full: keys.full,
    search_tokens: keys.tokens,
    search_spellings: keys.spellings,
  };
}

function legalValues(input: CasePatch) {
  const map: [keyof CasePatch, string][] = [
    ['administrativeStatus', 'administrative_status'],
    ['returnDecisionDate', 'return_decision_date'],
    ['departureDeadline', 'departure_deadline'],
    ['entryBan', 'entry_ban'],
    ['entryBanUntil', 'entry_ban_until'],
    ['inDetention', 'in_detention'],
    ['plannedDepartureDate', 'planned_departure_date'],
    ['returnCountry', 'return_country'],
    ['returnType', 'return_type'],
    ['counsellorId', 'counsellor_user_id'],
  ];
  const out: Record<string, unknown> = {};
  for (const [k, col] of map) if (input[k] !== undefined) out[col] = input[k];
  return out;
}

async function checkCounsellor(ctx: AppContext, actor: Actor, counsellorId: string | null | undefined) {
  if (!counsellorId) return;
  if (!(await repo.userInOrganisation(ctx.db, actor.organisationId, counsellorId))) {
    throw problems.validation(
      [
        {
          path: 'counsellorId',
          message: 'no active user of your organisation has this id',
          location: 'body',
        },
      ],
      'The counsellor must be an active user of your organisation.',
    );
  }
}

export async function loadCase(ctx: AppContext, actor: Actor, id: string) {
  const c = await repo.findCase(ctx.db, actor.organisationId, id);
  if (!c) throw problems.notFound('case');
  return c;
}

export async function getCase(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  const c = await loadCase(ctx, actor, id);
  const access = await findCaseAccess(ctx.db, actor.organisationId, id);
  return presentCase(
    c,
    await repo.personsOfCase(ctx.db, actor.organisationId, id),
    access ? movesFor(actor, access) : [],
  );
}

export async function createCase(ctx: AppContext, actorIn: Actor | null, input: NewCase) {
  const actor = requirePermission(actorIn, 'cases:write');
  await checkCounsellor(ctx, actor, input.counsellorId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = new Date();
    const reference = await repo.nextReference(trx, now.getUTCFullYear());
    const { id } = await repo.insertCase(trx, {
      reference,
      organisation_id: actor.organisationId,
      counsellor_user_id: input.counsellorId ?? actor.userId,
      host_country: input.hostCountry,
      return_country: input.returnCountry,
      return_type: input.returnType,
      administrative_status: input.administrativeStatus ?? null,
      return_decision_date: input.returnDecisionDate ?? null,
      departure_deadline: input.departureDeadline ?? null,
      entry_ban: input.entryBan ?? false,
      entry_ban_until: input.entryBanUntil ?? null,
      in_detention: input.inDetention ?? false,
      planned_departure_date: input.plannedDepartureDate ?? null,
      created_by: actor.userId,
    });
    await repo.insertPersons(
      trx,
      input.persons.map((p) => ({ ...personValues(p), case_id: id, organisation_id: actor.organisationId })),
    );
    await repo.insertEvent(trx, {
      caseId: id,
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      type: 'case.created',
      toStage: 'intake',
      details: { reference, persons: input.persons.length },
    });
    await recordAudit(trx, subjectOf(actor), {
      action: 'case.create',
      targetType: 'case',
      targetId: id,
      details: { reference },
    });
    return id;
  });
  vocabularyMemoOf(ctx.db).clear(); // new names may have joined the vocabulary
  return getCase(ctx, actor, id);
}

function staleVersion(current: number): Problem {
  return new Problem(
    412,
    `The case has changed since you read it: it is now at version ${current}. Reload and try again.`,
    {
      type: 'https://homeward.example/problems/stale-version',
      extensions: { currentVersion: current },
    },
  );
}

export async function updateCase(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  patch: CasePatch,
  expectedVersion: number | undefined,
) {
  const actor = requirePermission(actorIn, 'cases:write');
  const existing = await loadCase(ctx, actor, id);
  await checkCounsellor(ctx, actor, patch.counsellorId);
  const values = legalValues(patch);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateCase(
      trx,
      actor.organisationId,
      id,
      expectedVersion ?? existing.version,
      values,
    );
    if (!updated) {
      const now = await repo.findCase(trx, actor.organisationId, id);
      if (!now) throw problems.notFound('case');
      throw staleVersion(now.version);
    }
    await repo.insertEvent(trx, {
      caseId: id,
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      type: 'case.updated',
      details: { fields: Object.keys(patch) },
    });
    await recordAudit(trx, subjectOf(actor), {
      action: 'case.update',
      targetType: 'case',
      targetId: id,
      details: { fields: Object.keys(patch) },
    });
  });
  return getCase(ctx, actor, id);
}

/**
 * The owner's generic move. The journey's rules across organisations (who may make which move in
 * this case, consent in force, referrals, plan gates) live in the workflow service, which every
 * move goes through.
 */
export async function transitionCase(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  body: { to: CaseStage; reasonCode?: string | undefined; comment?: string | undefined },
  expectedVersion: number | undefined,
) {
  const actor = requirePermission(actorIn, 'cases:read');
  await loadCase(ctx, actor, id);
  await moveCase(ctx, actor, id, { ...body, expectedVersion });
  return getCase(ctx, actor, id);
}

export async function caseTimeline(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  await loadCase(ctx, actor, id);
  const events = await repo.eventsOfCase(ctx.db, actor.organisationId, id);
  return {
    items: events.map((e) => ({
      id: Number(e.id),
      at: e.at.toISOString(),
      actorLabel: e.actor_label,
      type: e.type,
      fromStage: e.from_stage,
      toStage: e.to_stage,
      reasonCode: e.reason_code,
      comment: e.comment,
      details: e.details,
    })),
  };
}

/** Name candidates scored for one search; more means the result is cut (`truncated`). */
export const NAME_CANDIDATE_CAP = 200;
/**
 * With this many matches among the close spellings, the other similar spellings are not looked up
 * (they would rank below; the answer says `truncated`).
 */
export const ENOUGH_CLOSE_MATCHES = 20;

/** The vocabulary tokens near each query token, from the memo where it has them. */
async function vocabularyNear(ctx: AppContext, tokens: readonly string[]): Promise<string[][]> {
  const memo = vocabularyMemoOf(ctx.db);
  const known = new Map<string, string[]>();
  for (const t of tokens) {
    const near = memo.get(t);
    if (near) known.set(t, near);
  }
  const missing = [...new Set(tokens.filter((t) => !known.has(t)))];
  if (missing.length > 0) {
    const found = await repo.vocabularyNear(
      ctx.db,
      missing.map((token) => ({ token, skeleton: tokenSkeleton(token), variants: lookupForms(token) })),
    );
    missing.forEach((token, i) => {
      known.set(token, found[i] ?? []);
      memo.set(token, found[i] ?? []);
    });
  }
  return tokens.map((t) => known.get(t) ?? []);
}

/**
 * Persons of the filtered cases that match the name keys, with their score, best first
 * (src/domain/names/search-plan.ts explains the look-up): first through the close spellings, then,
 * unless they gave enough matches or reached the cap, through the other similar tokens.
 */
async function nameMatches(
  ctx: AppContext,
  filter: repo.CaseFilter,
  keys: SearchKeys,
  scope: repo.PersonScope = {},
) {
  const tokens = lookupTokens(keys);
  if (tokens.length === 0) return { matches: [], truncated: false };
  const near = await vocabularyNear(ctx, tokens);
  const expansions = tokens.map((t, i) => similarTokens(t, near[i] ?? []));
  const groups = expansionGroups(tokens.length);
  const close = { expansions: expansionTier(expansions, CLOSE_SPELLING_MIN), groups };
  // Many people share a name: score each distinct set of spellings once.
  const scores = new Map<string, number>();
  const scored = (rows: Awaited<ReturnType<typeof repo.nameCandidates>>) =>
    rows.flatMap((row) => {
      const key = row.spellings;
      let score = scores.get(key);
      if (score === undefined)
        scores.set(key, (score = storedPersonScore(keys, { spellings: key.split('|') })));
      return isNameMatch(score) ? [{ row, score }] : [];
    });

  let rows = await repo.nameCandidates(ctx.db, filter, close, NAME_CANDIDATE_CAP + 1, scope);
  let truncated = rows.length > NAME_CANDIDATE_CAP;
  rows = rows.slice(0, NAME_CANDIDATE_CAP);
  const matches = scored(rows);
  const wider = expansionTier(expansions, TOKEN_EXPANSION_MIN);
  const widerAdds = wider.some((w, i) => w.length > close.expansions[i]!.length);
  if (widerAdds && !truncated) {
    if (matches.length >= ENOUGH_CLOSE_MATCHES) truncated = true;
    else {
      const more = await repo.nameCandidates(
        ctx.db,
        filter,
        { expansions: wider, groups, except: close },
        NAME_CANDIDATE_CAP + 1 - rows.length,
        scope,
      );
      truncated = more.length > NAME_CANDIDATE_CAP - rows.length;
      matches.push(...scored(more.slice(0, NAME_CANDIDATE_CAP - rows.length)));
    }
  }
  matches.sort((a, b) => b.score - a.score || (a.row.id < b.row.id ? -1 : 1));
  return { matches, truncated };
}

function caseFilter(actor: Actor, q: CaseListQuery): repo.CaseFilter {
  const days = q.queue === 'deadlines' ? 14 : q.deadlineWithinDays;
  let vulnerable: boolean | undefined;
  if (q.vulnerable !== undefined) {
    if (!hasPermission(actor.permissions, 'special_category:read')) {
      throw problems.forbidden('Filtering by vulnerability needs access to special-category data.');
    }
    vulnerable = q.vulnerable === 'true';
  }
  return {
    organisationId: actor.organisationId,
    stage: q.queue === 'awaiting_validation' ? 'submitted' : q.stage,
    returnCountry: q.returnCountry,
    counsellorId: q.queue === 'mine' ? (actor.userId ?? undefined) : q.counsellorId,
    deadlineBefore:
      days !== undefined ? new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10) : undefined,
    vulnerable,
  };
}

/**
 * The case list. Without `q`: newest first. With `q`: cases whose reference starts with it or with a
 * document of that number (score 1), and cases with a person whose name matches, best score first,
 * then newest first.
 */
export async function listCases(ctx: AppContext, actorIn: Actor | null, q: CaseListQuery) {
  const actor = requirePermission(actorIn, 'cases:read');
  const filter = caseFilter(actor, q);
  if (!q.q) {
    const { rows, total } = await repo.listCases(ctx.db, { ...filter, limit: q.limit, offset: q.offset });
    return { items: rows.map(presentListRow), total };
  }
  const text = q.q;
  const [byText, byName] = await Promise.all([
    /\d/.test(text) ? repo.casesByReferenceOrDocument(ctx.db, filter, text, NAME_CANDIDATE_CAP) : [],
    // A name has no digits: words with digits are references or document numbers.
    nameMatches(
      ctx,
      filter,
      queryKeys(
        text
          .split(/\s+/)
          .filter((w) => !/\d/.test(w))
          .join(' '),
      ),
    ),
  ]);
  const best = new Map<string, { score: number; createdAt: number }>();
  const consider = (id: string, score: number, createdAt: number) => {
    const seen = best.get(id);
    if (!seen || seen.score < score) best.set(id, { score, createdAt });
  };
  for (const c of byText) consider(c.id, 1, c.created_ms);
  for (const m of byName.matches) consider(m.row.case_id, m.score, m.row.created_ms);
  const ranked = [...best.entries()].sort(
    ([idA, a], [idB, b]) => b.score - a.score || b.createdAt - a.createdAt || (idA < idB ? 1 : -1),
  );
  const page = ranked.slice(q.offset, q.offset + q.limit);
  const rows = new Map(
    (
      await repo.casesByIds(
        ctx.db,
        actor.organisationId,
        page.map(([id]) => id),
      )
    ).map((r) => [r.id, r]),
  );
  return {
    items: page.flatMap(([id, m]) => {
      const row = rows.get(id);
      return row ? [{ ...presentListRow(row), matchScore: Math.round(m.score * 1000) / 1000 }] : [];
    }),
    total: ranked.length,
    ...(byName.truncated ? { truncated: true } : {}),
  };
}

function presentListRow(r: repo.CaseListRow) {
  return {
    id: r.id,
    reference: r.reference,
    stage: r.stage as CaseStage,
    hostCountry: r.host_country,
    returnCountry: r.return_country,
    returnType: r.return_type as NewCase['returnType'],
    counsellorId: r.counsellor_user_id,
    departureDeadline: r.departure_deadline,
    principalName: r.principal_name ?? null,
    householdSize: Number(r.household_size ?? 0),
    version: r.version,
    createdAt: r.created_at.toISOString(),
  };
}

export async function addPerson(ctx: AppContext, actorIn: Actor | null, caseId: string, input: PersonInput) {
  const actor = requirePermission(actorIn, 'cases:write');
  await loadCase(ctx, actor, caseId);
  const person = await ctx.db.transaction().execute(async (trx) => {
    if (input.relationship === 'principal') {
      const persons = await repo.personsOfCase(trx, actor.organisationId, caseId);
      if (persons.some((p) => p.relationship === 'principal')) {
        throw problems.conflict('This case already has a principal applicant.', {
          errors: [{ path: 'relationship', message: 'the case already has a principal', location: 'body' }],
        });
      }
    }
    const row = await repo.insertPerson(trx, {
      ...personValues(input),
      case_id: caseId,
      organisation_id: actor.organisationId,
    });
    await repo.insertEvent(trx, {
      caseId,
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      type: 'person.added',
      details: { personId: row.id, relationship: input.relationship },
    });
    await recordAudit(trx, subjectOf(actor), {
      action: 'person.create',
      targetType: 'person',
      targetId: row.id,
    });
    return presentPerson(row);
  });
  vocabularyMemoOf(ctx.db).clear(); // new names may have joined the vocabulary
  return person;
}

export async function listPersons(ctx: AppContext, actorIn: Actor | null, caseId: string) {
  const actor = requirePermission(actorIn, 'cases:read');
  await loadCase(ctx, actor, caseId);
  return { items: (await repo.personsOfCase(ctx.db, actor.organisationId, caseId)).map(presentPerson) };
}

export interface DuplicateQuery {
  givenNames: string;
  familyName: string;
  originalScriptName?: string | undefined;
  otherSpellings?: string[] | undefined;
  dateOfBirth?: string | undefined;
  dateOfBirthApproximate?: boolean | undefined;
  sex?: string | undefined;
  excludeCaseId?: string | undefined;
}

/** Persons of the actor's organisation who may be the person being registered, best first. */
export async function possibleDuplicates(ctx: AppContext, actorIn: Actor | null, input: DuplicateQuery) {
  const actor = requirePermission(actorIn, 'cases:read');
  const keys = personSearchKeys({
    givenNames: input.givenNames,
    familyName: input.familyName,
    otherSpellings: input.otherSpellings ?? [],
    ...(input.originalScriptName ? { originalScript: input.originalScriptName } : {}),
  });
  // A person born more than two years apart is never a possible duplicate (duplicateScore takes 0.45
  // off), so only persons born within two years, or of unknown birth date, are looked at.
  const year = input.dateOfBirth ? Number(input.dateOfBirth.slice(0, 4)) : undefined;
  const { matches } = await nameMatches(ctx, { organisationId: actor.organisationId }, keys, {
    excludeCaseId: input.excludeCaseId,
    bornBetween: year ? [`${year - 2}-01-01`, `${year + 2}-12-31`] : undefined,
  });
  const query = {
    keys,
    dateOfBirth: input.dateOfBirth ?? null,
    dateOfBirthApproximate: input.dateOfBirthApproximate ?? false,
    sex: input.sex ?? null,
  };
  const spellingsOf = new Map(matches.map((m) => [m.row.id, m.row.spellings.split('|')]));
  const details = await repo.duplicateDetails(ctx.db, actor.organisationId, [...spellingsOf.keys()]);
  const items = details
    .map((c) => {
      const spellings = spellingsOf.get(c.id) ?? [];
      const verdict = duplicateScore(query, {
        keys: { full: spellings[0] ?? '', tokens: [], spellings },
        dateOfBirth: c.date_of_birth,
        dateOfBirthApproximate: c.date_of_birth_approximate,
        sex: c.sex,
      });
      return { c, verdict };
    })
    .filter(({ verdict }) => isPossibleDuplicate(verdict))
    .sort((x, y) => y.verdict.score - x.verdict.score || (x.c.id < y.c.id ? -1 : 1))
    .slice(0, 10);
  return {
    items: items.map(({ c, verdict }) => ({
      personId: c.id,
      caseId: c.case_id,
      caseReference: c.reference,
      name: `${c.given_names} ${c.family_name}`,
      dateOfBirth: c.date_of_birth,
      score: verdict.score,
      reasons: verdict.reasons,
    })),
  };
}
