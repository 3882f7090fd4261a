import type { Digits, Lang } from './numbers';

export interface ZoneChoice {
  value: string;
  label: string;
}

/** A zone named in the reader's language ("التوقيت المركزي لأمريكا الشمالية", "Central Time"), never its id. */
export function zoneName(zone: string, lang: Lang, digits: Digits = lang === 'ar' ? 'arab' : 'latn'): string {
  const part = new Intl.DateTimeFormat(`${lang}-u-nu-${digits}`, { timeZone: zone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date())
    .find((piece) => piece.type === 'timeZoneName');
  return part?.value ?? zone;
}

// Naming some 400 zones takes a moment: once per language, and only when someone picks a zone.
const choicesByLanguage = new Map<Lang, ZoneChoice[]>();

/** Every IANA zone this browser knows, for a person picking one: its name, and its identifier beside it. */
export function timeZoneChoices(lang: Lang): ZoneChoice[] {
  const known = choicesByLanguage.get(lang);
  if (known) return known;
  const choices = Intl.supportedValuesOf('timeZone')
    .map((zone) => ({ value: zone, label: `${zoneName(zone, lang)} — ${zone}` }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  choicesByLanguage.set(lang, choices);
  return choices;
}
