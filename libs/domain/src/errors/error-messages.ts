import type { Locale } from '@majlis/config';

type Params = Record<string, string | number>;
type Message = Record<Locale, (params: Params) => string>;

/** Every message a person can be shown for a refused request, in both languages. */
export const ERROR_MESSAGES = {
  wrongCredentials: {
    en: () => 'The e-mail address or the password is not correct.',
    ar: () => 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  },
  notSignedIn: {
    en: () => 'Sign in first: this request needs a valid session.',
    ar: () => 'يلزم تسجيل الدخول أولاً: هذا الطلب يحتاج إلى جلسة صالحة.',
  },
  sessionExpired: {
    en: () => 'Your session has expired or is not valid; sign in again.',
    ar: () => 'انتهت صلاحية الجلسة أو أنها غير صالحة؛ يرجى تسجيل الدخول من جديد.',
  },
  forbidden: {
    en: ({ operation }) => `You are not allowed to ${operation}.`,
    ar: ({ operation }) => `لا تملك صلاحية تنفيذ العملية: ${operation}.`,
  },
  notFound: {
    en: ({ entity, id }) => `No ${entity} with id ${id} exists.`,
    ar: ({ entity, id }) => `لا يوجد سجل من نوع ${entity} بالمعرّف ${id}.`,
  },
  noRoute: {
    en: ({ path }) => `There is nothing at ${path}; the API is at /graphql and the health report at /health.`,
    ar: ({ path }) => `لا يوجد شيء على المسار ${path}؛ واجهة البرمجة على ‎/graphql وتقرير الحالة على ‎/health.`,
  },
  badInput: {
    en: ({ field, problem }) => `${field}: ${problem}`,
    ar: ({ field, problem }) => `${field}: ${problem}`,
  },
  internal: {
    en: ({ requestId }) => `Something went wrong on our side; nothing was changed. Reference: ${requestId}.`,
    ar: ({ requestId }) => `حدث خطأ من جهتنا ولم يتغير شيء. المرجع: ${requestId}.`,
  },
} satisfies Record<string, Message>;

export type ErrorMessageKey = keyof typeof ERROR_MESSAGES;

export function errorMessage(key: ErrorMessageKey, locale: Locale, params: Params = {}): string {
  const message: Message = ERROR_MESSAGES[key];
  return message[locale](params);
}
