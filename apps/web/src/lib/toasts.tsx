import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors';

type Values = Record<string, string | number>;

function Message({ i18nKey, values }: { i18nKey: string; values?: Values }) {
  const { t } = useTranslation();
  return <>{t(i18nKey, values)}</>;
}

/** A toast from the catalogue: written again in the new language when the person switches. */
export function showToast(color: string, i18nKey: string, values?: Values): void {
  notifications.show({ color, message: <Message i18nKey={i18nKey} values={values} /> });
}

const refusals = new Set<string>();

/** A refusal or failure, in the words of the language it was asked in (the API's own message). */
export function showRefusal(error: unknown, t: TFunction): void {
  const id = notifications.show({ color: 'red', message: errorMessage(error, t), onClose: () => refusals.delete(id) });
  refusals.add(id);
}

/** After a language switch: a refusal cannot be written again in the new language, so it closes. */
export function closeRefusals(): void {
  for (const id of refusals) notifications.hide(id);
  refusals.clear();
}
