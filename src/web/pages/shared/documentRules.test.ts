import { describe, expect, test } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { problemFromResponse } from '../../api/documents.ts';
import type { SharedCaseLike } from '../../api/plans.ts';
import { formatBytes, mayUpload, uploadableKinds, uploaderName, uploadRefusal } from './documentRules.ts';
import { newUnreadIds } from './messageMarks.ts';
import type { CasePart, Reader } from './planDraft.ts';
import type { Permission } from '../../../domain/permissions.ts';

function reader(permissions: Permission[], parts: CasePart[]): Reader {
  return { permissions, parts: new Set(parts) };
}

describe('who may add documents, and of which kinds', () => {
  test('the server’s upload rights: owner writes, partner plans, funder validates or approves', () => {
    expect(mayUpload(reader(['cases:write'], ['owner']))).toBe(true);
    expect(mayUpload(reader(['plans:write'], ['partner']))).toBe(true);
    expect(mayUpload(reader(['plans:validate'], ['partner']))).toBe(false);
    expect(mayUpload(reader(['plans:approve'], ['funder']))).toBe(true);
    expect(mayUpload(reader(['cases:validate'], ['funder']))).toBe(true);
    expect(mayUpload(reader(['cases:write'], ['partner']))).toBe(false);
  });

  test('a partner adds base documents and those of the categories it receives', () => {
    const worker = reader(['plans:write'], ['partner']);
    expect(uploadableKinds(worker, 'partner', ['travel'])).toEqual([
      'ticket',
      'proof_of_payment',
      'proof_of_delivery',
      'invoice',
      'plan_annex',
      'final_report_annex',
      'other',
    ]);
    expect(
      uploadableKinds(reader(['plans:write', 'special_category:read'], ['partner']), 'partner', [
        'identity',
        'health',
      ]),
    ).toContain('medical_certificate');
    expect(uploadableKinds(worker, 'partner', ['health'])).not.toContain('medical_certificate');
  });

  test('the owner and the funder add every kind (medical ones with special-category access)', () => {
    expect(
      uploadableKinds(reader(['cases:write', 'special_category:read'], ['owner']), 'owner', []),
    ).toHaveLength(11);
    expect(uploadableKinds(reader(['plans:approve'], ['funder']), 'funder', [])).toHaveLength(10);
  });
});

describe('sizes and refusals', () => {
  test('sizes in decimal units in the interface language', () => {
    expect(formatBytes(820, 'en')).toBe('820 byte');
    expect(formatBytes(12_500, 'en')).toBe('12.5 kB');
    expect(formatBytes(10 * 1024 * 1024, 'en')).toBe('10.5 MB');
    expect(formatBytes(3_200_000, 'fr')).toMatch(/^3,2\s?Mo$/);
  });

  test('413 says the limit, 415 the type, 403 the right', () => {
    const problem = problemFromResponse(
      413,
      'Payload Too Large',
      JSON.stringify({
        type: 'x/payload-too-large',
        title: 'Too large',
        status: 413,
        detail: 'At most 10 MiB.',
        maxBytes: 10485760,
      }),
    );
    expect(problem).toEqual({
      type: 'x/payload-too-large',
      title: 'Too large',
      status: 413,
      detail: 'At most 10 MiB.',
      extensions: { maxBytes: 10485760 },
    });
    expect(uploadRefusal(new ApiError(problem))).toEqual({ kind: 'tooLarge', maxBytes: 10485760 });
    expect(uploadRefusal(new ApiError({ title: 'x', status: 413 }))).toEqual({
      kind: 'tooLarge',
      maxBytes: null,
    });
    expect(uploadRefusal(new ApiError({ title: 'x', status: 415 }))).toEqual({ kind: 'unsupportedType' });
    expect(uploadRefusal(new ApiError({ title: 'x', status: 403 }))).toEqual({ kind: 'forbidden' });
    expect(uploadRefusal(new ApiError({ title: 'x', status: 500 }))).toEqual({ kind: 'other' });
    expect(problemFromResponse(502, 'Bad Gateway', '<html>')).toEqual({ title: 'Bad Gateway', status: 502 });
  });

  test('the uploader is named among the organisations that share the case', () => {
    const view = {
      owner: { id: 'o', name: 'Lumen' },
      funder: { id: 'f', name: 'Nordmark' },
      partner: null,
    } as SharedCaseLike;
    expect(uploaderName(view, 'f')).toBe('Nordmark');
    expect(uploaderName(view, 'x')).toBeNull();
  });
});

describe('messages marked new', () => {
  test('unread ones not marked yet', () => {
    const items = [
      { id: 'a', unread: false },
      { id: 'b', unread: true },
      { id: 'c', unread: true },
    ];
    expect(newUnreadIds(items, new Set())).toEqual(['b', 'c']);
    expect(newUnreadIds(items, new Set(['b']))).toEqual(['c']);
  });
});
