import { SECRETARIAT, type PolicyTable } from './policy-grant';
import type { MeetingEventType } from './meeting.machine';

export const meetingPolicy: PolicyTable<MeetingEventType> = {
  PUBLISH_AGENDA: [SECRETARIAT],
  OPEN: [SECRETARIAT],
  ADJOURN: [SECRETARIAT],
  APPROVE_MINUTES: [SECRETARIAT],
  CANCEL: [SECRETARIAT],
};
