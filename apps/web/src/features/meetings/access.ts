import { hasRole, type Me } from '../../lib/session';

/** The secretariat plans and changes meetings; the API checks it again. */
export const mayPlanMeetings = (me: Me): boolean => hasRole(me, 'SECRETARIAT');
