import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_CATEGORY,
  DOCUMENT_KINDS,
  documentVisibleTo,
  isSpecialCategoryKind,
  sanitiseFilename,
  type DocumentReader,
} from './documents.ts';

describe('document kinds', () => {
  it('belong to a data category, or to the base data of the case', () => {
    expect(DOCUMENT_KINDS.filter((k) => DOCUMENT_CATEGORY[k] === 'identity')).toEqual([
      'consent_sheet',
      'identity_document',
      'travel_document',
    ]);
    expect(DOCUMENT_CATEGORY.ticket).toBe('travel');
    expect(DOCUMENT_CATEGORY.proof_of_payment).toBeNull();
    expect(DOCUMENT_KINDS.filter(isSpecialCategoryKind)).toEqual(['medical_certificate']);
  });
});

describe('documentVisibleTo', () => {
  const partner: DocumentReader = {
    organisationId: 'partner',
    categories: ['travel'],
    mayReadSpecialCategory: false,
  };
  const doc = (kind: (typeof DOCUMENT_KINDS)[number], by = 'owner') => ({
    kind,
    uploadedByOrganisationId: by,
  });

  it('shows base data to everyone with access and categories only to those who receive them', () => {
    expect(documentVisibleTo(doc('proof_of_payment'), partner)).toBe(true);
    expect(documentVisibleTo(doc('ticket'), partner)).toBe(true);
    expect(documentVisibleTo(doc('identity_document'), partner)).toBe(false);
  });

  it('always shows an organisation its own uploads', () => {
    expect(documentVisibleTo(doc('identity_document', 'partner'), partner)).toBe(true);
  });

  it('shows medical documents only to readers of special-category data, even their uploader', () => {
    const withHealth = { ...partner, categories: ['health' as const] };
    expect(documentVisibleTo(doc('medical_certificate'), withHealth)).toBe(false);
    expect(documentVisibleTo(doc('medical_certificate', 'partner'), withHealth)).toBe(false);
    expect(
      documentVisibleTo(doc('medical_certificate'), { ...withHealth, mayReadSpecialCategory: true }),
    ).toBe(true);
  });
});

describe('sanitiseFilename', () => {
  it('keeps an ordinary name, in any script', () => {
    expect(sanitiseFilename('Flugticket März.pdf')).toBe('Flugticket März.pdf');
    expect(sanitiseFilename('جواز سفر.pdf')).toBe('جواز سفر.pdf');
    expect(sanitiseFilename('می‌خواهم.png')).toBe('می‌خواهم.png'); // with a zero-width non-joiner
  });

  it('keeps only the last path component', () => {
    expect(sanitiseFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFilename('C:\\Users\\x\\scan.tif')).toBe('scan.tif');
  });

  it('removes controls, direction overrides and invisible characters', () => {
    expect(sanitiseFilename('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitiseFilename('a\r\nb\u0000c\u200Bd.pdf')).toBe('a bcd.pdf');
    expect(sanitiseFilename('x\uD800y.pdf')).toBe('xy.pdf'); // an unpaired surrogate
  });

  it('replaces reserved characters, folds white space and trims dots and spaces', () => {
    expect(sanitiseFilename('  a:b*c?   d.pdf. ')).toBe('a_b_c_ d.pdf');
    expect(sanitiseFilename('...hidden')).toBe('hidden');
    expect(sanitiseFilename('./..')).toBe('');
  });

  it('normalises to NFC and cuts at 200 characters, never inside a character', () => {
    expect(sanitiseFilename('Me\u0301xico.pdf')).toBe('M\u00e9xico.pdf');
    const long = sanitiseFilename(`${'😀'.repeat(250)}.pdf`);
    expect([...long]).toHaveLength(200);
    expect(long).toBe('😀'.repeat(200));
  });
});
