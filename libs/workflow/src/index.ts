export {
  ACTION_ITEM_STATES,
  actionItemMachine,
  type ActionItemContext,
  type ActionItemEvent,
  type ActionItemEventType,
  type ActionItemInput,
  type ActionItemState,
} from './action-item.machine';
export { actionItemPolicy } from './action-item.policy';
export {
  BALLOT_STATES,
  ballotMachine,
  type BallotCloseReason,
  type BallotContext,
  type BallotEvent,
  type BallotEventType,
  type BallotInput,
  type BallotState,
} from './ballot.machine';
export { ballotPolicy } from './ballot.policy';
export {
  MEETING_STATES,
  meetingMachine,
  type MeetingContext,
  type MeetingEvent,
  type MeetingEventType,
  type MeetingInput,
  type MeetingState,
} from './meeting.machine';
export { meetingPolicy } from './meeting.policy';
export { ACTOR_ROLES, type ActorRole, type PolicyActor, type PolicyGrant, type PolicyTable } from './policy-grant';
export {
  PROPOSAL_STATES,
  proposalMachine,
  type ProposalContext,
  type ProposalEvent,
  type ProposalEventType,
  type ProposalInput,
  type ProposalState,
} from './proposal.machine';
export { proposalPolicy } from './proposal.policy';
export {
  countVotes,
  InvalidVoteRulesError,
  requiredForQuorum,
  type BallotResult,
  type CastVote,
  type EligibleVoter,
  type MajorityRule,
  type TieBreak,
  type VoteChoice,
  type VoteCount,
  type VoteCountInput,
  type VoteRules,
  type VoteTally,
} from './vote-count';
export {
  isWorkflowEventType,
  isWorkflowState,
  WORKFLOW_KINDS,
  workflowEventTypes,
  type WorkflowContext,
  type WorkflowEvent,
  type WorkflowEventType,
  type WorkflowInput,
  type WorkflowKind,
  type WorkflowState,
  type WorkflowTypes,
} from './workflow-definitions';
export {
  describeWorkflow,
  type EventDescription,
  type StateDescription,
  type TransitionDescription,
  type WorkflowDescription,
} from './workflow-description';
export { eventsActorMaySend, maySend, workflowPolicy } from './workflow-policy';
export {
  availableEvents,
  nextState,
  UnknownWorkflowStateError,
  type StepAccepted,
  type StepRefusal,
  type StepRefused,
  type StepResult,
} from './workflow-step';
