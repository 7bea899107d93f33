import { describe, expect, it } from 'vitest';
import {
  caseLink,
  checkNotificationParams,
  NOTIFICATION_LANGUAGES,
  NOTIFICATION_PARAMS,
  NOTIFICATION_TYPES,
  notificationLanguage,
  notificationTemplates,
  NotificationParamsError,
  placeholdersOf,
  renderNotification,
  renderNotificationEmail,
  type NotificationParams,
} from './notifications.ts';

const FULL: NotificationParams = {
  reference: 'HW-2026-000123',
  organisation: 'Caritas Tbilisi',
  reason: 'incomplete_file',
  date: '2026-12-01',
  count: 14,
};

const ARABIC = /[\u0600-\u06FF]/;

describe('notification catalogue', () => {
  it('has the 26 agreed types, each with a subject and a sentence in en, fr and ar', () => {
    expect(NOTIFICATION_TYPES).toHaveLength(27);
    expect(new Set(NOTIFICATION_TYPES).size).toBe(27);
    for (const type of NOTIFICATION_TYPES) {
      const def = notificationTemplates(type);
      for (const lang of NOTIFICATION_LANGUAGES) {
        expect(def[lang].subject.trim(), `${type} ${lang}`).not.toBe('');
        expect(def[lang].text.trim(), `${type} ${lang}`).not.toBe('');
      }
      expect(def.ar.text, type).toMatch(ARABIC);
      expect(def.fr.text, type).not.toBe(def.en.text);
    }
  });

  it('uses only catalogue parameters, the same ones in every language', () => {
    for (const type of NOTIFICATION_TYPES) {
      const def = notificationTemplates(type);
      const used = (lang: (typeof NOTIFICATION_LANGUAGES)[number]) =>
        [...new Set([...placeholdersOf(def[lang].subject), ...placeholdersOf(def[lang].text)])].sort();
      for (const p of used('en')) expect(NOTIFICATION_PARAMS, `${type}: ${p}`).toContain(p);
      expect(used('fr'), type).toEqual(used('en'));
      expect(used('ar'), type).toEqual(used('en'));
      for (const r of def.required) expect(used('en'), `${type} requires ${r}`).toContain(r);
    }
  });

  it('fills every placeholder and keeps no template syntax, with all parameters', () => {
    for (const type of NOTIFICATION_TYPES) {
      for (const lang of NOTIFICATION_LANGUAGES) {
        const { subject, text } = renderNotification(type, FULL, lang);
        for (const s of [subject, text]) {
          expect(s, `${type} ${lang}`).not.toMatch(/[{}[\]]/);
          expect(s).not.toContain('—');
        }
        if (notificationTemplates(type).required.includes('reference')) {
          expect(subject + text).toContain('HW-2026-000123');
        }
      }
    }
  });

  it('leaves out optional parts whose parameters are missing, and keeps the required ones', () => {
    for (const type of NOTIFICATION_TYPES) {
      const required = Object.fromEntries(
        notificationTemplates(type).required.map((r) => [r, FULL[r]]),
      ) as NotificationParams;
      for (const lang of NOTIFICATION_LANGUAGES) {
        const { subject, text } = renderNotification(type, required, lang);
        expect(subject + text, `${type} ${lang}`).not.toMatch(/[{}[\]—]/);
        expect(text).not.toMatch(/\s[.,)]|\(\s*\)|\s{2}/);
      }
    }
    expect(renderNotification('referral.declined', { reference: 'HW-2026-000001' }, 'en').text).toBe(
      'The referral of case HW-2026-000001 was declined.',
    );
    expect(renderNotification('referral.declined', FULL, 'fr').text).toBe(
      'L’orientation du dossier HW-2026-000123 a été refusée par Caritas Tbilisi (motif : incomplete_file).',
    );
    expect(renderNotification('referral.received', FULL, 'en').text).toBe(
      'Case HW-2026-000123 was referred to your organisation by Caritas Tbilisi. Please respond by 2026-12-01.',
    );
  });

  it('never reads a value as template syntax', () => {
    const { text } = renderNotification(
      'message.received',
      { reference: 'HW-2026-000001', organisation: 'Aid [{reference}]' },
      'en',
    );
    expect(text).toBe('There is a new message in the thread of case HW-2026-000001 from Aid [{reference}].');
  });
});

describe('notification parameters', () => {
  it('accept the catalogue parameters and normalise dates and counts', () => {
    expect(
      checkNotificationParams('group_booking.announced', {
        date: '2026-12-01T08:00:00Z',
        count: '12',
        organisation: ' IOM ',
      }),
    ).toEqual({ date: '2026-12-01', count: 12, organisation: 'IOM' });
  });

  it('refuse any other name: personal data cannot be stored by mistake', () => {
    for (const key of ['name', 'givenNames', 'dateOfBirth', 'vulnerability', 'body']) {
      expect(() =>
        checkNotificationParams('message.received', { reference: 'HW-2026-000001', [key]: 'x' }),
      ).toThrow(NotificationParamsError);
    }
  });

  it('refuse values of the wrong shape and missing required ones', () => {
    const bad: Record<string, string | number>[] = [
      { reference: 'Mohammed Al-Hassan' },
      { reference: 'HW-2026-000001', reason: 'He was ill' },
      { reference: 'HW-2026-000001', date: '1988-13-45' },
      { reference: 'HW-2026-000001', date: 'yesterday' },
      { reference: 'HW-2026-000001', count: -1 },
      { reference: 'HW-2026-000001', organisation: 'two\nlines' },
      {},
    ];
    for (const params of bad) {
      expect(() => checkNotificationParams('referral.declined', params), JSON.stringify(params)).toThrow(
        NotificationParamsError,
      );
    }
  });
});

describe('e-mail', () => {
  it('has the sentence, the link to the case and a footer in the language', () => {
    const en = renderNotificationEmail(
      'message.received',
      FULL,
      'en',
      caseLink('https://hw.example/', 'c0ffee00-0000-4000-8000-000000000000'),
    );
    expect(en.subject).toBe('Homeward: New message: case HW-2026-000123');
    expect(en.text).toContain('https://hw.example/cases/c0ffee00-0000-4000-8000-000000000000');
    expect(en.text).toContain('no personal data');
    const ar = renderNotificationEmail('message.received', FULL, 'ar', caseLink(undefined, 'x'));
    expect(ar.text).toContain('/cases/x');
    expect(ar.text).toMatch(ARABIC);
    const noCase = renderNotificationEmail('group_booking.announced', FULL, 'fr', null);
    expect(noCase.text).not.toContain('/cases/');
  });

  it('chooses the language from a stored locale, English by default', () => {
    expect(notificationLanguage('fr')).toBe('fr');
    expect(notificationLanguage('ar-EG')).toBe('ar');
    expect(notificationLanguage('ru')).toBe('en');
    expect(notificationLanguage(null)).toBe('en');
  });
});
