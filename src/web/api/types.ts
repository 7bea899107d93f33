import type {
  CONSENT_DATA_CATEGORIES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  COUNSELLING_DECISIONS,
  COUNSELLING_MODES,
  INFORMATION_SOURCES,
  MOTIVES_AGAINST_RETURN,
  MOTIVES_FOR_RETURN,
  VULNERABILITY_CATEGORIES,
} from '../../domain/case-facts.ts';
import type { CaseStage } from '../../domain/case-workflow.ts';
import type { OrganisationType, Permission, Role } from '../../domain/permissions.ts';

export type Locale = 'en' | 'fr' | 'ar';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: Locale | null;
  active: boolean;
}

export interface Organisation {
  id: string;
  slug: string;
  name: string;
  type: OrganisationType;
  country: string | null;
  active?: boolean;
}

/** GET /api/v1/organisations/directory: an active organisation one may name as a recipient. */
export interface DirectoryEntry {
  id: string;
  name: string;
  type: OrganisationType;
  country: string;
}

/** GET /api/v1/me */
export interface Me {
  user: SessionUser;
  organisation: Organisation;
  roles: Role[];
  permissions: Permission[];
  csrfToken: string;
}

/** POST /api/v1/auth/login */
export interface LoginResponse {
  csrfToken: string;
  user: Partial<SessionUser>;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface NewUser {
  email: string;
  displayName: string;
  roles: Role[];
  password: string;
}

export interface UserChanges {
  displayName?: string;
  roles?: Role[];
  active?: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  permissions: Permission[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface NewToken {
  name: string;
  permissions: Permission[];
  expiresAt?: string;
}

/** The one response that carries a token's secret. */
export interface CreatedToken extends ApiToken {
  token: string;
}

export interface AuditEntry {
  seq: number | string;
  at: string;
  /** Who acted: the user's email or the token's name (the server sends `actorLabel`). */
  actorLabel?: string | null;
  actorEmail?: string | null;
  organisationId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  ip: string | null;
}

export interface ListOf<T> {
  items: T[];
  total?: number;
}

// Return files (cases). The enumerations mirror src/server/cases/cases.schemas.ts (the contract);
// types.test.ts fails when they drift apart.

export const RETURN_TYPES = ['assisted_voluntary', 'non_assisted_voluntary', 'assisted_forced'] as const;
export type ReturnType = (typeof RETURN_TYPES)[number];

export const ADMINISTRATIVE_STATUSES = [
  'asylum_pending',
  'asylum_rejected',
  'irregular_stay',
  'expired_permit',
  'tolerated_stay',
  'other',
] as const;
export type AdministrativeStatus = (typeof ADMINISTRATIVE_STATUSES)[number];

export const RELATIONSHIPS = [
  'principal',
  'spouse',
  'child',
  'parent',
  'sibling',
  'other_relative',
  'other',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'travel_document',
  'laissez_passer',
  'birth_certificate',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_STATUSES = [
  'with_person',
  'held_by_authorities',
  'lost',
  'stolen',
  'expired',
  'never_held',
  'requested',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The work queues of the case list. */
export const CASE_QUEUES = ['mine', 'deadlines', 'awaiting_validation'] as const;
export type CaseQueue = (typeof CASE_QUEUES)[number];

export interface PersonDocument {
  type: DocumentType;
  number?: string;
  issuingCountry?: string;
  expiresOn?: string;
  status: DocumentStatus;
}

/** A person of a case, as the server sends it. */
export interface Person {
  id: string;
  caseId: string;
  relationship: Relationship;
  givenNames: string;
  familyName: string;
  originalScriptName: string | null;
  otherSpellings: string[];
  dateOfBirth: string | null;
  dateOfBirthApproximate: boolean;
  sex: Sex;
  nationalities: string[];
  languages: string[];
  unaccompaniedMinor: boolean;
  documents: PersonDocument[];
  version: number;
}

/** A person to add (POST /cases, POST /cases/{id}/persons). */
export interface NewPerson {
  relationship: Relationship;
  givenNames: string;
  familyName: string;
  originalScriptName?: string;
  otherSpellings?: string[];
  dateOfBirth?: string;
  dateOfBirthApproximate?: boolean;
  sex: Sex;
  nationalities?: string[];
  languages?: string[];
  unaccompaniedMinor?: boolean;
  documents?: PersonDocument[];
}

/** The legal situation of a case; null clears a value. */
export interface LegalSituation {
  administrativeStatus?: AdministrativeStatus | null;
  returnDecisionDate?: string | null;
  departureDeadline?: string | null;
  entryBan?: boolean;
  entryBanUntil?: string | null;
  inDetention?: boolean;
  plannedDepartureDate?: string | null;
}

/** POST /cases */
export interface NewCase extends LegalSituation {
  hostCountry: string;
  returnCountry: string;
  returnType: ReturnType;
  counsellorId?: string;
  persons: NewPerson[];
}

/** PATCH /cases/{id} (with If-Match) */
export interface CaseChanges extends LegalSituation {
  counsellorId?: string | null;
  returnCountry?: string;
  returnType?: ReturnType;
}

export interface AllowedTransition {
  to: CaseStage;
  /** The server's English label; the web app shows its own translation. */
  label: string;
  reasonRequired: boolean;
}

/** GET /cases/{id} */
export interface Case {
  id: string;
  reference: string;
  organisationId: string;
  counsellorId: string | null;
  hostCountry: string;
  returnCountry: string;
  returnType: ReturnType;
  stage: CaseStage;
  administrativeStatus: AdministrativeStatus | null;
  returnDecisionDate: string | null;
  departureDeadline: string | null;
  entryBan: boolean;
  entryBanUntil: string | null;
  inDetention: boolean;
  plannedDepartureDate: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  persons: Person[];
  allowedTransitions: AllowedTransition[];
}

/** One row of GET /cases */
export interface CaseSummary {
  id: string;
  reference: string;
  stage: CaseStage;
  hostCountry: string;
  returnCountry: string;
  returnType: ReturnType;
  counsellorId: string | null;
  departureDeadline: string | null;
  principalName: string | null;
  householdSize: number;
  version: number;
  createdAt: string;
}

/** GET /cases query parameters */
export interface CaseListParams {
  q?: string;
  stage?: CaseStage;
  returnCountry?: string;
  counsellorId?: string;
  deadlineWithinDays?: number;
  queue?: CaseQueue;
  limit?: number;
  offset?: number;
}

/** POST /cases/{id}/transitions */
export interface TransitionRequest {
  to: CaseStage;
  reasonCode?: string;
  comment?: string;
}

/** One event of GET /cases/{id}/timeline */
export interface CaseEvent {
  id: number;
  at: string;
  actorLabel: string | null;
  type: string;
  fromStage: string | null;
  toStage: string | null;
  reasonCode: string | null;
  comment: string | null;
  details: Record<string, unknown>;
}

// Counselling, consent and vulnerabilities. The code lists are the domain's (src/domain/case-facts.ts),
// shared with the server; the shapes mirror src/server/case-records/case-records.schemas.ts.

export type CounsellingMode = (typeof COUNSELLING_MODES)[number];
export type MotiveForReturn = (typeof MOTIVES_FOR_RETURN)[number];
export type MotiveAgainstReturn = (typeof MOTIVES_AGAINST_RETURN)[number];
export type InformationSource = (typeof INFORMATION_SOURCES)[number];
export type CounsellingDecision = (typeof COUNSELLING_DECISIONS)[number];
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type ConsentDataCategory = (typeof CONSENT_DATA_CATEGORIES)[number];
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export type VulnerabilityCategory = (typeof VULNERABILITY_CATEGORIES)[number];

/** One counselling session of GET /cases/{id}/counselling-sessions. */
export interface CounsellingSession {
  id: string;
  caseId: string;
  heldAt: string;
  mode: CounsellingMode;
  interpreterLanguage: string | null;
  counsellorId: string | null;
  topics: string[];
  motivesFor: MotiveForReturn[];
  motivesAgainst: MotiveAgainstReturn[];
  motivesText: string | null;
  informationSource: InformationSource | null;
  decision: CounsellingDecision | null;
  /** Present only for roles that may read special-category data. */
  restrictedNotes?: string | null;
}

/** POST /cases/{id}/counselling-sessions */
export interface NewCounsellingSession {
  heldAt: string;
  mode: CounsellingMode;
  interpreterLanguage?: string;
  topics?: string[];
  motivesFor?: MotiveForReturn[];
  motivesAgainst?: MotiveAgainstReturn[];
  motivesText?: string;
  informationSource?: InformationSource;
  decision?: CounsellingDecision;
  restrictedNotes?: string;
}

/** One consent of GET /cases/{id}/consents. */
export interface Consent {
  id: string;
  caseId: string;
  personId: string;
  purpose: ConsentPurpose;
  recipientOrganisationId: string | null;
  dataCategories: ConsentDataCategory[];
  method: ConsentMethod;
  informationSheetVersion: string | null;
  informationSheetLanguage: string | null;
  witnessName: string | null;
  givenAt: string;
  withdrawnAt: string | null;
  withdrawalEffect: string | null;
  active: boolean;
}

/** POST /cases/{id}/consents */
export interface NewConsent {
  personId: string;
  purpose: ConsentPurpose;
  recipientOrganisationId?: string;
  dataCategories: ConsentDataCategory[];
  method: ConsentMethod;
  informationSheetVersion?: string;
  informationSheetLanguage?: string;
  witnessName?: string;
  givenAt: string;
}

/** POST /cases/{id}/consents/{itemId}/withdraw */
export interface ConsentWithdrawal {
  withdrawnAt?: string;
  effect?: string;
}

/** One vulnerability of GET /cases/{id}/vulnerabilities (special-category data). */
export interface Vulnerability {
  id: string;
  caseId: string;
  personId: string;
  category: VulnerabilityCategory;
  details: string | null;
  createdAt: string;
}

/** POST /cases/{id}/vulnerabilities */
export interface NewVulnerability {
  personId: string;
  category: VulnerabilityCategory;
  details?: string;
}

export const DUPLICATE_REASONS = [
  'similar_name',
  'same_name',
  'same_date_of_birth',
  'birth_year_close',
  'different_date_of_birth',
  'different_sex',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** POST /persons/possible-duplicates */
export interface DuplicateQuery {
  givenNames: string;
  familyName: string;
  originalScriptName?: string;
  otherSpellings?: string[];
  dateOfBirth?: string;
  dateOfBirthApproximate?: boolean;
  sex?: Sex;
  excludeCaseId?: string;
}

/** One answer of POST /persons/possible-duplicates. */
export interface PossibleDuplicate {
  personId: string;
  caseId: string;
  caseReference: string;
  name: string;
  dateOfBirth: string | null;
  /** 0 to 1. */
  score: number;
  reasons: DuplicateReason[];
}
