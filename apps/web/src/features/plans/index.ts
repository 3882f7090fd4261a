export { PlanPage } from './PlanPage';
export { CityFollowup } from './FollowupRows';
