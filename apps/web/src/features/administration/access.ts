import { hasRole, type Me } from '../../lib/session';

/** What the signed-in person may do here; the API checks every one of these again. */
export interface PeopleAccess {
  /** Edit, deactivate and reactivate people; give any role. */
  admin: boolean;
  /** Invite at all. */
  invite: boolean;
  /** The roles this person may give in an invitation. */
  invitableRoles: ('ADMIN' | 'SECRETARIAT' | 'BOARD_MEMBER' | 'DELEGATE' | 'OBSERVER')[];
  /** Invitations go to this city only (a head of delegation's own). */
  fixedCityId: string | null;
}

export function peopleAccess(me: Me, scope: 'all' | 'delegation'): PeopleAccess {
  const admin = hasRole(me, 'ADMIN');
  if (scope === 'delegation') {
    return {
      admin: false,
      invite: me.isHeadOfDelegation && me.memberCity !== null,
      invitableRoles: ['DELEGATE'],
      fixedCityId: me.memberCity?.id ?? null,
    };
  }
  if (admin) {
    return {
      admin: true,
      invite: true,
      invitableRoles: ['DELEGATE', 'BOARD_MEMBER', 'OBSERVER', 'SECRETARIAT', 'ADMIN'],
      fixedCityId: null,
    };
  }
  const secretariat = hasRole(me, 'SECRETARIAT');
  return {
    admin: false,
    invite: secretariat,
    invitableRoles: secretariat ? ['DELEGATE', 'BOARD_MEMBER', 'OBSERVER'] : [],
    fixedCityId: null,
  };
}

export function mayOpenPeople(me: Me): boolean {
  return hasRole(me, 'ADMIN', 'SECRETARIAT');
}

export function mayOpenDelegation(me: Me): boolean {
  return me.isHeadOfDelegation && me.memberCity !== null;
}
