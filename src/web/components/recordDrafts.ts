/**
 * The drafts behind the counselling, consent and vulnerability forms of the case page: what the
 * inputs hold, how they are checked before anything is sent, and how they become API bodies. Pure
 * functions. Errors are keyed by the server's `errors[].path` (`heldAt`, `witnessName`), their values
 * are keys under `validation.` in the translations.
 */
import type {
  ConsentDataCategory,
  ConsentMethod,
  ConsentPurpose,
  ConsentWithdrawal,
  CounsellingDecision,
  CounsellingMode,
  InformationSource,
  MotiveAgainstReturn,
  MotiveForReturn,
  NewConsent,
  NewCounsellingSession,
  NewVulnerability,
  Person,
  VulnerabilityCategory,
} from '../api/types.ts';

export type RecordValidationKey =
  | 'dateTimeRequired'
  | 'dateTimeInvalid'
  | 'dateTimeInFuture'
  | 'modeRequired'
  | 'personRequired'
  | 'purposeRequired'
  | 'dataCategoriesRequired'
  | 'methodRequired'
  | 'sheetVersionRequired'
  | 'sheetLanguageRequired'
  | 'witnessRequired'
  | 'organisationIdInvalid'
  | 'categoryRequired'
  | 'effectRequired'
  | 'withdrawnBeforeGiven';

export const RECORD_VALIDATION_KEYS: readonly RecordValidationKey[] = [
  'dateTimeRequired',
  'dateTimeInvalid',
  'dateTimeInFuture',
  'modeRequired',
  'personRequired',
  'purposeRequired',
  'dataCategoriesRequired',
  'methodRequired',
  'sheetVersionRequired',
  'sheetLanguageRequired',
  'witnessRequired',
  'organisationIdInvalid',
  'categoryRequired',
  'effectRequired',
  'withdrawnBeforeGiven',
];

export type RecordErrors = Record<string, RecordValidationKey>;

/** Limits of the API (case-records.schemas.ts). */
export const LIMITS = {
  topics: 20,
  topic: 100,
  motivesText: 4000,
  restrictedNotes: 8000,
  sheetVersion: 50,
  witnessName: 200,
  effect: 2000,
  details: 4000,
} as const;

/** A minute of clock difference between browser and server is not "in the future". */
const CLOCK_SLACK_MS = 60_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date and time as <input type="datetime-local"> writes it (YYYY-MM-DDTHH:mm). */
export function localDateTime(now: Date = new Date()): string {
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}:${pad(now.getMinutes())}`
  );
}

/** A datetime-local value (local time, no zone) as an ISO timestamp, or null when it is not one. */
export function localDateTimeToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(date.getTime()) || date.getFullYear() !== y || date.getMonth() !== mo - 1) return null;
  if (date.getDate() !== d) return null;
  return date.toISOString();
}

function checkDateTime(errors: RecordErrors, path: string, value: string, now: Date): string | null {
  if (value.trim() === '') {
    errors[path] = 'dateTimeRequired';
    return null;
  }
  const iso = localDateTimeToIso(value);
  if (!iso) {
    errors[path] = 'dateTimeInvalid';
    return null;
  }
  if (new Date(iso).getTime() > now.getTime() + CLOCK_SLACK_MS) {
    errors[path] = 'dateTimeInFuture';
    return null;
  }
  return iso;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The principal applicant, else the first person: whom a record is about unless chosen otherwise. */
export function defaultPersonId(persons: readonly Person[]): string {
  return (persons.find((p) => p.relationship === 'principal') ?? persons[0])?.id ?? '';
}

// Counselling ------------------------------------------------------------------------------------

export interface CounsellingDraft {
  heldAt: string;
  mode: CounsellingMode | '';
  interpreterLanguage: string;
  topics: string[];
  motivesFor: MotiveForReturn[];
  motivesAgainst: MotiveAgainstReturn[];
  motivesText: string;
  informationSource: InformationSource | '';
  decision: CounsellingDecision | '';
  restrictedNotes: string;
}

export function emptyCounselling(now: Date = new Date()): CounsellingDraft {
  return {
    heldAt: localDateTime(now),
    mode: '',
    interpreterLanguage: '',
    topics: [],
    motivesFor: [],
    motivesAgainst: [],
    motivesText: '',
    informationSource: '',
    decision: '',
    restrictedNotes: '',
  };
}

export function validateCounselling(d: CounsellingDraft, now: Date = new Date()): RecordErrors {
  const errors: RecordErrors = {};
  checkDateTime(errors, 'heldAt', d.heldAt, now);
  if (d.mode === '') errors.mode = 'modeRequired';
  return errors;
}

export function toNewCounsellingSession(d: CounsellingDraft): NewCounsellingSession {
  const body: NewCounsellingSession = {
    heldAt: localDateTimeToIso(d.heldAt) ?? d.heldAt,
    mode: d.mode === '' ? 'in_person' : d.mode,
  };
  if (d.interpreterLanguage) body.interpreterLanguage = d.interpreterLanguage;
  const topics = [...new Set(d.topics.map((s) => s.trim()).filter((s) => s !== ''))];
  if (topics.length > 0) body.topics = topics;
  if (d.motivesFor.length > 0) body.motivesFor = [...d.motivesFor];
  if (d.motivesAgainst.length > 0) body.motivesAgainst = [...d.motivesAgainst];
  if (d.motivesText.trim()) body.motivesText = d.motivesText.trim();
  if (d.informationSource) body.informationSource = d.informationSource;
  if (d.decision) body.decision = d.decision;
  if (d.restrictedNotes.trim()) body.restrictedNotes = d.restrictedNotes.trim();
  return body;
}

// Consent ----------------------------------------------------------------------------------------

export interface ConsentDraft {
  personId: string;
  purpose: ConsentPurpose | '';
  recipientOrganisationId: string;
  dataCategories: ConsentDataCategory[];
  method: ConsentMethod | '';
  informationSheetVersion: string;
  informationSheetLanguage: string;
  witnessName: string;
  givenAt: string;
}

export function emptyConsent(personId: string, now: Date = new Date()): ConsentDraft {
  return {
    personId,
    purpose: '',
    recipientOrganisationId: '',
    dataCategories: [],
    method: '',
    informationSheetVersion: '',
    informationSheetLanguage: '',
    witnessName: '',
    givenAt: localDateTime(now),
  };
}

export function validateConsent(d: ConsentDraft, now: Date = new Date()): RecordErrors {
  const errors: RecordErrors = {};
  if (d.personId === '') errors.personId = 'personRequired';
  if (d.purpose === '') errors.purpose = 'purposeRequired';
  const recipient = d.recipientOrganisationId.trim();
  if (recipient !== '' && !UUID.test(recipient)) errors.recipientOrganisationId = 'organisationIdInvalid';
  if (d.dataCategories.length === 0) errors.dataCategories = 'dataCategoriesRequired';
  if (d.method === '') errors.method = 'methodRequired';
  if (d.method === 'online') {
    if (d.informationSheetVersion.trim() === '') errors.informationSheetVersion = 'sheetVersionRequired';
    if (d.informationSheetLanguage === '') errors.informationSheetLanguage = 'sheetLanguageRequired';
  }
  if (d.method === 'witnessed_verbal' && d.witnessName.trim() === '') errors.witnessName = 'witnessRequired';
  checkDateTime(errors, 'givenAt', d.givenAt, now);
  return errors;
}

/** The consent as the API takes it: the details of the other methods are left out. */
export function toNewConsent(d: ConsentDraft): NewConsent {
  const body: NewConsent = {
    personId: d.personId,
    purpose: d.purpose === '' ? 'referral_to_partner' : d.purpose,
    dataCategories: [...d.dataCategories],
    method: d.method === '' ? 'signed_sheet' : d.method,
    givenAt: localDateTimeToIso(d.givenAt) ?? d.givenAt,
  };
  const recipient = d.recipientOrganisationId.trim().toLowerCase();
  if (recipient) body.recipientOrganisationId = recipient;
  if (d.method === 'online') {
    body.informationSheetVersion = d.informationSheetVersion.trim();
    body.informationSheetLanguage = d.informationSheetLanguage;
  }
  if (d.method === 'witnessed_verbal') body.witnessName = d.witnessName.trim();
  return body;
}

export interface WithdrawalDraft {
  withdrawnAt: string;
  effect: string;
}

export function emptyWithdrawal(now: Date = new Date()): WithdrawalDraft {
  return { withdrawnAt: localDateTime(now), effect: '' };
}

/** `givenAt` is the consent's ISO timestamp: a withdrawal cannot come before it. */
export function validateWithdrawal(
  d: WithdrawalDraft,
  givenAt: string,
  now: Date = new Date(),
): RecordErrors {
  const errors: RecordErrors = {};
  const at = checkDateTime(errors, 'withdrawnAt', d.withdrawnAt, now);
  // The input has minutes only: compare at that precision.
  if (at && Math.floor(Date.parse(at) / 60_000) < Math.floor(Date.parse(givenAt) / 60_000)) {
    errors.withdrawnAt = 'withdrawnBeforeGiven';
  }
  if (d.effect.trim() === '') errors.effect = 'effectRequired';
  return errors;
}

export function toWithdrawal(d: WithdrawalDraft, givenAt: string): ConsentWithdrawal {
  const at = localDateTimeToIso(d.withdrawnAt);
  const body: ConsentWithdrawal = {};
  // Withdrawn within the minute the consent was given: the server must not see it as earlier.
  if (at) body.withdrawnAt = Date.parse(at) < Date.parse(givenAt) ? givenAt : at;
  if (d.effect.trim()) body.effect = d.effect.trim();
  return body;
}

// Vulnerabilities --------------------------------------------------------------------------------

export interface VulnerabilityDraft {
  personId: string;
  category: VulnerabilityCategory | '';
  details: string;
}

export function emptyVulnerability(personId: string): VulnerabilityDraft {
  return { personId, category: '', details: '' };
}

export function validateVulnerability(d: VulnerabilityDraft): RecordErrors {
  const errors: RecordErrors = {};
  if (d.personId === '') errors.personId = 'personRequired';
  if (d.category === '') errors.category = 'categoryRequired';
  return errors;
}

export function toNewVulnerability(d: VulnerabilityDraft): NewVulnerability {
  const body: NewVulnerability = { personId: d.personId, category: d.category === '' ? 'other' : d.category };
  if (d.details.trim()) body.details = d.details.trim();
  return body;
}
