import { useQuery } from '@apollo/client/react';
import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../lib/localized';
import { usePreferences } from '../../lib/preferences';
import { DeskCitiesDocument } from './documents';

interface Props {
  ownerCityId: string;
  value: string[];
  disabled?: boolean;
  description?: string;
  error?: string | null;
  onChange(ids: string[]): void;
}

/** The member cities that co-sponsor: every city but the owner's, at most 20. */
export function CosponsorPicker({ ownerCityId, value, disabled = false, description, error, onChange }: Props) {
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const { data } = useQuery(DeskCitiesDocument);
  const cities = (data?.memberCities ?? [])
    .filter((city) => city.id !== ownerCityId)
    .map((city) => ({ value: city.id, label: pickText(city.name, lang)?.text ?? city.id }));
  return (
    <MultiSelect
      label={t('desk.editor.cosponsors')}
      description={description}
      data={cities}
      value={value}
      onChange={onChange}
      disabled={disabled}
      searchable
      clearable={false}
      maxValues={20}
      nothingFoundMessage={t('common.nothingFound')}
      error={error ?? undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
