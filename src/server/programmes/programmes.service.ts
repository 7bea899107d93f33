import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  type Component,
  type Programme,
  ProgrammeDefinition,
  type ProgrammeStatus,
} from '../../domain/programmes/definition.ts';
import { type RuleProblem, checkDefinition } from '../../domain/programmes/rules.ts';
import { type AuditSubject, recordAudit, subjectOf } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { Problem, problems } from '../http/problem.ts';
import { clearPublishedMemo } from './published-memo.ts';
import * as repo from './programmes.repository.ts';
import type { NewProgramme, ProgrammeChange } from './programmes.schemas.ts';

type ProgrammeRow = NonNullable<Awaited<ReturnType<typeof repo.findVisible>>>;

const TYPE_BASE = 'https://homeward.example/problems/';

/** `components[2].amount` → `components.2.amount`, the path style of every other validation error. */
export function dottedPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}

export function invalidProgramme(list: readonly RuleProblem[], prefix = ''): Problem {
  const errors = list.map((p) => ({
    path: dottedPath(prefix ? `${prefix}.${p.path}` : p.path),
    message: p.message,
    location: 'body' as const,
  }));
  return new Problem(422, `The programme is not consistent: ${errors.map((e) => e.path).join(', ')}.`, {
    type: `${TYPE_BASE}invalid-programme`,
    errors,
  });
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The listing columns repeat what filters need from the current definition. */
function listingOf(d: ProgrammeDefinition): repo.ListingColumns {
  const uniq = <T extends string>(xs: T[]) => [...new Set(xs)].sort();
  return {
    name_en: d.name.en ?? '',
    countries_of_return: uniq([...d.countriesOfReturn]),
    stages: uniq(d.components.map((c) => c.stage)),
    modalities: uniq(d.components.map((c) => c.modality)),
    categories: uniq(d.components.map((c) => c.category)),
    implementing_organisation_ids: uniq([...d.implementingOrganisationIds]),
    valid_from: d.validFrom,
    valid_to: d.validTo,
  };
}

function presentSummary(row: ProgrammeRow, actor: Actor, names: ReadonlyMap<string, string>) {
  const definition = storedDefinition(row.definition);
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    version: row.current_version,
    name: definition.name,
    summary: definition.summary,
    funder: { id: row.funder_organisation_id, name: row.funder_name },
    implementingOrganisations: row.implementing_organisation_ids.map((id) => ({
      id,
      name: names.get(id) ?? '',
    })),
    countriesOfReturn: row.countries_of_return,
    stages: row.stages as Component['stage'][],
    modalities: row.modalities as Component['modality'][],
    categories: row.categories as Component['category'][],
    validFrom: row.valid_from,
    validTo: row.valid_to,
    updatedAt: row.updated_at.toISOString(),
    canManage: canManage(actor, row.funder_organisation_id),
    definition,
    effectiveFrom: row.effective_from,
  };
}

function canManage(actor: Actor, funderOrganisationId: string): boolean {
  return actor.permissions.includes('programmes:manage') && actor.organisationId === funderOrganisationId;
}

export async function listProgrammes(
  ctx: AppContext,
  actorIn: Actor | null,
  query: repo.ProgrammeFilter & { limit: number; offset: number },
) {
  const actor = requirePermission(actorIn, 'programmes:read');
  const rows = await repo.listVisible(ctx.db, actor.organisationId, query, query);
  // One look-up of the implementing organisations' names for the whole page.
  const names = await repo.organisationNames(ctx.db, [
    ...new Set(rows.flatMap((r) => r.implementing_organisation_ids)),
  ]);
  return {
    items: rows.map((row) => {
      const { definition: _d, effectiveFrom: _e, ...summary } = presentSummary(row, actor, names);
      return summary;
    }),
  };
}

export async function getProgramme(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requirePermission(actorIn, 'programmes:read');
  const row = await repo.findVisible(ctx.db, actor.organisationId, id);
  if (!row) throw problems.notFound('programme');
  const versions = await repo.versions(ctx.db, id);
  return {
    ...presentSummary(row, actor, await repo.organisationNames(ctx.db, row.implementing_organisation_ids)),
    versions: versions.map((v) => ({
      version: v.version,
      effectiveFrom: v.effective_from,
      createdAt: v.created_at.toISOString(),
    })),
  };
}

export async function getProgrammeVersion(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  version: number,
) {
  const actor = requirePermission(actorIn, 'programmes:read');
  const row = await repo.findVisible(ctx.db, actor.organisationId, id);
  if (!row) throw problems.notFound('programme');
  const v = await repo.findVersion(ctx.db, id, version);
  if (!v) throw problems.notFound('programme version');
  return {
    programmeId: id,
    code: row.code,
    version: v.version,
    effectiveFrom: v.effective_from,
    createdAt: v.created_at.toISOString(),
    definition: storedDefinition(v.definition),
  };
}

/** Checks what the schema cannot: consistency, organisations that exist, programmes referred to. */
async function validateDefinition(
  db: Kysely<DB>,
  actor: Actor,
  definition: ProgrammeDefinition,
  code: string,
  prefix = '',
): Promise<void> {
  const found = [...checkDefinition(definition, code)];
  const active = await repo.activeOrganisationIds(db, definition.implementingOrganisationIds);
  definition.implementingOrganisationIds.forEach((id, i) => {
    if (!active.has(id)) {
      found.push({ path: `implementingOrganisationIds[${i}]`, message: 'no such active organisation' });
    }
  });
  const codes = await repo.existingCodes(
    db,
    actor.organisationId,
    definition.interactions.map((x) => x.programmeCode),
  );
  definition.interactions.forEach((x, i) => {
    if (x.programmeCode !== code && !codes.has(x.programmeCode)) {
      found.push({ path: `interactions[${i}].programmeCode`, message: `no programme "${x.programmeCode}"` });
    }
  });
  if (found.length > 0) throw invalidProgramme(found, prefix);
}

/**
 * Writes a new programme and its version 1. The caller has validated the definition (the demo seed
 * checks its catalogue with the same `checkDefinition` in its tests).
 */
export async function createProgrammeIn(
  db: Kysely<DB>,
  subject: AuditSubject,
  funderOrganisationId: string,
  code: string,
  status: 'draft' | 'published' | 'closed',
  definition: ProgrammeDefinition,
): Promise<string> {
  const row = await repo.insertProgramme(db, {
    ...listingOf(definition),
    code,
    funder_organisation_id: funderOrganisationId,
    status,
    created_by: subject.userId ?? null,
  });
  await repo.insertVersion(db, {
    programme_id: row.id,
    version: 1,
    effective_from: definition.validFrom,
    definition,
    created_by: subject.userId ?? null,
  });
  await recordAudit(db, subject, {
    action: 'programme.create',
    targetType: 'programme',
    targetId: row.id,
    details: { code, status },
  });
  return row.id;
}

export async function createProgramme(ctx: AppContext, actorIn: Actor | null, input: NewProgramme) {
  const actor = requirePermission(actorIn, 'programmes:manage');
  const { code, status, ...rest } = input;
  const definition = ProgrammeDefinition.parse(rest);
  await validateDefinition(ctx.db, actor, definition, code);
  if (await repo.codeExists(ctx.db, code)) {
    throw new Problem(409, `A programme with the code "${code}" already exists.`, {
      type: `${TYPE_BASE}conflict`,
      errors: [{ path: 'code', message: 'already in use', location: 'body' }],
    });
  }
  const id = await ctx.db
    .transaction()
    .execute((trx) =>
      createProgrammeIn(trx, subjectOf(actor), actor.organisationId, code, status, definition),
    );
  clearPublishedMemo(ctx.db);
  return getProgramme(ctx, actor, id);
}

function staleProgramme(current: number): Problem {
  return new Problem(
    412,
    `The programme has changed since you read it: it is now at version ${current}. Reload and try again.`,
    { type: `${TYPE_BASE}stale-version`, extensions: { currentVersion: current } },
  );
}

/**
 * Saves a changed definition as a new version. Published and closed programmes have promised
 * something: their new version cannot take effect in the past, nor before a version already
 * scheduled (versions do not overlap). A draft's versions may start when the editor likes.
 */
async function saveVersion(
  ctx: AppContext,
  actor: Actor,
  id: string,
  change: (current: ProgrammeDefinition) => ProgrammeDefinition,
  options: {
    effectiveFrom: string | undefined;
    expectedVersion: number | undefined;
    action: string;
    prefix?: string;
  },
) {
  const owned = await repo.findOwned(ctx.db, actor.organisationId, id);
  if (!owned) throw problems.notFound('programme');
  const definition = change(storedDefinition(owned.definition));
  await validateDefinition(ctx.db, actor, definition, owned.code, options.prefix);
  const today = todayIso();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockOwned(trx, actor.organisationId, id);
    if (!locked) throw problems.notFound('programme');
    const expected = options.expectedVersion ?? owned.current_version;
    if (locked.current_version !== expected) throw staleProgramme(locked.current_version);
    const latest = (await repo.latestEffectiveFrom(trx, id)) ?? today;
    let effectiveFrom = options.effectiveFrom;
    if (locked.status === 'draft') {
      effectiveFrom ??= definition.validFrom < today ? today : definition.validFrom;
    } else {
      effectiveFrom ??= latest > today ? latest : today;
      const floor = latest > today ? latest : today;
      if (effectiveFrom < floor) {
        throw new Problem(
          422,
          `A change to a ${locked.status} programme takes effect on ${floor} or later: version ` +
            `${locked.current_version} applies from ${latest}, and what applied before today cannot change.`,
          {
            type: `${TYPE_BASE}overlapping-version`,
            errors: [{ path: 'effectiveFrom', message: `on or after ${floor}`, location: 'body' }],
          },
        );
      }
    }
    const version = locked.current_version + 1;
    await repo.insertVersion(trx, {
      programme_id: id,
      version,
      effective_from: effectiveFrom,
      definition,
      created_by: actor.userId,
    });
    await repo.setCurrentVersion(trx, id, version, listingOf(definition));
    await recordAudit(trx, subjectOf(actor), {
      action: options.action,
      targetType: 'programme',
      targetId: id,
      details: { version, effectiveFrom },
    });
  });
  clearPublishedMemo(ctx.db);
  return getProgramme(ctx, actor, id);
}

export async function changeProgramme(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  input: ProgrammeChange,
  expectedVersion: number | undefined,
) {
  const actor = requirePermission(actorIn, 'programmes:manage');
  const { effectiveFrom, ...rest } = input;
  const definition = ProgrammeDefinition.parse(rest);
  return saveVersion(ctx, actor, id, () => definition, {
    effectiveFrom,
    expectedVersion,
    action: 'programme.update',
  });
}

export async function putComponent(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  input: Component & { effectiveFrom?: string | undefined },
  options: { code?: string; expectedVersion: number | undefined },
) {
  const actor = requirePermission(actorIn, 'programmes:manage');
  const { effectiveFrom, ...component } = input;
  return saveVersion(
    ctx,
    actor,
    id,
    (current) => {
      const at = current.components.findIndex((c) => c.code === (options.code ?? component.code));
      if (options.code !== undefined && at < 0) throw problems.notFound('component');
      if (options.code === undefined && at >= 0) {
        throw new Problem(409, `The programme already has a component "${component.code}".`, {
          type: `${TYPE_BASE}conflict`,
          errors: [{ path: 'code', message: 'already in use in this programme', location: 'body' }],
        });
      }
      const components = [...current.components];
      if (at >= 0) components[at] = component;
      else components.push(component);
      return { ...current, components };
    },
    {
      effectiveFrom,
      expectedVersion: options.expectedVersion,
      action: options.code ? 'programme.component.update' : 'programme.component.create',
    },
  );
}

export async function deleteComponent(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  code: string,
  expectedVersion: number | undefined,
) {
  const actor = requirePermission(actorIn, 'programmes:manage');
  return saveVersion(
    ctx,
    actor,
    id,
    (current) => {
      if (!current.components.some((c) => c.code === code)) throw problems.notFound('component');
      if (current.components.length === 1) {
        throw new Problem(422, 'A programme keeps at least one component.', {
          type: `${TYPE_BASE}invalid-programme`,
          errors: [{ path: 'code', message: 'the last component cannot be removed', location: 'params' }],
        });
      }
      return { ...current, components: current.components.filter((c) => c.code !== code) };
    },
    { effectiveFrom: undefined, expectedVersion, action: 'programme.component.delete' },
  );
}

/**
 * Deletes a draft. A programme that was ever published may have been promised to someone: it is
 * closed, never deleted (409).
 */
export async function deleteProgramme(ctx: AppContext, actorIn: Actor | null, id: string): Promise<void> {
  const actor = requirePermission(actorIn, 'programmes:manage');
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockOwned(trx, actor.organisationId, id);
    if (!locked) throw problems.notFound('programme');
    if (locked.status !== 'draft' || !(await repo.deleteDraft(trx, actor.organisationId, id))) {
      throw new Problem(409, `Only a draft can be deleted; a ${locked.status} programme is closed instead.`, {
        type: `${TYPE_BASE}conflict`,
        extensions: { currentStatus: locked.status },
      });
    }
    await recordAudit(trx, subjectOf(actor), {
      action: 'programme.delete',
      targetType: 'programme',
      targetId: id,
      details: { code: locked.code },
    });
  });
  clearPublishedMemo(ctx.db);
}

const STATUS_MOVES: Record<ProgrammeStatus, readonly ProgrammeStatus[]> = {
  draft: ['published', 'closed'],
  published: ['closed'],
  closed: ['published'],
};

export async function setProgrammeStatus(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  status: ProgrammeStatus,
) {
  const actor = requirePermission(actorIn, 'programmes:manage');
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockOwned(trx, actor.organisationId, id);
    if (!locked) throw problems.notFound('programme');
    if (locked.status === status) return;
    if (!STATUS_MOVES[locked.status].includes(status)) {
      throw new Problem(409, `A ${locked.status} programme cannot become ${status}.`, {
        type: `${TYPE_BASE}conflict`,
        errors: [
          { path: 'status', message: `from ${locked.status}: ${STATUS_MOVES[locked.status].join(', ')}` },
        ],
        extensions: { currentStatus: locked.status, allowed: STATUS_MOVES[locked.status] },
      });
    }
    await repo.setStatus(trx, id, status);
    await recordAudit(trx, subjectOf(actor), {
      action: 'programme.status',
      targetType: 'programme',
      targetId: id,
      details: { from: locked.status, to: status },
    });
  });
  clearPublishedMemo(ctx.db);
  return getProgramme(ctx, actor, id);
}

/**
 * A definition read back from the database. Every definition is parsed by the schema (defaults
 * filled) and checked before it is written, and versions are never changed, so reading it back
 * needs no second parse; parsing 200 programmes per eligibility answer would cost more than the
 * evaluation itself.
 */
export function storedDefinition(json: unknown): ProgrammeDefinition {
  return json as ProgrammeDefinition;
}

/** Programmes as the engine takes them, from rows of `publishedInForce`. */
export function toEngineProgrammes(rows: Awaited<ReturnType<typeof repo.publishedInForce>>): Programme[] {
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    status: r.status,
    funderOrganisationId: r.funder_organisation_id,
    version: r.version,
    definition: storedDefinition(r.definition),
  }));
}
