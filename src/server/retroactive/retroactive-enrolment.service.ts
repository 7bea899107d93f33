import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { hasPermission } from '../../domain/permissions.ts';
import type { Programme } from '../../domain/programmes/definition.ts';
import {
  evaluateAll,
  sumByCurrency,
  type ProgrammeResult,
  type Reason,
} from '../../domain/programmes/engine.ts';
import { deriveFacts } from '../../domain/programmes/facts.ts';
import { recordAudit, subjectOf } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import * as casesRepo from '../cases/cases.repository.ts';
import { Problem, problems } from '../http/problem.ts';
import { leaves } from '../programmes/eligibility.service.ts';
import * as programmesRepo from '../programmes/programmes.repository.ts';
import { dottedPath, todayIso, toEngineProgrammes } from '../programmes/programmes.service.ts';

/**
 * Enrolment of a case registered after the return (retroactive intake, a converted group-booking
 * place) in its funder's programme. It follows the rules of the public enrolment
 * (src/server/programmes/eligibility.service.ts `enrol`): the programme must be published, the
 * household eligible on the day, the programme combinable with the rest of the package; the
 * explanation and the amounts are frozen in the same snapshot shape. Unlike the public one it does
 * not ask for 'cases:write' (which a reintegration partner does not hold): its callers have checked
 * that the actor's organisation registers the case itself, and it runs in their transaction, so a
 * refused enrolment leaves no case behind.
 */

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

export interface EnrolInput {
  caseId: string;
  /** The owning organisation (the actor's). */
  organisationId: string;
  programmeId: string;
  /** The field a refusal names (`programmeId`). */
  path: string;
  lang?: string;
}

/**
 * Enrols a case that was created earlier in the same transaction `trx`. Such a case has no
 * vulnerability recorded yet: a reader of special-category data evaluates with none, anyone else
 * with "not visible", as the public enrolment does.
 */
export async function enrolNewCase(trx: Kysely<DB>, actor: Actor, input: EnrolInput) {
  const lang = input.lang ?? 'en';
  const c = await casesRepo.findCase(trx, input.organisationId, input.caseId);
  if (!c) throw problems.notFound('case');
  const persons = await casesRepo.personsOfCase(trx, input.organisationId, input.caseId);
  const enrolments = await programmesRepo.listEnrolments(trx, input.organisationId, input.caseId);
  const active = enrolments.filter((e) => e.status === 'active');
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
    hasPermission(actor.permissions, 'special_category:read') ? [] : null,
    active.map((e) => e.programme_code),
  );
  const programmes = toEngineProgrammes(await programmesRepo.publishedInForce(trx, onDate));
  const enrolledCodes = active.map((e) => e.programme_code);
  const answer = evaluateAll(programmes, facts, {
    onDate,
    lang,
    enrolledCodes,
    focus: (p: Programme) =>
      p.definition.countriesOfReturn.includes(c.return_country) ||
      enrolledCodes.includes(p.code) ||
      p.id === input.programmeId,
  });
  const result = answer.programmes.find((r) => r.programmeId === input.programmeId);
  const field = (message: string) => [{ path: input.path, message, location: 'body' as const }];
  if (!result) {
    throw new Problem(422, 'No published programme has this id.', {
      type: `${TYPE_BASE}unknown-programme`,
      errors: field('not a published programme'),
    });
  }
  if (active.some((e) => e.programme_id === input.programmeId)) {
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
        errors: field(why.join('; ') || 'not eligible'),
        extensions: { eligibility: presentResult(result) },
      },
    );
  }
  const left = answer.package.excluded.find((x) => x.programmeCode === result.code);
  if (left) {
    throw new Problem(409, left.reason, { type: `${TYPE_BASE}not-combinable`, errors: field(left.reason) });
  }
  const packageLines = answer.package.lines.filter((l) => l.programmeCode === result.code);
  const totals = sumByCurrency(packageLines);
  const row = await programmesRepo.insertEnrolment(trx, {
    case_id: input.caseId,
    organisation_id: input.organisationId,
    programme_id: result.programmeId,
    programme_code: result.code,
    programme_version: result.version,
    evaluated_on: answer.onDate,
    language: lang,
    snapshot: { result: presentResult(result), packageLines },
    totals,
    enrolled_by: actor.userId,
  });
  await casesRepo.insertEvent(trx, {
    caseId: input.caseId,
    organisationId: input.organisationId,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    type: 'programme.enrolled',
    details: { programmeCode: result.code, version: result.version, totals },
  });
  await recordAudit(trx, subjectOf(actor), {
    action: 'enrolment.create',
    targetType: 'case',
    targetId: input.caseId,
    details: { programmeCode: result.code, version: result.version },
  });
  return row;
}
