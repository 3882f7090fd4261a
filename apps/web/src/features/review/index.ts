export { mayReview } from './access';
export { ReviewPage } from './ReviewPage';
export { ReviewQueuePage } from './ReviewQueuePage';
