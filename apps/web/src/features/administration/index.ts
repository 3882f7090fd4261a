export { PeoplePage } from './PeoplePage';
export { CitiesPage } from './CitiesPage';
export { SeatsPage } from './SeatsPage';
export { mayOpenDelegation, mayOpenPeople } from './access';
