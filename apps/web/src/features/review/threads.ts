/** A comment as threads need it: who it answers, and when it was written. */
export interface ThreadComment {
  id: string;
  parentId?: string | null;
  createdAt: string;
}

export interface Thread<C extends ThreadComment> {
  root: C;
  /** Every answer in the thread, at any depth, oldest first. */
  replies: C[];
}

/** Comments gathered into threads under their first comment, threads and answers oldest first. */
export function threadsOf<C extends ThreadComment>(comments: readonly C[]): Thread<C>[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const rootOf = (comment: C): C => {
    let current = comment;
    const seen = new Set<string>();
    // An answer whose parent is not here (hidden, or gone) starts a thread of its own.
    while (current.parentId && byId.has(current.parentId) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.parentId)!;
    }
    return current;
  };
  const oldestFirst = (a: C, b: C) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  const threads = new Map<string, Thread<C>>();
  for (const comment of [...comments].sort(oldestFirst)) {
    const root = rootOf(comment);
    const thread = threads.get(root.id) ?? { root, replies: [] };
    if (comment.id !== root.id) thread.replies.push(comment);
    threads.set(root.id, thread);
  }
  return [...threads.values()].sort((a, b) => oldestFirst(a.root, b.root));
}

/** The language a comment is written in, for the API's bilingual text: Arabic when it has Arabic letters. */
export const languageOfText = (text: string): 'ar' | 'en' => (/\p{Script=Arabic}/u.test(text) ? 'ar' : 'en');
