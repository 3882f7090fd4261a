// The meetings feature's public file: other features and libs import it only through here.
export { AgendaItem, AgendaItemKind, AgendaPresenter } from './agenda-item.entity';
export { AgendaTree } from './agenda-tree';
export { AgendaService, MAX_AGENDA_ITEMS } from './agenda.service';
export type { AddAgendaItemInput, AgendaItemInput } from './agenda.service';
export { CalendarFeed } from './calendar-feed.entity';
export { CALENDAR_FEED_PATH, CalendarFeedService } from './calendar-feed.service';
export type { IssuedCalendarFeed } from './calendar-feed.service';
export { DelegationMember } from './delegation-member.entity';
export { Delegation } from './delegation.entity';
export { DelegationService } from './delegation.service';
export type { AddDelegationMemberInput } from './delegation.service';
export { MeetingEvents } from './meeting-events';
export { Meeting, MeetingKind } from './meeting.entity';
export { MeetingLoaders } from './meeting.loaders';
export type { MeetingFilter } from './meeting.repository';
export { MeetingService } from './meeting.service';
export type { CreateMeetingInput, UpdateMeetingInput } from './meeting.service';
export { MeetingsModule } from './meetings.module';
