import type { LocalizedText } from '@majlis/language';
import { type FormOfAddress, Role } from '@majlis/domain';

/** The World Energy Cities Partnership as the embedded demo shows it (wording from the Arabic report). */
export const DEMO_PARTNERSHIP = {
  code: 'wecp',
  name: { ar: 'تجمع مدن الطاقة العالمية', en: 'World Energy Cities Partnership', authoritative: 'en' },
  foundedYear: 1995,
} satisfies { code: string; name: LocalizedText; foundedYear: number };

export interface DemoCity {
  code: string;
  name: LocalizedText;
  countryCode: string;
  timeZone: string;
  joinedYear: number;
}

export const DEMO_CITIES: DemoCity[] = [
  {
    code: 'dammam',
    name: { ar: 'الدمام', en: 'Dammam', authoritative: 'ar' },
    countryCode: 'SA',
    timeZone: 'Asia/Riyadh',
    joinedYear: 2008,
  },
  {
    code: 'houston',
    name: { ar: 'هيوستن', en: 'Houston', authoritative: 'en' },
    countryCode: 'US',
    timeZone: 'America/Chicago',
    joinedYear: 1995,
  },
  {
    code: 'aberdeen',
    name: { ar: 'أبردين', en: 'Aberdeen', authoritative: 'en' },
    countryCode: 'GB',
    timeZone: 'Europe/London',
    joinedYear: 1995,
  },
  {
    code: 'stavanger',
    name: { ar: 'ستافانغر', en: 'Stavanger', authoritative: 'en' },
    countryCode: 'NO',
    timeZone: 'Europe/Oslo',
    joinedYear: 1995,
  },
  {
    code: 'calgary',
    name: { ar: 'كالغاري', en: 'Calgary', authoritative: 'en' },
    countryCode: 'CA',
    timeZone: 'America/Edmonton',
    joinedYear: 1995,
  },
  {
    code: 'perth',
    name: { ar: 'بيرث', en: 'Perth', authoritative: 'en' },
    countryCode: 'AU',
    timeZone: 'Australia/Perth',
    joinedYear: 1995,
  },
  {
    code: 'portharcourt',
    name: { ar: 'بورت هاركورت', en: 'Port Harcourt', authoritative: 'en' },
    countryCode: 'NG',
    timeZone: 'Africa/Lagos',
    joinedYear: 1997,
  },
];

export interface DemoAccount {
  email: string;
  name: LocalizedText;
  roles: Role[];
  cityCode: string | null;
  isHeadOfDelegation: boolean;
  /** How messages greet them; null: not known, a neutral greeting. */
  formOfAddress: FormOfAddress | null;
  preferredLocale: 'ar' | 'en';
  /** Holds the city's board seat; the chair breaks ties where a ballot's rules say so. */
  boardSeat?: 'chair' | 'member';
}

const boardMember = (city: DemoCity): DemoAccount => ({
  email: `board.${city.code}@demo.majlis`,
  name: {
    ar: `عضو مجلس إدارة التجمع عن مدينة ${city.name.ar ?? ''}`,
    en: `Board member for ${city.name.en ?? ''}`,
    authoritative: city.name.authoritative,
  },
  roles: [Role.BOARD_MEMBER],
  cityCode: city.code,
  isHeadOfDelegation: false,
  formOfAddress: null,
  preferredLocale: city.countryCode === 'SA' ? 'ar' : 'en',
  boardSeat: city.code === 'houston' ? 'chair' : 'member',
});

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@demo.majlis',
    name: { ar: 'مدير النظام', en: 'System administrator', authoritative: 'en' },
    roles: [Role.ADMIN],
    cityCode: null,
    isHeadOfDelegation: false,
    formOfAddress: null,
    preferredLocale: 'en',
  },
  {
    email: 'secretariat@demo.majlis',
    name: { ar: 'الأمانة العامة للتجمع', en: 'General Secretariat of the Partnership', authoritative: 'en' },
    roles: [Role.SECRETARIAT],
    cityCode: null,
    isHeadOfDelegation: false,
    formOfAddress: 'OFFICE',
    preferredLocale: 'en',
  },
  {
    email: 'delegate.dammam@demo.majlis',
    name: {
      ar: 'المهندس جمال بن ناصر الملحم، وكيل أمين المنطقة الشرقية للتعمير والمشاريع',
      en: 'Eng. Jamal bin Nasser Al-Mulhim, Deputy Mayor for Development and Projects',
      authoritative: 'ar',
    },
    roles: [Role.DELEGATE],
    cityCode: 'dammam',
    isHeadOfDelegation: true,
    formOfAddress: 'EXCELLENCY',
    preferredLocale: 'ar',
  },
  {
    email: 'delegate.houston@demo.majlis',
    name: { ar: 'مندوب وفد مدينة هيوستن', en: 'Houston city delegate', authoritative: 'en' },
    roles: [Role.DELEGATE],
    cityCode: 'houston',
    isHeadOfDelegation: false,
    formOfAddress: null,
    preferredLocale: 'en',
  },
  ...DEMO_CITIES.map(boardMember),
  {
    email: 'observer.dammam@demo.majlis',
    name: { ar: 'المكتب التنسيقي لمدينة الدمام', en: "Dammam's coordinating office", authoritative: 'ar' },
    roles: [Role.OBSERVER],
    cityCode: 'dammam',
    isHeadOfDelegation: false,
    formOfAddress: 'OFFICE',
    preferredLocale: 'ar',
  },
];
