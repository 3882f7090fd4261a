import { mayOpenDelegation, mayOpenPeople } from '../features/administration';
import { mayReview } from '../features/review';
import { hasRole, type Me } from '../lib/session';

export interface NavItem {
  to: string;
  key: string;
  exact: boolean;
  /** One line on the home page saying what the page is for. */
  lead?: string;
}

/** The administration menu: admins everything; the secretariat people and seats; a head their delegation. */
export function adminNav(me: Me): NavItem[] {
  const items: NavItem[] = [];
  if (mayOpenDelegation(me)) {
    items.push({ to: '/my-delegation', key: 'nav.myDelegation', exact: false, lead: 'home.delegationLead' });
  }
  if (mayOpenPeople(me)) items.push({ to: '/admin/people', key: 'nav.people', exact: false, lead: 'home.peopleLead' });
  if (hasRole(me, 'ADMIN'))
    items.push({ to: '/admin/cities', key: 'nav.cities', exact: false, lead: 'home.citiesLead' });
  if (hasRole(me, 'ADMIN', 'SECRETARIAT')) {
    items.push({ to: '/admin/seats', key: 'nav.seats', exact: false, lead: 'home.seatsLead' });
    items.push({
      to: '/admin/webhooks',
      key: 'operations.nav.webhooks',
      exact: false,
      lead: 'operations.webhooksLead',
    });
  }
  if (hasRole(me, 'ADMIN'))
    items.push({
      to: '/admin/deliveries',
      key: 'operations.nav.deliveries',
      exact: false,
      lead: 'operations.deliveriesLead',
    });
  return items;
}

/** The meeting desk: meetings for everyone (the API lets every role read them), the review queue for the secretariat. */
export function deskNav(me: Me): NavItem[] {
  const items: NavItem[] = [{ to: '/meetings', key: 'meetingDesk.nav.meetings', exact: false }];
  if (mayReview(me)) items.push({ to: '/review', key: 'meetingDesk.nav.review', exact: false });
  return items;
}
