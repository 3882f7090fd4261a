import { useTranslation } from 'react-i18next';
import { NotAllowed } from '../../components/states';

/** The review desk is the secretariat's: say so plainly, and the way home. */
export function NotForYou() {
  const { t } = useTranslation();
  return <NotAllowed title={t('meetingDesk.review.notAllowedTitle')} body={t('meetingDesk.review.notAllowedBody')} />;
}
