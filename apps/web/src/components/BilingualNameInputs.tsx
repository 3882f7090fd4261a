import { TextInput } from '@mantine/core';

/** A name as typed in its two fields, Arabic and English. */
export interface TypedName {
  ar: string;
  en: string;
}

/** At least one of the two languages is filled in. */
export const hasName = (name: TypedName): boolean => name.ar.trim() !== '' || name.en.trim() !== '';

/** The name as the API takes it: each language trimmed, an empty one left out. */
export const nameInput = (name: TypedName) => ({ ar: name.ar.trim() || null, en: name.en.trim() || null });

interface Props {
  value: TypedName;
  onChange: (name: TypedName) => void;
  labels: { ar: string; en: string };
  /** The API's refusal of the name, shown under the Arabic field. */
  error?: string;
}

/** The Arabic and English name fields, each in its own direction. */
export function BilingualNameInputs({ value, onChange, labels, error }: Props) {
  return (
    <>
      <TextInput
        label={labels.ar}
        lang="ar"
        dir="rtl"
        value={value.ar}
        onChange={(event) => onChange({ ...value, ar: event.currentTarget.value })}
        error={error}
      />
      <TextInput
        label={labels.en}
        lang="en"
        dir="ltr"
        value={value.en}
        onChange={(event) => onChange({ ...value, en: event.currentTarget.value })}
      />
    </>
  );
}
