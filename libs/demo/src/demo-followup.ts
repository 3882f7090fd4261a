import type { ActionItemEvent, VoteChoice, VoteRules } from '@majlis/workflow';
import { ActionItemKind, ProposalCategory } from '@majlis/domain';
import type { LocalizedText } from '@majlis/language';

const ar = (text: string, en: string): LocalizedText => ({ ar: text, en, authoritative: 'ar' });
const en = (text: string, arabic: string): LocalizedText => ({ en: text, ar: arabic, authoritative: 'en' });

/** Houston's annual meeting a year before the upcoming one (same venue, dates and hours, see DEMO_MEETING). */
export const DEMO_PREVIOUS_MEETING = {
  title: (year: number): LocalizedText =>
    en(
      `Annual Meeting of the World Energy Cities Partnership, ${year}`,
      `الاجتماع السنوي لتجمع مدن الطاقة العالمية لعام ${year}م`,
    ),
};

/**
 * The strategic plan the board approved there: Dammam's earlier proposal, in the report's words. In
 * English it is named by its aims, so that a search for "strategic plan" finds this year's draft alone.
 */
export const DEMO_APPROVED_PROPOSAL = {
  ownerCityCode: 'dammam',
  authorEmail: 'delegate.dammam@demo.majlis',
  category: ProposalCategory.STRATEGIC_PLAN,
  title: ar(
    'خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء وإعطاء المزيد من الصلاحيات للأمانة العامة للتجمع لمتابعة تنفيذ الخطط والبرامج التي يتم اعتمادها في مجلس إدارة التجمع',
    'Widening cooperation between member cities and giving the general secretariat more powers to follow up the plans and programmes the board approves',
  ),
  summary: ar(
    'مقترح من أمانة المنطقة الشرقية لزيادة مجالات التعاون بين المدن الأعضاء وإعطاء المزيد من الصلاحيات للأمانة العامة للتجمع لمتابعة تنفيذ الخطط والبرامج المعتمدة.',
    "The Eastern Province Municipality's proposal to widen cooperation between member cities and to give the general secretariat more powers to follow up the implementation of approved plans and programmes.",
  ),
  body: ar(
    'تقترح أمانة المنطقة الشرقية خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء في تجمع مدن الطاقة العالمية، ' +
      'وإعطاء المزيد من الصلاحيات للأمانة العامة للتجمع لمتابعة تنفيذ الخطط والبرامج التي يتم اعتمادها في مجلس إدارة التجمع، ' +
      'ومن ذلك برنامجا التبادل التدريبي والأكاديمي بين المدن الأعضاء للاستفادة من المعلومات والخبرات في هذه المدن.',
    'The Eastern Province Municipality proposes a strategic plan to widen cooperation between the member cities of the ' +
      "World Energy Cities Partnership and to give the Partnership's general secretariat more powers to follow up the " +
      'implementation of the plans and programmes that the board of directors approves, among them the training and ' +
      "academic exchange programmes between member cities, to draw on these cities' information and expertise.",
  ),
};

/** The board's named vote at that meeting: a simple majority with half the board present. */
export const DEMO_BALLOT_RULES: VoteRules = {
  quorum: 0.5,
  majority: 'SIMPLE',
  abstentionsCountAsCast: false,
  tieBreak: 'CHAIR',
  secret: false,
};

/** How each city's board seat voted: six yes, one abstention. */
export const DEMO_VOTES: Readonly<Record<string, VoteChoice>> = {
  houston: 'YES',
  dammam: 'YES',
  aberdeen: 'YES',
  stavanger: 'YES',
  calgary: 'YES',
  perth: 'ABSTAIN',
  portharcourt: 'YES',
};

export interface DemoProgressReport {
  percent: number;
  note: string;
  language: 'ar' | 'en';
  byEmail: string;
}

export interface DemoActionItem {
  kind: ActionItemKind;
  title: LocalizedText;
  description?: LocalizedText;
  ownerCityCode: string;
  /** Also the one who moves it (the secretariat verifies); the secretariat when absent. */
  assigneeEmail?: string;
  weight: number;
  /** A task's dates, in days from the day the demo is seeded (nothing starts before the approval); a milestone spans its tasks. */
  startDays?: number;
  dueDays?: number;
  /** The workflow events that brought it where it stands, in order (reports come after the first). */
  events: ActionItemEvent[];
  /** A task's progress reports, in order; its progress is the last one's. */
  reports?: DemoProgressReport[];
  children?: DemoActionItem[];
}

const SECRETARIAT = 'secretariat@demo.majlis';
const DAMMAM = 'delegate.dammam@demo.majlis';
const HOUSTON = 'delegate.houston@demo.majlis';
const START: ActionItemEvent = { type: 'START' };

/**
 * The implementation plan's tree. Dates are relative to the seed day, so the academic exchange is
 * overdue whenever the demo is loaded, by fewer days than the escalation grace, and no other open item
 * is due within the due-soon window: a first start records one reminder (overdue), no escalation.
 */
export const DEMO_PLAN_ITEMS: DemoActionItem[] = [
  {
    kind: ActionItemKind.MILESTONE,
    title: ar(
      'تمكين الأمانة العامة للتجمع من متابعة تنفيذ الخطط والبرامج المعتمدة',
      'Enabling the general secretariat to follow up the implementation of approved plans and programmes',
    ),
    ownerCityCode: 'houston',
    weight: 2,
    events: [START],
    children: [
      {
        kind: ActionItemKind.TASK,
        title: ar(
          'إنشاء مكتب متابعة في الأمانة العامة للتجمع',
          'Set up the follow-up office in the general secretariat',
        ),
        description: en(
          'Staff the office and give it the register of the plans and programmes the board has approved.',
          'تزويد المكتب بالموظفين وتسليمه سجل الخطط والبرامج التي اعتمدها مجلس الإدارة.',
        ),
        ownerCityCode: 'houston',
        assigneeEmail: SECRETARIAT,
        weight: 2,
        startDays: -150,
        dueDays: -60,
        events: [START, { type: 'COMPLETE' }, { type: 'VERIFY' }],
        reports: [
          {
            percent: 50,
            note: 'Two officers appointed; the register of approved plans is being taken over from the meeting files.',
            language: 'en',
            byEmail: SECRETARIAT,
          },
          {
            percent: 100,
            note: 'The follow-up office is working and keeps the register of approved plans and programmes.',
            language: 'en',
            byEmail: SECRETARIAT,
          },
        ],
      },
      {
        kind: ActionItemKind.TASK,
        title: ar(
          'اعتماد نموذج موحد لتقارير المدن الأعضاء عن تنفيذ الخطط والبرامج',
          "Adopt a common template for member cities' reports on implementing plans and programmes",
        ),
        ownerCityCode: 'dammam',
        assigneeEmail: DAMMAM,
        weight: 1,
        startDays: -90,
        dueDays: 45,
        events: [START],
        reports: [
          {
            percent: 30,
            note: 'أعدت أمانة المنطقة الشرقية مسودة النموذج الموحد للتقارير.',
            language: 'ar',
            byEmail: DAMMAM,
          },
          {
            percent: 60,
            note: 'عُرضت المسودة على المكتب التنسيقي لمدينة الدمام وأُرسلت إلى الأمانة العامة للتجمع لإبداء الملاحظات.',
            language: 'ar',
            byEmail: DAMMAM,
          },
        ],
      },
    ],
  },
  {
    kind: ActionItemKind.MILESTONE,
    title: ar(
      'برنامجا التبادل التدريبي والأكاديمي بين المدن الأعضاء',
      'The training and academic exchange programmes between member cities',
    ),
    ownerCityCode: 'dammam',
    weight: 3,
    events: [START],
    children: [
      {
        kind: ActionItemKind.TASK,
        title: ar('إطلاق برنامج التبادل التدريبي', 'Launch the training exchange programme'),
        description: ar(
          'للاستفادة من المعلومات والخبرات في المدن الأعضاء فيما يتعلق بالمشروعات واستراتيجيات البنية التحتية.',
          "To draw on member cities' information and expertise in projects and infrastructure strategies.",
        ),
        ownerCityCode: 'houston',
        assigneeEmail: HOUSTON,
        weight: 2,
        startDays: -60,
        dueDays: 60,
        events: [
          START,
          {
            type: 'BLOCK',
            reason:
              'Waiting for the host cities to confirm the number of training places and who bears the travel costs.',
          },
        ],
        reports: [
          {
            percent: 30,
            note: 'Houston, Aberdeen and Stavanger have offered training places in their infrastructure departments.',
            language: 'en',
            byEmail: HOUSTON,
          },
        ],
      },
      {
        kind: ActionItemKind.TASK,
        // Not "Launch …": the notification tests give their own item that title and pick its mails by it.
        title: ar(
          'بدء برنامج التبادل الأكاديمي بين جامعات المدن الأعضاء',
          "Start the academic exchange programme between member cities' universities",
        ),
        ownerCityCode: 'aberdeen',
        weight: 1,
        startDays: -120,
        dueDays: -5,
        events: [START],
        reports: [
          {
            percent: 40,
            note: 'Four universities have agreed to take part; the exchange agreement is not signed yet.',
            language: 'en',
            byEmail: SECRETARIAT,
          },
        ],
      },
    ],
  },
  {
    kind: ActionItemKind.MILESTONE,
    title: ar(
      'تبادل التجارب الناجحة وزيادة التبادل التجاري بين المدن الأعضاء',
      'Sharing successful experience and raising trade between member cities',
    ),
    ownerCityCode: 'dammam',
    weight: 1,
    events: [START],
    children: [
      {
        kind: ActionItemKind.TASK,
        title: ar(
          'نشر سجل بمشروعات البنية التحتية والفرص الاستثمارية في المدن الأعضاء',
          "Publish a register of member cities' infrastructure projects and investment opportunities",
        ),
        ownerCityCode: 'perth',
        weight: 1,
        startDays: -30,
        dueDays: 120,
        events: [START],
        reports: [
          {
            percent: 20,
            note: 'Perth and Calgary have sent their project lists; the register lists twelve projects so far.',
            language: 'en',
            byEmail: SECRETARIAT,
          },
        ],
      },
      {
        kind: ActionItemKind.TASK,
        title: ar(
          'عقد ملتقى لنشاطات قطاع الأعمال لزيادة التبادل التجاري بين المدن الأعضاء',
          'Hold a business-sector forum to raise trade between member cities',
        ),
        ownerCityCode: 'calgary',
        weight: 1,
        startDays: 30,
        dueDays: 150,
        events: [],
      },
    ],
  },
];
