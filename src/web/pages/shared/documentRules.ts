/**
 * The pure part of the documents panel: who may add documents and of which kinds, sizes in words,
 * and what a refused upload means. No React.
 */
import {
  DOCUMENT_CATEGORY,
  DOCUMENT_KINDS,
  isSpecialCategoryKind,
  type DocumentKind,
} from '../../../domain/documents.ts';
import { isApiError } from '../../api/client.ts';
import type { SharedCaseLike } from '../../api/plans.ts';
import type { Reader } from './planDraft.ts';

/** Kinds a proof of a delivery is usually filed as, first the most common. */
export const PROOF_KINDS: readonly DocumentKind[] = [
  'proof_of_payment',
  'proof_of_delivery',
  'invoice',
  'other',
];

/**
 * Whether the reader may add documents at all (the server's rule): the owner with cases:write, the
 * partner with plans:write, the funding authority with cases:validate or plans:approve.
 */
export function mayUpload(reader: Reader): boolean {
  const has = (p: Reader['permissions'][number]) => reader.permissions.includes(p);
  return (
    (reader.parts.has('owner') && has('cases:write')) ||
    (reader.parts.has('partner') && has('plans:write')) ||
    (reader.parts.has('funder') && (has('cases:validate') || has('plans:approve')))
  );
}

/**
 * The kinds the reader may add: those of the case's base data, and those of a data category its
 * organisation receives (all of them for the owner and the funder); medical certificates only with
 * the right to read special-category data.
 */
export function uploadableKinds(
  reader: Reader,
  relation: string,
  dataset: readonly string[] | undefined,
): DocumentKind[] {
  const everything = relation === 'owner' || relation === 'funder' || dataset === undefined;
  return DOCUMENT_KINDS.filter((kind) => {
    if (isSpecialCategoryKind(kind) && !reader.permissions.includes('special_category:read')) return false;
    const category = DOCUMENT_CATEGORY[kind];
    return category === null || everything || dataset.includes(category);
  });
}

/** "820 B", "12.5 kB", "3.2 MB" in the interface language (decimal units, as file managers show). */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  try {
    return new Intl.NumberFormat(language, {
      style: 'unit',
      unit: units[unit],
      unitDisplay: 'short',
      maximumFractionDigits: unit === 0 ? 0 : 1,
    }).format(value);
  } catch {
    return `${bytes} B`;
  }
}

export type UploadRefusal =
  | { kind: 'tooLarge'; maxBytes: number | null }
  | { kind: 'unsupportedType' }
  | { kind: 'forbidden' }
  | { kind: 'empty' }
  | { kind: 'other' };

/** What a refused upload means, for a message in the interface language. */
export function uploadRefusal(error: unknown): UploadRefusal {
  if (!isApiError(error)) return { kind: 'other' };
  switch (error.status) {
    case 413: {
      const max = error.problem.extensions?.maxBytes;
      return { kind: 'tooLarge', maxBytes: typeof max === 'number' ? max : null };
    }
    case 415:
      return { kind: 'unsupportedType' };
    case 403:
      return { kind: 'forbidden' };
    case 422:
      return { kind: 'empty' };
    default:
      return { kind: 'other' };
  }
}

/** The name of the organisation that uploaded a document, among those that share the case. */
export function uploaderName(view: SharedCaseLike, organisationId: string): string | null {
  for (const org of [view.owner, view.funder, view.partner]) {
    if (org && org.id === organisationId) return org.name;
  }
  return null;
}
