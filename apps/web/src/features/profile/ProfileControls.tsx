import { useMutation } from '@apollo/client/react';
import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { showRefusal } from '../../lib/toasts';
import type { Digits, Lang } from '../../lib/numbers';
import { UpdateMyProfileDocument } from './documents';

interface LanguageSwitchProps {
  lang: Lang;
  /** Signed in: the choice is saved in the profile (e-mails follow it); else only on this browser. */
  signedIn: boolean;
  onApply(lang: Lang): Promise<void>;
}

/** One click to the other language, named in that language. */
export function LanguageSwitch({ lang, signedIn, onApply }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const [update, { loading }] = useMutation(UpdateMyProfileDocument);
  const other: Lang = lang === 'ar' ? 'en' : 'ar';

  async function choose() {
    if (signedIn) {
      try {
        await update({ variables: { input: { locale: other } } });
      } catch (error) {
        showRefusal(error, t);
        return;
      }
    }
    await onApply(other);
  }

  return (
    <Button
      variant="default"
      size="compact-sm"
      loading={loading}
      onClick={() => void choose()}
      lang={other}
      title={t('header.switchLanguage')}
    >
      {other === 'ar' ? 'العربية' : 'English'}
    </Button>
  );
}

/** Menu items to choose Arabic-Indic (٠١٢) or Latin (012) digits, saved in the profile. */
export function DigitsMenuItems({ digits }: { digits: Digits }) {
  const { t } = useTranslation();
  const [update] = useMutation(UpdateMyProfileDocument);
  const choose = (next: Digits) => {
    update({ variables: { input: { digits: next } } }).catch((error: unknown) => showRefusal(error, t));
  };
  return (
    <>
      <Menu.Label>{t('header.digits')}</Menu.Label>
      <Menu.Item onClick={() => choose('arab')}>
        {digits === 'arab' ? '✓ ' : ''}
        {t('header.digitsArab')}
      </Menu.Item>
      <Menu.Item onClick={() => choose('latn')}>
        {digits === 'latn' ? '✓ ' : ''}
        {t('header.digitsLatn')}
      </Menu.Item>
    </>
  );
}
