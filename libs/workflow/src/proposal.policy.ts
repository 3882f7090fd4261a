import { OWNING_DELEGATE, OWNING_HEAD_OF_DELEGATION, SECRETARIAT, SYSTEM, type PolicyTable } from './policy-grant';
import type { ProposalEventType } from './proposal.machine';

export const proposalPolicy: PolicyTable<ProposalEventType> = {
  SUBMIT: [OWNING_DELEGATE],
  START_REVIEW: [SECRETARIAT],
  REQUEST_CHANGES: [SECRETARIAT],
  ACCEPT: [SECRETARIAT],
  SCHEDULE: [SECRETARIAT],
  OPEN_VOTE: [SECRETARIAT],
  // The closing ballot reports its result; no person decides the outcome directly.
  BALLOT_PASSED: [SYSTEM],
  BALLOT_FAILED: [SYSTEM],
  BALLOT_NO_QUORUM: [SYSTEM],
  DEFER: [SECRETARIAT],
  WITHDRAW: [OWNING_HEAD_OF_DELEGATION],
};
