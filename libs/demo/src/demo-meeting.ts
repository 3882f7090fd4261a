import type { LocalizedText } from '@majlis/language';
import { AgendaItemKind, AgendaPresenter, MeetingKind, ProposalCategory, StakeholderKind } from '@majlis/domain';

const ar = (text: string, en: string): LocalizedText => ({ ar: text, en, authoritative: 'ar' });
const en = (text: string, arabic: string): LocalizedText => ({ en: text, ar: arabic, authoritative: 'en' });

/** Dammam's coordinating office and the stakeholders the Arabic report names. */
export const DEMO_OFFICE = {
  cityCode: 'dammam',
  name: ar('المكتب التنسيقي لمدينة الدمام', "Dammam's coordinating office"),
  stakeholders: [
    { name: ar('شركة أرامكو السعودية', 'Saudi Aramco'), kind: StakeholderKind.COMPANY },
    {
      name: ar(
        'فرع وزارة البترول والثروة المعدنية بالمنطقة الشرقية',
        'Eastern Province branch of the Ministry of Petroleum and Mineral Resources',
      ),
      kind: StakeholderKind.GOVERNMENT,
    },
    { name: ar('غرفة الشرقية', 'Asharqia Chamber'), kind: StakeholderKind.CHAMBER_OF_COMMERCE },
  ],
};

/** The annual meeting in Houston, held in the spring after the demo is first loaded. */
export const DEMO_MEETING = {
  kind: MeetingKind.ANNUAL,
  title: en('Annual Meeting of the World Energy Cities Partnership', 'الاجتماع السنوي لتجمع مدن الطاقة العالمية'),
  hostCityCode: 'houston',
  venue: en('Houston City Hall', 'مبنى بلدية مدينة هيوستن'),
  timeZone: 'America/Chicago',
  /** Month (1-12), day and local hours of the three days of meetings. */
  month: 4,
  day: 13,
  days: 3,
  startHour: 9,
  endHour: 17,
};

export interface DemoDelegationMember {
  name: LocalizedText;
  position: LocalizedText | null;
  isHead: boolean;
  /** The member's demo account, if they have one. */
  email?: string;
}

export const DEMO_DELEGATIONS: Array<{ cityCode: string; members: DemoDelegationMember[] }> = [
  {
    cityCode: 'dammam',
    members: [
      {
        name: ar('المهندس جمال بن ناصر الملحم', 'Eng. Jamal bin Nasser Al-Mulhim'),
        position: ar(
          'وكيل أمين المنطقة الشرقية للتعمير والمشاريع',
          'Deputy Mayor of the Eastern Province for Development and Projects',
        ),
        isHead: true,
        email: 'delegate.dammam@demo.majlis',
      },
      {
        name: ar('المهندس زياد السويدان', 'Eng. Ziad Al-Suwaidan'),
        position: ar(
          'المشرف على عضوية مدينة الدمام في تجمع مدن الطاقة العالمية',
          "Supervisor of Dammam's membership in the World Energy Cities Partnership",
        ),
        isHead: false,
      },
    ],
  },
  {
    cityCode: 'houston',
    members: [
      {
        name: en('Houston city delegate', 'مندوب وفد مدينة هيوستن'),
        position: en('Delegate of the host city', 'مندوب المدينة المضيفة'),
        isHead: false,
        email: 'delegate.houston@demo.majlis',
      },
    ],
  },
];

const PLAN_TITLE = ar(
  'المسودة الأولية لتطوير أعمال التجمع: خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء',
  "Initial draft for developing the Partnership's work: a strategic plan to widen cooperation between member cities",
);

/** The strategic plan from the Eastern Province municipality, in the two revisions the demo shows. */
export const DEMO_PROPOSAL = {
  ownerCityCode: 'dammam',
  authorEmail: 'delegate.dammam@demo.majlis',
  category: ProposalCategory.STRATEGIC_PLAN,
  revisions: [
    {
      title: PLAN_TITLE,
      summary: ar(
        'مسودة مقدمة من أمانة المنطقة الشرقية تتضمن خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء.',
        'A draft from the Eastern Province Municipality with a strategic plan to widen cooperation between member cities.',
      ),
      body: ar(
        'تقترح أمانة المنطقة الشرقية خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء في تجمع مدن الطاقة العالمية، ' +
          'وتفعيل آلية تبادل التجارب الناجحة في مختلف المجالات، وتبادل المعلومات والخبرات فيما يتعلق بالمشروعات ' +
          'واستراتيجيات البنية التحتية وتطوير خدمات مدن الطاقة.',
        'The Eastern Province Municipality proposes a strategic plan to widen cooperation between the member cities of ' +
          'the World Energy Cities Partnership, to put in place a way of exchanging successful experience in every field, ' +
          'and to share information and expertise on projects, infrastructure strategies and the services of energy cities.',
      ),
    },
    {
      title: PLAN_TITLE,
      summary: ar(
        'مسودة مقدمة من أمانة المنطقة الشرقية تتضمن خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء وإعطاء المزيد من الصلاحيات للأمانة العامة للتجمع.',
        'A draft from the Eastern Province Municipality with a strategic plan to widen cooperation between member cities and to give the general secretariat more powers.',
      ),
      body: ar(
        'تقترح أمانة المنطقة الشرقية خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء في تجمع مدن الطاقة العالمية، ' +
          'وتفعيل آلية تبادل التجارب الناجحة في مختلف المجالات، وتبادل المعلومات والخبرات فيما يتعلق بالمشروعات ' +
          'واستراتيجيات البنية التحتية وتطوير خدمات مدن الطاقة، وإعطاء المزيد من الصلاحيات للأمانة العامة للتجمع ' +
          'لمتابعة تنفيذ الخطط والبرامج التي يتم اعتمادها في مجلس إدارة التجمع.',
        'The Eastern Province Municipality proposes a strategic plan to widen cooperation between the member cities of ' +
          'the World Energy Cities Partnership, to put in place a way of exchanging successful experience in every field, ' +
          'to share information and expertise on projects, infrastructure strategies and the services of energy cities, ' +
          "and to give the Partnership's general secretariat more powers to follow up the implementation of the plans " +
          'and programmes that the board of directors approves.',
      ),
    },
  ],
};

export interface DemoAgendaItem {
  kind: AgendaItemKind;
  title: LocalizedText;
  description?: LocalizedText;
  plannedMinutes?: number;
  presenter?: AgendaPresenter;
  /** The city whose delegation presents it. */
  presenterCityCode?: string;
  /** Links the demo strategic plan. */
  linksProposal?: boolean;
  children?: DemoAgendaItem[];
}

export const DEMO_AGENDA: DemoAgendaItem[] = [
  {
    kind: AgendaItemKind.SECTION,
    title: ar('تطوير أعمال التجمع', "Developing the Partnership's work"),
    children: [
      {
        kind: AgendaItemKind.DECISION,
        title: ar(
          'مناقشة المسودة الأولية المقدمة من أمانة المنطقة الشرقية: خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء وإعطاء المزيد من الصلاحيات للأمانة العامة للتجمع',
          'Discussion of the initial draft from the Eastern Province Municipality: a strategic plan to widen cooperation between member cities and give the general secretariat more powers',
        ),
        plannedMinutes: 60,
        presenter: AgendaPresenter.DELEGATION,
        presenterCityCode: 'dammam',
        linksProposal: true,
      },
    ],
  },
  {
    kind: AgendaItemKind.SECTION,
    title: ar('برامج التبادل بين المدن الأعضاء', 'Exchange programmes between member cities'),
    children: [
      {
        kind: AgendaItemKind.PROGRAMME,
        title: ar('برنامج التبادل التدريبي', 'Training exchange programme'),
        description: ar(
          'للاستفادة من المعلومات والخبرات في المدن الأعضاء فيما يتعلق بالمشروعات واستراتيجيات البنية التحتية.',
          "To draw on member cities' information and expertise in projects and infrastructure strategies.",
        ),
        plannedMinutes: 45,
        presenter: AgendaPresenter.SECRETARIAT,
      },
      {
        kind: AgendaItemKind.PROGRAMME,
        title: ar('برنامج التبادل الأكاديمي', 'Academic exchange programme'),
        description: ar(
          'تطوير خدمات مدن الطاقة ودورها في مساندة قطاعات الطاقة المحلية وتحسين البيئة.',
          'Developing the services of energy cities and their role in supporting local energy sectors and the environment.',
        ),
        plannedMinutes: 45,
        presenter: AgendaPresenter.SECRETARIAT,
      },
    ],
  },
  {
    kind: AgendaItemKind.PRESENTATION,
    title: ar(
      'استعراض المشروعات التنموية التي تنفذها أمانة المنطقة الشرقية وبلدياتها والفرص الاستثمارية في المنطقة',
      "Presentation of the Eastern Province Municipality's development projects and investment opportunities",
    ),
    plannedMinutes: 30,
    presenter: AgendaPresenter.DELEGATION,
    presenterCityCode: 'dammam',
  },
  {
    kind: AgendaItemKind.DISCUSSION,
    title: ar(
      'نشاطات قطاع الأعمال في التجمع لزيادة التبادل التجاري بين المدن الأعضاء',
      "The Partnership's business-sector activities to raise trade between member cities",
    ),
    plannedMinutes: 45,
    presenter: AgendaPresenter.SECRETARIAT,
  },
];
