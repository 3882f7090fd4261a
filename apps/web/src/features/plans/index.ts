export { PlanPage } from './PlanPage';
export { FollowUpPage } from './FollowUpPage';
export { CityFollowup } from './FollowupRows';
