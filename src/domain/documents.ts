/**
 * Case documents (attachments): their kinds, the data category each belongs to, who sees which, and
 * how a file name given by a client is made safe. Pure data and functions, no I/O.
 */
import { SPECIAL_CATEGORIES, type DataCategory } from './sharing.ts';

export const DOCUMENT_KINDS = [
  'consent_sheet',
  'identity_document',
  'travel_document',
  'ticket',
  'medical_certificate',
  'proof_of_payment',
  'proof_of_delivery',
  'invoice',
  'plan_annex',
  'final_report_annex',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * The data category a kind of document belongs to: a recipient sees it only when its dataset
 * includes that category. `null`: part of the case's base data, seen by every organisation with
 * access to the case.
 */
export const DOCUMENT_CATEGORY: Readonly<Record<DocumentKind, DataCategory | null>> = {
  consent_sheet: 'identity',
  identity_document: 'identity',
  travel_document: 'identity',
  ticket: 'travel',
  medical_certificate: 'health',
  proof_of_payment: null,
  proof_of_delivery: null,
  invoice: null,
  plan_annex: null,
  final_report_annex: null,
  other: null,
};

export const FILENAME_MAX_LENGTH = 200;

/** Special-category data (health): read only with 'special_category:read', every read audited. */
export function isSpecialCategoryKind(kind: DocumentKind): boolean {
  const category = DOCUMENT_CATEGORY[kind];
  return category !== null && SPECIAL_CATEGORIES.includes(category);
}

/** Who reads: the reader's organisation, the categories it receives, and its special-category right. */
export interface DocumentReader {
  organisationId: string;
  categories: readonly DataCategory[];
  mayReadSpecialCategory: boolean;
}

/**
 * Whether a reader (whose organisation has access to the case) sees a document: its own
 * organisation's uploads always, others when the document's category is in its dataset or the
 * document has none; special-category documents only with the right to read them.
 */
export function documentVisibleTo(
  doc: { kind: DocumentKind; uploadedByOrganisationId: string },
  reader: DocumentReader,
): boolean {
  if (isSpecialCategoryKind(doc.kind) && !reader.mayReadSpecialCategory) return false;
  if (doc.uploadedByOrganisationId === reader.organisationId) return true;
  const category = DOCUMENT_CATEGORY[doc.kind];
  return category === null || reader.categories.includes(category);
}

/**
 * Characters that never belong in a stored name: controls (C0, DEL, C1), bidirectional marks,
 * embeddings, overrides and isolates (which make "fdp.exe" display as "exe.pdf"), invisible
 * characters (zero-width space, word joiner, BOM), line and paragraph separators, and unpaired
 * surrogates. The zero-width non-joiner and joiner stay: Persian and other scripts write with them.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff\p{Cs}]/gu;
/** Characters that mean something to file systems or shells. */
const RESERVED = /[<>:"|?*]/g;

/**
 * A client's file name made safe to store and to offer back: Unicode NFC, only the last path
 * component, no unsafe or reserved characters, runs of white space as one space, no leading or
 * trailing dots and spaces. '' when nothing is left (the caller refuses it).
 */
export function sanitiseFilename(given: string): string {
  const base = given.normalize('NFC').split(/[/\\]/).at(-1) ?? '';
  const clean = base
    .replace(/[\t\n\v\f\r]/g, ' ')
    .replace(UNSAFE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  // Cut by code points, never inside a surrogate pair.
  return [...clean].slice(0, FILENAME_MAX_LENGTH).join('').trim();
}
