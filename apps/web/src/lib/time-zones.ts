import { timeZoneName } from '@majlis/catalogue';
import type { Lang } from './numbers';

export interface ZoneChoice {
  value: string;
  label: string;
}

// Naming some 400 zones takes a moment: once per language, and only when someone picks a zone.
const choicesByLanguage = new Map<Lang, ZoneChoice[]>();

/** Every IANA zone this browser knows, for a person picking one: its name, and its identifier beside it. */
export function timeZoneChoices(lang: Lang): ZoneChoice[] {
  const known = choicesByLanguage.get(lang);
  if (known) return known;
  const choices = Intl.supportedValuesOf('timeZone')
    .map((zone) => ({ value: zone, label: `${timeZoneName(zone, lang)} — ${zone}` }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  choicesByLanguage.set(lang, choices);
  return choices;
}
