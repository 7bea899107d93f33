/**
 * The public programme finder's own texts, in the six languages of its visitors. The finder does not
 * use the app's i18next catalogue (staff languages only): a visitor may read Russian, Persian (Farsi
 * or Dari) or Spanish. Every language has every key (the type makes a missing key a compile error;
 * finderText.test.ts also checks the placeholders). Placeholders are written {name}.
 *
 * Programme names, summaries, offers and contacts come from the server in the chosen language; only
 * the page's own words, situations and the category / stage / modality labels are here.
 */
import type { ComponentCategory, ComponentStage, Modality } from '../../../domain/programmes/definition.ts';
import type { Situation } from '../../../domain/programmes/households.ts';

export const FINDER_LANGUAGES = ['en', 'fr', 'ar', 'ru', 'fa', 'es'] as const;
export type FinderLanguage = (typeof FINDER_LANGUAGES)[number];

/** Each language by its own name (never translated), for the language chooser. */
export const FINDER_LANGUAGE_NAMES: Readonly<Record<FinderLanguage, string>> = {
  en: 'English',
  fr: 'Français',
  ar: 'العربية',
  ru: 'Русский',
  fa: 'فارسی / دری',
  es: 'Español',
};

export function isFinderLanguage(value: unknown): value is FinderLanguage {
  return typeof value === 'string' && (FINDER_LANGUAGES as readonly string[]).includes(value);
}

export function finderDirection(language: FinderLanguage): 'ltr' | 'rtl' {
  return language === 'ar' || language === 'fa' ? 'rtl' : 'ltr';
}

/** A language tag (`fa-AF`, `prs`, `es-419`) as a finder language, or null. Dari (prs) is shown in fa. */
export function finderLanguageOf(tag: string | null | undefined): FinderLanguage | null {
  if (!tag) return null;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === 'prs') return 'fa';
  return isFinderLanguage(base) ? base : null;
}

/** The language to start in: ?lang= when it is one of ours, else the browser's first one we have, else English. */
export function initialFinderLanguage(
  langParam: string | null,
  browserLanguages: readonly string[],
): FinderLanguage {
  const fromParam = finderLanguageOf(langParam);
  if (fromParam) return fromParam;
  for (const tag of browserLanguages) {
    const language = finderLanguageOf(tag);
    if (language) return language;
  }
  return 'en';
}

const en = {
  pageTitle: 'Find a return programme',
  brand: 'Homeward',
  languageLabel: 'Language',
  intro:
    'Answer a few questions to see which programmes could help you return to your country: travel, money to start again, training, housing and more. A return counsellor then helps you apply.',
  privacy:
    'Nothing you enter here is stored or linked to you. Your answers are only used to look up programmes, and this page uses no cookies.',
  formHeading: 'Your situation',
  countryLabel: 'Country of origin (or of return)',
  countryDescription: 'The country you would return to. Type to search.',
  countryPlaceholder: 'Choose a country',
  countryNothingFound: 'No country found',
  countryRequired: 'Choose a country.',
  situationLabel: 'Your situation in the country where you live now',
  'situation.asylum_pending': 'My asylum application is still being decided',
  'situation.asylum_rejected': 'My asylum application was rejected',
  'situation.no_permit': 'I have no residence permit',
  'situation.permit_expired': 'My residence permit has expired',
  'situation.other': 'Something else, or I am not sure',
  situationRequired: 'Choose your situation.',
  householdLabel: 'Who would return',
  householdDescription: 'Count yourself too.',
  adultsLabel: 'Adults (18 or older)',
  minorsLabel: 'Children (under 18)',
  decrease: 'One fewer: {label}',
  increase: 'One more: {label}',
  householdRequired: 'Count at least one person.',
  vulnerableLabel:
    'Does anyone who would return have a serious illness, a disability, a pregnancy or other special needs?',
  vulnerableDescription: 'You do not have to answer. Some programmes give more help in that case.',
  'vulnerable.yes': 'Yes',
  'vulnerable.no': 'No',
  'vulnerable.unsaid': 'I prefer not to say',
  submit: 'Show programmes',
  loading: 'Looking for programmes…',
  resultsHeading: 'Programmes you may be eligible for',
  found: 'Programmes found: {count}',
  noneFound: 'No programme matches this situation.',
  noneFoundHint:
    'A return counsellor can still look at your situation with you and tell you about other help: ask at a return counselling office.',
  disclaimer:
    'This list is for information only. A return counsellor confirms whether you are eligible and the exact amounts.',
  answersHeading: 'Your answers',
  answerCountry: 'Country',
  answerSituation: 'Situation',
  answerAdults: 'Adults',
  answerMinors: 'Children',
  answerVulnerable: 'Special needs',
  'status.eligible': 'You may be eligible',
  'status.to_check': 'Possibly: a counsellor must check',
  offersHeading: 'What it offers',
  upTo: 'up to {amount}',
  actualCost: 'paid at actual cost',
  total: 'Total: {amount}',
  totalUpTo: 'Total: up to {amount}',
  plusActualCost: 'plus the costs paid at actual cost',
  fundedBy: 'Funded by: {name}',
  implementedBy: 'Carried out by: {names}',
  contactHeading: 'Whom to contact',
  contactFallback: 'Ask a return counsellor.',
  toCheckHeading: 'What a counsellor still has to check',
  print: 'Print',
  error: 'The programmes could not be loaded. Check your connection and try again.',
  retry: 'Try again',
  'stage.pre_departure': 'Before departure',
  'stage.post_arrival': 'On arrival',
  'stage.reintegration': 'After return (reintegration)',
  'modality.cash': 'In cash',
  'modality.in_kind': 'In kind',
  'modality.service': 'A service',
  'category.travel': 'Journey',
  'category.travel_allowance': 'Travel allowance',
  'category.medical': 'Medical care',
  'category.reception': 'Reception on arrival',
  'category.accommodation': 'Temporary accommodation',
  'category.business_start_up': 'Starting a business',
  'category.training': 'Training',
  'category.employment': 'Help to find work',
  'category.housing': 'Housing',
  'category.education': 'School and education',
  'category.psychosocial': 'Psychological support',
  'category.legal_documents': 'Documents and legal help',
  'category.family_tracing': 'Finding family members',
  'category.other': 'Other help',
} satisfies Record<
  | `situation.${Situation}`
  | `stage.${ComponentStage}`
  | `modality.${Modality}`
  | `category.${ComponentCategory}`,
  string
> &
  Record<string, string>;

export type FinderKey = keyof typeof en;
export type FinderDictionary = Readonly<Record<FinderKey, string>>;

const fr: FinderDictionary = {
  pageTitle: 'Trouver un programme de retour',
  brand: 'Homeward',
  languageLabel: 'Langue',
  intro:
    'Répondez à quelques questions pour voir quels programmes pourraient vous aider à rentrer dans votre pays : voyage, argent pour recommencer, formation, logement et plus encore. Un conseiller au retour vous aide ensuite à faire la demande.',
  privacy:
    'Rien de ce que vous saisissez ici n’est enregistré ni relié à vous. Vos réponses servent uniquement à chercher les programmes, et cette page n’utilise aucun cookie.',
  formHeading: 'Votre situation',
  countryLabel: 'Pays d’origine (ou de retour)',
  countryDescription: 'Le pays où vous retourneriez. Tapez pour chercher.',
  countryPlaceholder: 'Choisissez un pays',
  countryNothingFound: 'Aucun pays trouvé',
  countryRequired: 'Choisissez un pays.',
  situationLabel: 'Votre situation dans le pays où vous vivez maintenant',
  'situation.asylum_pending': 'Ma demande d’asile est en cours d’examen',
  'situation.asylum_rejected': 'Ma demande d’asile a été rejetée',
  'situation.no_permit': 'Je n’ai pas de titre de séjour',
  'situation.permit_expired': 'Mon titre de séjour a expiré',
  'situation.other': 'Autre chose, ou je ne suis pas sûr(e)',
  situationRequired: 'Choisissez votre situation.',
  householdLabel: 'Qui rentrerait',
  householdDescription: 'Comptez-vous aussi.',
  adultsLabel: 'Adultes (18 ans ou plus)',
  minorsLabel: 'Enfants (moins de 18 ans)',
  decrease: 'Un de moins : {label}',
  increase: 'Un de plus : {label}',
  householdRequired: 'Comptez au moins une personne.',
  vulnerableLabel:
    'Une des personnes qui rentreraient a-t-elle une maladie grave, un handicap, une grossesse ou d’autres besoins particuliers ?',
  vulnerableDescription:
    'Vous n’êtes pas obligé(e) de répondre. Certains programmes aident davantage dans ce cas.',
  'vulnerable.yes': 'Oui',
  'vulnerable.no': 'Non',
  'vulnerable.unsaid': 'Je préfère ne pas le dire',
  submit: 'Afficher les programmes',
  loading: 'Recherche des programmes…',
  resultsHeading: 'Programmes auxquels vous pourriez avoir droit',
  found: 'Programmes trouvés : {count}',
  noneFound: 'Aucun programme ne correspond à cette situation.',
  noneFoundHint:
    'Un conseiller au retour peut quand même examiner votre situation avec vous et vous parler d’autres aides : renseignez-vous auprès d’un service de conseil au retour.',
  disclaimer:
    'Cette liste est donnée à titre d’information. Un conseiller au retour confirme si vous y avez droit et les montants exacts.',
  answersHeading: 'Vos réponses',
  answerCountry: 'Pays',
  answerSituation: 'Situation',
  answerAdults: 'Adultes',
  answerMinors: 'Enfants',
  answerVulnerable: 'Besoins particuliers',
  'status.eligible': 'Vous pourriez y avoir droit',
  'status.to_check': 'Peut-être : un conseiller doit vérifier',
  offersHeading: 'Ce qu’il offre',
  upTo: 'jusqu’à {amount}',
  actualCost: 'pris en charge au coût réel',
  total: 'Total : {amount}',
  totalUpTo: 'Total : jusqu’à {amount}',
  plusActualCost: 'plus les frais pris en charge au coût réel',
  fundedBy: 'Financé par : {name}',
  implementedBy: 'Mis en œuvre par : {names}',
  contactHeading: 'Qui contacter',
  contactFallback: 'Adressez-vous à un conseiller au retour.',
  toCheckHeading: 'Ce qu’un conseiller doit encore vérifier',
  print: 'Imprimer',
  error: 'Les programmes n’ont pas pu être chargés. Vérifiez votre connexion et réessayez.',
  retry: 'Réessayer',
  'stage.pre_departure': 'Avant le départ',
  'stage.post_arrival': 'À l’arrivée',
  'stage.reintegration': 'Après le retour (réintégration)',
  'modality.cash': 'En espèces',
  'modality.in_kind': 'En nature',
  'modality.service': 'Un service',
  'category.travel': 'Voyage',
  'category.travel_allowance': 'Allocation de voyage',
  'category.medical': 'Soins médicaux',
  'category.reception': 'Accueil à l’arrivée',
  'category.accommodation': 'Hébergement temporaire',
  'category.business_start_up': 'Création d’entreprise',
  'category.training': 'Formation',
  'category.employment': 'Aide pour trouver un emploi',
  'category.housing': 'Logement',
  'category.education': 'École et éducation',
  'category.psychosocial': 'Soutien psychologique',
  'category.legal_documents': 'Documents et aide juridique',
  'category.family_tracing': 'Recherche de membres de la famille',
  'category.other': 'Autre aide',
};

const ar: FinderDictionary = {
  pageTitle: 'ابحث عن برنامج للعودة',
  brand: 'Homeward',
  languageLabel: 'اللغة',
  intro:
    'أجب عن بضعة أسئلة لترى البرامج التي يمكن أن تساعدك على العودة إلى بلدك: السفر، ومال لبدء حياة جديدة، والتدريب، والسكن وغير ذلك. ثم يساعدك مستشار العودة في تقديم الطلب.',
  privacy:
    'لا يُحفظ أي شيء تُدخله هنا ولا يُربط بك. تُستخدم إجاباتك فقط للبحث عن البرامج، ولا تستخدم هذه الصفحة أي ملفات تعريف ارتباط (كوكيز).',
  formHeading: 'وضعك',
  countryLabel: 'بلد المنشأ (أو بلد العودة)',
  countryDescription: 'البلد الذي ستعود إليه. اكتب للبحث.',
  countryPlaceholder: 'اختر بلدًا',
  countryNothingFound: 'لم يُعثر على أي بلد',
  countryRequired: 'اختر بلدًا.',
  situationLabel: 'وضعك في البلد الذي تعيش فيه الآن',
  'situation.asylum_pending': 'طلب اللجوء الخاص بي لا يزال قيد الدراسة',
  'situation.asylum_rejected': 'رُفض طلب اللجوء الخاص بي',
  'situation.no_permit': 'ليس لدي تصريح إقامة',
  'situation.permit_expired': 'انتهت صلاحية تصريح إقامتي',
  'situation.other': 'وضع آخر، أو لست متأكدًا',
  situationRequired: 'اختر وضعك.',
  householdLabel: 'من سيعود',
  householdDescription: 'احسب نفسك أيضًا.',
  adultsLabel: 'البالغون (18 سنة فأكثر)',
  minorsLabel: 'الأطفال (أقل من 18 سنة)',
  decrease: 'واحد أقل: {label}',
  increase: 'واحد أكثر: {label}',
  householdRequired: 'احسب شخصًا واحدًا على الأقل.',
  vulnerableLabel: 'هل لدى أحد العائدين مرض خطير أو إعاقة أو حمل أو احتياجات خاصة أخرى؟',
  vulnerableDescription: 'لست مضطرًا إلى الإجابة. بعض البرامج تقدم مساعدة إضافية في هذه الحالة.',
  'vulnerable.yes': 'نعم',
  'vulnerable.no': 'لا',
  'vulnerable.unsaid': 'أفضّل عدم الإجابة',
  submit: 'اعرض البرامج',
  loading: 'جارٍ البحث عن البرامج…',
  resultsHeading: 'البرامج التي قد تكون مؤهلًا لها',
  found: 'عدد البرامج التي وُجدت: {count}',
  noneFound: 'لا يوجد برنامج يناسب هذا الوضع.',
  noneFoundHint:
    'مع ذلك يستطيع مستشار العودة أن يدرس وضعك معك ويخبرك عن مساعدات أخرى: اسأل في أحد مكاتب استشارات العودة.',
  disclaimer: 'هذه القائمة للعلم فقط. يؤكد مستشار العودة ما إذا كنت مؤهلًا والمبالغ الدقيقة.',
  answersHeading: 'إجاباتك',
  answerCountry: 'البلد',
  answerSituation: 'الوضع',
  answerAdults: 'البالغون',
  answerMinors: 'الأطفال',
  answerVulnerable: 'احتياجات خاصة',
  'status.eligible': 'قد تكون مؤهلًا',
  'status.to_check': 'ربما: يجب أن يتحقق مستشار',
  offersHeading: 'ما يقدمه',
  upTo: 'حتى {amount}',
  actualCost: 'يُدفع بالتكلفة الفعلية',
  total: 'المجموع: {amount}',
  totalUpTo: 'المجموع: حتى {amount}',
  plusActualCost: 'إضافة إلى التكاليف التي تُدفع بقيمتها الفعلية',
  fundedBy: 'بتمويل من: {name}',
  implementedBy: 'بتنفيذ: {names}',
  contactHeading: 'بمن تتصل',
  contactFallback: 'اسأل مستشار العودة.',
  toCheckHeading: 'ما يجب أن يتحقق منه المستشار بعد',
  print: 'اطبع',
  error: 'تعذّر تحميل البرامج. تحقق من اتصالك وحاول مرة أخرى.',
  retry: 'حاول مرة أخرى',
  'stage.pre_departure': 'قبل المغادرة',
  'stage.post_arrival': 'عند الوصول',
  'stage.reintegration': 'بعد العودة (إعادة الإدماج)',
  'modality.cash': 'نقدًا',
  'modality.in_kind': 'عينيًا',
  'modality.service': 'خدمة',
  'category.travel': 'الرحلة',
  'category.travel_allowance': 'بدل السفر',
  'category.medical': 'الرعاية الطبية',
  'category.reception': 'الاستقبال عند الوصول',
  'category.accommodation': 'سكن مؤقت',
  'category.business_start_up': 'بدء مشروع',
  'category.training': 'التدريب',
  'category.employment': 'المساعدة في إيجاد عمل',
  'category.housing': 'السكن',
  'category.education': 'المدرسة والتعليم',
  'category.psychosocial': 'الدعم النفسي',
  'category.legal_documents': 'الوثائق والمساعدة القانونية',
  'category.family_tracing': 'البحث عن أفراد الأسرة',
  'category.other': 'مساعدة أخرى',
};

const ru: FinderDictionary = {
  pageTitle: 'Найти программу возвращения',
  brand: 'Homeward',
  languageLabel: 'Язык',
  intro:
    'Ответьте на несколько вопросов и узнайте, какие программы могут помочь вам вернуться на родину: проезд, деньги на новый старт, обучение, жильё и многое другое. Затем консультант по возвращению поможет подать заявление.',
  privacy:
    'Ничего из того, что вы здесь вводите, не сохраняется и не связывается с вами. Ваши ответы используются только для поиска программ, а эта страница не использует файлы cookie.',
  formHeading: 'Ваша ситуация',
  countryLabel: 'Страна происхождения (или возвращения)',
  countryDescription: 'Страна, в которую вы бы вернулись. Начните вводить название.',
  countryPlaceholder: 'Выберите страну',
  countryNothingFound: 'Страна не найдена',
  countryRequired: 'Выберите страну.',
  situationLabel: 'Ваша ситуация в стране, где вы сейчас живёте',
  'situation.asylum_pending': 'Моё ходатайство об убежище ещё рассматривается',
  'situation.asylum_rejected': 'В убежище мне отказали',
  'situation.no_permit': 'У меня нет вида на жительство',
  'situation.permit_expired': 'Срок моего вида на жительство истёк',
  'situation.other': 'Другое, или я не уверен(а)',
  situationRequired: 'Выберите вашу ситуацию.',
  householdLabel: 'Кто вернётся',
  householdDescription: 'Посчитайте и себя.',
  adultsLabel: 'Взрослые (18 лет и старше)',
  minorsLabel: 'Дети (до 18 лет)',
  decrease: 'На одного меньше: {label}',
  increase: 'На одного больше: {label}',
  householdRequired: 'Укажите хотя бы одного человека.',
  vulnerableLabel:
    'Есть ли у кого-то из возвращающихся тяжёлое заболевание, инвалидность, беременность или другие особые потребности?',
  vulnerableDescription:
    'Отвечать не обязательно. Некоторые программы в этом случае оказывают больше помощи.',
  'vulnerable.yes': 'Да',
  'vulnerable.no': 'Нет',
  'vulnerable.unsaid': 'Предпочитаю не отвечать',
  submit: 'Показать программы',
  loading: 'Ищем программы…',
  resultsHeading: 'Программы, на которые вы можете иметь право',
  found: 'Найдено программ: {count}',
  noneFound: 'Для этой ситуации не нашлось ни одной программы.',
  noneFoundHint:
    'Консультант по возвращению всё равно может разобрать вашу ситуацию вместе с вами и рассказать о другой помощи: обратитесь в консультационную службу по возвращению.',
  disclaimer:
    'Этот список носит только информационный характер. Консультант по возвращению подтвердит, имеете ли вы право на помощь, и точные суммы.',
  answersHeading: 'Ваши ответы',
  answerCountry: 'Страна',
  answerSituation: 'Ситуация',
  answerAdults: 'Взрослые',
  answerMinors: 'Дети',
  answerVulnerable: 'Особые потребности',
  'status.eligible': 'Вы можете иметь право',
  'status.to_check': 'Возможно: нужна проверка консультанта',
  offersHeading: 'Что предлагается',
  upTo: 'до {amount}',
  actualCost: 'оплачивается по фактической стоимости',
  total: 'Итого: {amount}',
  totalUpTo: 'Итого: до {amount}',
  plusActualCost: 'плюс расходы, оплачиваемые по фактической стоимости',
  fundedBy: 'Финансирует: {name}',
  implementedBy: 'Проводит: {names}',
  contactHeading: 'Куда обращаться',
  contactFallback: 'Обратитесь к консультанту по возвращению.',
  toCheckHeading: 'Что ещё должен проверить консультант',
  print: 'Печать',
  error: 'Не удалось загрузить программы. Проверьте подключение и попробуйте ещё раз.',
  retry: 'Попробовать ещё раз',
  'stage.pre_departure': 'До выезда',
  'stage.post_arrival': 'По прибытии',
  'stage.reintegration': 'После возвращения (реинтеграция)',
  'modality.cash': 'Наличными',
  'modality.in_kind': 'В натуральной форме',
  'modality.service': 'Услуга',
  'category.travel': 'Проезд',
  'category.travel_allowance': 'Пособие на дорогу',
  'category.medical': 'Медицинская помощь',
  'category.reception': 'Встреча по прибытии',
  'category.accommodation': 'Временное жильё',
  'category.business_start_up': 'Открытие своего дела',
  'category.training': 'Обучение',
  'category.employment': 'Помощь в поиске работы',
  'category.housing': 'Жильё',
  'category.education': 'Школа и образование',
  'category.psychosocial': 'Психологическая поддержка',
  'category.legal_documents': 'Документы и юридическая помощь',
  'category.family_tracing': 'Поиск родственников',
  'category.other': 'Другая помощь',
};

const fa: FinderDictionary = {
  pageTitle: 'یافتن برنامه بازگشت',
  brand: 'Homeward',
  languageLabel: 'زبان',
  intro:
    'به چند پرسش پاسخ دهید تا ببینید کدام برنامه‌ها می‌توانند در بازگشت به کشورتان به شما کمک کنند: سفر، پول برای شروع دوباره، آموزش، مسکن و موارد دیگر. سپس یک مشاور بازگشت در درخواست دادن به شما کمک می‌کند.',
  privacy:
    'هیچ‌چیز از آنچه اینجا وارد می‌کنید ذخیره نمی‌شود و به شما ربط داده نمی‌شود. پاسخ‌های شما فقط برای جست‌وجوی برنامه‌ها به کار می‌رود و این صفحه از هیچ کوکی‌ای استفاده نمی‌کند.',
  formHeading: 'وضعیت شما',
  countryLabel: 'کشور مبدأ (یا کشور بازگشت)',
  countryDescription: 'کشوری که به آن بازمی‌گردید. برای جست‌وجو تایپ کنید.',
  countryPlaceholder: 'یک کشور انتخاب کنید',
  countryNothingFound: 'هیچ کشوری پیدا نشد',
  countryRequired: 'یک کشور انتخاب کنید.',
  situationLabel: 'وضعیت شما در کشوری که اکنون در آن زندگی می‌کنید',
  'situation.asylum_pending': 'درخواست پناهندگی من هنوز در حال بررسی است',
  'situation.asylum_rejected': 'درخواست پناهندگی من رد شده است',
  'situation.no_permit': 'اجازه اقامت ندارم',
  'situation.permit_expired': 'اجازه اقامتم منقضی شده است',
  'situation.other': 'وضعیت دیگر، یا مطمئن نیستم',
  situationRequired: 'وضعیت خود را انتخاب کنید.',
  householdLabel: 'چه کسانی بازمی‌گردند',
  householdDescription: 'خودتان را هم بشمارید.',
  adultsLabel: 'بزرگسالان (18 سال و بالاتر)',
  minorsLabel: 'کودکان (زیر 18 سال)',
  decrease: 'یکی کمتر: {label}',
  increase: 'یکی بیشتر: {label}',
  householdRequired: 'دست‌کم یک نفر را بشمارید.',
  vulnerableLabel: 'آیا کسی از بازگردندگان بیماری جدی، معلولیت، بارداری یا نیازهای ویژه دیگری دارد؟',
  vulnerableDescription: 'لازم نیست پاسخ دهید. برخی برنامه‌ها در این صورت کمک بیشتری می‌کنند.',
  'vulnerable.yes': 'بله',
  'vulnerable.no': 'نه',
  'vulnerable.unsaid': 'ترجیح می‌دهم نگویم',
  submit: 'نمایش برنامه‌ها',
  loading: 'در حال جست‌وجوی برنامه‌ها…',
  resultsHeading: 'برنامه‌هایی که ممکن است واجد شرایط آن‌ها باشید',
  found: 'تعداد برنامه‌های یافت‌شده: {count}',
  noneFound: 'هیچ برنامه‌ای با این وضعیت جور نیست.',
  noneFoundHint:
    'با این حال یک مشاور بازگشت می‌تواند وضعیت شما را همراه شما بررسی کند و درباره کمک‌های دیگر بگوید: در یک دفتر مشاوره بازگشت بپرسید.',
  disclaimer:
    'این فهرست فقط برای آگاهی است. مشاور بازگشت تأیید می‌کند که آیا واجد شرایط هستید و مبالغ دقیق چقدر است.',
  answersHeading: 'پاسخ‌های شما',
  answerCountry: 'کشور',
  answerSituation: 'وضعیت',
  answerAdults: 'بزرگسالان',
  answerMinors: 'کودکان',
  answerVulnerable: 'نیازهای ویژه',
  'status.eligible': 'ممکن است واجد شرایط باشید',
  'status.to_check': 'شاید: مشاور باید بررسی کند',
  offersHeading: 'آنچه ارائه می‌دهد',
  upTo: 'تا {amount}',
  actualCost: 'به هزینه واقعی پرداخت می‌شود',
  total: 'جمع: {amount}',
  totalUpTo: 'جمع: تا {amount}',
  plusActualCost: 'به‌علاوه هزینه‌هایی که به مبلغ واقعی پرداخت می‌شوند',
  fundedBy: 'تأمین مالی: {name}',
  implementedBy: 'اجرا: {names}',
  contactHeading: 'با چه کسی تماس بگیرید',
  contactFallback: 'از یک مشاور بازگشت بپرسید.',
  toCheckHeading: 'آنچه مشاور هنوز باید بررسی کند',
  print: 'چاپ',
  error: 'برنامه‌ها بارگیری نشدند. اتصال خود را بررسی کنید و دوباره تلاش کنید.',
  retry: 'دوباره تلاش کنید',
  'stage.pre_departure': 'پیش از حرکت',
  'stage.post_arrival': 'هنگام ورود',
  'stage.reintegration': 'پس از بازگشت (ادغام دوباره)',
  'modality.cash': 'نقدی',
  'modality.in_kind': 'غیرنقدی (کالا)',
  'modality.service': 'خدمات',
  'category.travel': 'سفر',
  'category.travel_allowance': 'کمک‌هزینه سفر',
  'category.medical': 'مراقبت پزشکی',
  'category.reception': 'پذیرش هنگام ورود',
  'category.accommodation': 'اقامتگاه موقت',
  'category.business_start_up': 'راه‌اندازی کسب‌وکار',
  'category.training': 'آموزش حرفه‌ای',
  'category.employment': 'کمک برای یافتن کار',
  'category.housing': 'مسکن',
  'category.education': 'مدرسه و تحصیل',
  'category.psychosocial': 'حمایت روانی',
  'category.legal_documents': 'مدارک و کمک حقوقی',
  'category.family_tracing': 'یافتن اعضای خانواده',
  'category.other': 'کمک‌های دیگر',
};

const es: FinderDictionary = {
  pageTitle: 'Encontrar un programa de retorno',
  brand: 'Homeward',
  languageLabel: 'Idioma',
  intro:
    'Responda a unas pocas preguntas para ver qué programas podrían ayudarle a volver a su país: viaje, dinero para empezar de nuevo, formación, vivienda y más. Después, un asesor de retorno le ayuda a presentar la solicitud.',
  privacy:
    'Nada de lo que escribe aquí se guarda ni se vincula con usted. Sus respuestas solo sirven para buscar programas, y esta página no usa cookies.',
  formHeading: 'Su situación',
  countryLabel: 'País de origen (o de retorno)',
  countryDescription: 'El país al que volvería. Escriba para buscar.',
  countryPlaceholder: 'Elija un país',
  countryNothingFound: 'No se encontró ningún país',
  countryRequired: 'Elija un país.',
  situationLabel: 'Su situación en el país donde vive ahora',
  'situation.asylum_pending': 'Mi solicitud de asilo aún se está decidiendo',
  'situation.asylum_rejected': 'Mi solicitud de asilo fue rechazada',
  'situation.no_permit': 'No tengo permiso de residencia',
  'situation.permit_expired': 'Mi permiso de residencia ha caducado',
  'situation.other': 'Otra situación, o no estoy seguro/a',
  situationRequired: 'Elija su situación.',
  householdLabel: 'Quién volvería',
  householdDescription: 'Cuéntese usted también.',
  adultsLabel: 'Adultos (18 años o más)',
  minorsLabel: 'Niños y niñas (menores de 18)',
  decrease: 'Uno menos: {label}',
  increase: 'Uno más: {label}',
  householdRequired: 'Cuente al menos a una persona.',
  vulnerableLabel:
    '¿Alguna de las personas que volverían tiene una enfermedad grave, una discapacidad, un embarazo u otras necesidades especiales?',
  vulnerableDescription: 'No tiene que responder. Algunos programas dan más ayuda en ese caso.',
  'vulnerable.yes': 'Sí',
  'vulnerable.no': 'No',
  'vulnerable.unsaid': 'Prefiero no decirlo',
  submit: 'Mostrar programas',
  loading: 'Buscando programas…',
  resultsHeading: 'Programas a los que podría tener derecho',
  found: 'Programas encontrados: {count}',
  noneFound: 'Ningún programa corresponde a esta situación.',
  noneFoundHint:
    'Aun así, un asesor de retorno puede estudiar su situación con usted e informarle de otras ayudas: pregunte en un servicio de asesoramiento para el retorno.',
  disclaimer:
    'Esta lista es solo informativa. Un asesor de retorno confirma si tiene derecho y los importes exactos.',
  answersHeading: 'Sus respuestas',
  answerCountry: 'País',
  answerSituation: 'Situación',
  answerAdults: 'Adultos',
  answerMinors: 'Niños y niñas',
  answerVulnerable: 'Necesidades especiales',
  'status.eligible': 'Podría tener derecho',
  'status.to_check': 'Quizás: un asesor debe comprobarlo',
  offersHeading: 'Qué ofrece',
  upTo: 'hasta {amount}',
  actualCost: 'se paga a coste real',
  total: 'Total: {amount}',
  totalUpTo: 'Total: hasta {amount}',
  plusActualCost: 'más los gastos pagados a coste real',
  fundedBy: 'Financiado por: {name}',
  implementedBy: 'Realizado por: {names}',
  contactHeading: 'A quién contactar',
  contactFallback: 'Pregunte a un asesor de retorno.',
  toCheckHeading: 'Lo que un asesor aún debe comprobar',
  print: 'Imprimir',
  error: 'No se pudieron cargar los programas. Compruebe su conexión e inténtelo de nuevo.',
  retry: 'Intentar de nuevo',
  'stage.pre_departure': 'Antes de la salida',
  'stage.post_arrival': 'A la llegada',
  'stage.reintegration': 'Después del retorno (reintegración)',
  'modality.cash': 'En efectivo',
  'modality.in_kind': 'En especie',
  'modality.service': 'Un servicio',
  'category.travel': 'Viaje',
  'category.travel_allowance': 'Asignación de viaje',
  'category.medical': 'Atención médica',
  'category.reception': 'Acogida a la llegada',
  'category.accommodation': 'Alojamiento temporal',
  'category.business_start_up': 'Crear un negocio',
  'category.training': 'Formación',
  'category.employment': 'Ayuda para encontrar trabajo',
  'category.housing': 'Vivienda',
  'category.education': 'Escuela y educación',
  'category.psychosocial': 'Apoyo psicológico',
  'category.legal_documents': 'Documentos y ayuda jurídica',
  'category.family_tracing': 'Búsqueda de familiares',
  'category.other': 'Otra ayuda',
};

export const FINDER_TEXT: Readonly<Record<FinderLanguage, FinderDictionary>> = { en, fr, ar, ru, fa, es };

/** The placeholders of a text ({name} → name), sorted. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** A text of the dictionary with its placeholders filled in. */
export function finderText(
  language: FinderLanguage,
  key: FinderKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return FINDER_TEXT[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** An amount of money in the language, with Latin digits (as the programme texts use). */
export function formatMoney(language: FinderLanguage, amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(`${language}-u-nu-latn`, {
      style: 'currency',
      currency,
      maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}
