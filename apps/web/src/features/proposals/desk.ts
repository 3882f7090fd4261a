import type { ProposalPageQuery } from '../../gql/graphql';

type Proposal = ProposalPageQuery['proposal'];
export type HistoryEntry = Pick<Proposal['history'][number], 'fromState' | 'toState'>;
export type Comment = Proposal['reviewComments'][number];

export interface Thread<C extends { id: string; parentId?: string | null } = Comment> {
  root: C;
  replies: C[];
}

/** The states a proposal went through, oldest first; a proposal never moved is where it started. */
export function pathTaken(state: string, history: readonly HistoryEntry[]): string[] {
  if (history.length === 0) return [state];
  return [history[0]?.fromState ?? state, ...history.map((entry) => entry.toState)];
}

/** Comments grouped by the thread they open or answer (an answer to an answer stays in its thread), oldest first. */
export function threadsOf<C extends { id: string; parentId?: string | null }>(comments: readonly C[]): Thread<C>[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const rootOf = (comment: C): C => {
    let current = comment;
    const seen = new Set<string>();
    while (current.parentId && byId.has(current.parentId) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.parentId) as C;
    }
    return current;
  };
  const threads = new Map<string, Thread<C>>();
  for (const comment of comments) {
    const root = rootOf(comment);
    const thread = threads.get(root.id) ?? { root, replies: [] };
    if (comment.id !== root.id) thread.replies.push(comment);
    threads.set(root.id, thread);
  }
  return [...threads.values()];
}
