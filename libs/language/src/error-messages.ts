import type { Locale } from '@majlis/config';
import { actionWords, ActionName, EventKind } from './actions';

type Params = Record<string, string | number>;

/** The kinds of record a person can name by id, as a message names them. */
export const ENTITY_NAMES = {
  meeting: { en: 'meeting', ar: 'اجتماع' },
  memberCity: { en: 'member city', ar: 'مدينة عضو' },
  agendaItem: { en: 'agenda item', ar: 'بند في جدول الأعمال' },
  delegation: { en: 'delegation', ar: 'وفد' },
  delegationMember: { en: 'delegation member', ar: 'عضو وفد' },
  proposal: { en: 'proposal', ar: 'مقترح' },
  revision: { en: 'revision', ar: 'نسخة' },
  reviewComment: { en: 'review comment', ar: 'ملاحظة مراجعة' },
  person: { en: 'person', ar: 'شخص' },
  stakeholder: { en: 'stakeholder', ar: 'جهة' },
  ballot: { en: 'ballot', ar: 'اقتراع' },
  notification: { en: 'notification', ar: 'إشعار' },
  delivery: { en: 'delivery', ar: 'إرسال' },
  webhookEndpoint: { en: 'webhook endpoint', ar: 'عنوان إشعارات آلية (webhook)' },
  implementationPlan: { en: 'implementation plan', ar: 'خطة تنفيذ' },
  actionItem: { en: 'action item', ar: 'بند متابعة' },
  boardSeat: { en: 'board seat', ar: 'مقعد في مجلس الإدارة' },
} satisfies Record<string, Record<Locale, string>>;

export type EntityName = keyof typeof ENTITY_NAMES;
type Message = Record<Locale, (params: Params) => string>;

const refusedAction = ({ action, eventKind, eventType }: Params, locale: Locale): string =>
  actionWords(
    action as ActionName,
    locale,
    eventKind === undefined ? undefined : { kind: eventKind as EventKind, type: String(eventType) },
  );

/** Every message a person can be shown for a refused request, in both languages. */
export const ERROR_MESSAGES = {
  wrongCredentials: {
    en: () => 'The e-mail address or the password is not correct.',
    ar: () => 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  },
  tooManySignIns: {
    en: ({ retryAfterSeconds }) =>
      `Too many failed sign-ins for this account or from this address: try again in ${retryAfterSeconds} seconds.`,
    ar: ({ retryAfterSeconds }) =>
      `محاولات دخول فاشلة كثيرة لهذا الحساب أو من هذا العنوان: أعد المحاولة بعد ${retryAfterSeconds} ثانية.`,
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
    en: (params) => `You may not ${refusedAction(params, 'en')}.`,
    ar: (params) => `لا يحق لك ${refusedAction(params, 'ar')}.`,
  },
  notFound: {
    en: ({ entity, id, field }) => `${field}: no ${ENTITY_NAMES[entity as EntityName].en} with id ${id} exists.`,
    ar: ({ entity, id, field }) => `${field}: لا يوجد ${ENTITY_NAMES[entity as EntityName].ar} بالمعرّف ${id}.`,
  },
  noRoute: {
    en: ({ path }) => `There is nothing at ${path}; the API is at /graphql and the health report at /health.`,
    ar: ({ path }) => `لا يوجد شيء على المسار ${path}؛ واجهة البرمجة على ‎/graphql وتقرير الحالة على ‎/health.`,
  },
  textRequired: {
    en: ({ field }) => `${field}: write it in Arabic, in English or in both.`,
    ar: ({ field }) => `${field}: يلزم كتابة النص بالعربية أو بالإنجليزية أو بكلتيهما.`,
  },
  valueRequired: {
    en: ({ field }) => `${field}: give a value; it cannot be blank.`,
    ar: ({ field }) => `${field}: هذا الحقل مطلوب ولا يكون فارغاً.`,
  },
  textTooLong: {
    en: ({ field, max, length }) => `${field}: at most ${max} characters are allowed (this one has ${length}).`,
    ar: ({ field, max, length }) => `${field}: الحد الأقصى ${max} حرفاً (النص المدخل ${length} حرفاً).`,
  },
  textControlCharacter: {
    en: ({ field }) => `${field}: the text contains a control character (such as NUL) that cannot be stored.`,
    ar: ({ field }) => `${field}: يحتوي النص على محرف تحكّم (مثل NUL) لا يمكن حفظه.`,
  },
  textLoneSurrogate: {
    en: ({ field }) => `${field}: the text contains a broken character (a lone UTF-16 surrogate) that is not text.`,
    ar: ({ field }) => `${field}: يحتوي النص على محرف تالف (نصف زوج بديل في UTF-16) ليس نصاً صالحاً.`,
  },
  authoritativeMissing: {
    en: ({ field, language }) => `${field}: the authoritative language is ${language}, but no text was given in it.`,
    ar: ({ field, language }) => `${field}: اللغة المعتمدة هي ${language} لكن لم يُكتب النص بها.`,
  },
  endBeforeStart: {
    en: ({ field }) => `${field}: the end must come after the start.`,
    ar: ({ field }) => `${field}: يجب أن يكون موعد الانتهاء بعد موعد البدء.`,
  },
  invalidDate: {
    en: ({ field }) =>
      `${field}: not a valid date and time; use ISO 8601 with an offset, e.g. 2026-10-12T09:00:00-05:00 or 2026-10-12T14:00:00Z.`,
    ar: ({ field }) =>
      `${field}: ليس تاريخاً ووقتاً صالحين؛ استخدم صيغة ISO 8601 مع فارق التوقيت مثل 2026-10-12T09:00:00+03:00 أو 2026-10-12T06:00:00Z.`,
  },
  invalidTimeZone: {
    en: ({ field, value }) => `${field}: "${value}" is not a time zone; use an IANA name such as America/Chicago.`,
    ar: ({ field, value }) => `${field}: "${value}" ليست منطقة زمنية؛ استخدم اسماً مثل Asia/Riyadh.`,
  },
  numberOutOfRange: {
    en: ({ field, min, max }) => `${field}: give a whole number from ${min} to ${max}.`,
    ar: ({ field, min, max }) => `${field}: أدخل عدداً صحيحاً من ${min} إلى ${max}.`,
  },
  tooMany: {
    en: ({ field, max }) => `${field}: at most ${max} are allowed.`,
    ar: ({ field, max }) => `${field}: الحد الأقصى ${max}.`,
  },
  badCursor: {
    en: ({ field }) => `${field}: this cursor was not issued by this list; start again without it.`,
    ar: ({ field }) => `${field}: هذا المؤشر لا يخص هذه القائمة؛ ابدأ من جديد من دونه.`,
  },
  agendaCycle: {
    en: ({ field }) => `${field}: an agenda item cannot be placed under itself or under one of its own sub-items.`,
    ar: ({ field }) => `${field}: لا يمكن وضع بند في جدول الأعمال تحت نفسه أو تحت أحد بنوده الفرعية.`,
  },
  otherMeeting: {
    en: ({ field }) => `${field}: belongs to another meeting's agenda.`,
    ar: ({ field }) => `${field}: يتبع جدول أعمال اجتماع آخر.`,
  },
  presenterMissing: {
    en: ({ field }) => `${field}: a delegation presents this item, so name the delegation.`,
    ar: ({ field }) => `${field}: يقدّم هذا البند وفدٌ، فيلزم تحديد الوفد.`,
  },
  ownCityCosponsor: {
    en: ({ field }) => `${field}: the owning city cannot also be a co-sponsor.`,
    ar: ({ field }) => `${field}: لا يمكن أن تكون المدينة المالكة راعياً مشاركاً في الوقت نفسه.`,
  },
  amendmentOfAmendment: {
    en: ({ field }) => `${field}: amend the original proposal, not another amendment.`,
    ar: ({ field }) => `${field}: يُقدَّم التعديل على المقترح الأصلي لا على تعديل آخر.`,
  },
  eventHasOwnOperation: {
    en: ({ event, operation }) => `${event} is not sent on its own: use ${operation}, which does the rest of it too.`,
    ar: ({ event, operation }) => `لا يُرسَل الحدث ${event} وحده: استخدم ${operation} التي تُتمّ بقية العملية.`,
  },
  notADraft: {
    en: ({ state }) => `Only a draft can be edited; this proposal is ${state}.`,
    ar: ({ state }) => `لا يُعدَّل إلا المقترح في حالة المسودة؛ حالة هذا المقترح: ${state}.`,
  },
  versionConflict: {
    en: ({ current }) =>
      `Someone else changed this in the meantime (now at version ${current}); reload it and try again.`,
    ar: ({ current }) => `عدّل شخص آخر هذا السجل في الأثناء (الإصدار الحالي ${current})؛ أعد تحميله وحاول مجدداً.`,
  },
  replyOnly: {
    en: ({ field }) => `${field}: delegates answer the secretariat's review comments; name the comment you reply to.`,
    ar: ({ field }) => `${field}: يرد الوفد على ملاحظات الأمانة العامة؛ حدّد الملاحظة التي ترد عليها.`,
  },
  invalidTransition: {
    en: ({ entity, state, event, allowed }) =>
      `This ${entity} is ${state}, where ${event} is not possible; possible now: ${allowed || 'nothing'}.`,
    ar: ({ entity, state, event, allowed }) =>
      `حالة هذا السجل (${entity}) هي ${state}، ولا يمكن فيها ${event}؛ الممكن الآن: ${allowed || 'لا شيء'}.`,
  },
  emptyAgenda: {
    en: () => 'Add at least one agenda item before publishing the agenda.',
    ar: () => 'أضف بنداً واحداً على الأقل إلى جدول الأعمال قبل نشره.',
  },
  commentRequired: {
    en: ({ field }) => `${field}: say what should change; a request for changes needs a comment.`,
    ar: ({ field }) => `${field}: وضّح ما يلزم تغييره؛ طلب التعديل يحتاج إلى ملاحظة.`,
  },
  oneOf: {
    en: ({ field, allowed }) => `${field}: use one of ${allowed}.`,
    ar: ({ field, allowed }) => `${field}: استخدم واحداً من ${allowed}.`,
  },
  conflictNotNow: {
    en: ({ state }) =>
      `A conflict of interest is declared while a proposal awaits or is in the board's vote; this one is ${state}.`,
    ar: ({ state }) => `يُعلَن تعارض المصالح والمقترح بانتظار تصويت المجلس أو قيد التصويت؛ حالة هذا المقترح: ${state}.`,
  },
  ballotClosed: {
    en: () => 'This ballot is not open for votes.',
    ar: () => 'هذا التصويت ليس مفتوحاً.',
  },
  notEligible: {
    en: () => 'You are not among the eligible voters of this ballot.',
    ar: () => 'لست ضمن أعضاء المجلس المؤهلين للتصويت في هذا الاقتراع.',
  },
  alreadyVoted: {
    en: () => 'You have voted on this ballot already; a conflict of interest is declared before voting.',
    ar: () => 'سبق أن صوّتّ في هذا الاقتراع؛ يُعلَن تعارض المصالح قبل التصويت.',
  },
  keyReused: {
    en: ({ field }) => `${field}: this key was used for another ballot; use a new key for each vote.`,
    ar: ({ field }) => `${field}: استُخدم هذا المفتاح لاقتراع آخر؛ استخدم مفتاحاً جديداً لكل تصويت.`,
  },
  notInFuture: {
    en: ({ field }) => `${field}: must lie in the future.`,
    ar: ({ field }) => `${field}: يجب أن يكون في المستقبل.`,
  },
  meetingOver: {
    en: ({ field, state }) => `${field}: the meeting is ${state}; schedule onto a meeting still to be held.`,
    ar: ({ field, state }) => `${field}: حالة الاجتماع ${state}؛ أدرج المقترح في اجتماع لم يُعقد بعد.`,
  },
  personOtherCity: {
    en: ({ field }) => `${field}: this person belongs to another member city.`,
    ar: ({ field }) => `${field}: هذا الشخص يتبع مدينة عضواً أخرى.`,
  },
  noMemberCity: {
    en: () => 'Only a delegate of a member city can do this, and your account belongs to none.',
    ar: () => 'لا يقوم بهذا إلا مندوب مدينة عضو، وحسابك لا يتبع أي مدينة.',
  },
  oneHead: {
    en: ({ field }) => `${field}: this delegation already has a head; remove or change them first.`,
    ar: ({ field }) => `${field}: لهذا الوفد رئيس بالفعل؛ أزله أو غيّره أولاً.`,
  },
  dueBeforeStart: {
    en: ({ field }) => `${field}: the due date cannot come before the start date.`,
    ar: ({ field }) => `${field}: لا يكون موعد الاستحقاق قبل تاريخ البدء.`,
  },
  invalidDay: {
    en: ({ field }) => `${field}: give a date as YYYY-MM-DD, such as 2026-10-12.`,
    ar: ({ field }) => `${field}: أدخل التاريخ بصيغة YYYY-MM-DD مثل 2026-10-12.`,
  },
  actionItemCycle: {
    en: ({ field }) => `${field}: an action item cannot be placed under itself or under one of its own sub-items.`,
    ar: ({ field }) => `${field}: لا يوضع بند متابعة تحت نفسه أو تحت أحد بنوده الفرعية.`,
  },
  otherPlan: {
    en: ({ field }) => `${field}: this item belongs to another implementation plan.`,
    ar: ({ field }) => `${field}: هذا البند يتبع خطة تنفيذ أخرى.`,
  },
  progressRolledUp: {
    en: ({ field }) =>
      `${field}: this item's progress is the weighted mean of its sub-items; report progress on them instead.`,
    ar: ({ field }) => `${field}: تقدّم هذا البند هو المتوسط المرجّح لبنوده الفرعية؛ أبلغ عن التقدم فيها.`,
  },
  itemFinished: {
    en: ({ field, state }) => `${field}: this item is ${state}; its progress can no longer be reported.`,
    ar: ({ field, state }) => `${field}: حالة هذا البند ${state}؛ لم يعد الإبلاغ عن تقدّمه ممكناً.`,
  },
  duplicateValue: {
    en: ({ field }) => `${field}: this value is given twice; give each once.`,
    ar: ({ field }) => `${field}: هذه القيمة مكررة؛ اذكر كل قيمة مرة واحدة.`,
  },
  webhookUrl: {
    en: ({ field }) =>
      `${field}: give an https:// address (http:// only for hosts allowed in MAJLIS_WEBHOOK_ALLOWED_HOSTS), without user or password.`,
    ar: ({ field }) =>
      `${field}: أدخل عنواناً يبدأ بـ https://‏ (ولا يُقبل http://‏ إلا لعناوين مسموح بها في MAJLIS_WEBHOOK_ALLOWED_HOSTS)، من دون اسم مستخدم أو كلمة مرور.`,
  },
  webhookPrivateAddress: {
    en: ({ field, host }) =>
      `${field}: ${host} is an address of this machine or of a private network (loopback, private, link-local or metadata); majlis calls only public addresses, unless the operator allows it in MAJLIS_WEBHOOK_ALLOWED_HOSTS.`,
    ar: ({ field, host }) =>
      `${field}: ‏${host} عنوان لهذا الجهاز أو لشبكة خاصة (محلي أو خاص أو ربط محلي أو خدمة بيانات وصفية)؛ لا يتصل majlis إلا بعناوين عامة، ما لم يسمح به المشغّل في MAJLIS_WEBHOOK_ALLOWED_HOSTS.`,
  },
  deliveryNotFailed: {
    en: ({ field, status }) => `${field}: only a failed delivery can be retried; this one is ${status}.`,
    ar: ({ field, status }) => `${field}: لا يُعاد إلا إرسال فشل؛ حالة هذا الإرسال: ${status}.`,
  },
  linkUnknown: {
    en: ({ field }) => `${field}: this link is not one majlis sent, or a newer one replaced it; ask for a new link.`,
    ar: ({ field }) => `${field}: هذا الرابط ليس من روابط majlis أو حلّ محله رابط أحدث؛ اطلب رابطاً جديداً.`,
  },
  linkUsed: {
    en: ({ field }) => `${field}: this link was used already; each link works once. Sign in, or ask for a new link.`,
    ar: ({ field }) => `${field}: استُخدم هذا الرابط من قبل، وكل رابط يعمل مرة واحدة. سجّل الدخول أو اطلب رابطاً جديداً.`,
  },
  linkExpired: {
    en: ({ field }) => `${field}: this link has expired; ask for a new link.`,
    ar: ({ field }) => `${field}: انتهت صلاحية هذا الرابط؛ اطلب رابطاً جديداً.`,
  },
  passwordTooShort: {
    en: ({ field, min }) => `${field}: a password needs at least ${min} characters.`,
    ar: ({ field, min }) => `${field}: يلزم أن تتكوّن كلمة المرور من ${min} أحرف على الأقل.`,
  },
  passwordIsEmail: {
    en: ({ field }) => `${field}: the password cannot be your e-mail address.`,
    ar: ({ field }) => `${field}: لا يجوز أن تكون كلمة المرور هي عنوان بريدك الإلكتروني.`,
  },
  invalidEmail: {
    en: ({ field }) => `${field}: not an e-mail address; write it as name@example.org.`,
    ar: ({ field }) => `${field}: ليس عنوان بريد إلكتروني؛ اكتبه على صورة name@example.org.`,
  },
  emailTaken: {
    en: ({ field }) => `${field}: a person with this e-mail address exists already.`,
    ar: ({ field }) => `${field}: يوجد شخص بعنوان البريد الإلكتروني هذا من قبل.`,
  },
  setupDone: {
    en: () => 'majlis is set up already: its first administrator exists. Sign in instead.',
    ar: () => 'تمت تهيئة majlis من قبل وأُنشئ مديره الأول. سجّل الدخول بدلاً من ذلك.',
  },
  invitationNotPending: {
    en: ({ field }) => `${field}: this person has set a password already; they can ask for a password reset.`,
    ar: ({ field }) => `${field}: عيّن هذا الشخص كلمة مرور من قبل؛ يمكنه طلب إعادة تعيينها.`,
  },
  notYourself: {
    en: ({ field }) => `${field}: you cannot deactivate yourself; another administrator can.`,
    ar: ({ field }) => `${field}: لا يمكنك إيقاف حسابك بنفسك؛ يستطيع ذلك مدير آخر.`,
  },
  cityCode: {
    en: ({ field }) => `${field}: use 2 to 40 lowercase letters a–z, e.g. dammam.`,
    ar: ({ field }) => `${field}: استخدم من 2 إلى 40 حرفاً لاتينياً صغيراً (a–z)، مثل dammam.`,
  },
  codeTaken: {
    en: ({ field }) => `${field}: a member city with this code exists already.`,
    ar: ({ field }) => `${field}: توجد مدينة عضو بهذا الرمز من قبل.`,
  },
  countryCode: {
    en: ({ field }) => `${field}: use the two-letter ISO 3166-1 code, e.g. SA or US.`,
    ar: ({ field }) => `${field}: استخدم رمز البلد المكوّن من حرفين وفق ISO 3166-1، مثل SA أو US.`,
  },
  seatStartsTooEarly: {
    en: ({ field, startsOn }) =>
      `${field}: the city's current seat began on ${startsOn}; a new term starts after that day.`,
    ar: ({ field, startsOn }) =>
      `${field}: بدأ المقعد الحالي للمدينة في ${startsOn}؛ تبدأ الدورة الجديدة بعد ذلك اليوم.`,
  },
  seatEnded: {
    en: ({ field, endsOn }) => `${field}: this seat ended on ${endsOn} already.`,
    ar: ({ field, endsOn }) => `${field}: انتهى هذا المقعد في ${endsOn} من قبل.`,
  },
  boardMemberHoldsSeat: {
    en: ({ field }) =>
      `${field}: this person holds a board seat, so they stay a board member; end the seat under Board seats, and the role goes with it.`,
    ar: ({ field }) =>
      `${field}: يشغل هذا الشخص مقعدًا في مجلس الإدارة فيبقى عضوًا فيه؛ أنهِ المقعد من صفحة مقاعد المجلس فيزول الدور معه.`,
  },
  seatEndBeforeStart: {
    en: ({ field, startsOn }) => `${field}: a term cannot end before it starts (${startsOn}).`,
    ar: ({ field, startsOn }) => `${field}: لا تنتهي الدورة قبل بدايتها (${startsOn}).`,
  },
  serviceUnavailable: {
    en: ({ seconds }) => `The server is busy serving other requests: try again in ${seconds} seconds.`,
    ar: ({ seconds }) => `الخادم مشغول بخدمة طلبات أخرى: أعد المحاولة بعد ${seconds} ثانية.`,
  },
  internal: {
    en: ({ requestId }) => `Something went wrong on our side; nothing was changed. Reference: ${requestId}.`,
    ar: ({ requestId }) => `حدث خطأ من جهتنا ولم يتغير شيء. المرجع: ${requestId}.`,
  },
  cosponsorsOnlyInDraft: {
    en: () => 'Co-sponsoring cities can be changed only while the proposal is a draft, before it is submitted.',
    ar: () => 'لا يمكن تغيير المدن الراعية المشاركة إلا والمقترح مسودة لم يُقدَّم بعد.',
  },
} satisfies Record<string, Message>;

export type ErrorMessageKey = keyof typeof ERROR_MESSAGES;

export function errorMessage(key: ErrorMessageKey, locale: Locale, params: Params = {}): string {
  const message: Message = ERROR_MESSAGES[key];
  return message[locale](params);
}
