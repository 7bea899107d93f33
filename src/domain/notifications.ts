/**
 * The catalogue of notifications (pure data and functions, no I/O): what can be notified, the
 * parameters each kind carries, and its subject and sentence in English, French and Arabic.
 *
 * A notification is read in an inbox and sent by e-mail, where it leaves the platform. It therefore
 * never carries personal data: only the case reference, organisation names, reason codes, dates and
 * counts. The parameter names are a closed list (NOTIFICATION_PARAMS) and each value is checked
 * (`checkNotificationParams`), so a name, a date of birth or a vulnerability cannot slip in by
 * accident.
 *
 * Templates: `{name}` is a parameter; `[ … ]` is an optional part, left out when a parameter inside it
 * is missing. Parameter values are inserted as they are and never read as template syntax.
 */

export const NOTIFICATION_TYPES = [
  'application.submitted',
  'application.validated',
  'application.returned',
  'application.rejected',
  'referral.received',
  'referral.accepted',
  'referral.declined',
  'referral.ended',
  'departure.confirmation_requested',
  'departure.confirmed',
  'departure.not_departed',
  'arrival.confirmed',
  'plan.submitted',
  'plan.validated',
  'plan.approved',
  'plan.returned',
  'report.submitted',
  'report.validated',
  'report.approved',
  'report.returned',
  'retroactive.registered',
  'retroactive.accepted',
  'retroactive.declined',
  'group_booking.announced',
  'group_booking.cancelled',
  'message.received',
  'assistance.overlap_justified',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_LANGUAGES = ['en', 'fr', 'ar'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

/**
 * The only parameters a notification may carry:
 * - `reference`: the case reference (HW-2026-000123) or another file reference (a group booking's);
 * - `organisation`: the name of the organisation that acted;
 * - `reason`: a reason code (`incomplete_file`), shown as the code;
 * - `date`: a calendar date, shown as YYYY-MM-DD;
 * - `count`: a number of persons.
 */
export const NOTIFICATION_PARAMS = ['reference', 'organisation', 'reason', 'date', 'count'] as const;
export type NotificationParam = (typeof NOTIFICATION_PARAMS)[number];
export type NotificationParams = Partial<Record<NotificationParam, string | number>>;

interface Text {
  subject: string;
  text: string;
}

interface Definition {
  /** Parameters the sentence cannot do without. */
  required: readonly NotificationParam[];
  en: Text;
  fr: Text;
  ar: Text;
}

const REF: readonly NotificationParam[] = ['reference'];

const CATALOGUE: Readonly<Record<NotificationType, Definition>> = {
  'application.submitted': {
    required: REF,
    en: {
      subject: 'Application {reference} submitted',
      text: 'Case {reference} was submitted for validation[ by {organisation}].',
    },
    fr: {
      subject: 'Demande {reference} soumise',
      text: 'Le dossier {reference} a été soumis pour validation[ par {organisation}].',
    },
    ar: {
      subject: 'تقديم الطلب {reference}',
      text: 'قُدّم الملف {reference} للتحقق[ من قبل {organisation}].',
    },
  },
  'application.validated': {
    required: REF,
    en: {
      subject: 'Application {reference} validated',
      text: 'The application of case {reference} was validated[ by {organisation}].',
    },
    fr: {
      subject: 'Demande {reference} validée',
      text: 'La demande du dossier {reference} a été validée[ par {organisation}].',
    },
    ar: {
      subject: 'التحقق من الطلب {reference}',
      text: 'تم التحقق من طلب الملف {reference}[ من قبل {organisation}].',
    },
  },
  'application.returned': {
    required: REF,
    en: {
      subject: 'Application {reference} returned',
      text: 'The application of case {reference} was returned for changes[ by {organisation}][ (reason: {reason})].',
    },
    fr: {
      subject: 'Demande {reference} renvoyée',
      text: 'La demande du dossier {reference} a été renvoyée pour modification[ par {organisation}][ (motif : {reason})].',
    },
    ar: {
      subject: 'إعادة الطلب {reference}',
      text: 'أُعيد طلب الملف {reference} لإجراء تعديلات[ من قبل {organisation}][ (السبب: {reason})].',
    },
  },
  'application.rejected': {
    required: REF,
    en: {
      subject: 'Application {reference} rejected',
      text: 'The application of case {reference} was rejected[ by {organisation}][ (reason: {reason})].',
    },
    fr: {
      subject: 'Demande {reference} rejetée',
      text: 'La demande du dossier {reference} a été rejetée[ par {organisation}][ (motif : {reason})].',
    },
    ar: {
      subject: 'رفض الطلب {reference}',
      text: 'رُفض طلب الملف {reference}[ من قبل {organisation}][ (السبب: {reason})].',
    },
  },
  'referral.received': {
    required: REF,
    en: {
      subject: 'Referral received: case {reference}',
      text: 'Case {reference} was referred to your organisation[ by {organisation}].[ Please respond by {date}.]',
    },
    fr: {
      subject: 'Orientation reçue : dossier {reference}',
      text: 'Le dossier {reference} a été orienté vers votre organisation[ par {organisation}].[ Merci de répondre avant le {date}.]',
    },
    ar: {
      subject: 'إحالة جديدة: الملف {reference}',
      text: 'أُحيل الملف {reference} إلى منظمتكم[ من قبل {organisation}].[ يُرجى الرد قبل {date}.]',
    },
  },
  'referral.accepted': {
    required: REF,
    en: {
      subject: 'Referral accepted: case {reference}',
      text: 'The referral of case {reference} was accepted[ by {organisation}].',
    },
    fr: {
      subject: 'Orientation acceptée : dossier {reference}',
      text: 'L’orientation du dossier {reference} a été acceptée[ par {organisation}].',
    },
    ar: {
      subject: 'قبول الإحالة: الملف {reference}',
      text: 'تم قبول إحالة الملف {reference}[ من قبل {organisation}].',
    },
  },
  'referral.declined': {
    required: REF,
    en: {
      subject: 'Referral declined: case {reference}',
      text: 'The referral of case {reference} was declined[ by {organisation}][ (reason: {reason})].',
    },
    fr: {
      subject: 'Orientation refusée : dossier {reference}',
      text: 'L’orientation du dossier {reference} a été refusée[ par {organisation}][ (motif : {reason})].',
    },
    ar: {
      subject: 'رفض الإحالة: الملف {reference}',
      text: 'تم رفض إحالة الملف {reference}[ من قبل {organisation}][ (السبب: {reason})].',
    },
  },
  'referral.ended': {
    required: REF,
    en: {
      subject: 'Referral ended: case {reference}',
      text: 'The referral of case {reference} has ended[ (reason: {reason})].',
    },
    fr: {
      subject: 'Fin de l’orientation : dossier {reference}',
      text: 'L’orientation du dossier {reference} a pris fin[ (motif : {reason})].',
    },
    ar: {
      subject: 'انتهاء الإحالة: الملف {reference}',
      text: 'انتهت إحالة الملف {reference}[ (السبب: {reason})].',
    },
  },
  'departure.confirmation_requested': {
    required: REF,
    en: {
      subject: 'Departure to confirm: case {reference}',
      text: 'Please confirm the departure of case {reference}[, planned for {date}].',
    },
    fr: {
      subject: 'Départ à confirmer : dossier {reference}',
      text: 'Merci de confirmer le départ du dossier {reference}[, prévu le {date}].',
    },
    ar: {
      subject: 'تأكيد المغادرة مطلوب: الملف {reference}',
      text: 'يُرجى تأكيد مغادرة الملف {reference}[ المقررة في {date}].',
    },
  },
  'departure.confirmed': {
    required: REF,
    en: {
      subject: 'Departure confirmed: case {reference}',
      text: 'The departure of case {reference}[ on {date}] was confirmed[ by {organisation}].',
    },
    fr: {
      subject: 'Départ confirmé : dossier {reference}',
      text: 'Le départ du dossier {reference}[ le {date}] a été confirmé[ par {organisation}].',
    },
    ar: {
      subject: 'تأكيد المغادرة: الملف {reference}',
      text: 'تم تأكيد مغادرة الملف {reference}[ بتاريخ {date}][ من قبل {organisation}].',
    },
  },
  'departure.not_departed': {
    required: REF,
    en: {
      subject: 'Not departed: case {reference}',
      text: 'Case {reference} did not depart as planned[ (reason: {reason})].',
    },
    fr: {
      subject: 'Départ non effectué : dossier {reference}',
      text: 'Le départ du dossier {reference} n’a pas eu lieu comme prévu[ (motif : {reason})].',
    },
    ar: {
      subject: 'لم تتم المغادرة: الملف {reference}',
      text: 'لم تتم مغادرة الملف {reference} كما كان مقرراً[ (السبب: {reason})].',
    },
  },
  'arrival.confirmed': {
    required: REF,
    en: {
      subject: 'Arrival confirmed: case {reference}',
      text: 'The arrival of case {reference}[ on {date}] was confirmed[ by {organisation}].',
    },
    fr: {
      subject: 'Arrivée confirmée : dossier {reference}',
      text: 'L’arrivée du dossier {reference}[ le {date}] a été confirmée[ par {organisation}].',
    },
    ar: {
      subject: 'تأكيد الوصول: الملف {reference}',
      text: 'تم تأكيد وصول الملف {reference}[ بتاريخ {date}][ من قبل {organisation}].',
    },
  },
  'plan.submitted': {
    required: REF,
    en: {
      subject: 'Reintegration plan submitted: case {reference}',
      text: 'A reintegration plan for case {reference} was submitted for validation[ by {organisation}].',
    },
    fr: {
      subject: 'Plan de réintégration soumis : dossier {reference}',
      text: 'Un plan de réintégration du dossier {reference} a été soumis pour validation[ par {organisation}].',
    },
    ar: {
      subject: 'تقديم خطة إعادة الإدماج: الملف {reference}',
      text: 'قُدّمت خطة إعادة الإدماج للملف {reference} للتحقق[ من قبل {organisation}].',
    },
  },
  'plan.validated': {
    required: REF,
    en: {
      subject: 'Reintegration plan validated: case {reference}',
      text: 'The reintegration plan of case {reference} was validated[ by {organisation}].',
    },
    fr: {
      subject: 'Plan de réintégration validé : dossier {reference}',
      text: 'Le plan de réintégration du dossier {reference} a été validé[ par {organisation}].',
    },
    ar: {
      subject: 'التحقق من خطة إعادة الإدماج: الملف {reference}',
      text: 'تم التحقق من خطة إعادة الإدماج للملف {reference}[ من قبل {organisation}].',
    },
  },
  'plan.approved': {
    required: REF,
    en: {
      subject: 'Reintegration plan approved: case {reference}',
      text: 'The reintegration plan of case {reference} was approved[ by {organisation}].',
    },
    fr: {
      subject: 'Plan de réintégration approuvé : dossier {reference}',
      text: 'Le plan de réintégration du dossier {reference} a été approuvé[ par {organisation}].',
    },
    ar: {
      subject: 'الموافقة على خطة إعادة الإدماج: الملف {reference}',
      text: 'تمت الموافقة على خطة إعادة الإدماج للملف {reference}[ من قبل {organisation}].',
    },
  },
  'plan.returned': {
    required: REF,
    en: {
      subject: 'Reintegration plan returned: case {reference}',
      text: 'The reintegration plan of case {reference} was returned for changes[ by {organisation}][ (reason: {reason})].',
    },
    fr: {
      subject: 'Plan de réintégration renvoyé : dossier {reference}',
      text: 'Le plan de réintégration du dossier {reference} a été renvoyé pour modification[ par {organisation}][ (motif : {reason})].',
    },
    ar: {
      subject: 'إعادة خطة إعادة الإدماج: الملف {reference}',
      text: 'أُعيدت خطة إعادة الإدماج للملف {reference} لإجراء تعديلات[ من قبل {organisation}][ (السبب: {reason})].',
    },
  },
  'report.submitted': {
    required: REF,
    en: {
      subject: 'Final report submitted: case {reference}',
      text: 'The final report of case {reference} was submitted for validation[ by {organisation}].',
    },
    fr: {
      subject: 'Rapport final soumis : dossier {reference}',
      text: 'Le rapport final du dossier {reference} a été soumis pour validation[ par {organisation}].',
    },
    ar: {
      subject: 'تقديم التقرير النهائي: الملف {reference}',
      text: 'قُدّم التقرير النهائي للملف {reference} للتحقق[ من قبل {organisation}].',
    },
  },
  'report.validated': {
    required: REF,
    en: {
      subject: 'Final report validated: case {reference}',
      text: 'The final report of case {reference} was validated[ by {organisation}].',
    },
    fr: {
      subject: 'Rapport final validé : dossier {reference}',
      text: 'Le rapport final du dossier {reference} a été validé[ par {organisation}].',
    },
    ar: {
      subject: 'التحقق من التقرير النهائي: الملف {reference}',
      text: 'تم التحقق من التقرير النهائي للملف {reference}[ من قبل {organisation}].',
    },
  },
  'report.approved': {
    required: REF,
    en: {
      subject: 'Final report approved: case {reference}',
      text: 'The final report of case {reference} was approved[ by {organisation}].',
    },
    fr: {
      subject: 'Rapport final approuvé : dossier {reference}',
      text: 'Le rapport final du dossier {reference} a été approuvé[ par {organisation}].',
    },
    ar: {
      subject: 'الموافقة على التقرير النهائي: الملف {reference}',
      text: 'تمت الموافقة على التقرير النهائي للملف {reference}[ من قبل {organisation}].',
    },
  },
  'report.returned': {
    required: REF,
    en: {
      subject: 'Final report returned: case {reference}',
      text: 'The final report of case {reference} was returned for changes[ by {organisation}][ (reason: {reason})].',
    },
    fr: {
      subject: 'Rapport final renvoyé : dossier {reference}',
      text: 'Le rapport final du dossier {reference} a été renvoyé pour modification[ par {organisation}][ (motif : {reason})].',
    },
    ar: {
      subject: 'إعادة التقرير النهائي: الملف {reference}',
      text: 'أُعيد التقرير النهائي للملف {reference} لإجراء تعديلات[ من قبل {organisation}][ (السبب: {reason})].',
    },
  },
  'retroactive.registered': {
    required: REF,
    en: {
      subject: 'Retroactive registration: case {reference}',
      text: 'Case {reference} was registered after the return[ by {organisation}] and awaits your decision.',
    },
    fr: {
      subject: 'Enregistrement rétroactif : dossier {reference}',
      text: 'Le dossier {reference} a été enregistré après le retour[ par {organisation}] et attend votre décision.',
    },
    ar: {
      subject: 'تسجيل بأثر رجعي: الملف {reference}',
      text: 'سُجّل الملف {reference} بعد العودة[ من قبل {organisation}] وهو بانتظار قراركم.',
    },
  },
  'retroactive.accepted': {
    required: REF,
    en: {
      subject: 'Retroactive registration accepted: case {reference}',
      text: 'The retroactive registration of case {reference} was accepted[ by {organisation}].',
    },
    fr: {
      subject: 'Enregistrement rétroactif accepté : dossier {reference}',
      text: 'L’enregistrement rétroactif du dossier {reference} a été accepté[ par {organisation}].',
    },
    ar: {
      subject: 'قبول التسجيل بأثر رجعي: الملف {reference}',
      text: 'تم قبول التسجيل بأثر رجعي للملف {reference}[ من قبل {organisation}].',
    },
  },
  'retroactive.declined': {
    required: REF,
    en: {
      subject: 'Retroactive registration declined: case {reference}',
      text: 'The retroactive registration of case {reference} was declined[ by {organisation}][ (reason: {reason})].',
    },
    fr: {
      subject: 'Enregistrement rétroactif refusé : dossier {reference}',
      text: 'L’enregistrement rétroactif du dossier {reference} a été refusé[ par {organisation}][ (motif : {reason})].',
    },
    ar: {
      subject: 'رفض التسجيل بأثر رجعي: الملف {reference}',
      text: 'تم رفض التسجيل بأثر رجعي للملف {reference}[ من قبل {organisation}][ (السبب: {reason})].',
    },
  },
  'group_booking.announced': {
    required: [],
    en: {
      subject: 'Group return announced[: {reference}]',
      text: 'A group return[ of {count} persons][ arriving on {date}] was announced to your organisation[ by {organisation}].',
    },
    fr: {
      subject: 'Retour groupé annoncé[ : {reference}]',
      text: 'Un retour groupé[ de {count} personnes][ arrivant le {date}] a été annoncé à votre organisation[ par {organisation}].',
    },
    ar: {
      subject: 'إعلان عن عودة جماعية[: {reference}]',
      text: 'أُعلن لمنظمتكم عن عودة جماعية[ لعدد {count} أشخاص][ تصل في {date}][ من قبل {organisation}].',
    },
  },
  'group_booking.cancelled': {
    required: [],
    en: {
      subject: 'Group return cancelled[: {reference}]',
      text: 'The group return[ {reference}][ of {date}] was cancelled[ by {organisation}][: {count} places not taken are closed].',
    },
    fr: {
      subject: 'Retour groupé annulé[ : {reference}]',
      text: 'Le retour groupé[ {reference}][ du {date}] a été annulé[ par {organisation}][ : {count} places non occupées sont fermées].',
    },
    ar: {
      subject: 'إلغاء العودة الجماعية[: {reference}]',
      text: 'أُلغيت العودة الجماعية[ {reference}][ بتاريخ {date}][ من قبل {organisation}][: أُغلقت {count} من الأماكن غير المشغولة].',
    },
  },
  'message.received': {
    required: REF,
    en: {
      subject: 'New message: case {reference}',
      text: 'There is a new message in the thread of case {reference}[ from {organisation}].',
    },
    fr: {
      subject: 'Nouveau message : dossier {reference}',
      text: 'Un nouveau message a été publié dans le fil du dossier {reference}[ par {organisation}].',
    },
    ar: {
      subject: 'رسالة جديدة: الملف {reference}',
      text: 'توجد رسالة جديدة في محادثة الملف {reference}[ من {organisation}].',
    },
  },
  'assistance.overlap_justified': {
    required: REF,
    en: {
      subject: 'Overlapping assistance justified: case {reference}',
      text: 'An overlap with assistance from another programme was justified and recorded in case {reference}[ by {organisation}].',
    },
    fr: {
      subject: 'Cumul d’aides justifié : dossier {reference}',
      text: 'Un chevauchement avec l’aide d’un autre programme a été justifié et enregistré dans le dossier {reference}[ par {organisation}].',
    },
    ar: {
      subject: 'تبرير تداخل المساعدات: الملف {reference}',
      text: 'تم تبرير وتسجيل تداخل مع مساعدة من برنامج آخر في الملف {reference}[ من قبل {organisation}].',
    },
  },
};

/** The raw templates of one type (for tests and translators). */
export function notificationTemplates(type: NotificationType): Readonly<Definition> {
  return CATALOGUE[type];
}

export function isNotificationType(v: string): v is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(v);
}

/** A user's stored locale as a notification language (English when it has no translation). */
export function notificationLanguage(locale: string | null | undefined): NotificationLanguage {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (NOTIFICATION_LANGUAGES as readonly string[]).includes(base) ? (base as NotificationLanguage) : 'en';
}

const PLACEHOLDER = /\{([a-z]+)\}/g;
const MISSING = '—';

/** The parameter names a template uses. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

function fill(template: string, params: NotificationParams): string {
  // Optional parts first; values are inserted by callback, so they are never parsed as templates.
  return template
    .split(/(\[[^[\]]*\])/)
    .map((chunk) => {
      if (chunk.startsWith('[') && chunk.endsWith(']')) {
        const inner = chunk.slice(1, -1);
        const present = placeholdersOf(inner).every((p) => params[p as NotificationParam] !== undefined);
        return present ? substitute(inner, params) : '';
      }
      return substitute(chunk, params);
    })
    .join('');
}

function substitute(text: string, params: NotificationParams): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => {
    const v = params[name as NotificationParam];
    return v === undefined ? MISSING : String(v);
  });
}

export function renderNotification(
  type: NotificationType,
  params: NotificationParams,
  language: NotificationLanguage,
): Text {
  const t = CATALOGUE[type][language];
  return { subject: fill(t.subject, params), text: fill(t.text, params) };
}

const EMAIL_TEXTS: Readonly<Record<NotificationLanguage, { open: string; footer: string }>> = {
  en: {
    open: 'Open the case: {link}',
    footer:
      'This e-mail holds no personal data: sign in to Homeward to see the details. ' +
      'Your notifications are also listed in Homeward.',
  },
  fr: {
    open: 'Ouvrir le dossier : {link}',
    footer:
      'Ce courriel ne contient aucune donnée personnelle : connectez-vous à Homeward pour en voir le détail. ' +
      'Vos notifications sont aussi listées dans Homeward.',
  },
  ar: {
    open: 'فتح الملف: {link}',
    footer:
      'لا يحتوي هذا البريد على أي بيانات شخصية: سجّلوا الدخول إلى Homeward للاطلاع على التفاصيل. ' +
      'تظهر إشعاراتكم أيضاً في Homeward.',
  },
};

/** The e-mail of one notification: its subject, its sentence, the link to the case and a footer. */
export function renderNotificationEmail(
  type: NotificationType,
  params: NotificationParams,
  language: NotificationLanguage,
  caseLink: string | null,
): Text {
  const { subject, text } = renderNotification(type, params, language);
  const e = EMAIL_TEXTS[language];
  const lines = [text, ''];
  if (caseLink)
    lines.push(
      e.open.replace('{link}', () => caseLink),
      '',
    );
  lines.push('-- ', e.footer, '');
  return { subject: `Homeward: ${subject}`, text: lines.join('\n') };
}

/** The path of a case's page in the web app, made absolute when the public address is known. */
export function caseLink(publicUrl: string | undefined, caseId: string): string {
  const path = `/cases/${caseId}`;
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${path}` : path;
}

export class NotificationParamsError extends Error {}

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/;
const REASON = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const DATE = /^(\d{4}-\d{2}-\d{2})(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Checks and normalises the parameters of a notification: known names only, values of the expected
 * shape (a reason is a code, a date a date, an organisation name one short line), required ones
 * present. Throws NotificationParamsError naming the parameter: a caller passing anything else has a
 * defect, and personal data must not be stored in a notification.
 */
export function checkNotificationParams(
  type: NotificationType,
  params: Record<string, string | number> | undefined,
): NotificationParams {
  const out: NotificationParams = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null) continue;
    if (!(NOTIFICATION_PARAMS as readonly string[]).includes(key)) {
      throw new NotificationParamsError(
        `notification parameter "${key}" is not allowed: a notification carries only ${NOTIFICATION_PARAMS.join(', ')} (never personal data)`,
      );
    }
    const name = key as NotificationParam;
    out[name] = checkValue(name, value);
  }
  for (const name of CATALOGUE[type].required) {
    if (out[name] === undefined) {
      throw new NotificationParamsError(`notification "${type}" needs the parameter "${name}"`);
    }
  }
  return out;
}

function checkValue(name: NotificationParam, value: string | number): string | number {
  const bad = (what: string) =>
    new NotificationParamsError(`notification parameter "${name}" must be ${what}`);
  switch (name) {
    case 'reference':
      if (typeof value !== 'string' || !REFERENCE.test(value))
        throw bad('a file reference like HW-2026-000123');
      return value;
    case 'organisation': {
      const v = typeof value === 'string' ? value.trim() : '';
      if (v.length === 0 || v.length > 200 || /[\r\n]/.test(v)) throw bad('an organisation name on one line');
      return v;
    }
    case 'reason':
      if (typeof value !== 'string' || !REASON.test(value)) throw bad('a reason code like incomplete_file');
      return value;
    case 'date': {
      const m = typeof value === 'string' ? DATE.exec(value) : null;
      if (!m?.[1] || Number.isNaN(Date.parse(m[1]))) throw bad('a date (YYYY-MM-DD)');
      return m[1];
    }
    case 'count': {
      const n = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;
      if (!Number.isInteger(n) || n < 0 || n > 100_000) throw bad('a whole number');
      return n;
    }
  }
}
