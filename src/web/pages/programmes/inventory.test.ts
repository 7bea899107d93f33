import { describe, expect, test } from 'vitest';
import { matchesSearch } from './inventory.ts';

const programme = {
  code: 'NM-STARTPLUS',
  name: { en: 'StartPlus reintegration', fr: 'StartPlus réintégration', ar: 'برنامج ستارت بلس' },
  summary: { en: 'Start-up aid for those who decide early.', fr: 'Aide au démarrage.' },
  funder: { id: 'f', name: 'Nordmark Return Office' },
};

describe('inventory search', () => {
  test('finds by code, name in any language, summary and funder; every word must match', () => {
    expect(matchesSearch(programme, '', 'en')).toBe(true);
    expect(matchesSearch(programme, 'startplus', 'en')).toBe(true);
    expect(matchesSearch(programme, 'reintegration', 'fr')).toBe(true);
    expect(matchesSearch(programme, 'ستارت', 'ar')).toBe(true);
    expect(matchesSearch(programme, 'demarrage', 'fr')).toBe(true);
    expect(matchesSearch(programme, 'nordmark early', 'en')).toBe(true);
    expect(matchesSearch(programme, 'nordmark iraq', 'en')).toBe(false);
  });
});
