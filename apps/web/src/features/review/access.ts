import { hasRole, type Me } from '../../lib/session';

/** The secretariat reviews proposals; the API checks it again. */
export const mayReview = (me: Me): boolean => hasRole(me, 'SECRETARIAT');
