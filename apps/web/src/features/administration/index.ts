export { PeoplePage } from './PeoplePage';
export { CitiesPage } from './CitiesPage';
export { SeatsPage } from './SeatsPage';
export { mayOpenDelegation, mayOpenPeople } from './access';
export { DeliveriesPage } from './DeliveriesPage';
export { WebhooksPage } from './WebhooksPage';
