// The transitions feature's public file: other features and libs import it only through here.
export { TransitionRecorder } from './transition-recorder';
export type { StepDetails } from './transition-recorder';
export {
  checkVersion,
  eventTypeOf,
  invalidTransition,
  movedVersion,
  PLATFORM,
  policyActor,
  transitionComment,
} from './transition-rules';
export type { VersionedMove } from './transition-rules';
export { TransitionsModule } from './transitions.module';
export { WorkflowTransition } from './workflow-transition.entity';
