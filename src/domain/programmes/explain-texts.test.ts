import { describe, expect, it } from 'vitest';
import { ADMINISTRATIVE_STATUSES, RETURN_TYPES, VULNERABILITY_CATEGORIES } from '../case-facts.ts';
import { COMPONENT_CATEGORIES, PROCEDURAL_STAGES } from './definition.ts';
import { message, messagesFor, valueLabel, type Messages } from './explain-texts.ts';

const LANGUAGES = ['fr', 'ar', 'ru', 'fa', 'es'];
const en = messagesFor('en')!;

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** Every text of a catalogue, keyed `message`, `facts.x`, `ops.x` or `values.x`. */
function texts(m: Readonly<Messages>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(m)) {
    if (typeof value === 'string') out.set(key, value);
    else if (value) for (const [k, v] of Object.entries(value)) out.set(`${key}.${k}`, v);
  }
  return out;
}

describe('explanation texts', () => {
  it('has English words for every coded value the engine may show', () => {
    const codes = [
      ...ADMINISTRATIVE_STATUSES,
      ...PROCEDURAL_STAGES,
      ...RETURN_TYPES,
      ...COMPONENT_CATEGORIES,
      ...VULNERABILITY_CATEGORIES,
    ];
    expect(codes.filter((c) => en.values?.[c] === undefined)).toEqual([]);
  });

  it.each(LANGUAGES)('%s defines every text that English defines, with the same placeholders', (lang) => {
    const theirs = messagesFor(lang);
    expect(theirs).toBeDefined();
    const translated = texts(theirs!);
    for (const [key, english] of texts(en)) {
      const text = translated.get(key);
      expect(text?.trim(), `${lang} ${key}`).toBeTruthy();
      expect(placeholders(text!), `${lang} ${key}`).toEqual(placeholders(english));
    }
    expect(
      [...translated.keys()].filter((k) => !texts(en).has(k)),
      `${lang}: keys English lacks`,
    ).toEqual([]);
  });

  it('serves the new languages through message and valueLabel', () => {
    expect(message('ru', 'amount.total', { total: '1 000 EUR' })).toBe('Итого: 1 000 EUR');
    expect(message('es', 'check.countryCovered', { country: 'Irak' })).toBe('Cubre el retorno a Irak');
    expect(valueLabel('fa', 'business_start_up')).toBe('راه‌اندازی کسب‌وکار');
    expect(valueLabel('fr', 'asylum_rejected')).toBe("demande d'asile rejetée");
  });
});
