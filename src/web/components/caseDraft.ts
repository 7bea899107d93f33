/**
 * The drafts behind the case forms (new case, add a family member, legal situation): what the inputs
 * hold, how they are checked before anything is sent, and how they become API bodies. Pure functions.
 *
 * Errors are keyed by the same path the server uses in a problem's `errors[].path`
 * (`persons.1.givenNames`, `departureDeadline`), so a field shows the browser's check and the server's
 * answer in the same place. Their values are keys under `validation.` in the translations.
 */
import type {
  AdministrativeStatus,
  Case,
  CaseChanges,
  DuplicateQuery,
  LegalSituation,
  NewCase,
  NewPerson,
  Relationship,
  ReturnType,
  Sex,
} from '../api/types.ts';

export const NAME_MAX_LENGTH = 200;
export const MAX_NATIONALITIES = 5;
export const MAX_LANGUAGES = 10;
export const MAX_OTHER_SPELLINGS = 20;

export type ValidationKey =
  | 'relationshipRequired'
  | 'givenNamesRequired'
  | 'familyNameRequired'
  | 'nameTooLong'
  | 'sexRequired'
  | 'dateInvalid'
  | 'birthInFuture'
  | 'hostCountryRequired'
  | 'returnCountryRequired'
  | 'sameCountry'
  | 'returnTypeRequired'
  | 'deadlineBeforeDecision'
  | 'entryBanUntilBeforeDecision';

export type FieldErrors = Record<string, ValidationKey>;

export interface PersonDraft {
  /** A stable identity for React while members are added and removed (never sent). */
  key: string;
  relationship: Relationship | '';
  givenNames: string;
  familyName: string;
  originalScriptName: string;
  otherSpellings: string[];
  dateOfBirth: string;
  dateOfBirthApproximate: boolean;
  sex: Sex | '';
  nationalities: string[];
  languages: string[];
  unaccompaniedMinor: boolean;
}

export interface LegalDraft {
  administrativeStatus: AdministrativeStatus | '';
  returnDecisionDate: string;
  departureDeadline: string;
  entryBan: boolean;
  entryBanUntil: string;
  inDetention: boolean;
  returnCountry: string;
  returnType: ReturnType | '';
}

export interface CaseDraft extends LegalDraft {
  hostCountry: string;
  /** The principal applicant first, then the family members. */
  persons: PersonDraft[];
}

let nextKey = 0;

export function emptyPerson(relationship: Relationship | ''): PersonDraft {
  nextKey += 1;
  return {
    key: `person-${nextKey}`,
    relationship,
    givenNames: '',
    familyName: '',
    originalScriptName: '',
    otherSpellings: [],
    dateOfBirth: '',
    dateOfBirthApproximate: false,
    sex: '',
    nationalities: [],
    languages: [],
    unaccompaniedMinor: false,
  };
}

export function emptyCase(hostCountry: string | null): CaseDraft {
  return {
    hostCountry: hostCountry ?? '',
    returnCountry: '',
    returnType: 'assisted_voluntary',
    administrativeStatus: '',
    returnDecisionDate: '',
    departureDeadline: '',
    entryBan: false,
    entryBanUntil: '',
    inDetention: false,
    persons: [emptyPerson('principal')],
  };
}

/** A real calendar date written YYYY-MM-DD (what <input type="date"> gives). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Today's calendar date where the user is, YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function checkName(errors: FieldErrors, path: string, value: string, required: ValidationKey | null): void {
  const v = value.trim();
  if (v === '') {
    if (required) errors[path] = required;
  } else if (v.length > NAME_MAX_LENGTH) errors[path] = 'nameTooLong';
}

function checkDate(errors: FieldErrors, path: string, value: string): boolean {
  if (value === '') return false;
  if (!isIsoDate(value)) {
    errors[path] = 'dateInvalid';
    return false;
  }
  return true;
}

/** Checks one person; `prefix` is the path of the person (`persons.2`), or '' for a lone person. */
export function validatePerson(p: PersonDraft, prefix: string, today = localToday()): FieldErrors {
  const errors: FieldErrors = {};
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  if (p.relationship === '') errors[at('relationship')] = 'relationshipRequired';
  checkName(errors, at('givenNames'), p.givenNames, 'givenNamesRequired');
  checkName(errors, at('familyName'), p.familyName, 'familyNameRequired');
  checkName(errors, at('originalScriptName'), p.originalScriptName, null);
  if (p.sex === '') errors[at('sex')] = 'sexRequired';
  if (checkDate(errors, at('dateOfBirth'), p.dateOfBirth) && p.dateOfBirth > today) {
    errors[at('dateOfBirth')] = 'birthInFuture';
  }
  return errors;
}

export function validateHousehold(persons: readonly PersonDraft[], today = localToday()): FieldErrors {
  return Object.assign({}, ...persons.map((p, i) => validatePerson(p, `persons.${i}`, today))) as FieldErrors;
}

export function validateLegal(d: LegalDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (d.returnCountry === '') errors.returnCountry = 'returnCountryRequired';
  if (d.returnType === '') errors.returnType = 'returnTypeRequired';
  const decision = checkDate(errors, 'returnDecisionDate', d.returnDecisionDate);
  if (checkDate(errors, 'departureDeadline', d.departureDeadline) && decision) {
    if (d.departureDeadline < d.returnDecisionDate) errors.departureDeadline = 'deadlineBeforeDecision';
  }
  if (d.entryBan && checkDate(errors, 'entryBanUntil', d.entryBanUntil) && decision) {
    if (d.entryBanUntil < d.returnDecisionDate) errors.entryBanUntil = 'entryBanUntilBeforeDecision';
  }
  return errors;
}

export function validateCaseLegal(d: CaseDraft): FieldErrors {
  const errors = validateLegal(d);
  if (d.hostCountry === '') errors.hostCountry = 'hostCountryRequired';
  else if (d.returnCountry !== '' && d.returnCountry === d.hostCountry) errors.returnCountry = 'sameCountry';
  return errors;
}

/** The form step (0 household, 1 legal situation) that shows the field at `path`. */
export function stepOfPath(path: string): 0 | 1 {
  return path === 'persons' || path.startsWith('persons.') ? 0 : 1;
}

export function toNewPerson(p: PersonDraft): NewPerson {
  const person: NewPerson = {
    relationship: p.relationship === '' ? 'other' : p.relationship,
    givenNames: p.givenNames.trim(),
    familyName: p.familyName.trim(),
    sex: p.sex === '' ? 'unknown' : p.sex,
  };
  const original = p.originalScriptName.trim();
  if (original) person.originalScriptName = original;
  const spellings = p.otherSpellings.map((s) => s.trim()).filter((s) => s !== '');
  if (spellings.length > 0) person.otherSpellings = spellings;
  if (p.dateOfBirth) {
    person.dateOfBirth = p.dateOfBirth;
    if (p.dateOfBirthApproximate) person.dateOfBirthApproximate = true;
  }
  if (p.nationalities.length > 0) person.nationalities = [...p.nationalities];
  if (p.languages.length > 0) person.languages = [...p.languages];
  if (p.unaccompaniedMinor) person.unaccompaniedMinor = true;
  return person;
}

/** The legal situation as the API takes it: a blank field is null (not recorded). */
function legalSituationOf(d: LegalDraft): Required<Omit<LegalSituation, 'plannedDepartureDate'>> {
  return {
    administrativeStatus: d.administrativeStatus === '' ? null : d.administrativeStatus,
    returnDecisionDate: d.returnDecisionDate || null,
    departureDeadline: d.departureDeadline || null,
    entryBan: d.entryBan,
    entryBanUntil: d.entryBan && d.entryBanUntil ? d.entryBanUntil : null,
    inDetention: d.inDetention,
  };
}

export function toNewCase(d: CaseDraft): NewCase {
  const body: NewCase = {
    hostCountry: d.hostCountry,
    returnCountry: d.returnCountry,
    returnType: d.returnType === '' ? 'assisted_voluntary' : d.returnType,
    persons: d.persons.map(toNewPerson),
  };
  // Only what was recorded: a new case has nothing to clear.
  for (const [key, value] of Object.entries(legalSituationOf(d))) {
    if (value !== null && value !== false) Object.assign(body, { [key]: value });
  }
  return body;
}

export function legalDraftOf(c: Case): LegalDraft {
  return {
    administrativeStatus: c.administrativeStatus ?? '',
    returnDecisionDate: c.returnDecisionDate ?? '',
    departureDeadline: c.departureDeadline ?? '',
    entryBan: c.entryBan,
    entryBanUntil: c.entryBanUntil ?? '',
    inDetention: c.inDetention,
    returnCountry: c.returnCountry,
    returnType: c.returnType,
  };
}

/** Only the fields the user changed, so that a save never overwrites what it did not touch. */
export function legalChanges(c: Case, d: LegalDraft): CaseChanges {
  const next = legalSituationOf(d);
  const changes: CaseChanges = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (next[key] !== c[key]) Object.assign(changes, { [key]: next[key] });
  }
  if (d.returnCountry !== '' && d.returnCountry !== c.returnCountry) changes.returnCountry = d.returnCountry;
  if (d.returnType !== '' && d.returnType !== c.returnType) changes.returnType = d.returnType;
  return changes;
}

/** What the server is asked about a person being registered, or null while the names are incomplete. */
export function duplicateQueryOf(p: PersonDraft): DuplicateQuery | null {
  const givenNames = p.givenNames.trim();
  const familyName = p.familyName.trim();
  if (!givenNames || !familyName) return null;
  if (givenNames.length > NAME_MAX_LENGTH || familyName.length > NAME_MAX_LENGTH) return null;
  const query: DuplicateQuery = { givenNames, familyName };
  const original = p.originalScriptName.trim();
  if (original && original.length <= NAME_MAX_LENGTH) query.originalScriptName = original;
  const spellings = p.otherSpellings
    .map((s) => s.trim())
    .filter((s) => s !== '' && s.length <= NAME_MAX_LENGTH);
  if (spellings.length > 0) query.otherSpellings = spellings.slice(0, MAX_OTHER_SPELLINGS);
  if (isIsoDate(p.dateOfBirth)) {
    query.dateOfBirth = p.dateOfBirth;
    if (p.dateOfBirthApproximate) query.dateOfBirthApproximate = true;
  }
  if (p.sex !== '') query.sex = p.sex;
  return query;
}
