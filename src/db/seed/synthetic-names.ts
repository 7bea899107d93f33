/**
 * Name pools for the synthetic households of synthetic-cases.ts: real, common names of the
 * nationalities in an EU assisted-return caseload, each with its native-script form (when the
 * nationality writes names in a non-Latin script) and the Latin spellings seen on papers. The first
 * spelling of an entry is the most usual one on current documents (ICAO transliteration on Russian
 * passports since 2013, French spellings in the Maghreb, English ones in Iraq and Pakistan). Within a
 * list, names come roughly from most to least common: the generator gives earlier names more weight.
 *
 * One entry a line: `Latin, Latin | native`; Latin-script nationalities have no `| native`. Arabic
 * pools are written with Arabic yeh/kaf/teh marbuta (ي ك ة), Persian pools (Iran, Afghanistan) with
 * Persian yeh/kaf (ی ک), Urdu with Urdu yeh, kaf and heh (ی ک ہ ھ ے). Russian and North Caucasian
 * family names are listed in the masculine form; the feminine one is derived (see synthetic-cases.ts).
 * Plain data, no logic beyond the line parser.
 */

export interface NameEntry {
  /** The name in its native script, or '' for a Latin-script nationality. */
  native: string;
  /** Latin spellings, the most usual first. */
  latin: readonly string[];
}

function entries(block: string): NameEntry[] {
  return block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const [latin, native = ''] = line.split('|').map((s) => s.trim());
      return { native, latin: latin!.split(',').map((s) => s.trim()) };
    });
}

export interface NameLists {
  male: NameEntry[];
  female: NameEntry[];
  family: NameEntry[];
}

// ---------------------------------------------------------------------------------------------
// Arabic script: Iraq, Syria, the Maghreb

export const IRAQ: NameLists = {
  male: entries(`
    Mohammed, Muhammad, Mohamed, Mohammad | محمد
    Ali | علي
    Hussein, Husain, Hussain | حسين
    Ahmed, Ahmad | أحمد
    Abbas | عباس
    Hassan, Hasan | حسن
    Mustafa, Mostafa | مصطفى
    Haider, Hayder, Haidar | حيدر
    Omar, Umar | عمر
    Karrar | كرار
    Mahdi, Mehdi | مهدي
    Abdullah, Abdallah | عبد الله
    Yousif, Yusuf, Youssef | يوسف
    Ibrahim | إبراهيم
    Qasim, Kasim, Qassim | قاسم
    Jafar, Jaafar | جعفر
    Sajjad, Sajad | سجاد
    Murtadha, Murtada, Mortada | مرتضى
    Khalid, Khaled | خالد
    Zaid, Zeid | زيد
    Kadhim, Kazim, Kathim | كاظم
    Muntadhar, Muntather | منتظر
    Alaa, Ala | علاء
    Saif, Sayf | سيف
    Sadiq, Sadeq | صادق
    Yasir, Yasser, Yaser | ياسر
    Jasim, Jassim | جاسم
    Salam | سلام
    Amir, Ameer | أمير
    Raad, Raed | رعد
    Imad, Emad | عماد
    Dhiaa, Diyaa, Dia | ضياء
    Falah | فلاح
    Adil, Adel | عادل
    Walid, Waleed | وليد
    Saad | سعد
    Hamid, Hameed | حامد
    Mazin, Mazen | مازن
    Baqir, Baqer | باقر
    Hamza, Hamzah | حمزة
    Osama, Usama | أسامة
    Bilal | بلال
    Abdulrahman, Abdul Rahman | عبد الرحمن
    Abdulkarim, Abdul Kareem | عبد الكريم
    Sattar | ستار
    Ammar | عمار
    Hadi | هادي
    Ridha, Redha, Rida | رضا
  `),
  female: entries(`
    Fatima, Fatimah | فاطمة
    Zainab, Zeinab, Zaynab | زينب
    Maryam, Mariam | مريم
    Noor, Nour, Nur | نور
    Zahraa, Zahra | زهراء
    Ruqaya, Roqaya, Ruqayya | رقية
    Sara, Sarah | سارة
    Huda, Hoda | هدى
    Ayat | آيات
    Iman, Eman | إيمان
    Shaimaa, Shaima | شيماء
    Rusul, Rosul | رسل
    Duaa, Doaa | دعاء
    Amna, Amina | آمنة
    Khadija, Khadijah | خديجة
    Aisha, Aysha | عائشة
    Saja | سجى
    Hiba, Heba | هبة
    Asmaa, Asma | أسماء
    Rana | رنا
    Suha, Soha | سهى
    Nadia, Nadiya | نادية
    Suad, Souad | سعاد
    Wafaa, Wafa | وفاء
    Layla, Laila, Leila | ليلى
    Batool, Batoul, Batul | بتول
    Hawraa, Hawra | حوراء
    Ghufran, Ghofran | غفران
    Amal | أمل
    Sanaa, Sana | سناء
    Shahad | شهد
    Tabarak | تبارك
    Marwa, Marwah | مروة
    Aseel, Asil | أسيل
    Ghadeer, Ghadir | غدير
    Duha, Dhuha | ضحى
  `),
  // Iraqi papers often carry a tribal or nisba name, or the father's or grandfather's name, as the
  // family name; both kinds are listed.
  family: entries(`
    Al-Jubouri, Aljubouri, Al-Juburi | الجبوري
    Al-Dulaimi, Aldulaimi, Al-Dulaymi | الدليمي
    Hussein, Husain | حسين
    Al-Tamimi, Altamimi | التميمي
    Al-Shammari, Alshammari | الشمري
    Ali | علي
    Al-Obaidi, Alobaidi, Al-Ubaidi | العبيدي
    Al-Zubaidi, Alzubaidi | الزبيدي
    Mohammed, Muhammad | محمد
    Al-Janabi, Aljanabi | الجنابي
    Al-Saadi, Alsaadi, Al-Saedi | الساعدي
    Al-Rubaie, Alrubaie, Al-Rubaye | الربيعي
    Ahmed, Ahmad | أحمد
    Al-Azzawi, Alazzawi | العزاوي
    Al-Bayati, Albayati | البياتي
    Al-Hamdani, Alhamdani | الحمداني
    Abbas | عباس
    Al-Samarrai, Alsamarrai | السامرائي
    Al-Musawi, Al-Mousawi, Almousawi | الموسوي
    Al-Husseini, Alhusseini, Al-Husaini | الحسيني
    Jasim, Jassim | جاسم
    Al-Kaabi, Alkaabi | الكعبي
    Al-Khafaji, Alkhafaji | الخفاجي
    Al-Amiri, Al-Ameri, Alameri | العامري
    Kadhim, Kazim | كاظم
    Al-Kinani, Alkinani | الكناني
    Al-Maliki, Almaliki | المالكي
    Al-Asadi, Alasadi | الأسدي
    Saleh, Salih | صالح
    Al-Taie, Al-Tai, Altaee | الطائي
    Al-Hasnawi, Alhasnawi | الحسناوي
    Al-Anazi, Al-Enezi, Alanazi | العنزي
    Hassan, Hasan | حسن
    Al-Fatlawi, Alfatlawi | الفتلاوي
    Al-Aqili, Al-Oqaili | العقيلي
    Al-Basri, Albasri | البصري
    Abdullah, Abdallah | عبد الله
    Al-Baghdadi, Albaghdadi | البغدادي
    Al-Mosuli, Almosuli, Al-Mawsili | الموصلي
    Al-Kubaisi, Alkubaisi | الكبيسي
    Hammoud, Hamoud | حمود
    Al-Rawi, Alrawi | الراوي
    Al-Ani, Alani | العاني
    Al-Hiti, Alheety | الهيتي
    Khalaf | خلف
    Al-Hadithi, Alhadithi | الحديثي
    Al-Jumaili, Aljumaily | الجميلي
    Al-Mashhadani, Almashhadani | المشهداني
    Mahmoud, Mahmood | محمود
    Al-Douri, Al-Duri, Aldouri | الدوري
    Al-Hilli, Alhilli | الحلي
    Al-Najafi, Alnajafi | النجفي
    Ibrahim | إبراهيم
    Al-Yasiri, Alyasiri | الياسري
    Al-Khuzaie, Alkhuzaie | الخزاعي
    Al-Haidari, Alhaidari, Al-Hayderi | الحيدري
    Jabbar | جبار
    Al-Shaibani, Alshaibani | الشيباني
    Al-Lami, Allami | اللامي
    Al-Zaidi, Alzaidi | الزيدي
    Al-Mohammadawi, Almohammadawi | المحمداوي
    Al-Sudani, Alsudani | السوداني
    Al-Ibrahimi, Alibrahimi | الإبراهيمي
    Al-Abadi, Alabadi | العبادي
    Al-Hakim, Alhakim | الحكيم
    Al-Bahadli, Albahadli | البهادلي
    Al-Daraji, Aldaraji | الدراجي
    Al-Waili, Alwaili | الوائلي
    Al-Karkhi, Alkarkhi | الكرخي
    Al-Ansari, Alansari | الأنصاري
    Al-Dabbagh, Aldabbagh | الدباغ
    Al-Tikriti, Altikriti | التكريتي
    Al-Hashimi, Alhashimi, Al-Hashemi | الهاشمي
    Al-Khazraji, Alkhazraji | الخزرجي
    Al-Jabiri, Aljabiri | الجابري
    Al-Mayahi, Almayahi | المياحي
    Al-Bazzaz, Albazzaz | البزاز
  `),
};

export const SYRIA: NameLists = {
  male: entries(`
    Mohammad, Mohamad, Muhammad, Mohammed | محمد
    Ahmad, Ahmed | أحمد
    Mahmoud, Mahmud | محمود
    Ali | علي
    Omar, Umar | عمر
    Khaled, Khalid | خالد
    Mustafa, Moustafa | مصطفى
    Abdullah, Abdallah | عبد الله
    Hasan, Hassan | حسن
    Ibrahim | إبراهيم
    Yousef, Youssef, Yusuf | يوسف
    Hussein, Hussain | حسين
    Abdulrahman, Abdul Rahman, Abdelrahman | عبد الرحمن
    Anas | أنس
    Bilal | بلال
    Hamza, Hamzeh | حمزة
    Samer | سامر
    Walid, Waleed | وليد
    Ammar | عمار
    Yaser, Yasser | ياسر
    Rami | رامي
    Fadi | فادي
    Basel, Basil | باسل
    Mazen | مازن
    Jamal | جمال
    Saeed, Said | سعيد
    Khalil | خليل
    Maher | ماهر
    Adnan | عدنان
    Wael | وائل
    Tarek, Tareq, Tariq | طارق
    Ziad, Ziyad | زياد
    Firas, Feras | فراس
    Haitham, Haytham | هيثم
    Nizar | نزار
    Muaz, Moaz, Muath | معاذ
    Ismail | إسماعيل
    Abdulkarim, Abdul Karim | عبد الكريم
    Majd | مجد
    Obada, Ubada | عبادة
    Qusai, Kusai | قصي
  `),
  female: entries(`
    Fatima, Fatma | فاطمة
    Maryam, Mariam | مريم
    Aya, Ayah | آية
    Nour, Noor | نور
    Rahaf | رهف
    Sara, Sarah | سارة
    Heba, Hiba | هبة
    Rana | رنا
    Reem, Rim | ريم
    Doaa, Duaa | دعاء
    Yasmin, Yasmine | ياسمين
    Raghad | رغد
    Walaa | ولاء
    Alaa | آلاء
    Bushra, Boshra | بشرى
    Hadeel, Hadil | هديل
    Salma | سلمى
    Lama | لمى
    Shahd, Shahed | شهد
    Israa, Esraa | إسراء
    Asmaa, Asma | أسماء
    Khadija | خديجة
    Aisha, Aysha | عائشة
    Zainab, Zeinab | زينب
    Mona, Muna | منى
    Hala | هالة
    Rasha | رشا
    Nisreen, Nesrin | نسرين
    Sawsan | سوسن
    Ghada | غادة
    Samah | سماح
    Safaa | صفاء
    Lubna | لبنى
    Jana | جنى
    Amal | أمل
    Rawan | روان
    Dima | ديما
  `),
  family: entries(`
    Al-Ahmad, Alahmad | الأحمد
    Al-Mohammad, Almohammad | المحمد
    Al-Ali, Alali | العلي
    Al-Hasan, Alhasan | الحسن
    Al-Hussein, Alhussein | الحسين
    Al-Khatib, Alkhatib | الخطيب
    Al-Halabi, Halabi | الحلبي
    Al-Shami, Shami | الشامي
    Haddad | حداد
    Al-Najjar, Najjar | النجار
    Al-Homsi, Homsi | الحمصي
    Al-Hamwi, Hamwi | الحموي
    Darwish | درويش
    Khoury, Khouri | خوري
    Al-Ibrahim, Alibrahim | الإبراهيم
    Al-Omar, Alomar | العمر
    Al-Mousa, Almousa | الموسى
    Al-Issa, Alissa | العيسى
    Al-Suleiman, Alsuleiman | السليمان
    Al-Saleh, Alsaleh | الصالح
    Al-Hamad, Alhamad | الحمد
    Al-Khalil, Alkhalil | الخليل
    Al-Sheikh, Alsheikh | الشيخ
    Al-Abdullah, Alabdullah | العبدالله
    Al-Masri, Masri | المصري
    Kassem, Qasem | قاسم
    Othman, Osman | عثمان
    Al-Othman, Alothman | العثمان
    Hasan, Hassan | حسن
    Mahmoud | محمود
    Youssef, Yousef | يوسف
    Ismail | إسماعيل
    Issa | عيسى
    Salameh, Salama | سلامة
    Hammoud | حمود
    Al-Assaad, Alasaad | الأسعد
    Al-Sayed, Alsayed | السيد
    Al-Ayoubi, Ayoubi | الأيوبي
    Kabbani, Qabbani | قباني
    Al-Zoubi, Alzoubi, Al-Zubi | الزعبي
    Al-Mokdad, Al-Miqdad | المقداد
    Al-Hariri, Alhariri | الحريري
    Al-Refai, Alrifai | الرفاعي
    Al-Jasem, Aljasem | الجاسم
    Al-Abboud, Alabboud | العبود
    Al-Hamada, Alhamada | الحمادة
    Al-Darwish, Aldarwish | الدرويش
    Al-Hajj, Alhaj | الحاج
    Tahhan, Al-Tahhan | الطحان
    Sabbagh, Al-Sabbagh | الصباغ
    Attar, Al-Attar | العطار
    Hallak, Al-Hallak | الحلاق
    Al-Kurdi, Kurdi | الكردي
    Bitar, Al-Bitar | البيطار
    Al-Fares, Alfares | الفارس
    Al-Obaid, Alobaid | العبيد
    Hamdan | حمدان
    Al-Khalaf, Alkhalaf | الخلف
    Al-Saeed, Alsaeed | السعيد
    Al-Jundi, Aljundi | الجندي
    Al-Nasser, Alnasser | الناصر
    Hijazi, Hejazi | حجازي
    Mansour | منصور
    Al-Tawil, Tawil | الطويل
    Al-Aswad, Aswad | الأسود
    Shehadeh, Shehada | شحادة
    Al-Sharif, Alsharif | الشريف
  `),
};

/** Given names shared by Morocco, Algeria and Tunisia, in the French spellings of their papers. */
const MAGHREB_MALE = entries(`
  Mohamed, Mohammed | محمد
  Ahmed | أحمد
  Youssef, Youcef, Yousef | يوسف
  Abdelkader, Abdelkadir | عبد القادر
  Ali | علي
  Omar | عمر
  Mustapha, Mustafa | مصطفى
  Brahim, Ibrahim | إبراهيم
  Khaled, Khalid | خالد
  Karim | كريم
  Said, Saïd | سعيد
  Rachid, Rashid | رشيد
  Abdellah, Abdallah | عبد الله
  Hassan | حسن
  Hocine, Houcine, Hussein | حسين
  Yassine, Yacine | ياسين
  Ayoub | أيوب
  Amine | أمين
  Mehdi | مهدي
  Bilal, Bilel | بلال
  Hamza | حمزة
  Ismail, Smail | إسماعيل
  Soufiane, Sofiane | سفيان
  Abderrahim | عبد الرحيم
  Abderrahmane, Abderrahman | عبد الرحمن
  Abdelaziz | عبد العزيز
  Noureddine, Nourredine | نور الدين
  Jamal, Djamel | جمال
  Kamal, Kamel | كمال
  Hicham, Hichem | هشام
  Zakaria, Zakariae | زكرياء
  Ilyas, Ilias | إلياس
  Walid | وليد
  Tarik, Tarek | طارق
  Nabil | نبيل
  Farid | فريد
  Mourad | مراد
  Adel, Adil | عادل
  Samir | سمير
  Toufik, Taoufik | توفيق
  Othmane, Otmane | عثمان
  Redouane, Ridouane, Redwan | رضوان
  Mouloud | مولود
  Lakhdar | لخضر
  Anouar, Anwar | أنور
  Driss | إدريس
  Abdelhak | عبد الحق
`);

const MAGHREB_FEMALE = entries(`
  Fatima, Fatma | فاطمة
  Khadija, Khadidja | خديجة
  Meryem, Meriem, Maryam | مريم
  Aicha, Aïcha | عائشة
  Amina | أمينة
  Souad | سعاد
  Nadia | نادية
  Fatiha | فتيحة
  Zohra, Zahra | زهرة
  Halima | حليمة
  Naima | نعيمة
  Samira | سميرة
  Karima | كريمة
  Hayat | حياة
  Latifa | لطيفة
  Salma | سلمى
  Imane, Iman | إيمان
  Hajar, Hadjer | هاجر
  Sara, Sarah | سارة
  Yasmine, Yasmin | ياسمين
  Wafae, Wafa | وفاء
  Najat, Nadjet | نجاة
  Rachida | رشيدة
  Malika | مليكة
  Safae, Safa | صفاء
  Asmae, Asma | أسماء
  Siham | سهام
  Hanane, Hanan | حنان
  Zineb, Zainab | زينب
  Kheira | خيرة
  Leila, Laila | ليلى
  Mounia | منية
  Sanae, Sanaa | سناء
  Ikram | إكرام
  Houda | هدى
  Chaima, Chaimae | شيماء
  Soumia, Soumaya | سمية
  Nawal | نوال
`);

export const MOROCCO: NameLists = {
  male: MAGHREB_MALE,
  female: MAGHREB_FEMALE,
  family: entries(`
    El Idrissi, Idrissi, Elidrissi | الإدريسي
    El Alaoui, Alaoui | العلوي
    El Amrani, Amrani | العمراني
    Bennani | بناني
    Tazi | التازي
    El Fassi, Fassi | الفاسي
    Berrada | برادة
    Benjelloun | بنجلون
    Cherkaoui, Charkaoui | الشرقاوي
    El Hassani, Hassani | الحسني
    El Bakkali, Bakkali | البقالي
    El Ouazzani, Ouazzani | الوزاني
    Tahiri, El Tahiri | الطاهري
    El Mansouri, Mansouri | المنصوري
    Naciri, Nassiri | الناصري
    El Moussaoui, Moussaoui | الموساوي
    El Khattabi, Khattabi | الخطابي
    El Azzouzi, Azzouzi | العزوزي
    El Hachimi, Hachimi | الهاشمي
    Rahmani | الرحماني
    Benkirane | بنكيران
    Bensaid | بنسعيد
    Benmoussa | بن موسى
    Benabdellah, Benabdallah | بنعبد الله
    Benomar | بنعمر
    Benaissa | بنعيسى
    Belhaj, Belhadj | بلحاج
    Amezian | أمزيان
    Ait Ali, Aït Ali | آيت علي
    Skalli | الصقلي
    Kettani | الكتاني
    Soussi, Essoussi | السوسي
    Doukkali | الدكالي
    Chaoui | الشاوي
    Hamdaoui | الحمداوي
    Ziani | الزياني
    Boukhari | البخاري
    El Youssfi, Youssfi | اليوسفي
    El Ayachi, Ayachi | العياشي
    Mernissi | المرنيسي
    Bouazza | بوعزة
    Lahlou | لحلو
    Sebti | السبتي
    Guessous | كسوس
    Chraibi | الشرايبي
    El Filali, Filali | الفيلالي
    Haddad | حداد
    El Khayat, Khayat | الخياط
    Sahraoui | الصحراوي
    Marrakchi | المراكشي
    Bennis | بنيس
    Benchekroun | بنشقرون
    Sefrioui | الصفريوي
    Slaoui | السلاوي
    Lazrak | الأزرق
    Zerouali | الزروالي
    El Ghazi, Ghazi | الغازي
    Bouzidi | البوزيدي
    Tounsi | التونسي
    El Jebli, Jebli | الجبلي
  `),
};

export const ALGERIA: NameLists = {
  male: MAGHREB_MALE,
  female: MAGHREB_FEMALE,
  family: entries(`
    Benali, Ben Ali | بن علي
    Belkacem | بلقاسم
    Bouzid | بوزيد
    Saidi | سعيدي
    Messaoudi | مسعودي
    Benyoucef, Benyoussef | بن يوسف
    Bensalem | بن سالم
    Boudiaf | بوضياف
    Belaid | بلعيد
    Haddad | حداد
    Cherif | شريف
    Bencheikh | بن الشيخ
    Meziane | مزيان
    Zerrouki | زروقي
    Bouaziz | بوعزيز
    Benamar | بن عمر
    Kacimi, Gacemi | قاسمي
    Rahmani | رحماني
    Benhammou | بن حمو
    Belhadj | بلحاج
    Benaouda | بن عودة
    Aissaoui | عيساوي
    Yahiaoui | يحياوي
    Bougherra | بوقرة
    Bensaid | بن سعيد
    Bouali | بوعلي
    Boukhalfa | بوخالفة
    Mansouri | منصوري
    Talbi | طالبي
    Dahmani | دحماني
    Slimani | سليماني
    Abbas | عباس
    Hamdi | حمدي
    Kaddouri | قدوري
    Zidane | زيدان
    Brahimi | براهيمي
    Chaabane | شعبان
    Bensalah | بن صالح
    Merabet | مرابط
    Khelifi | خليفي
    Ferhat | فرحات
    Benabdallah | بن عبد الله
    Ait Ahmed, Aït Ahmed | آيت أحمد
    Hamidi | حميدي
    Boumediene | بومدين
    Benmansour | بن منصور
    Belabbas | بلعباس
    Larbi | العربي
    Bouchareb | بوشارب
    Djebbar | جبار
    Lounis | لونيس
    Hadjadj | حجاج
    Boudjemaa | بوجمعة
    Saadi | سعدي
    Benmoussa | بن موسى
    Ziani | زياني
    Mekki | مكي
    Mahrez | محرز
    Belmadi | بلماضي
    Hamadouche | حمادوش
    Feghouli | فغولي
    Bentaleb | بن طالب
    Benrahma | بن رحمة
  `),
};

export const TUNISIA: NameLists = {
  male: MAGHREB_MALE,
  female: MAGHREB_FEMALE,
  family: entries(`
    Trabelsi | الطرابلسي
    Ben Ali, Benali | بن علي
    Jebali, Jbali | الجبالي
    Gharbi | الغربي
    Hammami | الحمامي
    Ben Salem | بن سالم
    Ben Salah | بن صالح
    Dridi | الدريدي
    Marzouki | المرزوقي
    Jlassi | الجلاصي
    Zouari | الزواري
    Chebbi | الشابي
    Ben Youssef | بن يوسف
    Saidi | السعيدي
    Ayari | العياري
    Mejri | الماجري
    Riahi | الرياحي
    Bouazizi | بوعزيزي
    Ferjani | الفرجاني
    Mahjoubi | المحجوبي
    Jendoubi | الجندوبي
    Abidi | العبيدي
    Sahli | الساحلي
    Soussi | السوسي
    Mhiri | المهيري
    Ben Ammar | بن عمار
    Hannachi | الحناشي
    Khemiri | الخميري
    Cherif | الشريف
    Amri, Omri | العمري
    Ouesleti, Weslati | الوسلاتي
    Ben Hassine | بن حسين
    Methlouthi | المثلوثي
    Belhaj | بالحاج
    Ben Omar | بن عمر
    Karoui | القروي
    Haddad | الحداد
    Ben Romdhane, Ben Ramdhane | بن رمضان
    Mabrouk | مبروك
    Chaabani | الشعباني
    Mansouri | المنصوري
    Jaziri | الجزيري
    Baccouche | بكوش
    Hamdi | حمدي
    Khelifi | الخليفي
    Nasri | النصري
    Touati | التواتي
    Kefi | الكافي
    Ben Hamida | بن حميدة
    Mestiri | المستيري
    Slimi | السليمي
    Bouzid | بوزيد
    Hamrouni | الحمروني
    Ghanmi | الغانمي
    Tlili | التليلي
    Bouslama | بوسلامة
    Zribi | الزريبي
    Sassi | ساسي
    Msakni | المساكني
    Khazri | الخزري
    Maaloul | معلول
    Ben Mustapha | بن مصطفى
  `),
};

// ---------------------------------------------------------------------------------------------
// Persian script: Afghanistan (Dari, Pashto) and Iran; Urdu: Pakistan

export const AFGHANISTAN: NameLists = {
  male: entries(`
    Mohammad, Muhammad, Mohammed | محمد
    Ahmad, Ahmed | احمد
    Ali | علی
    Abdullah, Abdulla | عبدالله
    Ghulam, Gholam | غلام
    Mahmood, Mahmud | محمود
    Noor, Nur | نور
    Hussain, Hussein, Hossain | حسین
    Rahmat | رحمت
    Aziz | عزیز
    Habibullah | حبیب الله
    Zabihullah, Zabiullah | ذبیح الله
    Najibullah | نجیب الله
    Samiullah | سمیع الله
    Rahmatullah | رحمت الله
    Jawid, Javid, Jawed | جاوید
    Omid, Umid | امید
    Naweed, Navid | نوید
    Farid, Fareed | فرید
    Hamid, Hameed | حمید
    Rahim, Raheem | رحیم
    Karim, Kareem | کریم
    Bashir, Basheer | بشیر
    Nasir, Naseer | نصیر
    Jamil, Jameel | جمیل
    Sayed, Syed | سید
    Wali | ولی
    Yousuf, Yusuf | یوسف
    Idris | ادریس
    Ilyas | الیاس
    Mustafa | مصطفی
    Murtaza, Morteza | مرتضی
    Reza, Raza | رضا
    Mahdi, Mehdi | مهدی
    Hassan, Hasan | حسن
    Jawad, Javad | جواد
    Shafiq | شفیق
    Zalmai, Zalmay | زلمی
    Ajmal | اجمل
    Fazal, Fazl | فضل
    Asadullah | اسدالله
    Abdul Rahman, Abdulrahman | عبدالرحمن
    Abdul Qadir, Abdulqadir | عبدالقادر
    Abdul Ghani | عبدالغنی
    Mujib, Mujeeb | مجیب
    Ismail, Esmail | اسماعیل
    Sharif | شریف
    Khalid | خالد
    Sher, Shir | شیر
    Gul | گل
    Hekmatullah, Hikmatullah | حکمت الله
    Sohrab | سهراب
    Rostam, Rustam | رستم
    Sadiq | صادق
    Mirwais | میرویس
    Hamidullah | حمیدالله
  `),
  female: entries(`
    Fatima, Fatema | فاطمه
    Zahra | زهرا
    Maryam, Mariam | مریم
    Zainab, Zaynab | زینب
    Malalai | ملالی
    Fereshta, Freshta | فرشته
    Shakila | شکیلا
    Sima, Seema | سیما
    Gulalai | گلالی
    Parwin, Parveen | پروین
    Malika | ملیکه
    Nargis, Narges | نرگس
    Shabnam | شبنم
    Laila, Leila | لیلا
    Hamida | حمیده
    Rahima | رحیمه
    Nasrin, Nasreen | نسرین
    Amina | آمنه
    Khadija | خدیجه
    Aisha, Ayesha | عایشه
    Masooma, Masuma | معصومه
    Sakina | سکینه
    Razia | راضیه
    Mursal | مرسل
    Fariba | فریبا
    Tahira | طاهره
    Nadia | نادیه
    Zarghona, Zarghuna | زرغونه
    Setara, Sitara | ستاره
    Muzhgan, Mozhgan | مژگان
    Homa, Huma | هما
    Samira | سمیرا
    Sharifa | شریفه
    Nafisa | نفیسه
    Farzana | فرزانه
    Mahbooba, Mahbuba | محبوبه
    Aziza | عزیزه
    Shirin, Sherin | شیرین
    Kulsum, Kulsoom | کلثوم
  `),
  family: entries(`
    Ahmadi | احمدی
    Mohammadi, Muhammadi | محمدی
    Hussaini, Hosseini, Husseini | حسینی
    Rahimi | رحیمی
    Karimi | کریمی
    Noori, Nouri | نوری
    Haidari, Heydari | حیدری
    Rezaei, Rezai | رضایی
    Jafari | جعفری
    Amiri | امیری
    Sediqi, Siddiqi | صدیقی
    Azizi | عزیزی
    Qaderi, Qadiri | قادری
    Hashimi, Hashemi | هاشمی
    Sultani | سلطانی
    Yousufi, Yusufi | یوسفی
    Nazari | نظری
    Hakimi | حکیمی
    Osmani, Usmani | عثمانی
    Ibrahimi, Ebrahimi | ابراهیمی
    Rahmani | رحمانی
    Popal | پوپل
    Popalzai | پوپلزی
    Wardak | وردک
    Stanikzai | ستانکزی
    Noorzai, Nurzai | نورزی
    Ahmadzai | احمدزی
    Alizai | علیزی
    Barakzai | بارکزی
    Achakzai | اچکزی
    Mohammadzai | محمدزی
    Kakar | کاکړ
    Shinwari | شینواری
    Mohmand, Momand | مومند
    Safi | صافی
    Niazi | نیازی
    Yousafzai, Yusufzai | یوسفزی
    Khan | خان
    Alizada, Alizadeh | علیزاده
    Sadat | سادات
    Sharifi | شریفی
    Faizi | فیضی
    Rasuli, Rasooli | رسولی
    Habibi | حبیبی
    Akbari | اکبری
    Azimi | عظیمی
    Safari | صفری
    Mirzaei, Mirzai | میرزایی
    Samadi | صمدی
    Qasemi, Qasimi | قاسمی
    Naseri, Nasiri | ناصری
    Omari | عمری
    Wahidi | وحیدی
    Amini | امینی
    Faqiri | فقیری
    Hamidi | حمیدی
    Jalali | جلالی
    Totakhil | توتاخیل
    Zazai | زازی
    Mangal | منگل
    Kohistani | کوهستانی
    Panjshiri | پنجشیری
    Kabuli | کابلی
    Herawi | هروی
    Balkhi | بلخی
    Logari | لوگری
    Tokhi | توخی
    Hotak | هوتک
    Durrani | درانی
    Zadran | زدران
  `),
};

export const IRAN: NameLists = {
  male: entries(`
    Mohammad, Mohamad, Mohammed | محمد
    Ali | علی
    Hossein, Hosein, Hussein | حسین
    Reza | رضا
    Mehdi, Mahdi | مهدی
    Amir | امیر
    Hassan, Hasan | حسن
    Mohammadreza, Mohammad Reza | محمدرضا
    Alireza | علیرضا
    Morteza | مرتضی
    Mostafa, Mustafa | مصطفی
    Saeed, Said | سعید
    Hamid | حمید
    Majid | مجید
    Javad | جواد
    Ahmad | احمد
    Abolfazl | ابوالفضل
    Omid | امید
    Sajjad, Sajad | سجاد
    Milad | میلاد
    Mohsen | محسن
    Vahid | وحید
    Navid | نوید
    Behrouz, Behrooz | بهروز
    Farhad | فرهاد
    Pejman, Pezhman | پژمان
    Arash | آرش
    Babak | بابک
    Kamran | کامران
    Shahram | شهرام
    Mehran | مهران
    Yousef, Yusef | یوسف
    Ebrahim, Ibrahim | ابراهیم
    Esmaeil, Esmail, Ismail | اسماعیل
    Hadi | هادی
    Amin | امین
    Pouya, Puya | پویا
    Sina | سینا
    Keyvan, Kayvan | کیوان
    Davood, Davoud, Dawood | داوود
    Masoud, Masood | مسعود
    Mojtaba | مجتبی
    Ehsan | احسان
    Kourosh, Kurosh | کوروش
    Dariush, Daryoush | داریوش
    Peyman | پیمان
    Kaveh | کاوه
  `),
  female: entries(`
    Fatemeh, Fatima | فاطمه
    Zahra | زهرا
    Maryam | مریم
    Zeinab, Zeynab | زینب
    Masoumeh, Masoume | معصومه
    Somayeh, Somaye | سمیه
    Mahsa | مهسا
    Sara | سارا
    Narges | نرگس
    Elham | الهام
    Nazanin | نازنین
    Fereshteh | فرشته
    Leila, Leyla | لیلا
    Mina | مینا
    Nasrin | نسرین
    Shirin | شیرین
    Parisa | پریسا
    Mahnaz | مهناز
    Zhila, Jila | ژیلا
    Samira | سمیرا
    Azadeh | آزاده
    Neda | ندا
    Sepideh | سپیده
    Shabnam | شبنم
    Roya | رویا
    Tahereh | طاهره
    Azam | اعظم
    Manijeh | منیژه
    Fariba | فریبا
    Parvaneh | پروانه
    Setareh | ستاره
    Hanieh, Haniyeh | هانیه
    Negar | نگار
    Mohadeseh | محدثه
    Kowsar, Kosar | کوثر
    Atefeh | عاطفه
    Marzieh | مرضیه
    Farzaneh | فرزانه
  `),
  family: entries(`
    Mohammadi | محمدی
    Hosseini | حسینی
    Ahmadi | احمدی
    Rezaei, Rezaee, Rezaie | رضایی
    Mousavi, Musavi | موسوی
    Jafari, Jaafari | جعفری
    Karimi | کریمی
    Rahimi | رحیمی
    Ghasemi, Qasemi | قاسمی
    Hashemi | هاشمی
    Sadeghi | صادقی
    Heidari, Heydari | حیدری
    Kazemi | کاظمی
    Nouri, Noori | نوری
    Ebrahimi | ابراهیمی
    Akbari | اکبری
    Amiri | امیری
    Soltani | سلطانی
    Zarei | زارعی
    Mirzaei, Mirzaee | میرزایی
    Rostami | رستمی
    Ghorbani, Qorbani | قربانی
    Abbasi | عباسی
    Mohammadzadeh | محمدزاده
    Alizadeh | علیزاده
    Yousefi | یوسفی
    Najafi | نجفی
    Salehi | صالحی
    Taheri | طاهری
    Farhadi | فرهادی
    Moradi | مرادی
    Babaei, Babaee | بابایی
    Sharifi | شریفی
    Asadi | اسدی
    Maleki | ملکی
    Yazdani | یزدانی
    Nazari | نظری
    Asgari, Askari | عسگری
    Fathi | فتحی
    Bagheri | باقری
    Soleimani | سلیمانی
    Mansouri | منصوری
    Tehrani | تهرانی
    Shirazi | شیرازی
    Esfahani, Isfahani | اصفهانی
    Kermani | کرمانی
    Tavakoli | توکلی
    Khosravi | خسروی
    Afshar | افشار
    Rahmani | رحمانی
    Jalali | جلالی
    Dehghan | دهقان
    Dehghani | دهقانی
    Naderi | نادری
    Ghaffari | غفاری
    Rasouli | رسولی
    Zamani | زمانی
    Bahrami | بهرامی
    Faraji | فرجی
    Azizi | عزیزی
    Khalili | خلیلی
    Ghanbari | قنبری
    Safari | صفری
    Esmaeili, Esmaili | اسماعیلی
    Nemati | نعمتی
    Jamali | جمالی
    Hamidi | حمیدی
    Kiani | کیانی
    Mokhtari | مختاری
    Vahidi | وحیدی
    Yaghoubi | یعقوبی
    Amini | امینی
    Shojaei | شجاعی
    Karami | کرمی
    Torabi | ترابی
    Habibi | حبیبی
    Kamali | کمالی
    Rezvani | رضوانی
    Mahmoudi | محمودی
  `),
};

export const PAKISTAN: NameLists = {
  male: entries(`
    Muhammad, Mohammad, Mohammed | محمد
    Ali | علی
    Ahmed, Ahmad | احمد
    Imran | عمران
    Usman, Osman | عثمان
    Bilal | بلال
    Hamza | حمزہ
    Hassan, Hasan | حسن
    Hussain, Hussein | حسین
    Umar, Omar | عمر
    Abdullah | عبداللہ
    Asif | آصف
    Kashif | کاشف
    Irfan | عرفان
    Shahid | شاہد
    Zahid | زاہد
    Tariq | طارق
    Khalid | خالد
    Sajid | ساجد
    Rashid | راشد
    Waseem, Wasim | وسیم
    Nadeem, Nadim | ندیم
    Naeem | نعیم
    Faisal | فیصل
    Aamir, Amir | عامر
    Yasir, Yasser | یاسر
    Adil | عادل
    Fahad, Fahd | فہد
    Danish | دانش
    Saqib | ثاقب
    Atif | عاطف
    Javed, Javaid | جاوید
    Shahzad | شہزاد
    Zubair | زبیر
    Arshad | ارشد
    Akram | اکرم
    Aslam | اسلم
    Naveed, Navid | نوید
    Salman | سلمان
    Rizwan | رضوان
    Zeeshan | ذیشان
    Awais, Owais | اویس
    Shoaib | شعیب
    Abdul Rehman, Abdur Rehman | عبدالرحمن
  `),
  female: entries(`
    Fatima | فاطمہ
    Ayesha, Aisha | عائشہ
    Zainab | زینب
    Maryam, Mariam | مریم
    Khadija | خدیجہ
    Amna | آمنہ
    Saima | صائمہ
    Nazia | نازیہ
    Shazia | شازیہ
    Rukhsana | رخسانہ
    Nasreen | نسرین
    Parveen | پروین
    Shabana | شبانہ
    Kausar | کوثر
    Samina | ثمینہ
    Sadia | سعدیہ
    Hina | حنا
    Saba | صبا
    Maria | ماریہ
    Sana | ثنا
    Rabia | رابعہ
    Uzma | عظمیٰ
    Nimra | نمرہ
    Iqra | اقرا
    Mehwish, Mahwish | مہوش
    Iram, Erum | ارم
    Sumaira | سمیرا
    Tahira | طاہرہ
    Bushra | بشریٰ
    Razia | رضیہ
    Shamim | شمیم
    Rubina, Robina | روبینہ
    Nadia | نادیہ
    Asma | اسما
    Farzana | فرزانہ
  `),
  family: entries(`
    Khan | خان
    Ahmed, Ahmad | احمد
    Ali | علی
    Hussain | حسین
    Shah | شاہ
    Butt | بٹ
    Chaudhry, Chaudhary, Choudhry | چودھری
    Malik | ملک
    Raja | راجہ
    Qureshi | قریشی
    Sheikh, Shaikh | شیخ
    Rana | رانا
    Awan | اعوان
    Gujjar, Gujar | گجر
    Arain | آرائیں
    Mirza | مرزا
    Hashmi | ہاشمی
    Siddiqui, Siddiqi | صدیقی
    Ansari | انصاری
    Abbasi | عباسی
    Baloch | بلوچ
    Yousafzai | یوسفزئی
    Afridi | آفریدی
    Khattak | خٹک
    Marwat | مروت
    Satti | ستی
    Syed, Sayed | سید
    Naqvi | نقوی
    Rizvi | رضوی
    Zaidi | زیدی
    Jafri | جعفری
    Bukhari | بخاری
    Gilani, Gillani | گیلانی
    Kazmi | کاظمی
    Cheema | چیمہ
    Bajwa | باجوہ
    Warraich | وڑائچ
    Gondal | گوندل
    Tarar | تارڑ
    Virk | ورک
    Sandhu | سندھو
    Ghuman | گھمن
    Dogar | ڈوگر
    Khokhar | کھوکھر
    Bhatti | بھٹی
    Janjua | جنجوعہ
    Lodhi | لودھی
    Niazi | نیازی
    Durrani | درانی
    Mahmood, Mehmood | محمود
    Iqbal | اقبال
    Aslam | اسلم
    Akram | اکرم
    Javed | جاوید
    Rehman, Rahman | رحمان
    Anwar | انور
    Nawaz | نواز
    Saleem, Salim | سلیم
    Rasheed, Rashid | رشید
    Hameed | حمید
    Mughal | مغل
    Jatoi | جتوئی
    Memon | میمن
    Rajput | راجپوت
    Ashraf | اشرف
    Latif | لطیف
  `),
};

// ---------------------------------------------------------------------------------------------
// Cyrillic: Russia (Russian and North Caucasian names), Serbia

export const RUSSIA: NameLists = {
  male: entries(`
    Aleksandr, Alexander, Alexandr | Александр
    Sergei, Sergey | Сергей
    Dmitrii, Dmitry, Dmitriy | Дмитрий
    Andrei, Andrey | Андрей
    Aleksei, Alexey, Alexei | Алексей
    Maksim, Maxim | Максим
    Evgenii, Evgeny, Yevgeny | Евгений
    Ivan | Иван
    Mikhail | Михаил
    Artem, Artyom | Артём
    Nikolai, Nikolay | Николай
    Vladimir | Владимир
    Denis | Денис
    Pavel | Павел
    Roman | Роман
    Igor | Игорь
    Oleg | Олег
    Viktor, Victor | Виктор
    Iurii, Yuri, Yury | Юрий
    Anton | Антон
    Konstantin | Константин
    Vladislav | Владислав
    Ilia, Ilya | Илья
    Kirill | Кирилл
    Nikita | Никита
    Vadim | Вадим
    Ruslan | Руслан
    Anatolii, Anatoly | Анатолий
    Vitalii, Vitaly | Виталий
    Stanislav | Станислав
    Valerii, Valery | Валерий
    Egor, Yegor | Егор
    Vasilii, Vasily | Василий
    Gennadii, Gennady | Геннадий
    Boris | Борис
    Grigorii, Grigory | Григорий
    Timur | Тимур
    Petr, Pyotr | Пётр
    Fedor, Fyodor | Фёдор
    Leonid | Леонид
    Viacheslav, Vyacheslav | Вячеслав
  `),
  female: entries(`
    Elena, Yelena | Елена
    Olga | Ольга
    Tatiana, Tatyana | Татьяна
    Natalia, Natalya | Наталья
    Irina | Ирина
    Svetlana | Светлана
    Anna | Анна
    Mariia, Maria | Мария
    Ekaterina, Yekaterina | Екатерина
    Iuliia, Yulia, Julia | Юлия
    Anastasiia, Anastasia | Анастасия
    Marina | Марина
    Galina | Галина
    Liudmila, Lyudmila, Ludmila | Людмила
    Nadezhda | Надежда
    Valentina | Валентина
    Oksana | Оксана
    Viktoriia, Victoria, Viktoria | Виктория
    Daria, Darya | Дарья
    Kseniia, Ksenia | Ксения
    Alina | Алина
    Polina | Полина
    Sofiia, Sofia | София
    Larisa | Лариса
    Vera | Вера
    Nina | Нина
    Tamara | Тамара
    Liliia, Liliya | Лилия
    Alena, Alyona | Алёна
    Inna | Инна
    Valeriia, Valeria | Валерия
    Evgeniia, Evgenia, Yevgenia | Евгения
    Aleksandra, Alexandra | Александра
    Kristina | Кристина
    Elizaveta | Елизавета
  `),
  family: entries(`
    Ivanov | Иванов
    Smirnov | Смирнов
    Kuznetsov | Кузнецов
    Popov | Попов
    Vasilev, Vasiliev, Vasilyev | Васильев
    Petrov | Петров
    Sokolov | Соколов
    Mikhailov | Михайлов
    Novikov | Новиков
    Fedorov, Fyodorov | Фёдоров
    Morozov | Морозов
    Volkov | Волков
    Alekseev, Alekseyev | Алексеев
    Lebedev | Лебедев
    Semenov, Semyonov | Семёнов
    Egorov, Yegorov | Егоров
    Pavlov | Павлов
    Kozlov | Козлов
    Stepanov | Степанов
    Nikolaev, Nikolayev | Николаев
    Orlov | Орлов
    Andreev, Andreyev | Андреев
    Makarov | Макаров
    Nikitin | Никитин
    Zakharov | Захаров
    Zaitsev, Zaytsev | Зайцев
    Solovev, Soloviev, Solovyov | Соловьёв
    Borisov | Борисов
    Iakovlev, Yakovlev | Яковлев
    Grigorev, Grigoriev, Grigoryev | Григорьев
    Romanov | Романов
    Vorobev, Vorobiev, Vorobyov | Воробьёв
    Sergeev, Sergeyev | Сергеев
    Kuzmin | Кузьмин
    Frolov | Фролов
    Aleksandrov, Alexandrov | Александров
    Dmitriev, Dmitriyev | Дмитриев
    Korolev, Korolyov | Королёв
    Gusev | Гусев
    Kiselev, Kiselyov | Киселёв
    Ilin, Ilyin | Ильин
    Maksimov, Maximov | Максимов
    Poliakov, Polyakov | Поляков
    Sorokin | Сорокин
    Vinogradov | Виноградов
    Kovalev, Kovalyov | Ковалёв
    Belov | Белов
    Medvedev | Медведев
    Antonov | Антонов
    Tarasov | Тарасов
    Zhukov | Жуков
    Baranov | Баранов
    Filippov | Филиппов
    Komarov | Комаров
    Davydov | Давыдов
    Beliaev, Belyaev | Беляев
    Gerasimov | Герасимов
    Bogdanov | Богданов
    Osipov | Осипов
    Sidorov | Сидоров
    Matveev, Matveyev | Матвеев
    Titov | Титов
    Markov | Марков
    Mironov | Миронов
    Krylov | Крылов
    Kulikov | Куликов
    Karpov | Карпов
    Vlasov | Власов
    Melnikov | Мельников
    Denisov | Денисов
    Gavrilov | Гаврилов
    Tikhonov | Тихонов
    Kazakov | Казаков
    Danilov | Данилов
    Fomin | Фомин
    Kalinin | Калинин
    Chernov | Чернов
    Voronin | Воронин
    Ostrovskii, Ostrovsky | Островский
    Vysotskii, Vysotsky | Высоцкий
    Kamenskii, Kamensky | Каменский
    Pokrovskii, Pokrovsky | Покровский
    Kovalenko | Коваленко
    Shevchenko | Шевченко
  `),
};

/** Chechnya and Dagestan: Muslim given names, Russified family names (with feminine forms). */
export const NORTH_CAUCASUS: NameLists = {
  male: entries(`
    Magomed, Magomet | Магомед
    Akhmed, Ahmed | Ахмед
    Ramzan | Рамзан
    Islam | Ислам
    Adam | Адам
    Rustam | Рустам
    Shamil | Шамиль
    Aslan | Аслан
    Said | Саид
    Zelimkhan | Зелимхан
    Mansur | Мансур
    Apti | Апти
    Khasan, Hasan | Хасан
    Khusein, Khuseyn, Husein | Хусейн
    Musa | Муса
    Isa | Иса
    Umar | Умар
    Abdulla | Абдулла
    Alikhan | Алихан
    Arbi | Арби
    Ibragim, Ibrahim | Ибрагим
    Ismail | Исмаил
    Iusup, Yusup | Юсуп
    Lechi | Лечи
    Salman | Салман
    Timur | Тимур
    Ruslan | Руслан
    Ali | Али
    Vakha | Ваха
    Khamzat | Хамзат
    Turpal | Турпал
    Beslan | Беслан
    Murad | Мурад
    Muslim | Муслим
    Akhmad | Ахмад
    Rasul | Расул
    Gadzhi | Гаджи
    Abdurakhman | Абдурахман
  `),
  female: entries(`
    Mariam, Maryam | Марьям
    Fatima | Фатима
    Zarema | Зарема
    Khadizhat | Хадижат
    Aminat | Аминат
    Malika | Малика
    Khava | Хава
    Petimat | Петимат
    Zulai, Zulay | Зулай
    Elina | Элина
    Madina | Мадина
    Luiza | Луиза
    Aishat | Айшат
    Seda | Седа
    Raisa | Раиса
    Zalina | Залина
    Kheda | Хеда
    Zarina | Зарина
    Leila, Leyla | Лейла
    Aset | Асет
    Zaira | Заира
    Milana | Милана
    Iman | Иман
    Patimat | Патимат
    Asiiat, Asiyat | Асият
    Zainab | Зайнаб
    Amina | Амина
    Kamila | Камила
    Eliza | Элиза
    Diana | Диана
  `),
  family: entries(`
    Magomedov | Магомедов
    Umarov | Умаров
    Ismailov | Исмаилов
    Isaev, Isayev | Исаев
    Musaev, Musayev | Мусаев
    Iusupov, Yusupov | Юсупов
    Aliev, Aliyev | Алиев
    Khasanov, Hasanov | Хасанов
    Ibragimov | Ибрагимов
    Idrisov | Идрисов
    Magomadov | Магомадов
    Muradov | Мурадов
    Tagirov | Тагиров
    Bisultanov | Бисултанов
    Dadaev, Dadayev | Дадаев
    Matsiev | Мациев
    Khamzatov | Хамзатов
    Gerikhanov | Гериханов
    Sadulaev, Sadulayev | Садулаев
    Saidov | Саидов
    Abdurakhmanov | Абдурахманов
    Akhmadov | Ахмадов
    Esambaev | Эсамбаев
    Arsanukaev | Арсанукаев
    Gadzhiev, Gadzhiyev | Гаджиев
    Ramazanov | Рамазанов
    Gasanov | Гасанов
    Omarov | Омаров
    Kurbanov | Курбанов
    Abdullaev, Abdullayev | Абдуллаев
    Akhmedov | Ахмедов
    Rasulov | Расулов
    Gamzatov | Гамзатов
    Abakarov | Абакаров
    Alikhanov | Алиханов
    Edilov | Эдилов
    Vakhaev | Вахаев
    Elmurzaev | Эльмурзаев
    Zakriev | Закриев
    Makhmudov | Махмудов
    Mamaev | Мамаев
    Islamov | Исламов
    Salmanov | Салманов
    Gairbekov | Гайрбеков
    Dzhabrailov | Джабраилов
    Israilov | Исраилов
    Mezhidov | Межидов
    Abubakarov | Абубакаров
    Alkhanov | Алханов
    Daudov | Даудов
    Aslakhanov | Аслаханов
    Khadzhiev | Хаджиев
    Zubairaev | Зубайраев
    Bakaev | Бакаев
    Iakhiaev, Yakhyaev | Яхьяев
    Suleimanov, Suleymanov | Сулейманов
    Nurmagomedov | Нурмагомедов
    Iunusov, Yunusov | Юнусов
    Khalidov | Халидов
    Askhabov | Асхабов
    Murtazaliev | Муртазалиев
  `),
};

/** Serbian Cyrillic with the Serbian Latin spelling (diacritics) and the plain one of travel papers. */
export const SERBIA: NameLists = {
  male: entries(`
    Marko | Марко
    Nikola | Никола
    Stefan | Стефан
    Luka | Лука
    Miloš, Milos | Милош
    Lazar | Лазар
    Nemanja | Немања
    Dušan, Dusan | Душан
    Aleksandar | Александар
    Jovan | Јован
    Dragan | Драган
    Zoran | Зоран
    Goran | Горан
    Dejan | Дејан
    Milan | Милан
    Nenad | Ненад
    Srđan, Srdjan, Srdan | Срђан
    Bojan | Бојан
    Vladimir | Владимир
    Ivan | Иван
    Mladen | Младен
    Željko, Zeljko | Жељко
    Saša, Sasa | Саша
    Branko | Бранко
    Slobodan | Слободан
    Miroslav | Мирослав
    Nebojša, Nebojsa | Небојша
    Predrag | Предраг
    Petar | Петар
    Đorđe, Djordje, Dorde | Ђорђе
    Darko | Дарко
    Uroš, Uros | Урош
    Filip | Филип
    Vuk | Вук
    Bajram | Бајрам
    Dalibor | Далибор
  `),
  female: entries(`
    Milica | Милица
    Jelena | Јелена
    Marija | Марија
    Ana | Ана
    Dragana | Драгана
    Ivana | Ивана
    Jovana | Јована
    Tijana | Тијана
    Snežana, Snezana | Снежана
    Gordana | Гордана
    Vesna | Весна
    Mirjana | Мирјана
    Sandra | Сандра
    Nataša, Natasa | Наташа
    Biljana | Биљана
    Aleksandra | Александра
    Katarina | Катарина
    Nevena | Невена
    Sanja | Сања
    Maja | Маја
    Danijela | Данијела
    Zorica | Зорица
    Ljiljana | Љиљана
    Slavica | Славица
    Jasmina | Јасмина
    Dragica | Драгица
    Brankica | Бранкица
    Teodora | Теодора
    Sara | Сара
    Anđela, Andjela, Andela | Анђела
  `),
  family: entries(`
    Jovanović, Jovanovic | Јовановић
    Petrović, Petrovic | Петровић
    Nikolić, Nikolic | Николић
    Marković, Markovic | Марковић
    Đorđević, Djordjevic, Dordevic | Ђорђевић
    Stojanović, Stojanovic | Стојановић
    Ilić, Ilic | Илић
    Stanković, Stankovic | Станковић
    Pavlović, Pavlovic | Павловић
    Milošević, Milosevic | Милошевић
    Popović, Popovic | Поповић
    Živković, Zivkovic | Живковић
    Todorović, Todorovic | Тодоровић
    Janković, Jankovic | Јанковић
    Ristić, Ristic | Ристић
    Kovačević, Kovacevic | Ковачевић
    Kostić, Kostic | Костић
    Mitrović, Mitrovic | Митровић
    Savić, Savic | Савић
    Stevanović, Stevanovic | Стевановић
    Lazić, Lazic | Лазић
    Milenković, Milenkovic | Миленковић
    Radosavljević, Radosavljevic | Радосављевић
    Simić, Simic | Симић
    Filipović, Filipovic | Филиповић
    Tomić, Tomic | Томић
    Lukić, Lukic | Лукић
    Radović, Radovic | Радовић
    Vuković, Vukovic | Вуковић
    Milosavljević, Milosavljevic | Милосављевић
    Mitić, Mitic | Митић
    Obradović, Obradovic | Обрадовић
    Petković, Petkovic | Петковић
    Đukić, Djukic, Dukic | Ђукић
    Bošković, Boskovic | Бошковић
    Vasić, Vasic | Васић
    Vasiljević, Vasiljevic | Васиљевић
    Stamenković, Stamenkovic | Стаменковић
    Ivanović, Ivanovic | Ивановић
    Đurić, Djuric, Duric | Ђурић
    Jović, Jovic | Јовић
    Marjanović, Marjanovic | Марјановић
    Gajić, Gajic | Гајић
    Milojević, Milojevic | Милојевић
    Aleksić, Aleksic | Алексић
    Bajramović, Bajramovic | Бајрамовић
    Nedeljković, Nedeljkovic | Недељковић
    Ranđelović, Randjelovic, Randelovic | Ранђеловић
    Živanović, Zivanovic | Живановић
    Antić, Antic | Антић
    Krstić, Krstic | Крстић
    Mladenović, Mladenovic | Младеновић
    Stojković, Stojkovic | Стојковић
    Pešić, Pesic | Пешић
    Cvetković, Cvetkovic | Цветковић
    Jovičić, Jovicic | Јовичић
    Marinković, Marinkovic | Маринковић
    Veljković, Veljkovic | Вељковић
    Mihajlović, Mihajlovic | Михајловић
    Babić, Babic | Бабић
    Perić, Peric | Перић
    Dimitrijević, Dimitrijevic | Димитријевић
    Tasić, Tasic | Тасић
  `),
};

// ---------------------------------------------------------------------------------------------
// Georgian

export const GEORGIA: NameLists = {
  male: entries(`
    Giorgi, George | გიორგი
    Davit, David | დავით
    Levan | ლევან
    Irakli | ირაკლი
    Zurab | ზურაბ
    Nika | ნიკა
    Luka | ლუკა
    Aleksandre, Alexander | ალექსანდრე
    Nikoloz | ნიკოლოზ
    Lasha | ლაშა
    Tornike | თორნიკე
    Shota | შოთა
    Vakhtang | ვახტანგ
    Mamuka | მამუკა
    Gela | გელა
    Otar | ოთარ
    Beka | ბექა
    Tengiz | თენგიზ
    Temur | თემურ
    Kakha | კახა
    Gocha | გოჩა
    Nodar | ნოდარ
    Avtandil | ავთანდილ
    Teimuraz | თეიმურაზ
    Revaz | რევაზ
    Archil | არჩილ
    Badri | ბადრი
    Zaza | ზაზა
    Besik | ბესიკ
    Mikheil | მიხეილ
    Sandro | სანდრო
    Dachi | დაჩი
    Saba | საბა
    Dato | დათო
    Koba | კობა
    Paata | პაატა
    Giga | გიგა
  `),
  female: entries(`
    Nino | ნინო
    Tamar, Tamari | თამარ
    Mariam | მარიამ
    Ketevan | ქეთევან
    Ana | ანა
    Nana | ნანა
    Manana | მანანა
    Eka | ეკა
    Maia | მაია
    Natia | ნათია
    Salome | სალომე
    Khatuna | ხათუნა
    Lela | ლელა
    Tinatin | თინათინ
    Irma | ირმა
    Lali | ლალი
    Marina | მარინა
    Nato | ნატო
    Tamta | თამთა
    Teona | თეონა
    Nani | ნანი
    Medea | მედეა
    Lia | ლია
    Inga | ინგა
    Sopo | სოფო
    Elene | ელენე
    Natela | ნათელა
    Eter | ეთერ
    Nona | ნონა
    Dali | დალი
    Mzia | მზია
    Tea | თეა
    Shorena | შორენა
    Maka | მაკა
    Nestan | ნესტან
    Rusudan | რუსუდან
  `),
  family: entries(`
    Beridze | ბერიძე
    Kapanadze | კაპანაძე
    Gelashvili | გელაშვილი
    Maisuradze | მაისურაძე
    Giorgadze | გიორგაძე
    Lomidze | ლომიძე
    Tsiklauri | წიკლაური
    Bolkvadze | ბოლქვაძე
    Kvaratskhelia | კვარაცხელია
    Nozadze | ნოზაძე
    Khutsishvili | ხუციშვილი
    Abuladze | აბულაძე
    Shengelia | შენგელია
    Mikeladze | მიქელაძე
    Tabatadze | ტაბატაძე
    Kiknadze | კიკნაძე
    Chikhladze | ჩიხლაძე
    Japaridze | ჯაფარიძე
    Metreveli | მეტრეველი
    Kobakhidze | კობახიძე
    Chkheidze | ჩხეიძე
    Janelidze | ჯანელიძე
    Gabunia | გაბუნია
    Jikia | ჯიქია
    Shonia | შონია
    Todua | თოდუა
    Dvali | დვალი
    Gogua | გოგუა
    Kalandadze | კალანდაძე
    Kutateladze | კუტატელაძე
    Lobzhanidze | ლობჟანიძე
    Mchedlishvili | მჭედლიშვილი
    Natsvlishvili | ნაცვლიშვილი
    Sharashidze | შარაშიძე
    Gigauri | გიგაური
    Arabuli | არაბული
    Dolidze | დოლიძე
    Sulaberidze | სულაბერიძე
    Tsertsvadze | ცერცვაძე
    Chanturia | ჭანტურია
    Zhvania | ჟვანია
    Gvaramia | გვარამია
    Bakradze | ბაქრაძე
    Kharaishvili | ხარაიშვილი
    Kvirikashvili | კვირიკაშვილი
    Janashia | ჯანაშია
    Jorbenadze | ჯორბენაძე
    Khvichia | ხვიჩია
    Kvachadze | კვაჭაძე
    Lortkipanidze | ლორთქიფანიძე
    Tsereteli | წერეთელი
    Gurgenidze | გურგენიძე
    Kharatishvili | ხარატიშვილი
    Kiladze | კილაძე
    Davitashvili | დავითაშვილი
    Papava | პაპავა
    Iashvili | იაშვილი
    Tsintsadze | ცინცაძე
    Kipiani | კიფიანი
    Gelovani | გელოვანი
    Sikharulidze | სიხარულიძე
    Machavariani | მაჩავარიანი
    Kakabadze | კაკაბაძე
    Chikovani | ჩიქოვანი
    Kobiashvili | კობიაშვილი
    Svanidze | სვანიძე
    Lominadze | ლომინაძე
    Bregvadze | ბრეგვაძე
    Khurtsidze | ხურციძე
    Jibladze | ჯიბლაძე
  `),
};

// ---------------------------------------------------------------------------------------------
// Latin script: Nigeria, Türkiye, Albania

export const NIGERIA: NameLists = {
  male: entries(`
    Ibrahim
    Osagie
    Emmanuel
    Musa
    Abdullahi
    Mohammed, Muhammad
    Chinedu
    Usman
    Samuel
    Osaretin
    Chukwuemeka, Emeka
    Abubakar
    Efosa
    Daniel
    Aliyu
    Oluwaseun, Seun
    Osahon
    Sani
    Godwin
    Yusuf
    John
    Eghosa
    Michael
    Adebayo
    Peter
    Joseph
    Babatunde
    Friday
    Sunday
    Victor
    Kingsley
    Ifeanyi
    Chukwudi
    Obinna
    Ikenna
    Olumide
    Segun
    Nnamdi
    Kelechi
    Uchenna
    David
    Lucky
    Prince
    Gabriel
    Stanley
    Collins
  `),
  female: entries(`
    Blessing
    Precious
    Joy
    Favour, Favor
    Aisha, Aishat
    Faith
    Mercy
    Fatima, Fatimah
    Grace
    Esther
    Patience
    Hauwa
    Gift
    Ngozi
    Amina
    Chioma
    Zainab
    Happiness
    Chiamaka
    Halima
    Adaeze
    Nneka
    Amaka
    Ifeoma
    Efe
    Funmilayo, Funmi
    Folake
    Bukola
    Yetunde
    Oluwakemi, Kemi
    Temitope, Tope
    Peace
    Comfort
    Vivian
    Princess
  `),
  family: entries(`
    Osagie
    Okafor
    Omoregie
    Eze
    Ibrahim
    Idahosa
    Okonkwo
    Mohammed, Muhammad
    Igbinosa
    Nwosu
    Adeyemi
    Musa
    Okeke
    Osaghae
    Bello
    Obi
    Ogbeide
    Abubakar
    Nwachukwu
    Iyamu
    Usman
    Okoro
    Okojie
    Adebayo
    Okoye
    Asemota
    Yusuf
    Nwankwo
    Imafidon
    Ogunleye
    Ugwu
    Ekhator
    Abdullahi
    Ezeh
    Ogbebor
    Olawale
    Onuoha
    Omorogbe
    Aliyu
    Ibe
    Afolabi
    Anyanwu
    Sani
    Nnadi
    Balogun
    Uzor
    Lawal
    Agu
    Ajayi
    Okpara
    Suleiman, Sulaiman
    Ojo
    Akinyemi
    Danjuma
    Olaniyan
    Adewale
    Oladipo
    Ogundipe
    Akinola
    Adeleke
    Oyewole
    Ogunbiyi
    Okon
    Effiong
    Bassey
    Etim
    Edet
  `),
};

/** Turkish (with a few Kurdish given names): the Turkish spelling and the plain one of some papers. */
export const TURKIYE: NameLists = {
  male: entries(`
    Mehmet
    Mustafa
    Ahmet
    Ali
    Hüseyin, Huseyin
    Hasan
    İbrahim, Ibrahim
    İsmail, Ismail
    Osman
    Yusuf
    Murat
    Ömer, Omer
    Ramazan
    Halil
    Süleyman, Suleyman
    Abdullah
    Mahmut
    Recep
    Fatih
    Kemal
    Emre
    Burak
    Serkan
    Yasin
    Salih
    Kadir
    Orhan
    Hakan
    Metin
    Cengiz
    Ercan
    Serhat
    Baran
    Musa
    Hamza
    Uğur, Ugur
    Erkan
    Enes
    Furkan
    Abdulkadir
  `),
  female: entries(`
    Fatma
    Ayşe, Ayse
    Emine
    Hatice
    Zeynep
    Elif
    Meryem
    Şerife, Serife
    Zehra
    Sultan
    Hanife
    Merve
    Özlem, Ozlem
    Esra
    Hülya, Hulya
    Leyla
    Gülsüm, Gulsum
    Havva
    Hacer
    Yasemin
    Büşra, Busra
    Kübra, Kubra
    Songül, Songul
    Derya
    Filiz
    Aysel
    Sevgi
    Dilek
    Berivan
    Rojda
    Dilan
    Zozan
    Rojin
    Cennet
    Nurcan
  `),
  family: entries(`
    Yılmaz, Yilmaz
    Kaya
    Demir
    Şahin, Sahin
    Çelik, Celik
    Yıldız, Yildiz
    Yıldırım, Yildirim
    Öztürk, Ozturk
    Aydın, Aydin
    Özdemir, Ozdemir
    Arslan
    Doğan, Dogan
    Kılıç, Kilic
    Aslan
    Çetin, Cetin
    Kara
    Koç, Koc
    Kurt
    Özkan, Ozkan
    Şimşek, Simsek
    Polat
    Özcan, Ozcan
    Korkmaz
    Çakır, Cakir
    Erdoğan, Erdogan
    Yavuz
    Can
    Acar
    Şen, Sen
    Aktaş, Aktas
    Güler, Guler
    Yalçın, Yalcin
    Güneş, Gunes
    Bozkurt
    Bulut
    Keskin
    Ünal, Unal
    Turan
    Gül, Gul
    Özer, Ozer
    Işık, Isik
    Kaplan
    Avcı, Avci
    Sarı, Sari
    Tekin
    Taş, Tas
    Köse, Kose
    Yüksel, Yuksel
    Ateş, Ates
    Aksoy
    Ekinci
    Tunç, Tunc
    Uçar, Ucar
    Karaca
    Aydemir
    Demirci
    Karataş, Karatas
    Duman
    Tuna
    Çiftçi, Ciftci
    Altun
    Eren
    Akın, Akin
    Toprak
    Kaçar, Kacar
    Erol
  `),
};

/** Albanian spelling (ë, ç) and the plain one of machine-readable papers. */
export const ALBANIA: NameLists = {
  male: entries(`
    Arben
    Ardit
    Arjan
    Artan
    Besnik
    Bledar
    Dritan
    Elton
    Erion
    Fatmir
    Gentian
    Ilir
    Klodian
    Kristi
    Leonard
    Mario
    Marsel
    Albert
    Andi
    Altin
    Agron
    Edmond
    Ervin
    Fation
    Gëzim, Gezim
    Jetmir
    Luan
    Sokol
    Ylli
    Endrit
    Alban
    Arlind
    Armand
    Redon
    Erald
    Klevis
    Amarildo
    Elvis
    Ergys
    Aldo
    Arbër, Arber
    Kledi
    Saimir
    Flamur
    Petrit
    Shpëtim, Shpetim
  `),
  female: entries(`
    Anila
    Arta
    Blerta
    Brunilda
    Dorina
    Elona
    Elsa
    Enkeleda
    Entela
    Eralda
    Ermira
    Esmeralda
    Fatjona
    Flora
    Jonida
    Klaudia
    Lindita
    Manjola
    Marjeta
    Mimoza
    Miranda
    Mirela
    Ornela
    Silvana
    Teuta
    Valbona
    Vjollca
    Xhensila
    Alketa
    Aurela
    Denisa
    Erjona
    Greta
    Migena
    Rudina
  `),
  family: entries(`
    Hoxha
    Shehu
    Leka
    Gjoka
    Dervishi
    Kola
    Marku
    Gjoni
    Prifti
    Lika
    Çela, Cela
    Hysa
    Basha
    Hasani
    Dema
    Kelmendi
    Berisha
    Krasniqi
    Gashi
    Rama
    Meta
    Duka
    Shkurti
    Tafa
    Zeneli
    Bajrami
    Murati
    Xhafa
    Mema
    Hoti
    Doda
    Pllumi
    Bregu
    Brahimi
    Isufi
    Ismaili
    Ahmeti
    Aliu
    Mehmeti
    Nikolla
    Koçi, Koci
    Pepa
    Qose
    Sula
    Toska
    Tahiri
    Topalli
    Vata
    Xhaferi
    Zefi
    Beqiri
    Bardhi
    Cani
    Daci
    Dushku
    Gjika
    Halili
    Kurti
    Lleshi
    Malaj
    Nushi
    Osmani
    Pasha
    Ramaj
    Rexhepi
    Shala
    Sinani
    Spahiu
    Tola
    Zaimi
    Veizi
    Lami
    Kapllani
  `),
};
