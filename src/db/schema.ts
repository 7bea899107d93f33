import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { OrganisationType, Permission, Role } from '../domain/permissions.ts';

/** Kysely's view of the tables. Keep in step with src/db/migrations. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  type: OrganisationType;
  country: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  display_name: string;
  password_hash: string;
  locale: Generated<string>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  last_login_at: Timestamp | null;
  version: Generated<number>;
}

export interface UserRolesTable {
  user_id: string;
  role: Role;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  permissions: Permission[];
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  first_failure_at: Timestamp;
  last_failure_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface AuditLogTable {
  seq: number;
  at: Timestamp;
  actor_user_id: string | null;
  actor_token_id: string | null;
  actor_label: string | null;
  organisation_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface CasesTable {
  id: Generated<string>;
  reference: string;
  organisation_id: string;
  counsellor_user_id: string | null;
  host_country: string;
  return_country: string;
  return_type: string;
  stage: Generated<string>;
  administrative_status: string | null;
  return_decision_date: string | null;
  departure_deadline: string | null;
  entry_ban: Generated<boolean>;
  entry_ban_until: string | null;
  in_detention: Generated<boolean>;
  planned_departure_date: string | null;
  funding_organisation_id: string | null;
  partner_organisation_id: string | null;
  origin_organisation_id: string | null;
  first_submitted_at: Timestamp | null;
  departed_on: string | null;
  arrived_on: string | null;
  departure_confirmation_requested_at: Timestamp | null;
  retroactive: Generated<boolean>;
  retroactive_status: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PersonsTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  relationship: string;
  given_names: string;
  family_name: string;
  original_script_name: string | null;
  other_spellings: Generated<string[]>;
  date_of_birth: string | null;
  date_of_birth_approximate: Generated<boolean>;
  sex: string;
  nationalities: Generated<string[]>;
  languages: Generated<string[]>;
  unaccompanied_minor: Generated<boolean>;
  documents: ColumnType<unknown[], string | undefined, string>;
  search_full: Generated<string>;
  search_tokens: Generated<string[]>;
  search_spellings: Generated<string[]>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface NameTokensTable {
  token: string;
  skeleton: string;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  organisation_id: string;
  at: ColumnType<Date, Date | string | undefined, Date | string>;
  actor_user_id: string | null;
  actor_label: string | null;
  type: string;
  from_stage: string | null;
  to_stage: string | null;
  reason_code: string | null;
  comment: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

type Created = ColumnType<Date, Date | string | undefined, never>;

export interface CounsellingSessionsTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  held_at: Timestamp;
  mode: string;
  interpreter_language: string | null;
  counsellor_user_id: string | null;
  topics: string[];
  motives_for: string[];
  motives_against: string[];
  motives_text: string | null;
  information_source: string | null;
  decision: string | null;
  restricted_notes: string | null;
  created_at: Created;
}

export interface ConsentsTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  person_id: string;
  purpose: string;
  recipient_organisation_id: string | null;
  data_categories: string[];
  method: string;
  information_sheet_version: string | null;
  information_sheet_language: string | null;
  witness_name: string | null;
  given_at: Timestamp;
  withdrawn_at: Timestamp | null;
  withdrawal_effect: string | null;
  recorded_by: string | null;
  created_at: Created;
}

export interface VulnerabilitiesTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  person_id: string;
  category: string;
  details: string | null;
  recorded_by: string | null;
  created_at: Created;
}

export interface ProgrammesTable {
  id: Generated<string>;
  code: string;
  funder_organisation_id: string;
  status: 'draft' | 'published' | 'closed';
  current_version: number;
  name_en: string;
  countries_of_return: string[];
  stages: string[];
  modalities: string[];
  categories: string[];
  implementing_organisation_ids: Generated<string[]>;
  valid_from: string;
  valid_to: string | null;
  created_by: string | null;
  created_at: Created;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ProgrammeVersionsTable {
  programme_id: string;
  version: number;
  effective_from: string;
  /** A ProgrammeDefinition (src/domain/programmes/definition.ts), parsed before it is written. */
  definition: ColumnType<unknown, string, never>;
  created_by: string | null;
  created_at: Created;
}

export interface EnrolmentsTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  programme_id: string;
  programme_code: string;
  programme_version: number;
  status: Generated<'active' | 'withdrawn'>;
  evaluated_on: string;
  language: string;
  snapshot: ColumnType<unknown, string, never>;
  totals: ColumnType<unknown, string, never>;
  enrolled_by: string | null;
  enrolled_at: Created;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
  withdrawal_reason: string | null;
}

export interface ReferralsTable {
  id: Generated<string>;
  case_id: string;
  kind: 'partner' | 'origin';
  sender_organisation_id: string;
  recipient_organisation_id: string;
  status: Generated<'pending' | 'accepted' | 'declined' | 'transferred' | 'withdrawn'>;
  referred_at: Created;
  respond_by: Timestamp;
  responded_at: Timestamp | null;
  responded_by: string | null;
  reason_code: string | null;
  comment: string | null;
  ended_at: Timestamp | null;
  previous_referral_id: string | null;
  created_by: string | null;
}

export interface PlansTable {
  id: Generated<string>;
  case_id: string;
  partner_organisation_id: string;
  status: Generated<'draft' | 'submitted' | 'validated' | 'approved' | 'returned'>;
  needs: ColumnType<unknown, string | undefined, string>;
  version: Generated<number>;
  submitted_at: Timestamp | null;
  validated_at: Timestamp | null;
  validated_by: string | null;
  approved_at: Timestamp | null;
  approved_by: string | null;
  returned_at: Timestamp | null;
  returned_by_part: string | null;
  return_reason_code: string | null;
  return_comment: string | null;
  created_by: string | null;
  created_at: Created;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PlanLinesTable {
  id: Generated<string>;
  plan_id: string;
  case_id: string;
  position: number;
  enrolment_id: string;
  programme_code: string;
  component_code: string;
  category: string;
  modality: 'cash' | 'in_kind' | 'service' | 'referral';
  description: string;
  currency: string;
  amount_cents: number;
  local_currency: string | null;
  local_amount_cents: number | null;
  exchange_rate: number | null;
  supplier: string | null;
  due_date: string;
  beneficiary_person_ids: string[];
  status: Generated<'planned' | 'approved' | 'cancelled'>;
  delivered_cents: Generated<number>;
  justification: string | null;
  justified_by: string | null;
  justified_at: Timestamp | null;
  created_at: Created;
}

export interface DeliveriesTable {
  id: Generated<string>;
  plan_line_id: string;
  case_id: string;
  kind: 'delivery' | 'disbursement';
  delivered_on: string;
  amount_cents: number;
  note: string | null;
  document_ids: string[];
  recorded_by: string | null;
  recorded_by_organisation_id: string;
  created_at: Created;
}

export interface FinalReportsTable {
  id: Generated<string>;
  case_id: string;
  partner_organisation_id: string;
  status: Generated<'draft' | 'submitted' | 'validated' | 'approved' | 'returned'>;
  situation: string | null;
  final_meeting_on: string | null;
  final_meeting_notes: string | null;
  partner_assessment: string | null;
  assessment_rating: string | null;
  version: Generated<number>;
  submitted_at: Timestamp | null;
  validated_at: Timestamp | null;
  validated_by: string | null;
  approved_at: Timestamp | null;
  approved_by: string | null;
  returned_at: Timestamp | null;
  returned_by_part: string | null;
  return_reason_code: string | null;
  return_comment: string | null;
  created_at: Created;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/**
 * The assistance ledger (0010). person_keys has a GIN index without fastupdate (0012): the duplicate
 * guard reads it at every approval, and a pending list would be scanned in full by each read.
 */
export interface LedgerEntriesTable {
  id: Generated<string>;
  person_keys: string[];
  case_id: string | null;
  person_id: string | null;
  plan_line_id: string | null;
  funder_organisation_id: string;
  partner_organisation_id: string | null;
  programme_code: string;
  category: string;
  period_from: string;
  period_to: string;
  amount_cents: number;
  currency: string;
  status: Generated<'approved' | 'cancelled'>;
  created_at: Created;
}

export interface DocumentsTable {
  id: Generated<string>;
  case_id: string;
  uploaded_by_organisation_id: string;
  uploaded_by: string | null;
  kind: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  key_id: string;
  iv: Uint8Array;
  auth_tag: Uint8Array;
  ciphertext: Uint8Array;
  created_at: Created;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  case_id: string | null;
  type: string;
  params: ColumnType<Record<string, string | number>, string | undefined, string>;
  created_at: Created;
  read_at: Timestamp | null;
  email_status: Generated<'none' | 'pending' | 'sent' | 'failed'>;
  email_attempts: Generated<number>;
  email_error: string | null;
  email_next_attempt_at: Timestamp | null;
  email_sent_at: Timestamp | null;
}

export interface CaseMessagesTable {
  id: Generated<string>;
  case_id: string;
  author_organisation_id: string;
  author_user_id: string;
  body: string;
  created_at: Created;
}

export interface CaseMessageReadsTable {
  user_id: string;
  case_id: string;
  last_read_at: Timestamp;
}

export interface GroupBookingsTable {
  id: Generated<string>;
  authority_organisation_id: string;
  partner_organisation_id: string;
  operation_reference: string;
  operation_date: string;
  return_country: string;
  host_country: string;
  return_type: Generated<string>;
  places: number;
  notes: string | null;
  programme_id: string | null;
  status: Generated<'announced' | 'cancelled'>;
  created_by: string | null;
  created_at: Created;
  cancelled_at: Timestamp | null;
  cancelled_by: string | null;
}

export interface GroupBookingPlacesTable {
  id: Generated<string>;
  booking_id: string;
  place_number: number;
  case_id: string | null;
  converted_at: Timestamp | null;
  converted_by: string | null;
  cancelled_at: Timestamp | null;
}

export interface DB {
  group_bookings: GroupBookingsTable;
  group_booking_places: GroupBookingPlacesTable;
  notifications: NotificationsTable;
  case_messages: CaseMessagesTable;
  case_message_reads: CaseMessageReadsTable;
  documents: DocumentsTable;
  plans: PlansTable;
  plan_lines: PlanLinesTable;
  deliveries: DeliveriesTable;
  final_reports: FinalReportsTable;
  ledger_entries: LedgerEntriesTable;
  referrals: ReferralsTable;
  programmes: ProgrammesTable;
  programme_versions: ProgrammeVersionsTable;
  enrolments: EnrolmentsTable;
  counselling_sessions: CounsellingSessionsTable;
  consents: ConsentsTable;
  vulnerabilities: VulnerabilitiesTable;
  cases: CasesTable;
  persons: PersonsTable;
  name_tokens: NameTokensTable;
  case_events: CaseEventsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type NewOrganisation = Insertable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type AuditRow = Selectable<AuditLogTable>;
