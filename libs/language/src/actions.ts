import type { Locale } from '@majlis/config';
import arActions from '../catalogue/ar/actions.json';
import { hasMessage, message, type MessageKey, type Reader } from './catalogue';

/**
 * What a refusal says the person may not do, in words: the `actions` namespace of the catalogue names
 * every operation (the GraphQL field names the auth guard refuses by) and every finer rule a service
 * checks — "You may not <words>." / "لا يحق لك <words>." — and, under `events`, the workflow events a
 * person sends ("You may not submit this proposal.").
 */
type ActionWords = typeof arActions;

export type ActionName = Exclude<keyof ActionWords, 'events'>;

/** The kinds of record whose workflow events have words of their own. */
export type EventKind = keyof ActionWords['events'];

export const isActionName = (name: string): name is ActionName =>
  name !== 'events' && Object.hasOwn(arActions, name) && typeof arActions[name as ActionName] === 'string';

/** An event's key when the catalogue has words for it; a type that is not an event's name never reaches it. */
function eventKey(reader: Reader | Locale, event: { kind: EventKind; type: string }): MessageKey | undefined {
  if (!Object.hasOwn(arActions.events, event.kind) || !/^[A-Z][A-Z_]*$/.test(event.type)) return undefined;
  const key: MessageKey = `actions:events.${event.kind}.${event.type}`;
  return hasMessage(reader, key) ? key : undefined;
}

/** The refused action's words: a workflow event's when the catalogue has them, else its operation's. */
export function actionWords(
  action: ActionName,
  reader: Reader | Locale,
  event?: { kind: EventKind; type: string },
): string {
  const key = event === undefined ? undefined : eventKey(reader, event);
  return message(reader, key ?? `actions:${action}`);
}

/** The operations, of those given, that have no words in the catalogue (checked when the API starts). */
export const operationsWithoutWords = (operations: Iterable<string>): string[] =>
  [...operations].filter((operation) => !isActionName(operation)).sort();
