/**
 * The file types a case document may have, told from the content's first bytes ("magic numbers"),
 * never from the name or the Content-Type the client sends: a name says what the sender wants us to
 * believe, the bytes say what a viewer will actually open. Pure data and functions, no I/O.
 */

export const ACCEPTED_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/tiff',
] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];

/** What users call each type (for messages) and the extension a saved copy should carry. */
export const MEDIA_TYPE_NAMES: Readonly<Record<AcceptedMediaType, { name: string; extensions: string[] }>> = {
  'application/pdf': { name: 'PDF', extensions: ['pdf'] },
  'image/png': { name: 'PNG', extensions: ['png'] },
  'image/jpeg': { name: 'JPEG', extensions: ['jpg', 'jpeg'] },
  'image/webp': { name: 'WebP', extensions: ['webp'] },
  'image/tiff': { name: 'TIFF', extensions: ['tif', 'tiff'] },
};

/** A byte pattern at an offset; `null` matches any byte. */
interface Signature {
  type: AcceptedMediaType;
  offset: number;
  bytes: readonly (number | null)[];
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { type: 'application/pdf', offset: 0, bytes: ascii('%PDF-') },
  { type: 'image/png', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  // RIFF, a 4-byte little-endian length, then the form type WEBP.
  { type: 'image/webp', offset: 0, bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  { type: 'image/tiff', offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] }, // II*\0, little-endian
  { type: 'image/tiff', offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] }, // MM\0*, big-endian
];

function matches(content: Uint8Array, s: Signature): boolean {
  if (content.length < s.offset + s.bytes.length) return false;
  return s.bytes.every((b, i) => b === null || content[s.offset + i] === b);
}

/** The type of a file from its content, or null when it is none of the accepted types. */
export function sniffMediaType(content: Uint8Array): AcceptedMediaType | null {
  return SIGNATURES.find((s) => matches(content, s))?.type ?? null;
}

/** "PDF, PNG, JPEG, WebP or TIFF" */
export function acceptedTypesText(): string {
  const names = ACCEPTED_MEDIA_TYPES.map((t) => MEDIA_TYPE_NAMES[t].name);
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/**
 * The name under which a copy is saved: the stored name, with the extension of the real type added
 * when the name does not already end in one. A PDF named "invoice.exe" is saved as
 * "invoice.exe.pdf", so the reader's computer opens it as what it is.
 */
export function downloadName(filename: string, mediaType: AcceptedMediaType): string {
  const { extensions } = MEDIA_TYPE_NAMES[mediaType];
  const dot = filename.lastIndexOf('.');
  const ext = dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
  return extensions.includes(ext) ? filename : `${filename}.${extensions[0]}`;
}
