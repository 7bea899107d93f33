/**
 * Content-Disposition for a download (RFC 6266): always `attachment`, an ASCII fallback name for old
 * clients and the exact name as `filename*` (RFC 8187, UTF-8, percent-encoded).
 */
export function contentDisposition(filename: string): string {
  const dot = filename.lastIndexOf('.');
  const ext = dot > 0 ? filename.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const fallback = filename
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\%;]/g, '_')
    .trim();
  const stem = fallback.slice(0, fallback.length - ext.length).replace(/[\s._-]/g, '');
  const ascii = stem === '' ? `document${ext}` : fallback;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(filename)}`;
}

/** Percent-encodes everything but RFC 8187's attr-char. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
