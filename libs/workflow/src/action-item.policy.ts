import { OWNING_DELEGATE, SECRETARIAT, type PolicyTable } from './policy-grant';
import type { ActionItemEventType } from './action-item.machine';

export const actionItemPolicy: PolicyTable<ActionItemEventType> = {
  START: [SECRETARIAT, OWNING_DELEGATE],
  BLOCK: [SECRETARIAT, OWNING_DELEGATE],
  UNBLOCK: [SECRETARIAT, OWNING_DELEGATE],
  COMPLETE: [SECRETARIAT, OWNING_DELEGATE],
  VERIFY: [SECRETARIAT],
  CANCEL: [SECRETARIAT],
};
