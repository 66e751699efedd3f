/**
 * contactpad-address-book/locales/ar: Arabic strings for `<contactpad-address-book>` and `<contactpad-presence-icon>`.
 * A separate entry point: a host that does not use it never loads it. Choosing it is the host's decision (the book
 * does not pick a translation by `lang`); set `lang="ar"` and `dir="rtl"` on the book or a container as well: `lang`
 * picks Arabic plural rules (zero, one, two, few, many, other), number format and collation.
 *
 * Numbers, names and queries put into the text are wrapped in Unicode isolates (U+2066 LRI or U+2068 FSI … U+2069
 * PDI), so "+44 20 7946 0000" or a Latin name keeps its own direction inside a right-to-left sentence.
 *
 * @example
 * import { ar } from 'contactpad-address-book/locales/ar';
 * book.lang = 'ar';
 * book.dir = 'rtl';
 * Object.assign(book, ar); // book.strings and book.presenceStrings
 */
import type { AddressBookStrings, AddressBookTranslation } from '../address-book/strings.js';
import type { PresenceStrings } from '../presence-icon/presence-strings.js';

/** A phone number, left to right whatever surrounds it. */
const ltr = (text: string): string => `\u2066${text}\u2069`;
/** A name or query in its own direction (that of its first strong character). */
const isolate = (text: string): string => `\u2068${text}\u2069`;

/** Every string of the address book, in Arabic. */
export const arStrings: AddressBookStrings = {
  label: 'دفتر العناوين',
  searchPlaceholder: 'ابحث بالاسم أو الرقم أو البريد الإلكتروني',
  kindFilterLabel: 'عرض',
  allKinds: 'الكل',
  kinds: {
    'teams-user': 'مستخدم Teams',
    'auto-attendant': 'رد آلي',
    'call-queue': 'قائمة انتظار المكالمات',
    'vcc-agent': 'وكيل',
    'vcc-group': 'مجموعة',
    'interaction-plan': 'خطة تفاعل',
    'external-contact': 'جهة اتصال',
  },
  kindsPlural: {
    'teams-user': 'مستخدمو Teams',
    'auto-attendant': 'الردود الآلية',
    'call-queue': 'قوائم انتظار المكالمات',
    'vcc-agent': 'الوكلاء',
    'vcc-group': 'المجموعات',
    'interaction-plan': 'خطط التفاعل',
    'external-contact': 'جهات الاتصال',
  },
  numberTypes: { business: 'العمل', mobile: 'الجوال', ddi: 'مباشر', extension: 'تحويلة', other: 'آخر' },
  callNumber: (number) => `الاتصال بالرقم ${ltr(number)}`,
  consultNumber: (number) => `استشارة الرقم ${ltr(number)}`,
  loading: 'جارٍ تحميل دفتر العناوين…',
  emptyDirectory: 'دفتر العناوين فارغ.',
  noMatches: (query) => `لا توجد نتائج مطابقة لـ «${isolate(query)}».`,
  resultCount: {
    zero: 'لا توجد نتائج',
    one: 'نتيجة واحدة',
    two: 'نتيجتان',
    few: '{count} نتائج',
    many: '{count} نتيجة',
    other: '{count} نتيجة',
  },
  notLinkedHint:
    'يظهر مستخدمو Teams والردود الآلية وقوائم انتظار المكالمات بعد ربط حساب الوكيل الخاص بك بمستخدم Microsoft Teams (اطلب ذلك من المسؤول).',
  sourceFailed: (source) => `تعذّر تحميل ${isolate(source)}.`,
  sourceStale: (source, time) => `تعذّر تحديث ${isolate(source)}؛ تُعرض إدخالاته من الساعة ${isolate(time)} وقد لا تكون محدّثة.`,
  directoryFailed: 'تعذّر تحميل دفتر العناوين.',
  directoryStale: (time) => `تعذّر تحديث دفتر العناوين؛ تُعرض الإدخالات من الساعة ${isolate(time)} وقد لا تكون محدّثة.`,
  retry: 'إعادة المحاولة',
  signIn: 'تسجيل الدخول',
  signInRequired: (source) => (source === undefined ? 'سجّل الدخول لعرض دفتر العناوين.' : `سجّل الدخول لعرض إدخالات ${isolate(source)}.`),
  searching: 'جارٍ البحث في الدليل…',
  serverSearchFailed: 'تعذّر البحث في الدليل؛ تظهر الإدخالات المحمّلة مسبقًا فقط.',
  moreNumbers: {
    zero: 'لا توجد أرقام أخرى',
    one: 'رقم آخر',
    two: 'رقمان آخران',
    few: '{count} أرقام أخرى',
    many: '{count} رقمًا آخر',
    other: '{count} رقم آخر',
  },
  rejectedEntries: {
    zero: 'لم يتعذّر عرض أي إدخال.',
    one: 'تعذّر عرض إدخال واحد.',
    two: 'تعذّر عرض إدخالين.',
    few: 'تعذّر عرض {count} إدخالات.',
    many: 'تعذّر عرض {count} إدخالًا.',
    other: 'تعذّر عرض {count} إدخال.',
  },
  droppedNumbers: {
    zero: 'لم يُحذف أي رقم.',
    one: 'لم يُعرض رقم واحد: أرقام كثيرة جدًا في إدخال واحد.',
    two: 'لم يُعرض رقمان: أرقام كثيرة جدًا في إدخال واحد.',
    few: 'لم تُعرض {count} أرقام: أرقام كثيرة جدًا في إدخال واحد.',
    many: 'لم يُعرض {count} رقمًا: أرقام كثيرة جدًا في إدخال واحد.',
    other: 'لم يُعرض {count} رقم: أرقام كثيرة جدًا في إدخال واحد.',
  },
  presenceFailed: 'تعذّر تحميل الحالة، لذا تظهر «غير معروفة».',
  agentCheckFailed: 'تعذّر التحقق من ربط حسابك بـ Microsoft Teams، لذا أُخفيت إدخالات Teams.',
  agentCheckStale: 'تعذّر التحقق من ربط حسابك بـ Microsoft Teams؛ تُعرض إدخالات Teams كما حُمّلت آخر مرة.',
  chooseNumber: (name) => `اختر رقمًا لـ ${isolate(name)}`,
  unnamed: 'بلا اسم',
  linkedTo: (name) => (name ? `مرتبط بـ ${isolate(name)}` : 'مرتبط بمستخدم Teams'),
  spokenParts: (parts) => parts.join('، '),
  close: 'إغلاق',
  loadProgress: ({ source, loaded, total, done }, format) => {
    const figures = done
      ? `تم تحميل ${format(loaded)}`
      : total === undefined
        ? `${format(loaded)} حتى الآن`
        : `${format(loaded)} من ${format(total)} حتى الآن`;
    return source === undefined ? figures : `${isolate(source)}: ${figures}`;
  },
};

/** Every presence string, in Arabic (Microsoft Teams' Arabic wording where it has one). */
export const arPresenceStrings: PresenceStrings = {
  states: {
    available: 'متوفر',
    'available-idle': 'متوفر (خامل)',
    busy: 'مشغول',
    'busy-idle': 'مشغول (خامل)',
    away: 'غير موجود',
    'be-right-back': 'سأعود حالاً',
    'do-not-disturb': 'عدم الإزعاج',
    offline: 'غير متصل',
    unknown: 'غير معروف',
  },
  activities: {
    'in-a-call': 'في مكالمة',
    'in-a-conference-call': 'في مكالمة جماعية',
    presenting: 'يقدّم عرضًا',
    'in-a-meeting': 'في اجتماع',
    'out-of-office': 'خارج المكتب',
    'off-work': 'خارج أوقات العمل',
    inactive: 'غير نشط',
    'urgent-interruptions-only': 'المقاطعات العاجلة فقط',
  },
  vccStates: {
    ready: 'جاهز',
    'ready-outbound': 'جاهز (صادر)',
    busy: 'مشغول',
    wrap: 'ما بعد المكالمة',
    away: 'غير موجود',
    'extended-away': 'غياب مطوّل',
    'logged-out': 'تم تسجيل الخروج',
  },
  readAt: (time) => `قُرئت الساعة ${time}`,
  presenceOf: (name, presence) => `${isolate(name)}، ${presence}`,
  teamsPresence: (presence) => `في Teams: ${presence}`,
  withActivity: (state, activity) => `${state}، ${activity}`,
  withDetail: (presence, detail) => `${presence} (${isolate(detail)})`,
};

/** The Arabic translation, shaped like the element's properties: `Object.assign(book, ar)`. */
export const ar: AddressBookTranslation = { strings: arStrings, presenceStrings: arPresenceStrings };
