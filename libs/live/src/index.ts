// Live updates: the topics, the LiveUpdates port the domain publishes through, and the adapter the apps provide.
export { LiveUpdates } from './live-updates';
export type { LiveTopic, LiveTopics } from './live-updates';
export { LiveModule } from './live.module';
