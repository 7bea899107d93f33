import type {
  Condition,
  FactCondition,
  LocalizedText,
  ProgrammeDefinitionInput,
  ProgrammeStatus,
} from '../../domain/programmes/definition.ts';

/**
 * The demo catalogue of assistance programmes, as pure data. Every programme is INVENTED: the
 * amounts and rules follow public figures of real programmes (see shared/design/domain-references.md,
 * "Programmes and amounts"), but the names, organisations and contacts belong to the demo world of
 * `demo-world.ts`, and no text claims to be an official programme.
 *
 * The return countries cover every corridor of `synthetic-cases.ts` (GE, IQ, TR, AF, NG, AL, RU, RS,
 * DZ, MA, IR, SY, PK, TN) from both demo host countries (DE and BE), so that seeded cases have
 * eligible programmes. Names, summaries and contacts are in en, fr, ar, ru, fa and es (the languages
 * of the public finder); amounts in Arabic and Persian texts keep Latin digits, as the engine does.
 *
 * Modelling choices, documented here and in the descriptions:
 * - NM-STARTPLUS pays per person (not per household): 1,200 EUR per adult / 600 per minor before the
 *   asylum decision, 800 / 400 within the departure deadline; half at departure, half six months after
 *   arrival. Its `offset` against CO-EURP on `business_start_up` is the cut in the countries that
 *   programme covers.
 * - AR-RETURNAID: the Swiss-like reduced rate (500/250 CHF) applies after a stay under three months.
 *   The engine has no length-of-stay fact, so the demo approximates it by a nationality group (the
 *   visa-free states, whose nationals mostly come for short stays).
 * - CO-EURP does not cover Iraq: Iraq has its own project (TG-IRAQ-REBUILD).
 * - SR-REINTEGRATION and HM-NIGERIA-LIVELIHOODS are offset by CO-EURP rather than excluded by it: the
 *   journey and the other components stay, only the overlapping in-kind support is cut. The one
 *   `not_combinable` pair is CO-EURP / CO-EURP-FORCED (voluntary or forced, never both).
 */
export interface DemoProgramme {
  code: string;
  /** The demo organisation that funds it; its programme_manager manages the programme. */
  funderSlug: string;
  /** Demo organisations that deliver it (counselling, reintegration partners, reception). */
  implementingSlugs: string[];
  status: ProgrammeStatus;
  definition: Omit<ProgrammeDefinitionInput, 'implementingOrganisationIds'>;
}

// ---------------------------------------------------------------------------------------------
// Rule helpers (the schema's input type for a rule tree is `unknown`: these keep the data typed)

function fact(
  name: FactCondition['fact'],
  op: FactCondition['op'],
  value: FactCondition['value'],
): Condition {
  return { kind: 'fact', fact: name, op, value };
}
const all = (...conditions: Condition[]): Condition => ({ kind: 'all', conditions });
const any = (...conditions: Condition[]): Condition => ({ kind: 'any', conditions });

const VOLUNTARY = fact('returnType', 'in', ['assisted_voluntary']);
const VULNERABLE = fact('vulnerable', 'is', true);
const WITH_MINORS = fact('minors', 'gte', 1);
const MEDICAL_NEED = fact('vulnerability', 'in', [
  'serious_illness',
  'disability',
  'pregnancy',
  'mental_health',
]);

// ---------------------------------------------------------------------------------------------
// Countries

/** Visa-free states (Western Balkans, Georgia, Moldova): the journey only, under ReturnStart. */
const VISA_FREE = ['AL', 'BA', 'GE', 'MD', 'ME', 'MK', 'RS', 'XK'];

/** Nationalities that receive start-up aid under ReturnStart (and StartPlus where they return). */
const START_UP_AID = [
  'AF',
  'AM',
  'AZ',
  'BD',
  'CM',
  'DZ',
  'EG',
  'ER',
  'ET',
  'GH',
  'GN',
  'IN',
  'IQ',
  'IR',
  'JO',
  'KZ',
  'LB',
  'LK',
  'MA',
  'ML',
  'NG',
  'PK',
  'RU',
  'SN',
  'SO',
  'SY',
  'TN',
  'TR',
  'UZ',
  'VN',
];

const ALL_RETURN_COUNTRIES = [...START_UP_AID, ...VISA_FREE].sort();

/** The 24 countries of the Corridor Reintegration Programme (no Iraq, Afghanistan, Iran or Syria). */
const CORRIDOR_COUNTRIES = [
  'AM',
  'AZ',
  'BD',
  'CI',
  'CM',
  'DZ',
  'EG',
  'ET',
  'GE',
  'GH',
  'GN',
  'IN',
  'KZ',
  'LK',
  'MA',
  'ML',
  'NG',
  'PK',
  'RU',
  'SN',
  'TN',
  'TR',
  'UZ',
  'VN',
];

/** The states taking part in the Corridor Reintegration Programme. */
const CORRIDOR_HOSTS = ['AT', 'BE', 'DE', 'FI', 'LU', 'NL', 'SE'];

// ---------------------------------------------------------------------------------------------
// Texts used by several programmes

const GROUP_VISA_FREE_TRAVEL_ONLY: LocalizedText = {
  en: 'Visa-free states (journey only)',
  fr: 'États exemptés de visa (voyage seulement)',
  ar: 'الدول المعفاة من التأشيرة (الرحلة فقط)',
  ru: 'Безвизовые государства (только проезд)',
  fa: 'کشورهای بدون نیاز به روادید (فقط هزینه سفر)',
  es: 'Estados exentos de visado (solo el viaje)',
};

const GROUP_START_UP_AID: LocalizedText = {
  en: 'Countries with start-up aid',
  fr: 'Pays ouvrant droit à l’aide au démarrage',
  ar: 'الدول المشمولة بمساعدة البدء',
  ru: 'Страны, граждане которых получают стартовую помощь',
  fa: 'کشورهای مشمول کمک شروع',
  es: 'Países con ayuda inicial',
};

const TRAVEL: LocalizedText = {
  en: 'Journey to the country of return',
  fr: 'Voyage vers le pays de retour',
  ar: 'الرحلة إلى بلد العودة',
  ru: 'Проезд в страну возвращения',
  fa: 'سفر به کشور بازگشت',
  es: 'Viaje al país de retorno',
};

const TRAVEL_DESCRIPTION: LocalizedText = {
  en: 'The ticket and the journey to the final destination, booked for you and paid at actual cost.',
  fr: 'Le billet et le trajet jusqu’à la destination finale, réservés pour vous et payés au coût réel.',
  ar: 'التذكرة والرحلة حتى الوجهة النهائية، تُحجز لك وتُدفع بتكلفتها الفعلية.',
};

const PSYCHOSOCIAL: LocalizedText = {
  en: 'Psychosocial counselling',
  fr: 'Accompagnement psychosocial',
  ar: 'الإرشاد النفسي والاجتماعي',
  ru: 'Психосоциальная поддержка',
  fa: 'مشاوره روانی-اجتماعی',
  es: 'Apoyo psicosocial',
};

const VOCATIONAL_TRAINING: LocalizedText = {
  en: 'Vocational training',
  fr: 'Formation professionnelle',
  ar: 'التدريب المهني',
  ru: 'Профессиональное обучение',
  fa: 'آموزش فنی و حرفه‌ای',
  es: 'Formación profesional',
};

const SCHOOLING: LocalizedText = {
  en: 'School fees and supplies',
  fr: 'Frais et fournitures scolaires',
  ar: 'الرسوم واللوازم المدرسية',
  ru: 'Плата за школу и школьные принадлежности',
  fa: 'شهریه و لوازم مدرسه',
  es: 'Tasas y material escolar',
};

const CORRIDOR_CONTACT: LocalizedText = {
  en: 'Corridor Reintegration Programme Office: reintegration@corridor-programme-office.example. After arrival, contact the partner named in your referral.',
  fr: 'Bureau du programme de réintégration Corridor : reintegration@corridor-programme-office.example. Après l’arrivée, contactez le partenaire indiqué dans votre orientation.',
  ar: 'مكتب برنامج Corridor لإعادة الإدماج: reintegration@corridor-programme-office.example. بعد الوصول، تواصل مع الشريك المذكور في وثيقة إحالتك.',
  ru: 'Офис программы реинтеграции Corridor: reintegration@corridor-programme-office.example. После прибытия обращайтесь к партнёру, указанному в вашем направлении.',
  fa: 'دفتر برنامه ادغام مجدد Corridor: reintegration@corridor-programme-office.example. پس از ورود، با شریکی که در معرفی‌نامه شما نام برده شده تماس بگیرید.',
  es: 'Oficina del Programa de Reintegración Corridor: reintegration@corridor-programme-office.example. Tras la llegada, contacte con el socio indicado en su derivación.',
};

const PSYCHOSOCIAL_FOR_VULNERABLE = {
  code: 'psychosocial-support',
  name: PSYCHOSOCIAL,
  stage: 'reintegration',
  modality: 'service',
  category: 'psychosocial',
  currency: 'EUR',
  eligibility: VULNERABLE,
  amount: { actualCost: true },
} as const;

// ---------------------------------------------------------------------------------------------
// The catalogue

export const DEMO_PROGRAMMES: DemoProgramme[] = [
  // A REAG/GARP-like travel and start-up programme.
  {
    code: 'NM-RETURNSTART',
    funderSlug: 'nordmark-return-office',
    implementingSlugs: ['lumen-counselling'],
    status: 'published',
    definition: {
      name: {
        en: 'Nordmark ReturnStart — journey and start-up aid',
        fr: 'Nordmark ReturnStart — voyage et aide au démarrage',
        ar: 'Nordmark ReturnStart — الرحلة ومساعدة البدء',
        ru: 'Nordmark ReturnStart — проезд и стартовая помощь',
        fa: 'Nordmark ReturnStart — هزینه سفر و کمک شروع',
        es: 'Nordmark ReturnStart — viaje y ayuda inicial',
      },
      summary: {
        en: 'For people who decide to return voluntarily from Germany: the journey is paid, and nationals of many countries also receive a travel allowance and start-up aid in cash.',
        fr: 'Pour les personnes qui décident de rentrer volontairement depuis l’Allemagne : le voyage est payé, et les ressortissants de nombreux pays reçoivent aussi une allocation de voyage et une aide au démarrage en espèces.',
        ar: 'للأشخاص الذين يقررون العودة طوعًا من ألمانيا: تُدفع تكاليف الرحلة، ويحصل مواطنو دول كثيرة أيضًا على بدل سفر ومساعدة بدء نقدية.',
        ru: 'Для тех, кто решил добровольно вернуться из Германии: проезд оплачивается, а граждане многих стран также получают пособие на дорогу и стартовую помощь наличными.',
        fa: 'برای کسانی که تصمیم می‌گیرند داوطلبانه از آلمان بازگردند: هزینه سفر پرداخت می‌شود و اتباع بسیاری از کشورها کمک‌هزینه سفر و کمک نقدی شروع نیز دریافت می‌کنند.',
        es: 'Para quienes deciden regresar voluntariamente desde Alemania: se paga el viaje, y los nacionales de muchos países reciben además una asignación de viaje y una ayuda inicial en efectivo.',
      },
      description: {
        en: 'Modelled on the published rules of a federal assisted-return programme, but invented for the Homeward demo. The ticket is paid at actual cost. Nationals of the countries with start-up aid also receive a travel allowance of 200 EUR per adult and 100 EUR per minor, and start-up aid of 1,000 EUR per adult and 500 EUR per minor, both paid in cash at departure; nationals of visa-free states receive the journey only. When a serious illness, disability, pregnancy or mental health condition is recorded, medical costs for the first three months after arrival are paid up to 2,000 EUR.',
        fr: 'Inspiré des règles publiées d’un programme fédéral d’aide au retour, mais inventé pour la démonstration de Homeward. Le billet est payé au coût réel. Les ressortissants des pays ouvrant droit à l’aide au démarrage reçoivent aussi une allocation de voyage de 200 EUR par adulte et 100 EUR par mineur, et une aide au démarrage de 1 000 EUR par adulte et 500 EUR par mineur, versées en espèces au départ ; les ressortissants des États exemptés de visa reçoivent seulement le voyage. Lorsqu’une maladie grave, un handicap, une grossesse ou un trouble de santé mentale est enregistré, les frais médicaux des trois premiers mois après l’arrivée sont pris en charge jusqu’à 2 000 EUR.',
        ar: 'مستوحى من القواعد المنشورة لبرنامج اتحادي للعودة بمساعدة، لكنه مُختلَق لعرض Homeward التجريبي. تُدفع التذكرة بتكلفتها الفعلية. ويحصل مواطنو الدول المشمولة بمساعدة البدء أيضًا على بدل سفر قدره 200 يورو لكل بالغ و100 يورو لكل قاصر، وعلى مساعدة بدء قدرها 1,000 يورو لكل بالغ و500 يورو لكل قاصر، تُدفعان نقدًا عند المغادرة؛ أما مواطنو الدول المعفاة من التأشيرة فلا يحصلون إلا على الرحلة. وعند تسجيل مرض خطير أو إعاقة أو حمل أو حالة تتعلق بالصحة النفسية، تُغطّى التكاليف الطبية للأشهر الثلاثة الأولى بعد الوصول حتى 2,000 يورو.',
        ru: 'Создана по образцу опубликованных правил федеральной программы содействия возвращению, но придумана для демонстрации Homeward. Билет оплачивается по фактической стоимости. Граждане стран со стартовой помощью также получают пособие на дорогу — 200 евро на взрослого и 100 евро на несовершеннолетнего — и стартовую помощь — 1000 евро на взрослого и 500 евро на несовершеннолетнего; обе суммы выплачиваются наличными при выезде. Граждане безвизовых государств получают только оплату проезда. Если зарегистрированы тяжёлое заболевание, инвалидность, беременность или психическое расстройство, медицинские расходы за первые три месяца после прибытия оплачиваются в пределах 2000 евро.',
        fa: 'برگرفته از قواعد منتشرشده یک برنامه فدرال بازگشت با کمک، اما ساختگی و برای نسخه نمایشی Homeward. بلیت به هزینه واقعی پرداخت می‌شود. اتباع کشورهای مشمول کمک شروع، کمک‌هزینه سفر به مبلغ 200 یورو برای هر بزرگسال و 100 یورو برای هر فرد زیر 18 سال و کمک شروع به مبلغ 1,000 یورو برای هر بزرگسال و 500 یورو برای هر فرد زیر 18 سال نیز دریافت می‌کنند که هر دو هنگام خروج به‌صورت نقدی پرداخت می‌شوند؛ اتباع کشورهای بدون نیاز به روادید فقط هزینه سفر را دریافت می‌کنند. اگر بیماری جدی، معلولیت، بارداری یا مشکل سلامت روان ثبت شده باشد، هزینه‌های درمانی سه ماه نخست پس از ورود تا 2,000 یورو پرداخت می‌شود.',
        es: 'Basado en las normas publicadas de un programa federal de retorno asistido, pero inventado para la demostración de Homeward. El billete se paga a coste real. Los nacionales de los países con ayuda inicial reciben además una asignación de viaje de 200 EUR por adulto y 100 EUR por menor, y una ayuda inicial de 1000 EUR por adulto y 500 EUR por menor, ambas en efectivo al salir; los nacionales de Estados exentos de visado reciben solo el viaje. Si consta una enfermedad grave, una discapacidad, un embarazo o un problema de salud mental, los gastos médicos de los tres primeros meses tras la llegada se cubren hasta 2000 EUR.',
      },
      contact: {
        en: 'Ask your return counsellor, or write to the ReturnStart desk of the Nordmark Federal Return Office: returnstart@nordmark-return-office.example',
        fr: 'Adressez-vous à votre conseiller au retour, ou écrivez au guichet ReturnStart de l’Office fédéral de retour de Nordmark : returnstart@nordmark-return-office.example',
        ar: 'تحدّث إلى مستشار العودة الخاص بك، أو راسل مكتب ReturnStart في مكتب نوردمارك الاتحادي للعودة: returnstart@nordmark-return-office.example',
        ru: 'Обратитесь к своему консультанту по возвращению или напишите в отдел ReturnStart Федерального управления по возвращению Нордмарка: returnstart@nordmark-return-office.example',
        fa: 'با مشاور بازگشت خود صحبت کنید یا به بخش ReturnStart در اداره فدرال بازگشت نوردمارک بنویسید: returnstart@nordmark-return-office.example',
        es: 'Consulte a su asesor de retorno o escriba a la oficina ReturnStart de la Oficina Federal de Retorno de Nordmark: returnstart@nordmark-return-office.example',
      },
      validFrom: '2025-01-01',
      validTo: null,
      countriesOfReturn: ALL_RETURN_COUNTRIES,
      hostCountries: ['DE'],
      leadTimeDays: null,
      nationalityGroups: [
        { code: 'start_up_aid', name: GROUP_START_UP_AID, countries: START_UP_AID },
        { code: 'visa_free', name: GROUP_VISA_FREE_TRAVEL_ONLY, countries: VISA_FREE },
      ],
      eligibility: VOLUNTARY,
      interactions: [],
      components: [
        {
          code: 'travel',
          name: TRAVEL,
          description: TRAVEL_DESCRIPTION,
          stage: 'pre_departure',
          modality: 'in_kind',
          category: 'travel',
          currency: 'EUR',
          amount: { actualCost: true },
        },
        {
          code: 'travel-allowance',
          name: {
            en: 'Travel allowance',
            fr: 'Allocation de voyage',
            ar: 'بدل السفر',
            ru: 'Пособие на дорогу',
            fa: 'کمک‌هزینه سفر',
            es: 'Asignación de viaje',
          },
          stage: 'pre_departure',
          modality: 'cash',
          category: 'travel_allowance',
          currency: 'EUR',
          eligibility: fact('nationalityGroup', 'not_in', ['visa_free']),
          amount: { perAdult: 200, perMinor: 100 },
        },
        {
          code: 'start-up-aid',
          name: {
            en: 'Start-up aid',
            fr: 'Aide au démarrage',
            ar: 'مساعدة البدء',
            ru: 'Стартовая помощь',
            fa: 'کمک شروع',
            es: 'Ayuda inicial',
          },
          description: {
            en: 'Cash for the first weeks after arrival, paid at departure.',
            fr: 'De l’argent pour les premières semaines après l’arrivée, versé au départ.',
            ar: 'مبلغ نقدي للأسابيع الأولى بعد الوصول، يُدفع عند المغادرة.',
          },
          stage: 'pre_departure',
          modality: 'cash',
          category: 'reception',
          currency: 'EUR',
          eligibility: fact('nationalityGroup', 'in', ['start_up_aid']),
          amount: { perAdult: 1000, perMinor: 500 },
        },
        {
          code: 'medical-costs',
          name: {
            en: 'Medical costs for the first three months',
            fr: 'Frais médicaux des trois premiers mois',
            ar: 'التكاليف الطبية للأشهر الثلاثة الأولى',
            ru: 'Медицинские расходы за первые три месяца',
            fa: 'هزینه‌های درمانی سه ماه نخست',
            es: 'Gastos médicos de los tres primeros meses',
          },
          stage: 'post_arrival',
          modality: 'service',
          category: 'medical',
          currency: 'EUR',
          eligibility: all(fact('nationalityGroup', 'not_in', ['visa_free']), MEDICAL_NEED),
          amount: { actualCost: true, upTo: true, perHousehold: 2000 },
        },
      ],
    },
  },

  // A StarthilfePlus-like supplement: only with ReturnStart, more for an early decision.
  {
    code: 'NM-STARTPLUS',
    funderSlug: 'nordmark-return-office',
    implementingSlugs: ['lumen-counselling', 'tigris-reintegration', 'harmattan-partners'],
    status: 'published',
    definition: {
      name: {
        en: 'Nordmark StartPlus — reintegration supplement',
        fr: 'Nordmark StartPlus — complément de réintégration',
        ar: 'Nordmark StartPlus — دعم إضافي لإعادة الإدماج',
        ru: 'Nordmark StartPlus — дополнительная помощь в реинтеграции',
        fa: 'Nordmark StartPlus — کمک تکمیلی ادغام مجدد',
        es: 'Nordmark StartPlus — complemento de reintegración',
      },
      summary: {
        en: 'A supplement to ReturnStart for people who decide early: more if you decide before the decision on your asylum application than within the departure deadline. Half is paid at departure, half six months after arrival.',
        fr: 'Un complément à ReturnStart pour celles et ceux qui décident tôt : davantage si vous décidez avant la décision sur votre demande d’asile que pendant le délai de départ. La moitié est versée au départ, l’autre moitié six mois après l’arrivée.',
        ar: 'دعم إضافي لبرنامج ReturnStart لمن يقرر مبكرًا: يكون المبلغ أكبر إذا قررت قبل صدور القرار في طلب لجوئك مما لو قررت خلال مهلة المغادرة. يُدفع النصف عند المغادرة والنصف الآخر بعد ستة أشهر من الوصول.',
        ru: 'Дополнение к ReturnStart для тех, кто принимает решение рано: сумма больше, если вы решили до решения по вашему заявлению об убежище, чем в пределах срока выезда. Половина выплачивается при выезде, половина — через шесть месяцев после прибытия.',
        fa: 'مکملی برای ReturnStart برای کسانی که زود تصمیم می‌گیرند: اگر پیش از صدور تصمیم درباره درخواست پناهندگی‌تان تصمیم بگیرید، مبلغ بیشتری از تصمیم در مهلت خروج دریافت می‌کنید. نیمی از مبلغ هنگام خروج و نیم دیگر شش ماه پس از ورود پرداخت می‌شود.',
        es: 'Un complemento de ReturnStart para quienes deciden pronto: más si decide antes de la resolución de su solicitud de asilo que dentro del plazo de salida. La mitad se paga al salir y la otra mitad seis meses después de la llegada.',
      },
      description: {
        en: 'Modelled on the published rules of a federal reintegration supplement, but invented for the Homeward demo. Only together with ReturnStart, and the application must reach the office at least 28 days before departure. Per person: 1,200 EUR per adult and 600 EUR per minor for those who decided before the decision on their asylum application; 800 EUR per adult and 400 EUR per minor for those who decide within the departure deadline. Half is paid at departure and half six months after arrival, through the partner in the country of return. Where the Corridor Reintegration Programme pays in-kind reintegration support, this supplement is reduced by that amount, so that the same need is not funded twice.',
        fr: 'Inspiré des règles publiées d’un complément fédéral de réintégration, mais inventé pour la démonstration de Homeward. Uniquement avec ReturnStart, et la demande doit parvenir à l’office au moins 28 jours avant le départ. Par personne : 1 200 EUR par adulte et 600 EUR par mineur pour qui a décidé avant la décision sur sa demande d’asile ; 800 EUR par adulte et 400 EUR par mineur pour qui décide pendant le délai de départ. La moitié est versée au départ, l’autre moitié six mois après l’arrivée, par le partenaire dans le pays de retour. Là où le programme de réintégration Corridor verse une aide en nature, ce complément est réduit d’autant, afin que le même besoin ne soit pas financé deux fois.',
        ar: 'مستوحى من القواعد المنشورة لدعم اتحادي إضافي لإعادة الإدماج، لكنه مُختلَق لعرض Homeward التجريبي. لا يُمنح إلا مع ReturnStart، ويجب أن يصل الطلب إلى المكتب قبل 28 يومًا على الأقل من المغادرة. لكل شخص: 1,200 يورو لكل بالغ و600 يورو لكل قاصر لمن قرر العودة قبل صدور القرار في طلب لجوئه؛ و800 يورو لكل بالغ و400 يورو لكل قاصر لمن يقرر خلال مهلة المغادرة. يُدفع النصف عند المغادرة والنصف الآخر بعد ستة أشهر من الوصول عبر الشريك في بلد العودة. وحيث يقدّم برنامج Corridor لإعادة الإدماج دعمًا عينيًا، يُخفَّض هذا الدعم الإضافي بقدره، حتى لا تُموَّل الحاجة نفسها مرتين.',
        ru: 'Создана по образцу опубликованных правил федеральной надбавки на реинтеграцию, но придумана для демонстрации Homeward. Предоставляется только вместе с ReturnStart; заявление должно поступить не позднее чем за 28 дней до выезда. На человека: 1200 евро на взрослого и 600 евро на несовершеннолетнего — тем, кто принял решение до решения по своему заявлению об убежище; 800 евро на взрослого и 400 евро на несовершеннолетнего — тем, кто решает в пределах срока выезда. Половина выплачивается при выезде, половина — через шесть месяцев после прибытия через партнёра в стране возвращения. Там, где программа реинтеграции Corridor предоставляет натуральную помощь, эта надбавка уменьшается на её сумму, чтобы одна и та же потребность не финансировалась дважды.',
        fa: 'برگرفته از قواعد منتشرشده یک کمک تکمیلی فدرال برای ادغام مجدد، اما ساختگی و برای نسخه نمایشی Homeward. فقط همراه با ReturnStart داده می‌شود و درخواست باید دست‌کم 28 روز پیش از خروج به اداره برسد. برای هر نفر: 1,200 یورو برای هر بزرگسال و 600 یورو برای هر فرد زیر 18 سال برای کسانی که پیش از صدور تصمیم درباره درخواست پناهندگی خود تصمیم گرفته‌اند؛ 800 یورو برای هر بزرگسال و 400 یورو برای هر فرد زیر 18 سال برای کسانی که در مهلت خروج تصمیم می‌گیرند. نیمی از مبلغ هنگام خروج و نیم دیگر شش ماه پس از ورود از طریق شریک در کشور بازگشت پرداخت می‌شود. در جایی که برنامه ادغام مجدد Corridor کمک غیرنقدی می‌دهد، این کمک تکمیلی به همان اندازه کاهش می‌یابد تا یک نیاز دو بار تأمین مالی نشود.',
        es: 'Basado en las normas publicadas de un complemento federal de reintegración, pero inventado para la demostración de Homeward. Solo junto con ReturnStart, y la solicitud debe llegar a la oficina al menos 28 días antes de la salida. Por persona: 1200 EUR por adulto y 600 EUR por menor para quien decidió antes de la resolución de su solicitud de asilo; 800 EUR por adulto y 400 EUR por menor para quien decide dentro del plazo de salida. La mitad se paga al salir y la otra mitad seis meses después de la llegada, a través del socio en el país de retorno. Donde el Programa de Reintegración Corridor paga apoyo en especie, este complemento se reduce en esa cantidad, para que la misma necesidad no se financie dos veces.',
      },
      contact: {
        en: 'Ask your return counsellor, or write to the StartPlus desk of the Nordmark Federal Return Office: startplus@nordmark-return-office.example',
        fr: 'Adressez-vous à votre conseiller au retour, ou écrivez au guichet StartPlus de l’Office fédéral de retour de Nordmark : startplus@nordmark-return-office.example',
        ar: 'تحدّث إلى مستشار العودة الخاص بك، أو راسل مكتب StartPlus في مكتب نوردمارك الاتحادي للعودة: startplus@nordmark-return-office.example',
        ru: 'Обратитесь к своему консультанту по возвращению или напишите в отдел StartPlus Федерального управления по возвращению Нордмарка: startplus@nordmark-return-office.example',
        fa: 'با مشاور بازگشت خود صحبت کنید یا به بخش StartPlus در اداره فدرال بازگشت نوردمارک بنویسید: startplus@nordmark-return-office.example',
        es: 'Consulte a su asesor de retorno o escriba a la oficina StartPlus de la Oficina Federal de Retorno de Nordmark: startplus@nordmark-return-office.example',
      },
      validFrom: '2025-01-01',
      validTo: null,
      countriesOfReturn: START_UP_AID,
      hostCountries: ['DE'],
      leadTimeDays: 28,
      eligibility: all(
        VOLUNTARY,
        fact('proceduralStage', 'in', ['before_asylum_decision', 'within_departure_deadline']),
      ),
      interactions: [
        { type: 'requires', programmeCode: 'NM-RETURNSTART' },
        { type: 'offset', programmeCode: 'CO-EURP', category: 'business_start_up' },
      ],
      components: [
        {
          code: 'reintegration-capital',
          name: {
            en: 'Reintegration start capital',
            fr: 'Capital de départ pour la réintégration',
            ar: 'رأس مال أولي لإعادة الإدماج',
            ru: 'Стартовый капитал для реинтеграции',
            fa: 'سرمایه اولیه برای ادغام مجدد',
            es: 'Capital inicial para la reintegración',
          },
          stage: 'reintegration',
          modality: 'cash',
          category: 'business_start_up',
          currency: 'EUR',
          amount: {
            variants: [
              {
                label: {
                  en: 'decided before the asylum decision',
                  fr: 'décision prise avant la décision sur l’asile',
                  ar: 'قرار العودة قبل صدور قرار اللجوء',
                  ru: 'решение принято до решения по убежищу',
                  fa: 'تصمیم پیش از صدور رأی پناهندگی',
                  es: 'decisión antes de la resolución de asilo',
                },
                when: fact('proceduralStage', 'in', ['before_asylum_decision']),
                perAdult: 1200,
                perMinor: 600,
              },
              {
                label: {
                  en: 'decided within the departure deadline',
                  fr: 'décision prise pendant le délai de départ',
                  ar: 'قرار العودة خلال مهلة المغادرة',
                  ru: 'решение принято в пределах срока выезда',
                  fa: 'تصمیم در مهلت خروج',
                  es: 'decisión dentro del plazo de salida',
                },
                when: fact('proceduralStage', 'in', ['within_departure_deadline']),
                perAdult: 800,
                perMinor: 400,
              },
            ],
            instalments: [
              { percent: 50, due: 'before_departure' },
              { percent: 50, due: 'after_arrival', monthsAfterArrival: 6 },
            ],
          },
        },
      ],
    },
  },

  // An EURP-like multi-country in-kind programme.
  {
    code: 'CO-EURP',
    funderSlug: 'corridor-programme-office',
    implementingSlugs: ['harmattan-partners', 'kartli-return-support', 'ng-returnee-desk'],
    status: 'published',
    definition: {
      name: {
        en: 'Corridor Reintegration Programme',
        fr: 'Programme de réintégration Corridor',
        ar: 'برنامج Corridor لإعادة الإدماج',
        ru: 'Программа реинтеграции Corridor',
        fa: 'برنامه ادغام مجدد Corridor',
        es: 'Programa de Reintegración Corridor',
      },
      summary: {
        en: 'Support after you arrive in one of 24 countries: a reception package worth 615 EUR per person, then goods and services for your reintegration plan, up to 2,000 EUR per adult and 1,000 EUR per minor, delivered by a local partner.',
        fr: 'Un soutien après votre arrivée dans l’un des 24 pays : une aide à l’arrivée d’une valeur de 615 EUR par personne, puis des biens et services pour votre plan de réintégration, jusqu’à 2 000 EUR par adulte et 1 000 EUR par mineur, fournis par un partenaire local.',
        ar: 'دعم بعد وصولك إلى أحد 24 بلدًا: حزمة استقبال بقيمة 615 يورو للشخص، ثم سلع وخدمات لخطة إعادة إدماجك تصل إلى 2,000 يورو لكل بالغ و1,000 يورو لكل قاصر، يقدّمها شريك محلي.',
        ru: 'Поддержка после прибытия в одну из 24 стран: пакет помощи по прибытии стоимостью 615 евро на человека, а затем товары и услуги по вашему плану реинтеграции — до 2000 евро на взрослого и до 1000 евро на несовершеннолетнего — от местного партнёра.',
        fa: 'پشتیبانی پس از ورود به یکی از 24 کشور: یک بسته پذیرش به ارزش 615 یورو برای هر نفر، و سپس کالا و خدمات برای طرح ادغام مجدد شما تا 2,000 یورو برای هر بزرگسال و 1,000 یورو برای هر فرد زیر 18 سال، که یک شریک محلی ارائه می‌دهد.',
        es: 'Apoyo tras su llegada a uno de 24 países: un paquete de acogida por valor de 615 EUR por persona y, después, bienes y servicios para su plan de reintegración, hasta 2000 EUR por adulto y 1000 EUR por menor, prestados por un socio local.',
      },
      description: {
        en: 'Modelled on the published figures of a multi-country EU reintegration programme, but invented for the Homeward demo. For assisted voluntary returns from the participating states. The reception package (airport pick-up, onward transport, temporary accommodation or cash) is worth 615 EUR per person. Reintegration support is given in kind, never in cash, following a plan agreed with the partner: up to 2,000 EUR per adult and 1,000 EUR per minor. Psychosocial counselling is offered to vulnerable persons. Forced returns are covered by a separate programme, which cannot be combined with this one.',
        fr: 'Inspiré des montants publiés d’un programme européen de réintégration couvrant plusieurs pays, mais inventé pour la démonstration de Homeward. Pour les retours volontaires aidés depuis les États participants. L’aide à l’arrivée (accueil à l’aéroport, transport jusqu’à destination, hébergement temporaire ou espèces) vaut 615 EUR par personne. L’aide à la réintégration est donnée en nature, jamais en espèces, selon un plan convenu avec le partenaire : jusqu’à 2 000 EUR par adulte et 1 000 EUR par mineur. Un accompagnement psychosocial est proposé aux personnes vulnérables. Les retours forcés relèvent d’un programme distinct, qui ne peut pas être combiné avec celui-ci.',
        ar: 'مستوحى من الأرقام المنشورة لبرنامج أوروبي لإعادة الإدماج يشمل عدة بلدان، لكنه مُختلَق لعرض Homeward التجريبي. مخصص للعودة الطوعية بمساعدة من الدول المشاركة. تبلغ قيمة حزمة الاستقبال (الاستقبال في المطار، والنقل إلى الوجهة، والسكن المؤقت، أو مبلغ نقدي) 615 يورو للشخص. ويُقدَّم دعم إعادة الإدماج عينيًا لا نقدًا، وفق خطة متفق عليها مع الشريك: حتى 2,000 يورو لكل بالغ و1,000 يورو لكل قاصر. ويُتاح الإرشاد النفسي والاجتماعي للأشخاص في وضع هش. أما العودة القسرية فيغطيها برنامج منفصل لا يمكن الجمع بينه وبين هذا البرنامج.',
        ru: 'Создана по образцу опубликованных сумм многострановой программы реинтеграции ЕС, но придумана для демонстрации Homeward. Для добровольного возвращения при содействии из государств-участников. Пакет помощи по прибытии (встреча в аэропорту, проезд до места назначения, временное жильё или наличные) стоит 615 евро на человека. Помощь в реинтеграции предоставляется в натуральной форме, а не деньгами, по плану, согласованному с партнёром: до 2000 евро на взрослого и до 1000 евро на несовершеннолетнего. Уязвимым людям предлагается психосоциальная поддержка. Принудительное возвращение покрывает отдельная программа, которую нельзя совмещать с этой.',
        fa: 'برگرفته از ارقام منتشرشده یک برنامه چندکشوری اتحادیه اروپا برای ادغام مجدد، اما ساختگی و برای نسخه نمایشی Homeward. برای بازگشت داوطلبانه با کمک از کشورهای شرکت‌کننده. بسته پذیرش (استقبال در فرودگاه، انتقال به مقصد، اقامت موقت یا پول نقد) 615 یورو برای هر نفر ارزش دارد. کمک ادغام مجدد به‌صورت غیرنقدی و طبق طرحی که با شریک توافق می‌شود داده می‌شود: تا 2,000 یورو برای هر بزرگسال و 1,000 یورو برای هر فرد زیر 18 سال. به افراد آسیب‌پذیر مشاوره روانی-اجتماعی ارائه می‌شود. بازگرداندن اجباری را برنامه جداگانه‌ای پوشش می‌دهد که با این برنامه قابل جمع نیست.',
        es: 'Basado en las cifras publicadas de un programa europeo de reintegración en varios países, pero inventado para la demostración de Homeward. Para retornos voluntarios asistidos desde los Estados participantes. El paquete de acogida (recogida en el aeropuerto, transporte hasta el destino, alojamiento temporal o efectivo) vale 615 EUR por persona. El apoyo a la reintegración se da en especie, nunca en efectivo, según un plan acordado con el socio: hasta 2000 EUR por adulto y 1000 EUR por menor. Se ofrece apoyo psicosocial a las personas vulnerables. Los retornos forzosos los cubre un programa distinto, que no se puede combinar con este.',
      },
      contact: CORRIDOR_CONTACT,
      validFrom: '2025-04-01',
      validTo: '2027-12-31',
      countriesOfReturn: CORRIDOR_COUNTRIES,
      hostCountries: CORRIDOR_HOSTS,
      leadTimeDays: null,
      eligibility: VOLUNTARY,
      interactions: [{ type: 'not_combinable', programmeCode: 'CO-EURP-FORCED' }],
      components: [
        {
          code: 'post-arrival-package',
          name: {
            en: 'Post-arrival package',
            fr: 'Aide à l’arrivée',
            ar: 'حزمة ما بعد الوصول',
            ru: 'Пакет помощи по прибытии',
            fa: 'بسته پشتیبانی پس از ورود',
            es: 'Paquete de llegada',
          },
          description: {
            en: 'Airport pick-up, onward transport, temporary accommodation, or the same value in cash.',
            fr: 'Accueil à l’aéroport, transport jusqu’à destination, hébergement temporaire, ou la même valeur en espèces.',
            ar: 'الاستقبال في المطار، والنقل إلى الوجهة، والسكن المؤقت، أو القيمة نفسها نقدًا.',
          },
          stage: 'post_arrival',
          modality: 'in_kind',
          category: 'reception',
          currency: 'EUR',
          amount: { perAdult: 615, perMinor: 615 },
        },
        {
          code: 'reintegration-in-kind',
          name: {
            en: 'In-kind reintegration support',
            fr: 'Aide à la réintégration en nature',
            ar: 'دعم عيني لإعادة الإدماج',
            ru: 'Натуральная помощь в реинтеграции',
            fa: 'کمک غیرنقدی برای ادغام مجدد',
            es: 'Apoyo a la reintegración en especie',
          },
          description: {
            en: 'Goods and services of the reintegration plan: a small business, tools, training, rent or school costs.',
            fr: 'Biens et services du plan de réintégration : petite entreprise, outils, formation, loyer ou frais de scolarité.',
            ar: 'سلع وخدمات خطة إعادة الإدماج: مشروع صغير، أدوات، تدريب، إيجار أو تكاليف الدراسة.',
          },
          stage: 'reintegration',
          modality: 'in_kind',
          category: 'business_start_up',
          currency: 'EUR',
          amount: { perAdult: 2000, perMinor: 1000, upTo: true },
        },
        PSYCHOSOCIAL_FOR_VULNERABLE,
      ],
    },
  },

  // Its forced-return variant.
  {
    code: 'CO-EURP-FORCED',
    funderSlug: 'corridor-programme-office',
    implementingSlugs: ['harmattan-partners', 'kartli-return-support', 'ng-returnee-desk'],
    status: 'published',
    definition: {
      name: {
        en: 'Corridor Reintegration Programme — after a forced return',
        fr: 'Programme de réintégration Corridor — après un retour forcé',
        ar: 'برنامج Corridor لإعادة الإدماج — بعد العودة القسرية',
        ru: 'Программа реинтеграции Corridor — после принудительного возвращения',
        fa: 'برنامه ادغام مجدد Corridor — پس از بازگرداندن اجباری',
        es: 'Programa de Reintegración Corridor — tras un retorno forzoso',
      },
      summary: {
        en: 'For people returned by force to one of the 24 countries: a reception package worth 205 EUR per person, then goods and services for reintegration, up to 1,000 EUR per person, delivered by a local partner.',
        fr: 'Pour les personnes renvoyées de force vers l’un des 24 pays : une aide à l’arrivée d’une valeur de 205 EUR par personne, puis des biens et services pour la réintégration, jusqu’à 1 000 EUR par personne, fournis par un partenaire local.',
        ar: 'للأشخاص الذين أُعيدوا قسرًا إلى أحد البلدان الـ24: حزمة استقبال بقيمة 205 يورو للشخص، ثم سلع وخدمات لإعادة الإدماج تصل إلى 1,000 يورو للشخص، يقدّمها شريك محلي.',
        ru: 'Для тех, кого принудительно вернули в одну из 24 стран: пакет помощи по прибытии стоимостью 205 евро на человека, а затем товары и услуги для реинтеграции — до 1000 евро на человека — от местного партнёра.',
        fa: 'برای کسانی که به‌اجبار به یکی از 24 کشور بازگردانده شده‌اند: یک بسته پذیرش به ارزش 205 یورو برای هر نفر، و سپس کالا و خدمات برای ادغام مجدد تا 1,000 یورو برای هر نفر، که یک شریک محلی ارائه می‌دهد.',
        es: 'Para las personas retornadas por la fuerza a uno de los 24 países: un paquete de acogida por valor de 205 EUR por persona y, después, bienes y servicios para la reintegración, hasta 1000 EUR por persona, prestados por un socio local.',
      },
      description: {
        en: 'Modelled on the published figures of a multi-country EU reintegration programme, but invented for the Homeward demo. For people returned by force from the participating states. The reception package is worth 205 EUR per person; in-kind reintegration support is up to 1,000 EUR per person, adult or minor. Psychosocial counselling is offered to vulnerable persons. It cannot be combined with the programme for voluntary returns.',
        fr: 'Inspiré des montants publiés d’un programme européen de réintégration couvrant plusieurs pays, mais inventé pour la démonstration de Homeward. Pour les personnes renvoyées de force depuis les États participants. L’aide à l’arrivée vaut 205 EUR par personne ; l’aide à la réintégration en nature va jusqu’à 1 000 EUR par personne, adulte ou mineure. Un accompagnement psychosocial est proposé aux personnes vulnérables. Il ne peut pas être combiné avec le programme pour les retours volontaires.',
        ar: 'مستوحى من الأرقام المنشورة لبرنامج أوروبي لإعادة الإدماج يشمل عدة بلدان، لكنه مُختلَق لعرض Homeward التجريبي. مخصص للأشخاص الذين أُعيدوا قسرًا من الدول المشاركة. تبلغ قيمة حزمة الاستقبال 205 يورو للشخص، ويصل الدعم العيني لإعادة الإدماج إلى 1,000 يورو للشخص، بالغًا كان أو قاصرًا. ويُتاح الإرشاد النفسي والاجتماعي للأشخاص في وضع هش. لا يمكن الجمع بينه وبين برنامج العودة الطوعية.',
        ru: 'Создана по образцу опубликованных сумм многострановой программы реинтеграции ЕС, но придумана для демонстрации Homeward. Для людей, принудительно возвращённых из государств-участников. Пакет помощи по прибытии стоит 205 евро на человека; натуральная помощь в реинтеграции — до 1000 евро на человека, взрослого или несовершеннолетнего. Уязвимым людям предлагается психосоциальная поддержка. Её нельзя совмещать с программой для добровольного возвращения.',
        fa: 'برگرفته از ارقام منتشرشده یک برنامه چندکشوری اتحادیه اروپا برای ادغام مجدد، اما ساختگی و برای نسخه نمایشی Homeward. برای کسانی که به‌اجبار از کشورهای شرکت‌کننده بازگردانده شده‌اند. بسته پذیرش 205 یورو برای هر نفر ارزش دارد و کمک غیرنقدی ادغام مجدد تا 1,000 یورو برای هر نفر، بزرگسال یا زیر 18 سال، است. به افراد آسیب‌پذیر مشاوره روانی-اجتماعی ارائه می‌شود. این برنامه با برنامه بازگشت داوطلبانه قابل جمع نیست.',
        es: 'Basado en las cifras publicadas de un programa europeo de reintegración en varios países, pero inventado para la demostración de Homeward. Para personas retornadas por la fuerza desde los Estados participantes. El paquete de acogida vale 205 EUR por persona; el apoyo a la reintegración en especie llega hasta 1000 EUR por persona, adulta o menor. Se ofrece apoyo psicosocial a las personas vulnerables. No se puede combinar con el programa para retornos voluntarios.',
      },
      contact: CORRIDOR_CONTACT,
      validFrom: '2025-04-01',
      validTo: '2027-12-31',
      countriesOfReturn: CORRIDOR_COUNTRIES,
      hostCountries: CORRIDOR_HOSTS,
      leadTimeDays: null,
      eligibility: fact('returnType', 'in', ['assisted_forced']),
      interactions: [{ type: 'not_combinable', programmeCode: 'CO-EURP' }],
      components: [
        {
          code: 'post-arrival-package',
          name: {
            en: 'Post-arrival package',
            fr: 'Aide à l’arrivée',
            ar: 'حزمة ما بعد الوصول',
            ru: 'Пакет помощи по прибытии',
            fa: 'بسته پشتیبانی پس از ورود',
            es: 'Paquete de llegada',
          },
          stage: 'post_arrival',
          modality: 'in_kind',
          category: 'reception',
          currency: 'EUR',
          amount: { perAdult: 205, perMinor: 205 },
        },
        {
          code: 'reintegration-in-kind',
          name: {
            en: 'In-kind reintegration support',
            fr: 'Aide à la réintégration en nature',
            ar: 'دعم عيني لإعادة الإدماج',
            ru: 'Натуральная помощь в реинтеграции',
            fa: 'کمک غیرنقدی برای ادغام مجدد',
            es: 'Apoyo a la reintegración en especie',
          },
          stage: 'reintegration',
          modality: 'in_kind',
          category: 'business_start_up',
          currency: 'EUR',
          amount: { perAdult: 1000, perMinor: 1000, upTo: true },
        },
        PSYCHOSOCIAL_FOR_VULNERABLE,
      ],
    },
  },

  // A Swiss-like programme in CHF.
  {
    code: 'AR-RETURNAID',
    funderSlug: 'alpenrand-migration-office',
    implementingSlugs: ['tigris-reintegration', 'harmattan-partners', 'kartli-return-support'],
    status: 'published',
    definition: {
      name: {
        en: 'Alpenrand Return Aid',
        fr: 'Aide au retour Alpenrand',
        ar: 'مساعدة العودة Alpenrand',
        ru: 'Помощь в возвращении Alpenrand',
        fa: 'کمک بازگشت Alpenrand',
        es: 'Ayuda al retorno Alpenrand',
        de: 'Alpenrand Rückkehrhilfe',
      },
      summary: {
        en: 'For people returning voluntarily from Switzerland: the journey, a cash allowance of 1,000 CHF per adult and 500 CHF per minor, and up to 3,000 CHF of material aid for a reintegration project (up to 5,000 CHF with special needs).',
        fr: 'Pour les personnes qui rentrent volontairement depuis la Suisse : le voyage, une allocation en espèces de 1 000 CHF par adulte et 500 CHF par mineur, et jusqu’à 3 000 CHF d’aide matérielle pour un projet de réintégration (jusqu’à 5 000 CHF en cas de besoins particuliers).',
        ar: 'للأشخاص العائدين طوعًا من سويسرا: الرحلة، ومنحة نقدية قدرها 1,000 فرنك سويسري لكل بالغ و500 فرنك لكل قاصر، ومساعدة مادية لمشروع إعادة إدماج تصل إلى 3,000 فرنك (وحتى 5,000 فرنك عند وجود احتياجات خاصة).',
        ru: 'Для тех, кто добровольно возвращается из Швейцарии: проезд, денежное пособие — 1000 швейцарских франков на взрослого и 500 франков на несовершеннолетнего — и до 3000 франков материальной помощи на проект реинтеграции (до 5000 франков при особых потребностях).',
        fa: 'برای کسانی که داوطلبانه از سوئیس بازمی‌گردند: هزینه سفر، کمک‌هزینه نقدی 1,000 فرانک سوئیس برای هر بزرگسال و 500 فرانک برای هر فرد زیر 18 سال، و تا 3,000 فرانک کمک جنسی برای یک طرح ادغام مجدد (با نیازهای ویژه تا 5,000 فرانک).',
        es: 'Para quienes regresan voluntariamente desde Suiza: el viaje, una asignación en efectivo de 1000 CHF por adulto y 500 CHF por menor, y hasta 3000 CHF de ayuda material para un proyecto de reintegración (hasta 5000 CHF con necesidades especiales).',
        de: 'Für Menschen, die freiwillig aus der Schweiz zurückkehren: die Reise, eine Barauszahlung von 1000 CHF pro erwachsene Person und 500 CHF pro minderjährige Person sowie bis zu 3000 CHF Sachhilfe für ein Reintegrationsprojekt (bis zu 5000 CHF bei besonderen Bedürfnissen).',
      },
      description: {
        en: 'Modelled on published Swiss return-assistance rules, but invented for the Homeward demo. The journey is paid at actual cost. The cash allowance is 1,000 CHF per adult and 500 CHF per minor; nationals of visa-free states receive the reduced rate of 500 CHF per adult and 250 CHF per minor. Material aid for a project (a small business, tools, training) is paid to suppliers, up to 3,000 CHF per household, or up to 5,000 CHF when a vulnerability is recorded. Medical return aid pays for treatment and medicines when a serious illness, disability, pregnancy or mental health condition is recorded.',
        fr: 'Inspiré des règles publiées de l’aide au retour suisse, mais inventé pour la démonstration de Homeward. Le voyage est payé au coût réel. L’allocation en espèces est de 1 000 CHF par adulte et 500 CHF par mineur ; les ressortissants des États exemptés de visa reçoivent le taux réduit de 500 CHF par adulte et 250 CHF par mineur. L’aide matérielle pour un projet (petite entreprise, outils, formation) est versée aux fournisseurs, jusqu’à 3 000 CHF par ménage, ou jusqu’à 5 000 CHF lorsqu’une vulnérabilité est enregistrée. L’aide médicale au retour paie soins et médicaments lorsqu’une maladie grave, un handicap, une grossesse ou un trouble de santé mentale est enregistré.',
        ar: 'مستوحى من القواعد السويسرية المنشورة للمساعدة على العودة، لكنه مُختلَق لعرض Homeward التجريبي. تُدفع الرحلة بتكلفتها الفعلية. المنحة النقدية 1,000 فرنك لكل بالغ و500 فرنك لكل قاصر؛ ويحصل مواطنو الدول المعفاة من التأشيرة على المعدل المخفَّض: 500 فرنك لكل بالغ و250 فرنكًا لكل قاصر. وتُدفع المساعدة المادية للمشروع (مشروع صغير، أدوات، تدريب) إلى الموردين، حتى 3,000 فرنك للأسرة، أو حتى 5,000 فرنك عند تسجيل حالة هشاشة. وتغطي المساعدة الطبية للعودة العلاج والأدوية عند تسجيل مرض خطير أو إعاقة أو حمل أو حالة تتعلق بالصحة النفسية.',
        ru: 'Создана по образцу опубликованных швейцарских правил помощи в возвращении, но придумана для демонстрации Homeward. Проезд оплачивается по фактической стоимости. Денежное пособие — 1000 франков на взрослого и 500 франков на несовершеннолетнего; граждане безвизовых государств получают пониженную ставку — 500 франков на взрослого и 250 франков на несовершеннолетнего. Материальная помощь на проект (небольшое дело, инструменты, обучение) выплачивается поставщикам — до 3000 франков на домохозяйство или до 5000 франков, если зарегистрирована уязвимость. Медицинская помощь при возвращении оплачивает лечение и лекарства, если зарегистрированы тяжёлое заболевание, инвалидность, беременность или психическое расстройство.',
        fa: 'برگرفته از قواعد منتشرشده کمک بازگشت سوئیس، اما ساختگی و برای نسخه نمایشی Homeward. هزینه سفر به مبلغ واقعی پرداخت می‌شود. کمک‌هزینه نقدی 1,000 فرانک برای هر بزرگسال و 500 فرانک برای هر فرد زیر 18 سال است؛ اتباع کشورهای بدون نیاز به روادید نرخ کاهش‌یافته 500 فرانک برای هر بزرگسال و 250 فرانک برای هر فرد زیر 18 سال را دریافت می‌کنند. کمک جنسی برای یک طرح (کسب‌وکار کوچک، ابزار، آموزش) به تأمین‌کنندگان پرداخت می‌شود: تا 3,000 فرانک برای هر خانوار، یا تا 5,000 فرانک اگر آسیب‌پذیری ثبت شده باشد. کمک پزشکی بازگشت هزینه درمان و دارو را در صورت ثبت بیماری جدی، معلولیت، بارداری یا مشکل سلامت روان می‌پردازد.',
        es: 'Basado en las normas publicadas de la ayuda al retorno suiza, pero inventado para la demostración de Homeward. El viaje se paga a coste real. La asignación en efectivo es de 1000 CHF por adulto y 500 CHF por menor; los nacionales de Estados exentos de visado reciben la tarifa reducida de 500 CHF por adulto y 250 CHF por menor. La ayuda material para un proyecto (un pequeño negocio, herramientas, formación) se paga a los proveedores, hasta 3000 CHF por hogar, o hasta 5000 CHF si consta una vulnerabilidad. La ayuda médica al retorno paga tratamiento y medicamentos si consta una enfermedad grave, una discapacidad, un embarazo o un problema de salud mental.',
      },
      contact: {
        en: 'Your cantonal return counselling service, or the Alpenrand Federal Migration Office: returnaid@alpenrand-migration-office.example',
        fr: 'Votre service cantonal de conseil en vue du retour, ou l’Office fédéral des migrations d’Alpenrand : returnaid@alpenrand-migration-office.example',
        ar: 'خدمة استشارات العودة في الكانتون الذي تقيم فيه، أو مكتب Alpenrand الاتحادي للهجرة: returnaid@alpenrand-migration-office.example',
        ru: 'Кантональная служба консультирования по возвращению или Федеральное управление по миграции Альпенранда: returnaid@alpenrand-migration-office.example',
        fa: 'خدمات مشاوره بازگشت کانتون محل اقامت شما، یا اداره فدرال مهاجرت Alpenrand: returnaid@alpenrand-migration-office.example',
        es: 'Su servicio cantonal de asesoramiento para el retorno, o la Oficina Federal de Migración de Alpenrand: returnaid@alpenrand-migration-office.example',
        de: 'Ihre kantonale Rückkehrberatung oder das Bundesamt für Migration Alpenrand: returnaid@alpenrand-migration-office.example',
      },
      validFrom: '2025-01-01',
      validTo: null,
      countriesOfReturn: ALL_RETURN_COUNTRIES,
      hostCountries: ['CH'],
      leadTimeDays: null,
      nationalityGroups: [
        {
          code: 'visa_free',
          name: {
            en: 'Visa-free states (reduced rate)',
            fr: 'États exemptés de visa (taux réduit)',
            ar: 'الدول المعفاة من التأشيرة (المعدل المخفَّض)',
            ru: 'Безвизовые государства (пониженная ставка)',
            fa: 'کشورهای بدون نیاز به روادید (نرخ کاهش‌یافته)',
            es: 'Estados exentos de visado (tarifa reducida)',
          },
          countries: VISA_FREE,
        },
      ],
      eligibility: VOLUNTARY,
      interactions: [],
      components: [
        {
          code: 'travel',
          name: TRAVEL,
          description: TRAVEL_DESCRIPTION,
          stage: 'pre_departure',
          modality: 'in_kind',
          category: 'travel',
          currency: 'CHF',
          amount: { actualCost: true },
        },
        {
          code: 'cash-allowance',
          name: {
            en: 'Cash return allowance',
            fr: 'Allocation de retour en espèces',
            ar: 'منحة العودة النقدية',
            ru: 'Денежное пособие на возвращение',
            fa: 'کمک‌هزینه نقدی بازگشت',
            es: 'Asignación de retorno en efectivo',
            de: 'Barauszahlung',
          },
          stage: 'pre_departure',
          modality: 'cash',
          category: 'reception',
          currency: 'CHF',
          amount: {
            perAdult: 1000,
            perMinor: 500,
            variants: [
              {
                label: {
                  en: 'national of a visa-free state (reduced rate)',
                  fr: 'ressortissant d’un État exempté de visa (taux réduit)',
                  ar: 'مواطن دولة معفاة من التأشيرة (المعدل المخفَّض)',
                  ru: 'гражданин безвизового государства (пониженная ставка)',
                  fa: 'تبعه کشور بدون نیاز به روادید (نرخ کاهش‌یافته)',
                  es: 'nacional de un Estado exento de visado (tarifa reducida)',
                },
                when: fact('nationalityGroup', 'in', ['visa_free']),
                perAdult: 500,
                perMinor: 250,
              },
            ],
          },
        },
        {
          code: 'project-material-aid',
          name: {
            en: 'Material aid for a reintegration project',
            fr: 'Aide matérielle pour un projet de réintégration',
            ar: 'مساعدة مادية لمشروع إعادة الإدماج',
            ru: 'Материальная помощь на проект реинтеграции',
            fa: 'کمک جنسی برای طرح ادغام مجدد',
            es: 'Ayuda material para un proyecto de reintegración',
            de: 'Materielle Zusatzhilfe für ein Projekt',
          },
          stage: 'reintegration',
          modality: 'in_kind',
          category: 'business_start_up',
          currency: 'CHF',
          amount: {
            perHousehold: 3000,
            upTo: true,
            vulnerabilityTopUp: { perHousehold: 2000 },
            cap: 5000,
          },
        },
        {
          code: 'medical-return-aid',
          name: {
            en: 'Medical return aid',
            fr: 'Aide médicale au retour',
            ar: 'المساعدة الطبية للعودة',
            ru: 'Медицинская помощь при возвращении',
            fa: 'کمک پزشکی بازگشت',
            es: 'Ayuda médica al retorno',
            de: 'Medizinische Rückkehrhilfe',
          },
          stage: 'post_arrival',
          modality: 'service',
          category: 'medical',
          currency: 'CHF',
          eligibility: MEDICAL_NEED,
          amount: { actualCost: true },
        },
      ],
    },
  },

  // A Belgian-like programme: in kind, paid to partners, used within 12 months.
  {
    code: 'SR-REINTEGRATION',
    funderSlug: 'scheldt-return-agency',
    implementingSlugs: [
      'passerelle-conseil',
      'tigris-reintegration',
      'harmattan-partners',
      'kartli-return-support',
    ],
    status: 'published',
    definition: {
      name: {
        en: 'Scheldt Reintegration Support',
        fr: 'Soutien à la réintégration Scheldt',
        ar: 'دعم إعادة الإدماج Scheldt',
        ru: 'Поддержка реинтеграции Scheldt',
        fa: 'پشتیبانی ادغام مجدد Scheldt',
        es: 'Apoyo a la reintegración Scheldt',
        nl: 'Scheldt Re-integratieondersteuning',
      },
      summary: {
        en: 'For people returning voluntarily from Belgium: the journey, a return premium, and reintegration support in kind, paid directly to a partner in your country and used within 12 months. Vulnerable persons receive more.',
        fr: 'Pour les personnes qui rentrent volontairement depuis la Belgique : le voyage, une prime de retour, et une aide à la réintégration en nature, versée directement à un partenaire dans votre pays et utilisée dans les 12 mois. Les personnes vulnérables reçoivent davantage.',
        ar: 'للأشخاص العائدين طوعًا من بلجيكا: الرحلة، ومنحة عودة، ودعم عيني لإعادة الإدماج يُدفع مباشرة إلى شريك في بلدك ويُستخدم خلال 12 شهرًا. ويحصل الأشخاص في وضع هش على مبلغ أكبر.',
        ru: 'Для тех, кто добровольно возвращается из Бельгии: проезд, премия за возвращение и натуральная помощь в реинтеграции, которая выплачивается напрямую партнёру в вашей стране и используется в течение 12 месяцев. Уязвимые люди получают больше.',
        fa: 'برای کسانی که داوطلبانه از بلژیک بازمی‌گردند: هزینه سفر، پاداش بازگشت، و کمک غیرنقدی ادغام مجدد که مستقیماً به یک شریک در کشور شما پرداخت می‌شود و باید ظرف 12 ماه استفاده شود. افراد آسیب‌پذیر مبلغ بیشتری دریافت می‌کنند.',
        es: 'Para quienes regresan voluntariamente desde Bélgica: el viaje, una prima de retorno y apoyo a la reintegración en especie, pagado directamente a un socio en su país y utilizado en un plazo de 12 meses. Las personas vulnerables reciben más.',
        nl: 'Voor wie vrijwillig terugkeert uit België: de reis, een terugkeerpremie en re-integratiesteun in natura, rechtstreeks betaald aan een partner in uw land en te gebruiken binnen 12 maanden. Kwetsbare personen krijgen meer.',
      },
      description: {
        en: 'Modelled on the published principles of a Belgian reintegration scheme, but invented for the Homeward demo. The journey is paid at actual cost and a return premium of 250 EUR per adult and 125 EUR per minor is paid in cash at departure. Reintegration support is never paid in cash to the person: it is paid to a partner, who buys the goods and services of the plan agreed with you, and it must be used within 12 months of arrival. Its level depends on the country, the residence status and vulnerability: 1,500 EUR per adult and 750 EUR per minor; 700 and 350 EUR for returns to visa-free countries; 1,000 and 500 EUR for people who never applied for asylum (irregular stay or expired permit); plus 1,000 EUR for each vulnerable person, at most 6,000 EUR per household. Where the Corridor Reintegration Programme pays in-kind reintegration support, this support is reduced by that amount.',
        fr: 'Inspiré des principes publiés d’un dispositif belge de réintégration, mais inventé pour la démonstration de Homeward. Le voyage est payé au coût réel et une prime de retour de 250 EUR par adulte et 125 EUR par mineur est versée en espèces au départ. L’aide à la réintégration n’est jamais versée en espèces à la personne : elle est payée à un partenaire, qui achète les biens et services du plan convenu avec vous, et doit être utilisée dans les 12 mois suivant l’arrivée. Son montant dépend du pays, du statut de séjour et de la vulnérabilité : 1 500 EUR par adulte et 750 EUR par mineur ; 700 et 350 EUR pour un retour vers un pays exempté de visa ; 1 000 et 500 EUR pour les personnes qui n’ont jamais demandé l’asile (séjour irrégulier ou titre expiré) ; plus 1 000 EUR par personne vulnérable, au plus 6 000 EUR par ménage. Là où le programme de réintégration Corridor verse une aide à la réintégration en nature, cette aide est réduite d’autant.',
        ar: 'مستوحى من المبادئ المنشورة لنظام بلجيكي لإعادة الإدماج، لكنه مُختلَق لعرض Homeward التجريبي. تُدفع الرحلة بتكلفتها الفعلية، وتُدفع منحة عودة قدرها 250 يورو لكل بالغ و125 يورو لكل قاصر نقدًا عند المغادرة. لا يُدفع دعم إعادة الإدماج نقدًا للشخص أبدًا: بل يُدفع إلى شريك يشتري سلع وخدمات الخطة المتفق عليها معك، ويجب استخدامه خلال 12 شهرًا من الوصول. يتوقف مقداره على البلد ووضع الإقامة والهشاشة: 1,500 يورو لكل بالغ و750 يورو لكل قاصر؛ و700 و350 يورو للعودة إلى بلد معفى من التأشيرة؛ و1,000 و500 يورو لمن لم يتقدم بطلب لجوء قط (إقامة غير نظامية أو تصريح منتهي الصلاحية)؛ يضاف إليها 1,000 يورو لكل شخص في وضع هش، بحد أقصى 6,000 يورو للأسرة. وحيث يقدّم برنامج Corridor لإعادة الإدماج دعمًا عينيًا، يُخفَّض هذا الدعم بقدره.',
        ru: 'Создана по образцу опубликованных принципов бельгийской программы реинтеграции, но придумана для демонстрации Homeward. Проезд оплачивается по фактической стоимости, а премия за возвращение — 250 евро на взрослого и 125 евро на несовершеннолетнего — выплачивается наличными при выезде. Помощь в реинтеграции никогда не выплачивается человеку наличными: её получает партнёр, который покупает товары и услуги по согласованному с вами плану, и её нужно использовать в течение 12 месяцев после прибытия. Её размер зависит от страны, статуса пребывания и уязвимости: 1500 евро на взрослого и 750 евро на несовершеннолетнего; 700 и 350 евро при возвращении в безвизовую страну; 1000 и 500 евро для тех, кто никогда не подавал заявление об убежище (незаконное пребывание или истёкший вид на жительство); плюс 1000 евро на каждого уязвимого человека, не более 6000 евро на домохозяйство. Там, где программа реинтеграции Corridor предоставляет натуральную помощь в реинтеграции, эта помощь уменьшается на её сумму.',
        fa: 'برگرفته از اصول منتشرشده یک طرح ادغام مجدد بلژیکی، اما ساختگی و برای نسخه نمایشی Homeward. هزینه سفر به مبلغ واقعی پرداخت می‌شود و پاداش بازگشت 250 یورو برای هر بزرگسال و 125 یورو برای هر فرد زیر 18 سال هنگام خروج به‌صورت نقدی پرداخت می‌شود. کمک ادغام مجدد هرگز به‌صورت نقدی به خود فرد داده نمی‌شود: به یک شریک پرداخت می‌شود که کالاها و خدمات طرح توافق‌شده با شما را می‌خرد، و باید ظرف 12 ماه پس از ورود استفاده شود. میزان آن به کشور، وضعیت اقامت و آسیب‌پذیری بستگی دارد: 1,500 یورو برای هر بزرگسال و 750 یورو برای هر فرد زیر 18 سال؛ 700 و 350 یورو برای بازگشت به کشورهای بدون نیاز به روادید؛ 1,000 و 500 یورو برای کسانی که هرگز درخواست پناهندگی نداده‌اند (اقامت غیرقانونی یا اجازه اقامت منقضی)؛ به‌علاوه 1,000 یورو برای هر فرد آسیب‌پذیر، حداکثر 6,000 یورو برای هر خانوار. در جایی که برنامه ادغام مجدد Corridor کمک غیرنقدی ادغام مجدد می‌دهد، این کمک به همان اندازه کاهش می‌یابد.',
        es: 'Basado en los principios publicados de un dispositivo belga de reintegración, pero inventado para la demostración de Homeward. El viaje se paga a coste real y se abona una prima de retorno de 250 EUR por adulto y 125 EUR por menor en efectivo al salir. El apoyo a la reintegración nunca se paga en efectivo a la persona: se paga a un socio, que compra los bienes y servicios del plan acordado con usted, y debe utilizarse en los 12 meses siguientes a la llegada. Su cuantía depende del país, de la situación de residencia y de la vulnerabilidad: 1500 EUR por adulto y 750 EUR por menor; 700 y 350 EUR para el retorno a países exentos de visado; 1000 y 500 EUR para quienes nunca solicitaron asilo (estancia irregular o permiso caducado); más 1000 EUR por cada persona vulnerable, con un máximo de 6000 EUR por hogar. Donde el Programa de Reintegración Corridor paga apoyo a la reintegración en especie, este apoyo se reduce en esa cantidad.',
      },
      contact: {
        en: 'Ask your return counsellor, or write to the Scheldt Federal Return Agency: reintegration@scheldt-return-agency.example',
        fr: 'Adressez-vous à votre conseiller au retour, ou écrivez à l’Agence fédérale de retour Scheldt : reintegration@scheldt-return-agency.example',
        ar: 'تحدّث إلى مستشار العودة الخاص بك، أو راسل الوكالة الاتحادية للعودة Scheldt: reintegration@scheldt-return-agency.example',
        ru: 'Обратитесь к своему консультанту по возвращению или напишите в Федеральное агентство по возвращению Scheldt: reintegration@scheldt-return-agency.example',
        fa: 'با مشاور بازگشت خود صحبت کنید یا به آژانس فدرال بازگشت Scheldt بنویسید: reintegration@scheldt-return-agency.example',
        es: 'Consulte a su asesor de retorno o escriba a la Agencia Federal de Retorno Scheldt: reintegration@scheldt-return-agency.example',
        nl: 'Vraag het uw terugkeercoach, of schrijf naar het Federaal Terugkeeragentschap Scheldt: reintegration@scheldt-return-agency.example',
      },
      validFrom: '2025-01-01',
      validTo: null,
      countriesOfReturn: ALL_RETURN_COUNTRIES,
      hostCountries: ['BE'],
      leadTimeDays: null,
      eligibility: VOLUNTARY,
      interactions: [{ type: 'offset', programmeCode: 'CO-EURP', category: 'business_start_up' }],
      components: [
        {
          code: 'travel',
          name: TRAVEL,
          description: TRAVEL_DESCRIPTION,
          stage: 'pre_departure',
          modality: 'in_kind',
          category: 'travel',
          currency: 'EUR',
          amount: { actualCost: true },
        },
        {
          code: 'return-premium',
          name: {
            en: 'Return premium',
            fr: 'Prime de retour',
            ar: 'منحة العودة',
            ru: 'Премия за возвращение',
            fa: 'پاداش بازگشت',
            es: 'Prima de retorno',
            nl: 'Terugkeerpremie',
          },
          stage: 'pre_departure',
          modality: 'cash',
          category: 'travel_allowance',
          currency: 'EUR',
          amount: { perAdult: 250, perMinor: 125 },
        },
        {
          code: 'reintegration-in-kind',
          name: {
            en: 'Reintegration support paid to the partner',
            fr: 'Aide à la réintégration versée au partenaire',
            ar: 'دعم إعادة الإدماج المدفوع إلى الشريك',
            ru: 'Помощь в реинтеграции, выплачиваемая партнёру',
            fa: 'کمک ادغام مجدد پرداخت‌شده به شریک',
            es: 'Apoyo a la reintegración pagado al socio',
            nl: 'Re-integratiesteun betaald aan de partner',
          },
          description: {
            en: 'Paid to the partner, never in cash to the person; to be used within 12 months of arrival.',
            fr: 'Versée au partenaire, jamais en espèces à la personne ; à utiliser dans les 12 mois suivant l’arrivée.',
            ar: 'يُدفع إلى الشريك وليس نقدًا إلى الشخص؛ ويُستخدم خلال 12 شهرًا من الوصول.',
            nl: 'Betaald aan de partner, nooit contant aan de persoon; te gebruiken binnen 12 maanden na aankomst.',
          },
          stage: 'reintegration',
          modality: 'in_kind',
          category: 'business_start_up',
          currency: 'EUR',
          amount: {
            perAdult: 1500,
            perMinor: 750,
            upTo: true,
            variants: [
              {
                label: {
                  en: 'return to a visa-free country',
                  fr: 'retour vers un pays exempté de visa',
                  ar: 'العودة إلى بلد معفى من التأشيرة',
                  ru: 'возвращение в безвизовую страну',
                  fa: 'بازگشت به کشور بدون نیاز به روادید',
                  es: 'retorno a un país exento de visado',
                },
                when: fact('returnCountry', 'in', VISA_FREE),
                perAdult: 700,
                perMinor: 350,
              },
              {
                label: {
                  en: 'never applied for asylum (irregular stay or expired permit)',
                  fr: 'jamais demandé l’asile (séjour irrégulier ou titre expiré)',
                  ar: 'لم يتقدم بطلب لجوء قط (إقامة غير نظامية أو تصريح منتهي الصلاحية)',
                  ru: 'никогда не подавал(а) заявление об убежище (незаконное пребывание или истёкший вид на жительство)',
                  fa: 'هرگز درخواست پناهندگی نداده (اقامت غیرقانونی یا اجازه اقامت منقضی)',
                  es: 'nunca solicitó asilo (estancia irregular o permiso caducado)',
                },
                when: fact('administrativeStatus', 'in', ['irregular_stay', 'expired_permit']),
                perAdult: 1000,
                perMinor: 500,
              },
            ],
            vulnerabilityTopUp: { perVulnerablePerson: 1000 },
            cap: 6000,
          },
        },
      ],
    },
  },

  // Country projects.
  {
    code: 'TG-IRAQ-REBUILD',
    funderSlug: 'nordmark-return-office',
    implementingSlugs: ['tigris-reintegration'],
    status: 'published',
    definition: {
      name: {
        en: 'Tigris Rebuild — reintegration in Iraq',
        fr: 'Tigris Rebuild — réintégration en Irak',
        ar: 'Tigris Rebuild — إعادة الإدماج في العراق',
        ru: 'Tigris Rebuild — реинтеграция в Ираке',
        fa: 'Tigris Rebuild — ادغام مجدد در عراق',
        es: 'Tigris Rebuild — reintegración en Irak',
      },
      summary: {
        en: 'A project in Iraq for returning families and individuals: vocational training, help with housing for families and vulnerable persons, school costs for children, and psychosocial support.',
        fr: 'Un projet en Irak pour les familles et les personnes qui rentrent : formation professionnelle, aide au logement pour les familles et les personnes vulnérables, frais scolaires des enfants et soutien psychosocial.',
        ar: 'مشروع في العراق للعائلات والأفراد العائدين: تدريب مهني، ومساعدة في السكن للعائلات والأشخاص في وضع هش، وتكاليف الدراسة للأطفال، ودعم نفسي واجتماعي.',
        ru: 'Проект в Ираке для возвращающихся семей и одиноких людей: профессиональное обучение, помощь с жильём для семей и уязвимых людей, расходы на школу для детей и психосоциальная поддержка.',
        fa: 'طرحی در عراق برای خانواده‌ها و افراد بازگشته: آموزش فنی و حرفه‌ای، کمک مسکن برای خانواده‌ها و افراد آسیب‌پذیر، هزینه‌های مدرسه کودکان و پشتیبانی روانی-اجتماعی.',
        es: 'Un proyecto en Irak para familias y personas que regresan: formación profesional, ayuda para la vivienda a familias y personas vulnerables, gastos escolares de los niños y apoyo psicosocial.',
      },
      description: {
        en: 'An invented project for the Homeward demo, run by Tigris Reintegration Services in Baghdad, Erbil and Basra and open to voluntary returns from any country. Each adult may follow a vocational course (up to 1,200 EUR). Households with children or a recorded vulnerability receive housing support: up to 1,500 EUR, plus 1,000 EUR when someone is vulnerable, at most 2,500 EUR. Each child receives 300 EUR of school fees and supplies. Psychosocial counselling is offered to vulnerable persons.',
        fr: 'Un projet inventé pour la démonstration de Homeward, mené par Tigris Reintegration Services à Bagdad, Erbil et Bassora et ouvert aux retours volontaires depuis tout pays. Chaque adulte peut suivre une formation professionnelle (jusqu’à 1 200 EUR). Les ménages avec enfants ou avec une vulnérabilité enregistrée reçoivent une aide au logement : jusqu’à 1 500 EUR, plus 1 000 EUR si une personne est vulnérable, au plus 2 500 EUR. Chaque enfant reçoit 300 EUR de frais et fournitures scolaires. Un accompagnement psychosocial est proposé aux personnes vulnérables.',
        ar: 'مشروع مُختلَق لعرض Homeward التجريبي، تنفّذه Tigris Reintegration Services في بغداد وأربيل والبصرة، وهو مفتوح للعائدين طوعًا من أي بلد. يمكن لكل بالغ الالتحاق بدورة تدريب مهني (حتى 1,200 يورو). وتحصل الأسر التي لديها أطفال أو حالة هشاشة مسجلة على دعم للسكن: حتى 1,500 يورو، يضاف إليها 1,000 يورو إذا كان أحد أفرادها في وضع هش، بحد أقصى 2,500 يورو. ويحصل كل طفل على 300 يورو للرسوم واللوازم المدرسية. ويُتاح الإرشاد النفسي والاجتماعي للأشخاص في وضع هش.',
        ru: 'Проект, придуманный для демонстрации Homeward; его ведёт Tigris Reintegration Services в Багдаде, Эрбиле и Басре, и он открыт для добровольно возвращающихся из любой страны. Каждый взрослый может пройти курс профессионального обучения (до 1200 евро). Семьи с детьми или с зарегистрированной уязвимостью получают помощь с жильём: до 1500 евро плюс 1000 евро, если кто-то уязвим, но не более 2500 евро. Каждый ребёнок получает 300 евро на оплату школы и школьные принадлежности. Уязвимым людям предлагается психосоциальная поддержка.',
        fa: 'طرحی ساختگی برای نسخه نمایشی Homeward که Tigris Reintegration Services در بغداد، اربیل و بصره اجرا می‌کند و برای بازگشت داوطلبانه از هر کشوری باز است. هر بزرگسال می‌تواند در یک دوره آموزش فنی و حرفه‌ای شرکت کند (تا 1,200 یورو). خانوارهای دارای فرزند یا دارای آسیب‌پذیری ثبت‌شده کمک مسکن دریافت می‌کنند: تا 1,500 یورو، به‌علاوه 1,000 یورو اگر کسی آسیب‌پذیر باشد، حداکثر 2,500 یورو. هر کودک 300 یورو برای شهریه و لوازم مدرسه دریافت می‌کند. به افراد آسیب‌پذیر مشاوره روانی-اجتماعی ارائه می‌شود.',
        es: 'Un proyecto inventado para la demostración de Homeward, gestionado por Tigris Reintegration Services en Bagdad, Erbil y Basora y abierto a retornos voluntarios desde cualquier país. Cada adulto puede seguir un curso de formación profesional (hasta 1200 EUR). Los hogares con hijos o con una vulnerabilidad registrada reciben ayuda para la vivienda: hasta 1500 EUR, más 1000 EUR si alguien es vulnerable, con un máximo de 2500 EUR. Cada niño recibe 300 EUR para tasas y material escolar. Se ofrece apoyo psicosocial a las personas vulnerables.',
      },
      contact: {
        en: 'Tigris Reintegration Services, Baghdad and Erbil offices: rebuild@tigris-reintegration.example',
        fr: 'Tigris Reintegration Services, bureaux de Bagdad et d’Erbil : rebuild@tigris-reintegration.example',
        ar: 'Tigris Reintegration Services، مكتبا بغداد وأربيل: rebuild@tigris-reintegration.example',
        ru: 'Tigris Reintegration Services, офисы в Багдаде и Эрбиле: rebuild@tigris-reintegration.example',
        fa: 'Tigris Reintegration Services، دفترهای بغداد و اربیل: rebuild@tigris-reintegration.example',
        es: 'Tigris Reintegration Services, oficinas de Bagdad y Erbil: rebuild@tigris-reintegration.example',
      },
      validFrom: '2025-07-01',
      validTo: '2027-12-31',
      countriesOfReturn: ['IQ'],
      hostCountries: [],
      leadTimeDays: null,
      eligibility: VOLUNTARY,
      interactions: [],
      components: [
        {
          code: 'vocational-training',
          name: VOCATIONAL_TRAINING,
          stage: 'reintegration',
          modality: 'service',
          category: 'training',
          currency: 'EUR',
          amount: { perAdult: 1200, upTo: true },
        },
        {
          code: 'housing-support',
          name: {
            en: 'Housing support',
            fr: 'Aide au logement',
            ar: 'دعم السكن',
            ru: 'Помощь с жильём',
            fa: 'کمک مسکن',
            es: 'Ayuda para la vivienda',
          },
          stage: 'reintegration',
          modality: 'in_kind',
          category: 'housing',
          currency: 'EUR',
          eligibility: any(WITH_MINORS, VULNERABLE),
          amount: { perHousehold: 1500, upTo: true, vulnerabilityTopUp: { perHousehold: 1000 }, cap: 2500 },
        },
        {
          code: 'schooling',
          name: SCHOOLING,
          stage: 'reintegration',
          modality: 'in_kind',
          category: 'education',
          currency: 'EUR',
          eligibility: WITH_MINORS,
          amount: { perMinor: 300 },
        },
        PSYCHOSOCIAL_FOR_VULNERABLE,
      ],
    },
  },

  {
    code: 'HM-NIGERIA-LIVELIHOODS',
    funderSlug: 'corridor-programme-office',
    implementingSlugs: ['harmattan-partners', 'ng-returnee-desk'],
    status: 'published',
    definition: {
      name: {
        en: 'Harmattan Livelihoods — reintegration in Nigeria',
        fr: 'Harmattan Livelihoods — réintégration au Nigeria',
        ar: 'Harmattan Livelihoods — إعادة الإدماج في نيجيريا',
        ru: 'Harmattan Livelihoods — реинтеграция в Нигерии',
        fa: 'Harmattan Livelihoods — ادغام مجدد در نیجریه',
        es: 'Harmattan Livelihoods — reintegración en Nigeria',
      },
      summary: {
        en: 'A project in Nigeria: business skills training and a start-up kit for your own small business, with safe accommodation and counselling for survivors of trafficking and violence.',
        fr: 'Un projet au Nigeria : formation à la gestion d’entreprise et kit de démarrage pour votre propre petite entreprise, avec hébergement sûr et accompagnement pour les victimes de traite et de violences.',
        ar: 'مشروع في نيجيريا: تدريب على مهارات إدارة الأعمال وعُدّة بدء لمشروعك الصغير الخاص، مع سكن آمن وإرشاد للناجين من الاتجار بالبشر والعنف.',
        ru: 'Проект в Нигерии: обучение основам предпринимательства и стартовый комплект для собственного небольшого дела, а также безопасное жильё и консультации для пострадавших от торговли людьми и насилия.',
        fa: 'طرحی در نیجریه: آموزش مهارت‌های کسب‌وکار و بسته شروع برای کسب‌وکار کوچک خودتان، همراه با اقامتگاه امن و مشاوره برای بازماندگان قاچاق انسان و خشونت.',
        es: 'Un proyecto en Nigeria: formación en gestión de negocios y un kit de arranque para su propio pequeño negocio, con alojamiento seguro y apoyo para supervivientes de trata y violencia.',
      },
      description: {
        en: 'An invented project for the Homeward demo, run by Harmattan Reintegration Partners in Lagos, Benin City and Abuja, with reception at Lagos airport by the Lagos Returnee Reception Desk. Each adult receives a business skills course (up to 400 EUR) and a start-up kit of equipment and stock (up to 1,500 EUR). Survivors of trafficking or serious violence receive up to three months of safe accommodation (up to 900 EUR per household) and psychosocial counselling. Where the Corridor Reintegration Programme already pays in-kind business support, the start-up kit is reduced by that amount.',
        fr: 'Un projet inventé pour la démonstration de Homeward, mené par Harmattan Reintegration Partners à Lagos, Benin City et Abuja, avec un accueil à l’aéroport de Lagos par le Lagos Returnee Reception Desk. Chaque adulte reçoit une formation à la gestion d’entreprise (jusqu’à 400 EUR) et un kit de démarrage en équipement et en stock (jusqu’à 1 500 EUR). Les victimes de traite ou de violences graves reçoivent jusqu’à trois mois d’hébergement sûr (jusqu’à 900 EUR par ménage) et un accompagnement psychosocial. Lorsque le programme de réintégration Corridor paie déjà une aide en nature à l’entreprise, le kit de démarrage est réduit d’autant.',
        ar: 'مشروع مُختلَق لعرض Homeward التجريبي، تنفّذه Harmattan Reintegration Partners في لاغوس وبنين سيتي وأبوجا، مع الاستقبال في مطار لاغوس عبر Lagos Returnee Reception Desk. يحصل كل بالغ على دورة في مهارات إدارة الأعمال (حتى 400 يورو) وعلى عُدّة بدء من المعدات والبضائع (حتى 1,500 يورو). ويحصل الناجون من الاتجار بالبشر أو العنف الجسيم على سكن آمن لمدة تصل إلى ثلاثة أشهر (حتى 900 يورو للأسرة) وعلى إرشاد نفسي واجتماعي. وحيث يدفع برنامج Corridor لإعادة الإدماج دعمًا عينيًا للمشروع، تُخفَّض عُدّة البدء بقدره.',
        ru: 'Проект, придуманный для демонстрации Homeward; его ведёт Harmattan Reintegration Partners в Лагосе, Бенин-Сити и Абудже, а встречу в аэропорту Лагоса обеспечивает Lagos Returnee Reception Desk. Каждый взрослый получает курс основ предпринимательства (до 400 евро) и стартовый комплект оборудования и товаров (до 1500 евро). Пострадавшие от торговли людьми или тяжкого насилия получают безопасное жильё на срок до трёх месяцев (до 900 евро на домохозяйство) и психосоциальную поддержку. Если программа реинтеграции Corridor уже оплачивает натуральную помощь для дела, стартовый комплект уменьшается на эту сумму.',
        fa: 'طرحی ساختگی برای نسخه نمایشی Homeward که Harmattan Reintegration Partners در لاگوس، بنین‌سیتی و ابوجا اجرا می‌کند و استقبال در فرودگاه لاگوس را Lagos Returnee Reception Desk انجام می‌دهد. هر بزرگسال یک دوره مهارت‌های کسب‌وکار (تا 400 یورو) و یک بسته شروع شامل تجهیزات و کالا (تا 1,500 یورو) دریافت می‌کند. بازماندگان قاچاق انسان یا خشونت شدید تا سه ماه اقامتگاه امن (تا 900 یورو برای هر خانوار) و مشاوره روانی-اجتماعی دریافت می‌کنند. در جایی که برنامه ادغام مجدد Corridor از قبل کمک غیرنقدی برای کسب‌وکار می‌پردازد، بسته شروع به همان اندازه کاهش می‌یابد.',
        es: 'Un proyecto inventado para la demostración de Homeward, gestionado por Harmattan Reintegration Partners en Lagos, Benin City y Abuja, con recepción en el aeropuerto de Lagos a cargo del Lagos Returnee Reception Desk. Cada adulto recibe un curso de gestión de negocios (hasta 400 EUR) y un kit de arranque de equipo y existencias (hasta 1500 EUR). Las supervivientes de trata o de violencia grave reciben hasta tres meses de alojamiento seguro (hasta 900 EUR por hogar) y apoyo psicosocial. Cuando el Programa de Reintegración Corridor ya paga apoyo en especie para el negocio, el kit de arranque se reduce en esa cantidad.',
      },
      contact: {
        en: 'Harmattan Reintegration Partners, Lagos office: livelihoods@harmattan-partners.example',
        fr: 'Harmattan Reintegration Partners, bureau de Lagos : livelihoods@harmattan-partners.example',
        ar: 'Harmattan Reintegration Partners، مكتب لاغوس: livelihoods@harmattan-partners.example',
        ru: 'Harmattan Reintegration Partners, офис в Лагосе: livelihoods@harmattan-partners.example',
        fa: 'Harmattan Reintegration Partners، دفتر لاگوس: livelihoods@harmattan-partners.example',
        es: 'Harmattan Reintegration Partners, oficina de Lagos: livelihoods@harmattan-partners.example',
      },
      validFrom: '2026-01-01',
      validTo: '2028-06-30',
      countriesOfReturn: ['NG'],
      hostCountries: [],
      leadTimeDays: null,
      eligibility: fact('returnType', 'in', ['assisted_voluntary', 'assisted_forced']),
      interactions: [
        { type: 'offset', programmeCode: 'CO-EURP', category: 'business_start_up' },
        { type: 'offset', programmeCode: 'CO-EURP-FORCED', category: 'business_start_up' },
      ],
      components: [
        {
          code: 'business-training',
          name: {
            en: 'Business skills training',
            fr: 'Formation à la gestion d’entreprise',
            ar: 'التدريب على مهارات إدارة الأعمال',
            ru: 'Обучение основам предпринимательства',
            fa: 'آموزش مهارت‌های کسب‌وکار',
            es: 'Formación en gestión de negocios',
          },
          stage: 'reintegration',
          modality: 'service',
          category: 'training',
          currency: 'EUR',
          amount: { perAdult: 400, upTo: true },
        },
        {
          code: 'start-up-kit',
          name: {
            en: 'Business start-up kit',
            fr: 'Kit de démarrage d’entreprise',
            ar: 'عُدّة بدء المشروع',
            ru: 'Стартовый комплект для своего дела',
            fa: 'بسته شروع کسب‌وکار',
            es: 'Kit de arranque del negocio',
          },
          stage: 'reintegration',
          modality: 'in_kind',
          category: 'business_start_up',
          currency: 'EUR',
          amount: { perAdult: 1500, upTo: true },
        },
        {
          code: 'safe-accommodation',
          name: {
            en: 'Safe accommodation (up to three months)',
            fr: 'Hébergement sûr (jusqu’à trois mois)',
            ar: 'سكن آمن (حتى ثلاثة أشهر)',
            ru: 'Безопасное жильё (до трёх месяцев)',
            fa: 'اقامتگاه امن (تا سه ماه)',
            es: 'Alojamiento seguro (hasta tres meses)',
          },
          stage: 'post_arrival',
          modality: 'in_kind',
          category: 'accommodation',
          currency: 'EUR',
          eligibility: fact('vulnerability', 'in', [
            'trafficking',
            'victim_of_torture_rape_or_serious_violence',
          ]),
          amount: { perHousehold: 900, upTo: true },
        },
        {
          ...PSYCHOSOCIAL_FOR_VULNERABLE,
          eligibility: fact('vulnerability', 'in', [
            'trafficking',
            'victim_of_torture_rape_or_serious_violence',
            'mental_health',
          ]),
        },
      ],
    },
  },

  {
    code: 'KR-GEORGIA-WORK',
    funderSlug: 'nordmark-return-office',
    implementingSlugs: ['kartli-return-support'],
    status: 'published',
    definition: {
      name: {
        en: 'Kartli Work & Health — reintegration in Georgia',
        fr: 'Kartli Travail & Santé — réintégration en Géorgie',
        ar: 'Kartli للعمل والصحة — إعادة الإدماج في جورجيا',
        ru: 'Kartli «Работа и здоровье» — реинтеграция в Грузии',
        fa: 'Kartli کار و سلامت — ادغام مجدد در گرجستان',
        es: 'Kartli Trabajo y Salud — reintegración en Georgia',
        ka: 'Kartli — სამუშაო და ჯანმრთელობა: რეინტეგრაცია საქართველოში',
      },
      summary: {
        en: 'A project in Georgia: vocational training, a job placement with a wage subsidy paid to the employer, and help with medical treatment for people who return with a serious illness.',
        fr: 'Un projet en Géorgie : formation professionnelle, placement en emploi avec une subvention salariale versée à l’employeur, et aide aux soins pour les personnes qui rentrent avec une maladie grave.',
        ar: 'مشروع في جورجيا: تدريب مهني، وتوظيف مع دعم للأجر يُدفع لصاحب العمل، ومساعدة في العلاج الطبي للعائدين المصابين بمرض خطير.',
        ru: 'Проект в Грузии: профессиональное обучение, трудоустройство с субсидией на зарплату для работодателя и помощь в лечении для тех, кто возвращается с тяжёлым заболеванием.',
        fa: 'طرحی در گرجستان: آموزش فنی و حرفه‌ای، اشتغال با یارانه دستمزد که به کارفرما پرداخت می‌شود، و کمک به درمان برای کسانی که با بیماری جدی بازمی‌گردند.',
        es: 'Un proyecto en Georgia: formación profesional, colocación laboral con una subvención salarial pagada al empleador y ayuda con el tratamiento médico para quienes regresan con una enfermedad grave.',
        ka: 'პროექტი საქართველოში: პროფესიული მომზადება, დასაქმება დამსაქმებლისთვის ხელფასის სუბსიდიით და მკურნალობის დახმარება მძიმე დაავადებით დაბრუნებულთათვის.',
      },
      description: {
        en: 'An invented project for the Homeward demo, run by Kartli Return Support in Tbilisi and Kutaisi. It complements ReturnStart, which pays only the journey for Georgia. Each adult is offered a vocational course (up to 800 EUR) and a placement with an employer, who receives a wage subsidy of up to 1,200 EUR, paid in two parts three and six months after arrival. When a serious illness is recorded, treatment and medicines are paid up to 1,500 EUR per household. Psychosocial counselling is offered to vulnerable persons.',
        fr: 'Un projet inventé pour la démonstration de Homeward, mené par Kartli Return Support à Tbilissi et Koutaïssi. Il complète ReturnStart, qui ne paie que le voyage pour la Géorgie. Chaque adulte se voit proposer une formation professionnelle (jusqu’à 800 EUR) et un placement chez un employeur, qui reçoit une subvention salariale jusqu’à 1 200 EUR, versée en deux fois, trois et six mois après l’arrivée. Lorsqu’une maladie grave est enregistrée, soins et médicaments sont payés jusqu’à 1 500 EUR par ménage. Un accompagnement psychosocial est proposé aux personnes vulnérables.',
        ar: 'مشروع مُختلَق لعرض Homeward التجريبي، تنفّذه Kartli Return Support في تبليسي وكوتايسي. يُكمّل برنامج ReturnStart الذي لا يدفع لجورجيا إلا تكاليف الرحلة. يُعرض على كل بالغ دورة تدريب مهني (حتى 800 يورو) وتوظيف لدى صاحب عمل يتلقى دعمًا للأجر حتى 1,200 يورو، يُدفع على دفعتين بعد ثلاثة أشهر وستة أشهر من الوصول. وعند تسجيل مرض خطير، يُدفع العلاج والأدوية حتى 1,500 يورو للأسرة. ويُتاح الإرشاد النفسي والاجتماعي للأشخاص في وضع هش.',
        ru: 'Проект, придуманный для демонстрации Homeward; его ведёт Kartli Return Support в Тбилиси и Кутаиси. Он дополняет ReturnStart, который для Грузии оплачивает только проезд. Каждому взрослому предлагаются курс профессионального обучения (до 800 евро) и трудоустройство у работодателя, который получает субсидию на зарплату до 1200 евро, выплачиваемую двумя частями через три и шесть месяцев после прибытия. Если зарегистрировано тяжёлое заболевание, лечение и лекарства оплачиваются до 1500 евро на домохозяйство. Уязвимым людям предлагается психосоциальная поддержка.',
        fa: 'طرحی ساختگی برای نسخه نمایشی Homeward که Kartli Return Support در تفلیس و کوتائیسی اجرا می‌کند. این طرح مکمل ReturnStart است که برای گرجستان فقط هزینه سفر را می‌پردازد. به هر بزرگسال یک دوره آموزش فنی و حرفه‌ای (تا 800 یورو) و اشتغال نزد یک کارفرما پیشنهاد می‌شود؛ کارفرما تا 1,200 یورو یارانه دستمزد دریافت می‌کند که در دو قسط، سه و شش ماه پس از ورود، پرداخت می‌شود. اگر بیماری جدی ثبت شده باشد، هزینه درمان و دارو تا 1,500 یورو برای هر خانوار پرداخت می‌شود. به افراد آسیب‌پذیر مشاوره روانی-اجتماعی ارائه می‌شود.',
        es: 'Un proyecto inventado para la demostración de Homeward, gestionado por Kartli Return Support en Tiflis y Kutaisi. Complementa ReturnStart, que para Georgia solo paga el viaje. A cada adulto se le ofrece un curso de formación profesional (hasta 800 EUR) y una colocación con un empleador, que recibe una subvención salarial de hasta 1200 EUR, pagada en dos partes a los tres y a los seis meses de la llegada. Si consta una enfermedad grave, el tratamiento y los medicamentos se pagan hasta 1500 EUR por hogar. Se ofrece apoyo psicosocial a las personas vulnerables.',
      },
      contact: {
        en: 'Kartli Return Support, Tbilisi office: work-health@kartli-return-support.example',
        fr: 'Kartli Return Support, bureau de Tbilissi : work-health@kartli-return-support.example',
        ar: 'Kartli Return Support، مكتب تبليسي: work-health@kartli-return-support.example',
        ru: 'Kartli Return Support, офис в Тбилиси: work-health@kartli-return-support.example',
        fa: 'Kartli Return Support، دفتر تفلیس: work-health@kartli-return-support.example',
        es: 'Kartli Return Support, oficina de Tiflis: work-health@kartli-return-support.example',
        ka: 'Kartli Return Support, თბილისის ოფისი: work-health@kartli-return-support.example',
      },
      validFrom: '2026-01-01',
      validTo: null,
      countriesOfReturn: ['GE'],
      hostCountries: [],
      leadTimeDays: null,
      eligibility: fact('returnType', 'in', ['assisted_voluntary', 'assisted_forced']),
      interactions: [],
      components: [
        {
          code: 'vocational-training',
          name: VOCATIONAL_TRAINING,
          stage: 'reintegration',
          modality: 'service',
          category: 'training',
          currency: 'EUR',
          amount: { perAdult: 800, upTo: true },
        },
        {
          code: 'job-placement',
          name: {
            en: 'Job placement with a wage subsidy',
            fr: 'Placement en emploi avec subvention salariale',
            ar: 'التوظيف مع دعم للأجر',
            ru: 'Трудоустройство с субсидией на зарплату',
            fa: 'اشتغال با یارانه دستمزد',
            es: 'Colocación laboral con subvención salarial',
            ka: 'დასაქმება ხელფასის სუბსიდიით',
          },
          stage: 'reintegration',
          modality: 'in_kind',
          category: 'employment',
          currency: 'EUR',
          amount: {
            perAdult: 1200,
            upTo: true,
            instalments: [
              { percent: 50, due: 'after_arrival', monthsAfterArrival: 3 },
              { percent: 50, due: 'after_arrival', monthsAfterArrival: 6 },
            ],
          },
        },
        {
          code: 'medical-treatment',
          name: {
            en: 'Medical treatment and medicines',
            fr: 'Soins et médicaments',
            ar: 'العلاج الطبي والأدوية',
            ru: 'Лечение и лекарства',
            fa: 'درمان پزشکی و دارو',
            es: 'Tratamiento médico y medicamentos',
            ka: 'მკურნალობა და მედიკამენტები',
          },
          stage: 'post_arrival',
          modality: 'service',
          category: 'medical',
          currency: 'EUR',
          eligibility: fact('vulnerability', 'in', ['serious_illness']),
          amount: { perHousehold: 1500, upTo: true },
        },
        PSYCHOSOCIAL_FOR_VULNERABLE,
      ],
    },
  },

  // Closed: the pilot that KR-GEORGIA-WORK replaced.
  {
    code: 'KR-GEORGIA-PILOT',
    funderSlug: 'nordmark-return-office',
    implementingSlugs: ['kartli-return-support'],
    status: 'closed',
    definition: {
      name: {
        en: 'Kartli Return Pilot 2025 (closed)',
        fr: 'Projet pilote Kartli 2025 (clos)',
        ar: 'مشروع Kartli التجريبي 2025 (مغلق)',
        ru: 'Пилотный проект Kartli 2025 (закрыт)',
        fa: 'طرح آزمایشی Kartli 2025 (بسته‌شده)',
        es: 'Proyecto piloto Kartli 2025 (cerrado)',
      },
      summary: {
        en: 'Closed to new applications: the 2025 pilot of small business grants in Georgia, replaced by Kartli Work & Health from January 2026.',
        fr: 'Fermé aux nouvelles demandes : le projet pilote 2025 de petites subventions aux entreprises en Géorgie, remplacé par Kartli Travail & Santé depuis janvier 2026.',
        ar: 'مغلق أمام الطلبات الجديدة: المشروع التجريبي لعام 2025 لمنح المشاريع الصغيرة في جورجيا، وقد حلّ محله Kartli للعمل والصحة منذ يناير 2026.',
        ru: 'Приём заявлений закрыт: пилотный проект 2025 года с небольшими грантами на своё дело в Грузии, с января 2026 года его заменил проект Kartli «Работа и здоровье».',
        fa: 'بسته برای درخواست‌های جدید: طرح آزمایشی 2025 کمک‌های کوچک کسب‌وکار در گرجستان که از ژانویه 2026 طرح Kartli کار و سلامت جای آن را گرفته است.',
        es: 'Cerrado a nuevas solicitudes: el proyecto piloto de 2025 de pequeñas subvenciones a negocios en Georgia, sustituido por Kartli Trabajo y Salud desde enero de 2026.',
      },
      description: {
        en: 'An invented project for the Homeward demo, kept to show a closed programme: small business grants in kind of up to 1,000 EUR per household in 2025.',
        fr: 'Un projet inventé pour la démonstration de Homeward, conservé pour montrer un programme clos : petites subventions en nature aux entreprises, jusqu’à 1 000 EUR par ménage en 2025.',
      },
      contact: {
        en: 'Kartli Return Support, Tbilisi office: info@kartli-return-support.example',
        fr: 'Kartli Return Support, bureau de Tbilissi : info@kartli-return-support.example',
        ar: 'Kartli Return Support، مكتب تبليسي: info@kartli-return-support.example',
        ru: 'Kartli Return Support, офис в Тбилиси: info@kartli-return-support.example',
        fa: 'Kartli Return Support، دفتر تفلیس: info@kartli-return-support.example',
        es: 'Kartli Return Support, oficina de Tiflis: info@kartli-return-support.example',
      },
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
      countriesOfReturn: ['GE'],
      hostCountries: [],
      leadTimeDays: null,
      eligibility: VOLUNTARY,
      interactions: [],
      components: [
        {
          code: 'small-business-grant',
          name: {
            en: 'Small business grant in kind',
            fr: 'Petite subvention en nature à l’entreprise',
            ar: 'منحة عينية لمشروع صغير',
            ru: 'Небольшой натуральный грант на своё дело',
            fa: 'کمک جنسی برای کسب‌وکار کوچک',
            es: 'Pequeña subvención en especie para un negocio',
          },
          stage: 'reintegration',
          modality: 'in_kind',
          category: 'business_start_up',
          currency: 'EUR',
          amount: { perHousehold: 1000, upTo: true },
        },
      ],
    },
  },

  // Draft: a project still being prepared.
  {
    code: 'CO-MAGHREB-SKILLS',
    funderSlug: 'corridor-programme-office',
    implementingSlugs: [],
    status: 'draft',
    definition: {
      name: {
        en: 'Corridor Maghreb Skills (in preparation)',
        fr: 'Corridor Compétences Maghreb (en préparation)',
        ar: 'Corridor لمهارات المغرب العربي (قيد الإعداد)',
        ru: 'Corridor «Навыки для Магриба» (в подготовке)',
        fa: 'Corridor مهارت‌های مغرب (در دست آماده‌سازی)',
        es: 'Corridor Competencias Magreb (en preparación)',
      },
      summary: {
        en: 'In preparation: vocational training and paid apprenticeships for young adults returning to Algeria, Morocco and Tunisia.',
        fr: 'En préparation : formation professionnelle et apprentissages rémunérés pour les jeunes adultes qui rentrent en Algérie, au Maroc et en Tunisie.',
        ar: 'قيد الإعداد: تدريب مهني وتدريب مأجور في مواقع العمل للشباب العائدين إلى الجزائر والمغرب وتونس.',
        ru: 'В подготовке: профессиональное обучение и оплачиваемое ученичество для молодых людей, возвращающихся в Алжир, Марокко и Тунис.',
        fa: 'در دست آماده‌سازی: آموزش فنی و حرفه‌ای و کارآموزی با دستمزد برای جوانانی که به الجزایر، مراکش و تونس بازمی‌گردند.',
        es: 'En preparación: formación profesional y aprendizajes remunerados para jóvenes adultos que regresan a Argelia, Marruecos y Túnez.',
      },
      contact: CORRIDOR_CONTACT,
      validFrom: '2026-10-01',
      validTo: '2028-09-30',
      countriesOfReturn: ['DZ', 'MA', 'TN'],
      hostCountries: CORRIDOR_HOSTS,
      leadTimeDays: 14,
      eligibility: all(VOLUNTARY, fact('age', 'gte', 18), fact('age', 'lte', 35)),
      interactions: [],
      components: [
        {
          code: 'vocational-training',
          name: VOCATIONAL_TRAINING,
          stage: 'reintegration',
          modality: 'service',
          category: 'training',
          currency: 'EUR',
          amount: { perAdult: 1000, upTo: true },
        },
        {
          code: 'apprenticeship',
          name: {
            en: 'Paid apprenticeship',
            fr: 'Apprentissage rémunéré',
            ar: 'تدريب مأجور في موقع العمل',
            ru: 'Оплачиваемое ученичество',
            fa: 'کارآموزی با دستمزد',
            es: 'Aprendizaje remunerado',
          },
          stage: 'reintegration',
          modality: 'cash',
          category: 'employment',
          currency: 'EUR',
          amount: {
            perAdult: 900,
            instalments: [
              { percent: 34, due: 'after_arrival', monthsAfterArrival: 1 },
              { percent: 33, due: 'after_arrival', monthsAfterArrival: 2 },
              { percent: 33, due: 'after_arrival', monthsAfterArrival: 3 },
            ],
          },
        },
        {
          code: 'schooling',
          name: SCHOOLING,
          stage: 'reintegration',
          modality: 'in_kind',
          category: 'education',
          currency: 'EUR',
          eligibility: WITH_MINORS,
          amount: { perMinor: 250 },
        },
      ],
    },
  },
];
