import { SECRETARIAT, SYSTEM, type PolicyTable } from './policy-grant';
import type { BallotEventType } from './ballot.machine';

export const ballotPolicy: PolicyTable<BallotEventType> = {
  OPEN: [SECRETARIAT],
  // The system closes a ballot when its deadline comes.
  CLOSE: [SECRETARIAT, SYSTEM],
  CANCEL: [SECRETARIAT],
};
