import { NAMESPACES, RESOURCES, type Namespace } from '../catalogue';
import { catalogueEntries, message, type MessageKey, type MessageValues } from './catalogue';

/**
 * Sample values for the catalogue's placeholders, as a running system passes them to an Arabic reader:
 * text already in Arabic (names, titles, dates, words from the catalogue) in Arabic; machine values
 * (identifiers, addresses, codes) in Latin, so a message that shows one unquoted is caught. A new
 * placeholder needs a line in its namespace's block: the test says which.
 */
const SAMPLES_BY_NAMESPACE: Record<Namespace, Record<string, string | number>> = {
  common: {
    count: 3,
    cityName: 'الدمام',
  },

  errors: {
    // Already in words (from fields, entities, states, events, actions or errors:parts).
    field: 'العنوان بالعربية',
    wait: '٣ ثوانٍ',
    action: 'تقديم هذا المقترح',
    missing: 'لا يوجد مقترح',
    max: '٣٠٠ حرف',
    length: '٤٠٠ حرف',
    language: 'العربية',
    state: 'معتمد',
    status: 'فاشلة',
    this: 'هذا المقترح',
    event: 'تقديمه',
    allowed: 'السحب أو التأجيل',
    operation: 'إدراج مقترح في جدول أعمال اجتماع',
    startsOn: '١٢ أكتوبر ٢٠٢٦',
    endsOn: '١٢ أكتوبر ٢٠٢٦',
    first: 'السحب، التأجيل',
    last: 'التقديم',
    // Numbers, written in the reader's digits.
    count: 3,
    current: 4,
    min: 1,
    // Machine values: Latin, so that one shown unquoted is caught.
    id: 'p-42',
    path: '/nowhere',
    value: 'Mars/Olympus',
    host: 'localhost',
    requestId: 'req-7f3a',
  },

  actions: {},

  fields: {},

  entities: {},

  states: {},

  events: {},

  mail: {
    name: 'المهندس جمال بن ناصر الملحم',
    partnership: 'تجمع مدن الطاقة العالمية',
    day: '٢٤ نوفمبر ٢٠٢٦',
    time: '٠٩:٠٠',
    zone: 'التوقيت المركزي لأمريكا الشمالية',
    number: 3,
    link: 'https://majlis.example/proposals/42',
    expiresAt: '٧ ديسمبر ٢٠٢٦، الساعة ١٢:٠٠ (التوقيت العالمي المنسق)',
    cityName: 'الدمام',
    itemTitle: 'إطلاق برنامج التبادل الأكاديمي',
    planTitle: 'خطة تنفيذ برنامج التبادل التدريبي',
    dueDate: '٣٠ مارس ٢٠٢٧',
    count: 3,
    proposalTitle: 'زيادة مجالات التعاون بين المدن الأعضاء',
    closesAt: '٢٥ نوفمبر ٢٠٢٦، الساعة ١٧:٠٠ (التوقيت المركزي لأمريكا الشمالية)',
    eligible: 12,
    yes: '٧ أصوات',
    no: 'صوتان',
    abstain: 'صوت واحد',
    resultText: 'اعتُمد المقترح في مجلس إدارة التجمع',
    comment: 'يُرجى إضافة ميزانية للتبادل التدريبي.',
    meetingTitle: 'الاجتماع السنوي لتجمع مدن الطاقة العالمية',
    meetingStartsAt: '٢٤ نوفمبر ٢٠٢٦، الساعة ٠٩:٠٠ (التوقيت المركزي لأمريكا الشمالية)',
    date: '٢٤ نوفمبر ٢٠٢٦',
  },

  csv: {},

  calendar: {
    venue: 'مركز جورج براون للمؤتمرات',
    city: 'هيوستن',
    number: '١.١',
    title: 'مناقشة المسودة الأولية',
    items: '١ تطوير أعمال التجمع\n١.١ مناقشة المسودة الأولية',
    zone: 'التوقيت المركزي لأمريكا الشمالية',
  },

  security: {
    count: 3,
    limit: 'مستويان من التداخل',
    version: 1,
    build: 'npm run build',
    develop: 'npm run dev:web',
    api: '/graphql',
    health: '/health',
  },

  web: {
    cast: 3,
    count: 7,
    eligible: 7,
    required: 4,
    shown: 3,
    total: 11,
    from: 1,
    to: 20,
    min: 2,
    max: 40,
    number: 2,
    value: 40,
    share: '٤٠٪',
    choice: 'نعم',
    name: 'نوال العتيبي',
    email: 'board.dammam@demo.majlis',
    zone: 'التوقيت العربي الرسمي',
    time: '٦:٠٠ م التوقيت العربي الرسمي',
    year: '١٩٩٥',
    example: '١٩٩٥',
    title: 'خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء',
    length: 61,
    reason: 'لم يعد هذا المقترح مسودة.',
    date: '١ ديسمبر ٢٠٢٦',
    language: 'العربية',
    state: 'قيد المراجعة',
    event: 'تقديم',
    left: 285,
    position: 2,
    city: 'الدمام',
    topic: 'فتح اقتراع',
    mode: 'ملخص يومي',
    round: 2,
    url: 'https://hooks.example.org/majlis',
  },
};

/** Every namespace people read, the web client's included. */
const CHECKED = NAMESPACES;

/** Quoted values, e-mail addresses and URLs may be Latin; nothing else in an Arabic message may. */
function latinOutsideQuotes(text: string): string[] {
  const bare = text
    .replace(/«[^»]*»/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\bhttps?:\/\/\S+/g, '')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '');
  return bare.match(/[A-Za-z]+/g) ?? [];
}

const messages = CHECKED.flatMap((namespace) =>
  [...catalogueEntries(RESOURCES.ar[namespace])].map(([path, entry]) => ({
    namespace,
    path,
    names: [...entry.placeholders],
  })),
);

describe('every Arabic message, rendered with sample values', () => {
  it.each(messages.map(({ namespace, path, names }) => [`${namespace}:${path}`, namespace, names] as const))(
    '%s has no Latin letters outside quoted values, e-mail addresses and URLs',
    (key, namespace, names) => {
      const SAMPLES = SAMPLES_BY_NAMESPACE[namespace as Namespace];
      const missing = names.filter((name) => !Object.hasOwn(SAMPLES, name));
      expect(missing).toEqual([]);
      const values: MessageValues = Object.fromEntries(names.map((name) => [name, SAMPLES[name]]));
      for (const count of [0, 1, 2, 3, 11, 100]) {
        const text = message('ar', key as MessageKey, { ...values, ...(names.includes('count') ? { count } : {}) });
        expect(latinOutsideQuotes(text)).toEqual([]);
      }
    },
  );

  it('catches a Latin word, and lets quoted values, addresses and links through', () => {
    expect(latinOutsideQuotes('حالة هذا السجل (proposal) هي approved')).toEqual(['proposal', 'approved']);
    expect(
      latinOutsideQuotes('المعرّف «abc-123» والعنوان "Asia/Riyadh" والبريد a.b@example.org والرابط https://x.org/a'),
    ).toEqual([]);
  });
});
