export { MeetingPage } from './MeetingPage';
export { MeetingsPage } from './MeetingsPage';
export { PublishedAgendas } from './PublishedAgendas';
