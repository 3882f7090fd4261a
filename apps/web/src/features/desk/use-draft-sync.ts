import { useApolloClient, useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskEditorFragment } from '../../gql/graphql';
import { errorCode } from '../../lib/errors';
import type { Lang } from '../../lib/numbers';
import { DeskProposalDocument, SaveRevisionDocument, SaveWorkingCopyDocument } from './documents';
import { changedFields, draftOf, draftOverLimit, hasTitle, sameDraft, type Draft, type ServedContent } from './draft';
import { readCopy, removeCopy, writeCopy, type LocalCopy } from './local-copy';

/** How long typing pauses before autosave sends the text. */
const AUTOSAVE_DELAY = 1_200;
/** How often a save that failed for the connection is tried again (and at once when the browser is back online). */
const RETRY_DELAY = 5_000;

export type SaveStatus =
  | { kind: 'clean' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'revision'; number: number; at: string }
  | { kind: 'offline' }
  | { kind: 'invalid' }
  | { kind: 'refused'; error: unknown }
  | { kind: 'conflict' };

export interface Conflict {
  theirs: Draft;
  version: number;
  savedBy: NonNullable<DeskEditorFragment['workingCopy']>['savedBy'] | null;
  savedAt: string | null;
}

/** The text the server holds for the proposal: its working copy, else its latest revision. */
export function servedContent(proposal: DeskEditorFragment): ServedContent {
  if (proposal.workingCopy) return proposal.workingCopy;
  return { title: proposal.title, summary: proposal.summary ?? null, body: proposal.revisions.at(-1)?.body ?? null };
}

const isNetworkFailure = (error: unknown): boolean => !CombinedGraphQLErrors.is(error);

/**
 * The editor's text and its way to the server: every change is kept on this browser at once, sent to the
 * working copy after a pause, and dropped from the browser once the server has it. A colleague's save in
 * between stops everything until the person chooses between the two versions.
 */
export function useDraftSync(proposal: DeskEditorFragment, copyKey: string, fallback: Lang) {
  const client = useApolloClient();
  const [saveWorkingCopy] = useMutation(SaveWorkingCopyDocument);
  const [saveDraft] = useMutation(SaveRevisionDocument);

  const initial = draftOf(servedContent(proposal), fallback);
  const [draft, setDraftState] = useState<Draft>(initial);
  const [status, setStatus] = useState<SaveStatus>(
    proposal.workingCopy ? { kind: 'saved', at: proposal.workingCopy.savedAt } : { kind: 'clean' },
  );
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [offer, setOffer] = useState<LocalCopy | null>(() => {
    const local = readCopy(copyKey);
    if (local === null) return null;
    if (sameDraft(local.draft, initial)) {
      removeCopy(copyKey);
      return null;
    }
    return local;
  });
  const [keptLocally, setKeptLocally] = useState(true);

  // What async work reads: the latest values, not those of the render that started it.
  const draftRef = useRef(draft);
  const servedRef = useRef(initial);
  const versionRef = useRef(proposal.version);
  const busy = useRef(false);
  /** The autosave on its way, for a submit to wait for. */
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  const blocked = useRef(offer !== null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const keep = useCallback(
    (next: Draft) => {
      const ok = writeCopy(copyKey, { draft: next, baseVersion: versionRef.current, keptAt: new Date().toISOString() });
      setKeptLocally(ok);
    },
    [copyKey],
  );

  /** After the server took `sent` at `version`: forget the browser's copy unless more was typed meanwhile. */
  const accepted = useCallback(
    (sent: Draft, result: DeskEditorFragment) => {
      servedRef.current = sent;
      versionRef.current = result.version;
      if (sameDraft(draftRef.current, sent)) removeCopy(copyKey);
      else keep(draftRef.current);
    },
    [copyKey, keep],
  );

  const showConflict = useCallback(async () => {
    const { data } = await client.query({
      query: DeskProposalDocument,
      variables: { id: proposal.id },
      fetchPolicy: 'network-only',
    });
    if (!data) return;
    const current = data.proposal;
    setConflict({
      theirs: draftOf(servedContent(current), fallback),
      version: current.version,
      savedBy: current.workingCopy?.savedBy ?? null,
      savedAt: current.workingCopy?.savedAt ?? null,
    });
    setStatus({ kind: 'conflict' });
  }, [client, proposal.id, fallback]);

  const failed = useCallback(
    async (error: unknown) => {
      if (errorCode(error) === 'VERSION_CONFLICT') {
        blocked.current = true;
        await showConflict().catch(() => setStatus({ kind: 'offline' }));
      } else if (isNetworkFailure(error)) {
        setStatus({ kind: 'offline' });
      } else {
        setStatus({ kind: 'refused', error });
      }
    },
    [showConflict],
  );

  const autosave = useCallback(async () => {
    clearTimeout(timer.current);
    if (busy.current || blocked.current) return;
    const sent = draftRef.current;
    const changes = changedFields(servedRef.current, sent);
    if (Object.keys(changes).length === 0) {
      removeCopy(copyKey);
      return;
    }
    if (!hasTitle(sent) || draftOverLimit(sent)) {
      setStatus({ kind: 'invalid' });
      return;
    }
    busy.current = true;
    setStatus({ kind: 'saving' });
    try {
      const request = saveWorkingCopy({
        variables: { id: proposal.id, input: { ...changes, expectedVersion: versionRef.current } },
      });
      inFlight.current = request.catch(() => undefined);
      const { data } = await request;
      const result = data?.saveProposalWorkingCopy;
      if (!result) return;
      accepted(sent, result);
      setStatus({ kind: 'saved', at: result.workingCopy?.savedAt ?? new Date().toISOString() });
      // More was typed while the save was on its way: send that too. A failed save is not sent again here:
      // offline retries on its own clock, a refusal waits for the person's next change.
      if (!sameDraft(draftRef.current, sent)) schedule(AUTOSAVE_DELAY);
    } catch (error) {
      await failed(error);
    } finally {
      busy.current = false;
    }
  }, [accepted, copyKey, failed, proposal.id, saveWorkingCopy]);

  const autosaveRef = useRef(autosave);
  autosaveRef.current = autosave;
  function schedule(delay: number) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void autosaveRef.current(), delay);
  }

  // A save that failed for the connection is tried again: when the browser is back online, and every few seconds.
  useEffect(() => {
    if (status.kind !== 'offline') return;
    const retry = () => void autosaveRef.current();
    const interval = setInterval(retry, RETRY_DELAY);
    window.addEventListener('online', retry);
    return () => {
      clearInterval(interval);
      window.removeEventListener('online', retry);
    };
  }, [status.kind]);

  useEffect(() => () => clearTimeout(timer.current), []);

  function setDraft(next: Draft) {
    draftRef.current = next;
    setDraftState(next);
    keep(next);
    if (blocked.current) return;
    setStatus((current) => (current.kind === 'offline' ? current : { kind: 'pending' }));
    schedule(AUTOSAVE_DELAY);
  }

  /** The person takes back what this browser kept: sent over the version it was written on. */
  function restore() {
    if (offer === null) return;
    if (offer.baseVersion !== null) versionRef.current = offer.baseVersion;
    blocked.current = false;
    setOffer(null);
    setDraft(offer.draft);
  }

  function discard() {
    removeCopy(copyKey);
    blocked.current = false;
    setOffer(null);
  }

  /** Keep my version: written over theirs, now that the person has seen both. */
  function keepMine() {
    if (conflict === null) return;
    servedRef.current = conflict.theirs;
    versionRef.current = conflict.version;
    blocked.current = false;
    setConflict(null);
    keep(draftRef.current);
    setStatus({ kind: 'pending' });
    void autosaveRef.current();
  }

  /** Take theirs: my text is dropped, at the person's word. */
  function takeTheirs() {
    if (conflict === null) return;
    servedRef.current = conflict.theirs;
    versionRef.current = conflict.version;
    draftRef.current = conflict.theirs;
    setDraftState(conflict.theirs);
    removeCopy(copyKey);
    blocked.current = false;
    setConflict(null);
    setStatus({ kind: 'clean' });
  }

  /** Makes a revision of the working copy with what changed since; autosave never does. */
  async function saveRevision(): Promise<boolean> {
    clearTimeout(timer.current);
    if (busy.current || blocked.current) return false;
    const sent = draftRef.current;
    if (!hasTitle(sent) || draftOverLimit(sent)) {
      setStatus({ kind: 'invalid' });
      return false;
    }
    busy.current = true;
    setStatus({ kind: 'saving' });
    try {
      const changes = changedFields(servedRef.current, sent);
      const { data } = await saveDraft({
        variables: { id: proposal.id, input: { ...changes, expectedVersion: versionRef.current } },
      });
      const result = data?.saveProposalDraft;
      if (!result) return false;
      accepted(sent, result);
      setStatus({ kind: 'revision', number: result.revisionCount, at: new Date().toISOString() });
      return true;
    } catch (error) {
      await failed(error);
      return false;
    } finally {
      busy.current = false;
    }
  }

  /** Sends what is not on the server yet and says whether the server now has everything (before submitting). */
  async function flush(): Promise<boolean> {
    clearTimeout(timer.current);
    if (busy.current) await inFlight.current;
    if (blocked.current) return false;
    if (sameDraft(draftRef.current, servedRef.current)) return true;
    await autosaveRef.current();
    return !blocked.current && sameDraft(draftRef.current, servedRef.current);
  }

  const dirty = !sameDraft(draft, servedRef.current);
  return {
    draft,
    setDraft,
    status,
    conflict,
    offer,
    restore,
    discard,
    keepMine,
    takeTheirs,
    saveRevision,
    flush,
    dirty,
    // Apollo's cache holds the proposal as each save returned it (and as the conflict read it).
    hasWorkingCopy: proposal.workingCopy !== null,
    keptLocally,
    version: () => versionRef.current,
    forget: () => removeCopy(copyKey),
  };
}
