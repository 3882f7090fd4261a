import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorField, errorMessage } from '../lib/errors';

interface Props {
  error: unknown;
  /** Fields whose errors the form shows beside the field itself, not here. */
  besideFields?: readonly string[];
}

/** A refusal or failure as the API's own message, in the language shown; nothing when there is none. */
export function ErrorAlert({ error, besideFields = [] }: Props) {
  const { t } = useTranslation();
  if (!error || besideFields.includes(errorField(error) ?? '')) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {errorMessage(error, t)}
    </Alert>
  );
}
