/**
 * The words of an eligibility explanation, per language. A counsellor reads them to the person, so
 * they are sentences, not codes. Missing keys fall back to English.
 */
import type { Fact, Operator } from './definition.ts';
import { es, fa, ru } from './explain-texts.i18n.ts';

export type MessageKey =
  | 'status.eligible'
  | 'status.not_eligible'
  | 'status.to_check'
  | 'check.draft'
  | 'check.closed'
  | 'check.inForce'
  | 'check.notInForce'
  | 'check.countryCovered'
  | 'check.countryNotCovered'
  | 'check.hostCovered'
  | 'check.hostNotCovered'
  | 'check.hostUnknown'
  | 'check.leadTimeMet'
  | 'check.leadTimeFailed'
  | 'check.leadTimeUnknown'
  | 'check.requiresMet'
  | 'check.requiresFailed'
  | 'check.requiresUnknown'
  | 'check.noComponent'
  | 'rule.all'
  | 'rule.any'
  | 'rule.not'
  | 'rule.fact'
  | 'rule.unknown'
  | 'value.yes'
  | 'value.no'
  | 'value.none'
  | 'amount.perAdult'
  | 'amount.perMinor'
  | 'amount.perHousehold'
  | 'amount.variant'
  | 'amount.variantUnknown'
  | 'amount.topUpPerson'
  | 'amount.topUpHousehold'
  | 'amount.topUpUnknown'
  | 'amount.cap'
  | 'amount.actualCost'
  | 'amount.upTo'
  | 'amount.total'
  | 'amount.ageUnknown'
  | 'package.notCombinable'
  | 'package.requiresExcluded'
  | 'package.offset';

export type Messages = Partial<Record<MessageKey, string>> & {
  facts?: Partial<Record<Fact, string>>;
  ops?: Partial<Record<Operator | 'is_true' | 'is_false', string>>;
  /** Words for coded values: statuses, procedural stages, return types, vulnerabilities, categories. */
  values?: Record<string, string>;
};

const en: Required<Messages> = {
  'status.eligible': 'Eligible',
  'status.not_eligible': 'Not eligible',
  'status.to_check': 'To check: some facts are not recorded',
  'check.draft': 'This programme is a draft and not yet open to applications',
  'check.closed': 'This programme is closed to new applications',
  'check.inForce': 'The programme is in force on {date}',
  'check.notInForce': 'The programme is not in force on {date} (valid {period})',
  'check.countryCovered': 'It covers return to {country}',
  'check.countryNotCovered': 'It does not cover return to {country}',
  'check.hostCovered': 'It runs in {country}',
  'check.hostNotCovered': 'It does not run in {country}',
  'check.hostUnknown': 'The host country is not recorded; it runs only in {countries}',
  'check.leadTimeMet':
    'Departure is planned in {days} days; the application must come at least {min} days before',
  'check.leadTimeFailed':
    'Departure is planned in {days} days, but the application must come at least {min} days before',
  'check.leadTimeUnknown': 'No departure date is planned yet: apply at least {min} days before departure',
  'check.requiresMet': 'It requires {programme}, for which the household qualifies',
  'check.requiresFailed': 'It requires {programme}, for which the household does not qualify',
  'check.requiresUnknown': 'It requires {programme}, which is still to check',
  'check.noComponent': 'None of its forms of support applies to this household',
  'rule.all': 'All of the following',
  'rule.any': 'At least one of the following',
  'rule.not': 'None of the following',
  'rule.fact': '{fact}: {actual} — {op} {expected}',
  'rule.unknown': '{fact} is not recorded — {op} {expected}',
  'value.yes': 'yes',
  'value.no': 'no',
  'value.none': 'none recorded',
  'amount.perAdult': '{n} adult(s) × {amount} = {total}',
  'amount.perMinor': '{n} minor(s) × {amount} = {total}',
  'amount.perHousehold': 'Once for the household: {amount}',
  'amount.variant': 'Amount for: {label}',
  'amount.variantUnknown': 'Another amount may apply ({label}): to check',
  'amount.topUpPerson': 'Vulnerability top-up: {n} person(s) × {amount} = {total}',
  'amount.topUpHousehold': 'Vulnerability top-up for the household: {amount}',
  'amount.topUpUnknown': 'A vulnerability top-up may apply (not visible to you)',
  'amount.cap': 'Capped at {cap} for the household',
  'amount.actualCost': 'Paid at actual cost',
  'amount.upTo': 'This is a ceiling: support up to this amount',
  'amount.total': 'Total: {total}',
  'amount.ageUnknown': '{n} person(s) without a date of birth, counted as adult or minor by relationship',
  'package.notCombinable': '{dropped} cannot be combined with {kept}; {kept} is kept',
  'package.requiresExcluded': '{dropped} is left out because {required} is not in the package',
  'package.offset': 'Reduced by {amount} that {other} pays for {category}',
  facts: {
    nationality: 'Nationality',
    nationalityGroup: 'Nationality group',
    returnCountry: 'Country of return',
    hostCountry: 'Host country',
    administrativeStatus: 'Administrative status',
    proceduralStage: 'Stage of the procedure',
    returnType: 'Type of return',
    vulnerability: 'Vulnerability',
    previousAssistance: 'Assistance already received',
    age: 'Age',
    adults: 'Adults in the household',
    minors: 'Minors in the household',
    householdSize: 'Persons in the household',
    daysBeforeDeparture: 'Days before departure',
    daysUntilDeadline: 'Days until the departure deadline',
    vulnerable: 'Vulnerability recorded',
    unaccompaniedMinor: 'Unaccompanied minor',
    inDetention: 'In detention',
    entryBan: 'Entry ban',
  },
  ops: {
    in: 'must be one of',
    not_in: 'must not be one of',
    eq: 'must be',
    gt: 'must be more than',
    gte: 'must be at least',
    lt: 'must be less than',
    lte: 'must be at most',
    is: 'must be',
    is_true: 'must be',
    is_false: 'must be',
  },
  values: {
    asylum_pending: 'asylum application pending',
    asylum_rejected: 'asylum application rejected',
    irregular_stay: 'irregular stay',
    expired_permit: 'expired permit',
    tolerated_stay: 'tolerated stay',
    before_asylum_decision: 'before the asylum decision',
    within_departure_deadline: 'within the departure deadline',
    after_departure_deadline: 'after the departure deadline',
    no_return_decision: 'no return decision',
    assisted_voluntary: 'assisted voluntary return',
    non_assisted_voluntary: 'voluntary return without assistance',
    assisted_forced: 'forced return',
    travel_allowance: 'travel allowance',
    business_start_up: 'business start-up',
    legal_documents: 'legal documents',
    family_tracing: 'family tracing',
    unaccompanied_minor: 'unaccompanied minor',
    single_parent_with_minors: 'single parent with minors',
    victim_of_torture_rape_or_serious_violence: 'victim of torture, rape or serious violence',
    serious_illness: 'serious illness',
    mental_health: 'mental health',
    // Words the fallback would give anyway; listed so that every language translates them.
    other: 'other',
    travel: 'travel',
    medical: 'medical',
    reception: 'reception',
    accommodation: 'accommodation',
    training: 'training',
    employment: 'employment',
    housing: 'housing',
    education: 'education',
    psychosocial: 'psychosocial',
    minor: 'minor',
    disability: 'disability',
    elderly: 'elderly',
    pregnancy: 'pregnancy',
    trafficking: 'trafficking',
  },
};

const fr: Messages = {
  'status.eligible': 'Éligible',
  'status.not_eligible': 'Non éligible',
  'status.to_check': 'À vérifier : certains faits ne sont pas enregistrés',
  'check.draft': 'Ce programme est un brouillon, pas encore ouvert aux demandes',
  'check.closed': 'Ce programme est fermé aux nouvelles demandes',
  'check.inForce': 'Le programme est en vigueur le {date}',
  'check.notInForce': "Le programme n'est pas en vigueur le {date} (valable {period})",
  'check.countryCovered': 'Il couvre le retour vers : {country}',
  'check.countryNotCovered': 'Il ne couvre pas le retour vers : {country}',
  'check.hostCovered': "Il s'applique en : {country}",
  'check.hostNotCovered': "Il ne s'applique pas en : {country}",
  'check.hostUnknown': "Le pays d'accueil n'est pas enregistré ; il ne s'applique qu'en : {countries}",
  'check.leadTimeMet':
    'Départ prévu dans {days} jours ; la demande doit être faite au moins {min} jours avant',
  'check.leadTimeFailed':
    'Départ prévu dans {days} jours, mais la demande doit être faite au moins {min} jours avant',
  'check.leadTimeUnknown':
    "Aucune date de départ n'est prévue : demander au moins {min} jours avant le départ",
  'check.requiresMet': 'Il suppose {programme}, auquel le ménage a droit',
  'check.requiresFailed': "Il suppose {programme}, auquel le ménage n'a pas droit",
  'check.requiresUnknown': 'Il suppose {programme}, encore à vérifier',
  'check.noComponent': "Aucune de ses formes d'aide ne s'applique à ce ménage",
  'rule.all': 'Toutes les conditions suivantes',
  'rule.any': "Au moins l'une des conditions suivantes",
  'rule.not': 'Aucune des conditions suivantes',
  'rule.fact': '{fact} : {actual} — {op} {expected}',
  'rule.unknown': "{fact} n'est pas enregistré — {op} {expected}",
  'value.yes': 'oui',
  'value.no': 'non',
  'value.none': 'aucune enregistrée',
  'amount.perAdult': '{n} adulte(s) × {amount} = {total}',
  'amount.perMinor': '{n} mineur(s) × {amount} = {total}',
  'amount.perHousehold': 'Une fois pour le ménage : {amount}',
  'amount.variant': 'Montant pour : {label}',
  'amount.variantUnknown': 'Un autre montant peut s’appliquer ({label}) : à vérifier',
  'amount.topUpPerson': 'Supplément vulnérabilité : {n} personne(s) × {amount} = {total}',
  'amount.topUpHousehold': 'Supplément vulnérabilité pour le ménage : {amount}',
  'amount.topUpUnknown': 'Un supplément vulnérabilité peut s’appliquer (non visible pour vous)',
  'amount.cap': 'Plafonné à {cap} pour le ménage',
  'amount.actualCost': 'Pris en charge au coût réel',
  'amount.upTo': "C'est un plafond : aide jusqu'à ce montant",
  'amount.total': 'Total : {total}',
  'amount.ageUnknown':
    '{n} personne(s) sans date de naissance, comptée(s) comme adulte ou mineur selon le lien de parenté',
  'package.notCombinable': '{dropped} ne peut pas être combiné avec {kept} ; {kept} est retenu',
  'package.requiresExcluded': "{dropped} est écarté car {required} n'est pas dans le paquet",
  'package.offset': 'Réduit de {amount} que {other} verse pour : {category}',
  facts: {
    nationality: 'Nationalité',
    nationalityGroup: 'Groupe de nationalités',
    returnCountry: 'Pays de retour',
    hostCountry: "Pays d'accueil",
    administrativeStatus: 'Statut administratif',
    proceduralStage: 'Étape de la procédure',
    returnType: 'Type de retour',
    vulnerability: 'Vulnérabilité',
    previousAssistance: 'Aide déjà reçue',
    age: 'Âge',
    adults: 'Adultes du ménage',
    minors: 'Mineurs du ménage',
    householdSize: 'Personnes du ménage',
    daysBeforeDeparture: 'Jours avant le départ',
    daysUntilDeadline: "Jours jusqu'au délai de départ",
    vulnerable: 'Vulnérabilité enregistrée',
    unaccompaniedMinor: 'Mineur non accompagné',
    inDetention: 'En rétention',
    entryBan: "Interdiction d'entrée",
  },
  ops: {
    in: "doit être l'un de",
    not_in: "ne doit pas être l'un de",
    eq: 'doit être',
    gt: 'doit être plus de',
    gte: 'doit être au moins',
    lt: 'doit être moins de',
    lte: 'doit être au plus',
    is: 'doit être',
    is_true: 'doit être',
    is_false: 'doit être',
  },
  values: {
    asylum_pending: "demande d'asile en cours",
    asylum_rejected: "demande d'asile rejetée",
    irregular_stay: 'séjour irrégulier',
    expired_permit: 'titre de séjour expiré',
    tolerated_stay: 'séjour toléré',
    before_asylum_decision: "avant la décision sur l'asile",
    within_departure_deadline: 'dans le délai de départ',
    after_departure_deadline: 'après le délai de départ',
    no_return_decision: 'pas de décision de retour',
    assisted_voluntary: 'retour volontaire aidé',
    non_assisted_voluntary: 'retour volontaire sans aide',
    assisted_forced: 'retour forcé',
    travel_allowance: 'allocation de voyage',
    business_start_up: "création d'entreprise",
    legal_documents: "documents d'identité et d'état civil",
    family_tracing: 'recherche de la famille',
    unaccompanied_minor: 'mineur non accompagné',
    single_parent_with_minors: 'parent seul avec enfants mineurs',
    victim_of_torture_rape_or_serious_violence: 'victime de torture, de viol ou de violences graves',
    serious_illness: 'maladie grave',
    mental_health: 'santé mentale',
    other: 'autre',
    travel: 'voyage',
    medical: 'soins médicaux',
    reception: "accueil à l'arrivée",
    accommodation: 'hébergement',
    training: 'formation',
    employment: 'emploi',
    housing: 'logement',
    education: 'éducation',
    psychosocial: 'soutien psychosocial',
    minor: 'mineur',
    disability: 'handicap',
    elderly: 'personne âgée',
    pregnancy: 'grossesse',
    trafficking: 'traite des êtres humains',
  },
};

const ar: Messages = {
  'status.eligible': 'مؤهل',
  'status.not_eligible': 'غير مؤهل',
  'status.to_check': 'يحتاج إلى تحقق: بعض المعلومات غير مسجلة',
  'check.draft': 'هذا البرنامج مسودة ولم يُفتح للطلبات بعد',
  'check.closed': 'هذا البرنامج مغلق أمام الطلبات الجديدة',
  'check.inForce': 'البرنامج ساري المفعول في {date}',
  'check.notInForce': 'البرنامج غير ساري المفعول في {date} (صالح {period})',
  'check.countryCovered': 'يشمل العودة إلى {country}',
  'check.countryNotCovered': 'لا يشمل العودة إلى {country}',
  'check.hostCovered': 'يُطبق في {country}',
  'check.hostNotCovered': 'لا يُطبق في {country}',
  'check.hostUnknown': 'البلد المضيف غير مسجل؛ يُطبق فقط في {countries}',
  'check.leadTimeMet': 'المغادرة مقررة بعد {days} يومًا؛ يجب تقديم الطلب قبل {min} يومًا على الأقل',
  'check.leadTimeFailed': 'المغادرة مقررة بعد {days} يومًا، لكن يجب تقديم الطلب قبل {min} يومًا على الأقل',
  'check.leadTimeUnknown': 'لم يُحدد موعد للمغادرة بعد: قدّم الطلب قبل {min} يومًا على الأقل من المغادرة',
  'check.requiresMet': 'يشترط {programme}، والأسرة مؤهلة له',
  'check.requiresFailed': 'يشترط {programme}، والأسرة غير مؤهلة له',
  'check.requiresUnknown': 'يشترط {programme}، وهو ما زال بحاجة إلى تحقق',
  'check.noComponent': 'لا ينطبق أي من أشكال دعمه على هذه الأسرة',
  'rule.all': 'جميع ما يلي',
  'rule.any': 'واحد على الأقل مما يلي',
  'rule.not': 'لا شيء مما يلي',
  'rule.fact': '{fact}: {actual} — {op} {expected}',
  'rule.unknown': '{fact} غير مسجل — {op} {expected}',
  'value.yes': 'نعم',
  'value.no': 'لا',
  'value.none': 'لا شيء مسجل',
  'amount.perAdult': '{n} بالغ × {amount} = {total}',
  'amount.perMinor': '{n} قاصر × {amount} = {total}',
  'amount.perHousehold': 'مرة واحدة للأسرة: {amount}',
  'amount.variant': 'المبلغ في حالة: {label}',
  'amount.variantUnknown': 'قد ينطبق مبلغ آخر ({label}): يحتاج إلى تحقق',
  'amount.topUpPerson': 'إضافة الهشاشة: {n} شخص × {amount} = {total}',
  'amount.topUpHousehold': 'إضافة الهشاشة للأسرة: {amount}',
  'amount.topUpUnknown': 'قد تنطبق إضافة الهشاشة (غير مرئية لك)',
  'amount.cap': 'بحد أقصى {cap} للأسرة',
  'amount.actualCost': 'يُدفع بالتكلفة الفعلية',
  'amount.upTo': 'هذا حد أقصى: دعم حتى هذا المبلغ',
  'amount.total': 'المجموع: {total}',
  'amount.ageUnknown': '{n} شخص بلا تاريخ ميلاد، احتُسب بالغًا أو قاصرًا حسب صلة القرابة',
  'package.notCombinable': 'لا يمكن الجمع بين {dropped} و{kept}؛ يُحتفظ بـ{kept}',
  'package.requiresExcluded': 'استُبعد {dropped} لأن {required} ليس ضمن الحزمة',
  'package.offset': 'خُفّض بمبلغ {amount} يدفعه {other} لـ{category}',
  facts: {
    nationality: 'الجنسية',
    nationalityGroup: 'مجموعة الجنسيات',
    returnCountry: 'بلد العودة',
    hostCountry: 'البلد المضيف',
    administrativeStatus: 'الوضع الإداري',
    proceduralStage: 'مرحلة الإجراءات',
    returnType: 'نوع العودة',
    vulnerability: 'الهشاشة',
    previousAssistance: 'مساعدة سبق تلقيها',
    age: 'العمر',
    adults: 'البالغون في الأسرة',
    minors: 'القاصرون في الأسرة',
    householdSize: 'أفراد الأسرة',
    daysBeforeDeparture: 'الأيام قبل المغادرة',
    daysUntilDeadline: 'الأيام حتى مهلة المغادرة',
    vulnerable: 'هشاشة مسجلة',
    unaccompaniedMinor: 'قاصر غير مصحوب',
    inDetention: 'في الاحتجاز',
    entryBan: 'حظر الدخول',
  },
  ops: {
    in: 'يجب أن يكون أحد',
    not_in: 'يجب ألا يكون أحد',
    eq: 'يجب أن يكون',
    gt: 'يجب أن يكون أكثر من',
    gte: 'يجب أن يكون على الأقل',
    lt: 'يجب أن يكون أقل من',
    lte: 'يجب أن يكون على الأكثر',
    is: 'يجب أن يكون',
    is_true: 'يجب أن يكون',
    is_false: 'يجب أن يكون',
  },
  values: {
    asylum_pending: 'طلب لجوء قيد النظر',
    asylum_rejected: 'طلب لجوء مرفوض',
    irregular_stay: 'إقامة غير نظامية',
    expired_permit: 'تصريح إقامة منتهي الصلاحية',
    tolerated_stay: 'إقامة مع وقف الترحيل',
    before_asylum_decision: 'قبل صدور قرار اللجوء',
    within_departure_deadline: 'خلال مهلة المغادرة',
    after_departure_deadline: 'بعد انقضاء مهلة المغادرة',
    no_return_decision: 'لا يوجد قرار بالعودة',
    assisted_voluntary: 'عودة طوعية بمساعدة',
    non_assisted_voluntary: 'عودة طوعية دون مساعدة',
    assisted_forced: 'عودة قسرية',
    travel_allowance: 'بدل السفر',
    business_start_up: 'بدء مشروع',
    legal_documents: 'الوثائق الرسمية',
    family_tracing: 'البحث عن أفراد الأسرة',
    unaccompanied_minor: 'قاصر غير مصحوب',
    single_parent_with_minors: 'والد وحيد مع أطفال قاصرين',
    victim_of_torture_rape_or_serious_violence: 'ضحية تعذيب أو اغتصاب أو عنف جسيم',
    serious_illness: 'مرض خطير',
    mental_health: 'الصحة النفسية',
    other: 'أخرى',
    travel: 'السفر',
    medical: 'الرعاية الطبية',
    reception: 'الاستقبال عند الوصول',
    accommodation: 'الإيواء',
    training: 'التدريب',
    employment: 'التوظيف',
    housing: 'السكن',
    education: 'التعليم',
    psychosocial: 'الدعم النفسي والاجتماعي',
    minor: 'قاصر',
    disability: 'إعاقة',
    elderly: 'كبر السن',
    pregnancy: 'حمل',
    trafficking: 'الاتجار بالبشر',
  },
};

/** The built-in languages; ru, fa and es are in `explain-texts.i18n.ts`. */
const CATALOGUE: Record<string, Messages> = { en, fr, ar, ru, fa, es };

/** The messages of one language as written (no fallback), or undefined when there are none. */
export function messagesFor(lang: string): Readonly<Messages> | undefined {
  return CATALOGUE[lang];
}

/** Adds or replaces a language's messages (for languages that are not built in). */
export function registerMessages(lang: string, messages: Messages): void {
  CATALOGUE[lang] = messages;
  compiled.clear();
}

/** Templates split once into text and placeholder names (alternating), per language and key. */
const compiled = new Map<string, string[]>();

function compile(template: string): string[] {
  // split with a capturing group: even indexes are text, odd ones placeholder names.
  return template.split(/\{(\w+)\}/);
}

export function message(lang: string, key: MessageKey, params: Record<string, string | number> = {}): string {
  const id = `${lang}\u0000${key}`;
  let parts = compiled.get(id);
  if (!parts) {
    parts = compile(CATALOGUE[lang]?.[key] ?? en[key]);
    compiled.set(id, parts);
  }
  if (parts.length === 1) return parts[0]!;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    out += i % 2 === 0 ? parts[i]! : String(params[parts[i]!] ?? '');
  }
  return out;
}

export function factLabel(lang: string, fact: Fact): string {
  return CATALOGUE[lang]?.facts?.[fact] ?? en.facts[fact] ?? fact;
}

/** Words for a coded value in the language, else English, else the code with spaces. */
export function valueLabel(lang: string, code: string): string {
  return CATALOGUE[lang]?.values?.[code] ?? en.values[code] ?? code.replaceAll('_', ' ');
}

export function opLabel(lang: string, op: Operator): string {
  return CATALOGUE[lang]?.ops?.[op] ?? en.ops[op] ?? op;
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

/** A country's name in the language (Intl, no I/O), or the code when unknown. */
export function countryName(lang: string, code: string): string {
  let names = regionNames.get(lang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([lang, 'en'], { type: 'region' });
    } catch {
      names = null;
    }
    regionNames.set(lang, names);
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** An amount with its currency, two decimals only when needed: "1,000 EUR", "12.50 CHF". */
const moneyTexts = new Map<string, string>();

export function formatMoney(lang: string, cents: number, currency: string): string {
  const id = `${lang}|${cents}|${currency}`;
  const known = moneyTexts.get(id);
  if (known !== undefined) return known;
  // Amounts repeat (200 EUR per adult…): the words are kept, up to a bound.
  if (moneyTexts.size > 20_000) moneyTexts.clear();
  const text = formatMoneyOnce(lang, cents, currency);
  moneyTexts.set(id, text);
  return text;
}

function formatMoneyOnce(lang: string, cents: number, currency: string): string {
  const whole = cents % 100 === 0;
  const key = `${lang}:${whole ? 0 : 2}`;
  let n = numberFormats.get(key);
  if (!n) {
    // Arabic and Persian texts keep Latin digits, as on the documents the person holds.
    n = new Intl.NumberFormat(lang === 'ar' || lang === 'fa' ? 'en' : lang, {
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    });
    numberFormats.set(key, n);
  }
  return `${n.format(cents / 100)} ${currency}`;
}
