import type { Locale } from '@majlis/config';

type Wording = Record<Locale, string>;

/**
 * What a refusal says the person may not do, in words, per operation (GraphQL field names, which the
 * auth guard refuses by) and per finer rule a service checks. "You may not <en>." / "لا يحق لك <ar>."
 */
export const ACTIONS = {
  // Queries
  actionItem: { en: 'read this action item', ar: 'الاطلاع على بند المتابعة هذا' },
  actionItems: { en: 'list action items', ar: 'استعراض بنود المتابعة' },
  auditTrail: { en: 'read the audit trail', ar: 'الاطلاع على سجل التدقيق' },
  ballot: { en: 'read this ballot', ar: 'الاطلاع على هذا الاقتراع' },
  ballots: { en: 'list ballots', ar: 'استعراض الاقتراعات' },
  failedDeliveries: { en: 'see the failed deliveries', ar: 'الاطلاع على الإرسالات التي فشلت' },
  followupByCity: { en: 'read the follow-up by city', ar: 'الاطلاع على المتابعة حسب المدن' },
  implementationPlan: { en: 'read this implementation plan', ar: 'الاطلاع على خطة التنفيذ هذه' },
  implementationPlans: { en: 'list implementation plans', ar: 'استعراض خطط التنفيذ' },
  instance: { en: 'read what this installation offers', ar: 'الاطلاع على وصف هذا التثبيت' },
  me: { en: 'read your profile', ar: 'الاطلاع على ملفك الشخصي' },
  meeting: { en: 'read this meeting', ar: 'الاطلاع على هذا الاجتماع' },
  meetings: { en: 'list meetings', ar: 'استعراض الاجتماعات' },
  memberCities: { en: 'list the member cities', ar: 'استعراض المدن الأعضاء' },
  notificationPreferences: { en: 'read notification preferences', ar: 'الاطلاع على تفضيلات الإشعارات' },
  notifications: { en: 'read notifications', ar: 'الاطلاع على الإشعارات' },
  proposal: { en: 'read this proposal', ar: 'الاطلاع على هذا المقترح' },
  proposals: { en: 'list proposals', ar: 'استعراض المقترحات' },
  unreadNotificationCount: { en: 'count unread notifications', ar: 'معرفة عدد الإشعارات غير المقروءة' },
  webhookEndpoints: { en: 'list webhook endpoints', ar: 'استعراض عناوين الإشعارات الآلية' },
  workflow: { en: 'read a workflow', ar: 'الاطلاع على مسار العمل' },
  boardSeats: { en: 'list the board seats', ar: 'استعراض مقاعد مجلس الإدارة' },
  passwordLink: { en: 'open this link', ar: 'فتح هذا الرابط' },
  people: { en: 'list people', ar: 'استعراض الأشخاص' },
  person: { en: "read this person's account", ar: 'الاطلاع على حساب هذا الشخص' },
  // Mutations
  assignBoardSeat: { en: 'give a board seat', ar: 'إسناد مقعد في مجلس الإدارة' },
  completeSetup: { en: 'create the first administrator', ar: 'إنشاء المدير الأول' },
  createMemberCity: { en: 'add a member city', ar: 'إضافة مدينة عضو' },
  endBoardSeat: { en: 'end a board seat', ar: 'إنهاء مقعد في مجلس الإدارة' },
  invitePerson: { en: 'invite people', ar: 'دعوة الأشخاص' },
  requestPasswordReset: { en: 'ask for a password reset', ar: 'طلب إعادة تعيين كلمة المرور' },
  resendInvitation: { en: 'send this invitation again', ar: 'إعادة إرسال هذه الدعوة' },
  setPassword: { en: 'set a password', ar: 'تعيين كلمة مرور' },
  setPersonActive: { en: "activate or deactivate this person's account", ar: 'تفعيل حساب هذا الشخص أو إيقافه' },
  updateMemberCity: { en: 'change this member city', ar: 'تعديل هذه المدينة العضو' },
  updatePerson: { en: "change this person's account", ar: 'تعديل حساب هذا الشخص' },
  addAgendaItem: { en: 'add an item to this agenda', ar: 'إضافة بند إلى جدول الأعمال هذا' },
  addDelegationMember: { en: 'add a member to this delegation', ar: 'إضافة عضو إلى هذا الوفد' },
  addReviewComment: { en: 'comment on this proposal', ar: 'التعليق على هذا المقترح' },
  addStakeholder: { en: 'add an organisation to this coordinating office', ar: 'إضافة جهة إلى هذا المكتب التنسيقي' },
  cancelBallot: { en: 'cancel this ballot', ar: 'إلغاء هذا الاقتراع' },
  castVote: { en: 'vote on this ballot', ar: 'التصويت في هذا الاقتراع' },
  closeBallot: { en: 'close this ballot', ar: 'إغلاق هذا الاقتراع' },
  createActionItem: { en: 'add an action item', ar: 'إضافة بند متابعة' },
  createMeeting: { en: 'create a meeting', ar: 'إنشاء اجتماع' },
  createProposal: { en: 'draft a proposal', ar: 'صياغة مقترح' },
  createWebhookEndpoint: { en: 'add a webhook endpoint', ar: 'إضافة عنوان إشعارات آلية' },
  declareConflict: { en: 'declare a conflict of interest', ar: 'إعلان تعارض المصالح' },
  login: { en: 'sign in', ar: 'تسجيل الدخول' },
  logout: { en: 'sign out', ar: 'تسجيل الخروج' },
  markNotificationsRead: { en: 'mark notifications read', ar: 'تعليم الإشعارات مقروءة' },
  moveAgendaItem: { en: 'move an item of this agenda', ar: 'نقل بند في جدول الأعمال هذا' },
  openBallot: { en: 'open a ballot', ar: 'فتح اقتراع' },
  removeAgendaItem: { en: 'remove an item of this agenda', ar: 'حذف بند من جدول الأعمال هذا' },
  removeDelegationMember: { en: 'remove a member of this delegation', ar: 'إزالة عضو من هذا الوفد' },
  removeStakeholder: {
    en: 'remove an organisation from this coordinating office',
    ar: 'إزالة جهة من هذا المكتب التنسيقي',
  },
  removeWebhookEndpoint: { en: 'remove a webhook endpoint', ar: 'حذف عنوان إشعارات آلية' },
  reportProgress: { en: 'report progress on this action item', ar: 'الإبلاغ عن تقدّم بند المتابعة هذا' },
  resolveReviewComment: { en: 'resolve a review comment', ar: 'إغلاق ملاحظة مراجعة' },
  retryDelivery: { en: 'retry a delivery', ar: 'إعادة محاولة إرسال' },
  saveProposalDraft: { en: 'edit this draft', ar: 'تعديل هذه المسودة' },
  saveProposalWorkingCopy: { en: 'edit this draft', ar: 'تعديل هذه المسودة' },
  addProposalCosponsor: {
    en: 'add a co-sponsoring city to this proposal',
    ar: 'إضافة مدينة راعية مشاركة إلى هذا المقترح',
  },
  removeProposalCosponsor: {
    en: 'remove a co-sponsoring city from this proposal',
    ar: 'إزالة مدينة راعية مشاركة من هذا المقترح',
  },
  scheduleProposal: { en: "put a proposal on a meeting's agenda", ar: 'إدراج مقترح في جدول أعمال اجتماع' },
  setImplementationPlanProgramme: { en: 'change this implementation plan', ar: 'تعديل خطة التنفيذ هذه' },
  transitionActionItem: { en: "change this action item's state", ar: 'تغيير حالة بند المتابعة هذا' },
  transitionMeeting: { en: "change this meeting's state", ar: 'تغيير حالة هذا الاجتماع' },
  transitionProposal: { en: "change this proposal's state", ar: 'تغيير حالة هذا المقترح' },
  updateActionItem: { en: 'change this action item', ar: 'تعديل بند المتابعة هذا' },
  updateAgendaItem: { en: 'change this agenda item', ar: 'تعديل بند جدول الأعمال هذا' },
  updateMeeting: { en: 'change this meeting', ar: 'تعديل هذا الاجتماع' },
  updateMyProfile: { en: 'change your profile', ar: 'تعديل ملفك الشخصي' },
  updateNotificationPreferences: { en: 'change notification preferences', ar: 'تغيير تفضيلات الإشعارات' },
  // Subscriptions
  ballotUpdated: { en: 'follow this ballot live', ar: 'متابعة هذا الاقتراع مباشرة' },
  notificationAdded: { en: 'receive notifications live', ar: 'تلقّي الإشعارات مباشرة' },
  proposalUpdated: { en: 'follow this proposal live', ar: 'متابعة هذا المقترح مباشرة' },
  // Finer rules inside the services
  inviteStaff: { en: 'invite administrators or the secretariat', ar: 'دعوة مديرين أو أعضاء في الأمانة العامة' },
  inviteOtherCity: {
    en: 'invite people of another city, or other than delegates',
    ar: 'دعوة أشخاص من مدينة أخرى أو بغير صفة مندوب',
  },
  readBallotAuditTrail: { en: "read a ballot's audit trail", ar: 'الاطلاع على سجل تدقيق اقتراع' },
  composeOtherCityDelegation: { en: "compose another city's delegation", ar: 'تشكيل وفد مدينة أخرى' },
  keepOtherCityOffice: {
    en: "keep another city's coordinating office",
    ar: 'إدارة المكتب التنسيقي لمدينة أخرى',
  },
  reportOtherCityProgress: {
    en: "report progress on another city's action item",
    ar: 'الإبلاغ عن تقدّم بند متابعة لمدينة أخرى',
  },
  commentOnOtherProposal: { en: 'comment on this proposal', ar: 'التعليق على هذا المقترح' },
  editOtherDraft: { en: 'edit this draft', ar: 'تعديل هذه المسودة' },
  openQueueDashboard: { en: 'open the queue dashboard', ar: 'فتح لوحة الطوابير' },
  exportPlan: { en: "export this implementation plan's items", ar: 'تصدير بنود خطة التنفيذ هذه' },
  /** An operation missing from this table (a test keeps the table complete). */
  doThis: { en: 'do this', ar: 'القيام بهذا' },
} satisfies Record<string, Wording>;

export type ActionName = keyof typeof ACTIONS;

export const isActionName = (name: string): name is ActionName => Object.hasOwn(ACTIONS, name);

/** The workflow events a person sends, in words: "You may not <words> this proposal." */
export const EVENT_WORDS = {
  proposal: {
    SUBMIT: { en: 'submit this proposal', ar: 'تقديم هذا المقترح' },
    START_REVIEW: { en: 'start the review of this proposal', ar: 'بدء مراجعة هذا المقترح' },
    REQUEST_CHANGES: { en: 'ask for changes to this proposal', ar: 'طلب تعديلات على هذا المقترح' },
    ACCEPT: { en: 'accept this proposal for the board', ar: 'قبول هذا المقترح لعرضه على المجلس' },
    SCHEDULE: { en: "put this proposal on a meeting's agenda", ar: 'إدراج هذا المقترح في جدول أعمال اجتماع' },
    OPEN_VOTE: { en: "open the board's vote on this proposal", ar: 'فتح تصويت المجلس على هذا المقترح' },
    BALLOT_PASSED: { en: 'record the result of this proposal’s ballot', ar: 'تسجيل نتيجة اقتراع هذا المقترح' },
    BALLOT_FAILED: { en: 'record the result of this proposal’s ballot', ar: 'تسجيل نتيجة اقتراع هذا المقترح' },
    BALLOT_NO_QUORUM: { en: 'record the result of this proposal’s ballot', ar: 'تسجيل نتيجة اقتراع هذا المقترح' },
    DEFER: { en: 'defer this proposal', ar: 'تأجيل هذا المقترح' },
    WITHDRAW: { en: 'withdraw this proposal', ar: 'سحب هذا المقترح' },
  },
  meeting: {
    PUBLISH_AGENDA: { en: "publish this meeting's agenda", ar: 'نشر جدول أعمال هذا الاجتماع' },
    OPEN: { en: 'open this meeting', ar: 'افتتاح هذا الاجتماع' },
    ADJOURN: { en: 'adjourn this meeting', ar: 'رفع هذا الاجتماع' },
    APPROVE_MINUTES: { en: "approve this meeting's minutes", ar: 'اعتماد محضر هذا الاجتماع' },
    CANCEL: { en: 'cancel this meeting', ar: 'إلغاء هذا الاجتماع' },
  },
  actionItem: {
    START: { en: 'start this action item', ar: 'بدء العمل على بند المتابعة هذا' },
    BLOCK: { en: 'mark this action item blocked', ar: 'تعليم بند المتابعة هذا متعثراً' },
    UNBLOCK: { en: 'unblock this action item', ar: 'رفع التعثّر عن بند المتابعة هذا' },
    COMPLETE: { en: 'mark this action item done', ar: 'تعليم بند المتابعة هذا منجزاً' },
    VERIFY: { en: 'verify this action item', ar: 'التحقق من إنجاز بند المتابعة هذا' },
    CANCEL: { en: 'cancel this action item', ar: 'إلغاء بند المتابعة هذا' },
  },
} satisfies Record<string, Record<string, Wording>>;

export type EventKind = keyof typeof EVENT_WORDS;

/** The refused action's words: an operation's, or a workflow event's (its operation's when unknown). */
export function actionWords(action: ActionName, locale: Locale, event?: { kind: EventKind; type: string }): string {
  if (event !== undefined) {
    const words: Record<string, Wording> = EVENT_WORDS[event.kind];
    if (Object.hasOwn(words, event.type)) return words[event.type][locale];
  }
  return ACTIONS[action][locale];
}
