import { Injectable } from '@nestjs/common';
import {
  eventsActorMaySend,
  maySend,
  nextState,
  type PolicyActor,
  type ProposalEvent,
  type ProposalEventType,
} from '@majlis/workflow';
import {
  badInput,
  DomainError,
  forbidden,
  LocalizedTextInput,
  notFound,
  optionalText,
  requiredText,
  searchableText,
} from '@majlis/language';
import type { ActionName, LocalizedText } from '@majlis/language';
import { Page, PageRequest, pageSize, requireUuid, toPage, UnitOfWork, type Transaction } from '@majlis/persistence';
import { LiveUpdates } from '@majlis/live';
import { AuditEntry, AuditService } from '../audit';
import { Actor, ALL_ROLES, requireRole, Role } from '../identity';
import { MeetingRepository } from '../meetings';
import type { MemberCity } from '../partnership';
import {
  checkVersion,
  eventTypeOf,
  invalidTransition,
  movedVersion,
  PLATFORM,
  policyActor,
  transitionComment,
  TransitionRecorder,
} from '../transitions';
import { canEditDraft, canSeeProposal, visibleProposalsCondition } from './proposal-access';
import { ProposalLoaders } from './proposal.loaders';
import type { ProposalRevision } from './proposal-revision.entity';
import type { Proposal, ProposalCategory } from './proposal.entity';
import { ProposalFilter, ProposalOrder, ProposalRepository, proposalSortKey } from './proposal.repository';
import { ReviewCommentRepository } from './review-comment.repository';
import { boundedWordDiff, DiffSegment } from './word-diff';

/**
 * What changed in a proposal's text: a field absent keeps its text; within a field, a language absent keeps
 * its text and null or blank clears it; a summary or body given as null is cleared, a title never is.
 */
export interface ProposalTextChanges {
  title?: LocalizedTextInput | null;
  summary?: LocalizedTextInput | null;
  body?: LocalizedTextInput | null;
}

export interface RevisionContentInput extends ProposalTextChanges {
  title: LocalizedTextInput;
}

export interface CreateProposalInput extends RevisionContentInput {
  category: ProposalCategory;
  meetingId?: string | null;
  /** The proposal this one amends. */
  parentId?: string | null;
  cosponsorCityIds?: string[] | null;
}

export interface SaveProposalDraftInput extends ProposalTextChanges {
  /** The version the author edited; a save over someone else's newer change is refused. */
  expectedVersion?: number | null;
}

export interface SaveProposalWorkingCopyInput extends ProposalTextChanges {
  /** The version the author edited; autosave over someone else's newer change is refused. */
  expectedVersion: number;
}

export type RevisionField = 'title' | 'summary' | 'body';

export interface FieldDiff {
  field: RevisionField;
  language: 'ar' | 'en';
  segments: DiffSegment[];
  /** Compared line by line (or as a whole), because word by word would have taken too long. */
  coarse: boolean;
}

export interface RevisionDiff {
  from: ProposalRevision;
  to: ProposalRevision;
  fields: FieldDiff[];
  /** Whether any field is coarse. */
  coarse: boolean;
}

const MAX_COSPONSORS = 20;
const MAX_SEARCH_LENGTH = 200;
const EDITABLE_STATES = ['draft', 'changesRequested'];
const REVISION_FIELDS: readonly RevisionField[] = ['title', 'summary', 'body'];

interface RevisionContent {
  title: LocalizedText;
  summary: LocalizedText | null;
  body: LocalizedText | null;
}

export interface TransitionRequest {
  event: string;
  /** The version the caller saw; a step over a newer one is refused. */
  expectedVersion: number;
  comment?: string | null;
}

/**
 * Proposal events that belong to another use case: scheduling adds the agenda item, opening the vote opens
 * the ballot, and a vote under way is deferred only by cancelling its ballot (or by the close's result).
 */
const OWN_OPERATIONS: Partial<Record<ProposalEventType, string>> = {
  SCHEDULE: 'scheduleProposal',
  OPEN_VOTE: 'openBallot',
  DEFER: 'cancelBallot',
};

const ownsProposal = (actor: Actor, proposal: Proposal): boolean =>
  actor.memberCityId !== null && actor.memberCityId === proposal.ownerCityId;

const sameText = (a: LocalizedText | null, b: LocalizedText | null): boolean =>
  (a?.ar ?? '') === (b?.ar ?? '') && (a?.en ?? '') === (b?.en ?? '') && a?.authoritative === b?.authoritative;

const sameContent = (a: RevisionContent, b: RevisionContent): boolean =>
  REVISION_FIELDS.every((field) => sameText(a[field], b[field]));

const hasText = (text: string | null | undefined): boolean => text !== null && text !== undefined && text.trim() !== '';

/** A field's text after a change: each language absent from the change keeps its text. */
function changedText(previous: LocalizedText | null, change: LocalizedTextInput): LocalizedTextInput {
  const ar = change.ar === undefined ? previous?.ar : change.ar;
  const en = change.en === undefined ? previous?.en : change.en;
  // The language the author wrote in stays so while it still has text, unless the change names another.
  const kept = previous?.authoritative;
  const authoritative = change.authoritative ?? (kept !== undefined && hasText(kept === 'ar' ? ar : en) ? kept : null);
  return { ar, en, authoritative };
}

@Injectable()
export class ProposalService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly proposals: ProposalRepository,
    private readonly comments: ReviewCommentRepository,
    private readonly meetings: MeetingRepository,
    private readonly recorder: TransitionRecorder,
    private readonly audit: AuditService,
    private readonly live: LiveUpdates,
  ) {}

  /** Batched reads for one request, seen as `actor` (read when a batch runs) may see them. */
  loaders(actor: () => Actor): ProposalLoaders {
    return new ProposalLoaders(this.proposals, this.comments, actor);
  }

  async list(
    actor: Actor,
    filter: ProposalFilter,
    request: PageRequest,
    order: ProposalOrder = ProposalOrder.CREATED_AT_DESC,
  ): Promise<Page<Proposal>> {
    requireRole(actor, ALL_ROLES, 'proposals');
    if (filter.ownerCityId) requireUuid(filter.ownerCityId, 'memberCity', 'ownerCityId');
    if (filter.meetingId) requireUuid(filter.meetingId, 'meeting', 'meetingId');
    if (filter.parentId) requireUuid(filter.parentId, 'proposal', 'parentId');
    const searchLength = [...(filter.search ?? '')].length;
    if (searchLength > MAX_SEARCH_LENGTH)
      throw badInput('search', 'textTooLong', { max: MAX_SEARCH_LENGTH, length: searchLength });
    const { size, take, after } = pageSize(request);
    if (after !== null && after.key !== 'infinity' && Number.isNaN(Date.parse(after.key)))
      throw badInput('after', 'badCursor');
    const visible = visibleProposalsCondition('proposal', actor);
    const [rows, total] = await this.proposals.list(filter, visible, order, take, after);
    return toPage(rows, size, total, (proposal) => proposalSortKey(order, proposal));
  }

  /** A proposal the actor may see; a draft of another city is as good as absent. */
  async proposal(actor: Actor, id: string, field = 'id'): Promise<Proposal> {
    requireRole(actor, ALL_ROLES, 'proposal');
    const proposal = await this.proposals.findById(id);
    if (proposal === null || !canSeeProposal(actor, proposal)) throw notFound('proposal', id, field);
    return proposal;
  }

  async create(actor: Actor, input: CreateProposalInput): Promise<Proposal> {
    requireRole(actor, [Role.DELEGATE], 'createProposal');
    const ownerCityId = actor.memberCityId;
    if (ownerCityId === null) throw new DomainError('FORBIDDEN', 'noMemberCity');
    const content = this.content(actor, input, null);
    const cosponsorIds = [...new Set(input.cosponsorCityIds ?? [])];
    if (cosponsorIds.length > MAX_COSPONSORS) throw badInput('cosponsorCityIds', 'tooMany', { max: MAX_COSPONSORS });
    if (cosponsorIds.includes(ownerCityId)) throw badInput('cosponsorCityIds', 'ownCityCosponsor');
    const parent = input.parentId != null ? await this.proposal(actor, input.parentId, 'parentId') : null;
    if (parent !== null && parent.parentId !== null) throw badInput('parentId', 'amendmentOfAmendment');
    return this.unitOfWork.run(async (tx) => {
      const cosponsors = await this.cities(tx, cosponsorIds);
      if (input.meetingId != null && (await this.meetings.findById(input.meetingId, tx)) === null)
        throw notFound('meeting', input.meetingId, 'meetingId');
      const proposal = await this.proposals.insert(tx, {
        ownerCityId,
        category: input.category,
        parentId: parent?.id ?? null,
        meetingId: input.meetingId ?? null,
        cosponsors,
        title: content.title,
        summary: content.summary,
        searchText: searchableText(content.title, content.summary),
        revisionCount: 1,
        createdById: actor.personId,
      });
      await this.proposals.addRevision(tx, {
        proposalId: proposal.id,
        number: 1,
        authorId: actor.personId,
        ...content,
      });
      return proposal;
    });
  }

  /**
   * Saves the next revision: the working copy (or the latest revision) with these changes. Saving the same
   * text again adds nothing; the working copy, now a revision, is gone.
   */
  async saveDraft(actor: Actor, id: string, input: SaveProposalDraftInput): Promise<Proposal> {
    requireRole(actor, [Role.DELEGATE], 'saveProposalDraft');
    let changed = false;
    const saved = await this.unitOfWork.run(async (tx) => {
      const proposal = await this.editableDraft(tx, actor, id, input.expectedVersion);
      const latest = await this.proposals.latestRevision(tx, proposal.id);
      const copy = await this.proposals.workingCopy(tx, proposal.id);
      const content = this.content(actor, input, copy ?? latest);
      const revised = await this.revise(tx, proposal, content, latest, actor.personId);
      if (!revised && copy === null) return proposal;
      await this.proposals.removeWorkingCopy(tx, proposal.id);
      proposal.version += 1;
      changed = true;
      return this.proposals.save(tx, proposal);
    });
    // Pages open on it follow its new revision (and version) without a reload.
    if (changed) await this.live.publish('proposalUpdated', { id: saved.id });
    return saved;
  }

  /**
   * Autosave: keeps these changes in the draft's working copy, in place, without a revision; the version
   * rises so that a colleague's save over it is refused (VERSION_CONFLICT) instead of overwriting it.
   */
  async saveWorkingCopy(actor: Actor, id: string, input: SaveProposalWorkingCopyInput): Promise<Proposal> {
    requireRole(actor, [Role.DELEGATE], 'saveProposalWorkingCopy');
    return this.unitOfWork.run(async (tx) => {
      const proposal = await this.editableDraft(tx, actor, id, input.expectedVersion);
      const latest = await this.proposals.latestRevision(tx, proposal.id);
      const copy = await this.proposals.workingCopy(tx, proposal.id);
      const base = copy ?? latest;
      const content = this.content(actor, input, base);
      if (base !== null && sameContent(base, content)) return proposal;
      await this.proposals.storeWorkingCopy(tx, {
        proposalId: proposal.id,
        ...content,
        baseRevision: copy?.baseRevision ?? latest?.number ?? 0,
        savedById: actor.personId,
        savedAt: new Date(),
      });
      proposal.version += 1;
      return this.proposals.save(tx, proposal);
    });
  }

  /** Adds a co-sponsoring city to a draft of the delegate's city; adding one already there changes nothing. */
  async addCosponsor(actor: Actor, id: string, memberCityId: string): Promise<Proposal> {
    requireRole(actor, [Role.DELEGATE], 'addProposalCosponsor');
    return this.unitOfWork.run(async (tx) => {
      const proposal = await this.cosponsoredDraft(tx, actor, id, 'addProposalCosponsor');
      if (memberCityId === proposal.ownerCityId) throw badInput('memberCityId', 'ownCityCosponsor');
      const [city] = await this.cities(tx, [memberCityId], 'memberCityId');
      const current = await this.proposals.cosponsorIds(tx, proposal.id);
      if (current.includes(city.id)) return proposal;
      if (current.length >= MAX_COSPONSORS) throw badInput('memberCityId', 'tooMany', { max: MAX_COSPONSORS });
      await this.proposals.addCosponsor(tx, proposal.id, city.id);
      return proposal;
    });
  }

  /** Removes a co-sponsoring city from a draft of the delegate's city; removing one not there changes nothing. */
  async removeCosponsor(actor: Actor, id: string, memberCityId: string): Promise<Proposal> {
    requireRole(actor, [Role.DELEGATE], 'removeProposalCosponsor');
    return this.unitOfWork.run(async (tx) => {
      const proposal = await this.cosponsoredDraft(tx, actor, id, 'removeProposalCosponsor');
      requireUuid(memberCityId, 'memberCity', 'memberCityId');
      await this.proposals.removeCosponsor(tx, proposal.id, memberCityId);
      return proposal;
    });
  }

  /** Moves a proposal through its workflow on a person's request (`workflow(kind: proposal)` says who may). */
  async transition(actor: Actor, id: string, request: TransitionRequest): Promise<Proposal> {
    const proposal = await this.proposals.findById(id);
    if (proposal === null || !canSeeProposal(actor, proposal)) throw notFound('proposal', id);
    const type = eventTypeOf('proposal', request.event);
    // These steps do more than move the state (an agenda item, a ballot): only their own operation takes them.
    const operation = OWN_OPERATIONS[type];
    if (operation !== undefined)
      throw new DomainError('INVALID_TRANSITION', 'eventHasOwnOperation', { kind: 'proposal', event: type, operation });
    const comment = transitionComment(request.comment);
    const event = (type === 'REQUEST_CHANGES' ? { type, comment: comment ?? '' } : { type }) as ProposalEvent;
    const moved = await this.unitOfWork.run((tx) =>
      this.step(tx, proposal, event, actor, { expectedVersion: request.expectedVersion, comment }),
    );
    await this.live.publish('proposalUpdated', { id: moved.id });
    return moved;
  }

  /**
   * Steps a proposal inside the caller's transaction: the policy first, then the machine, then the
   * versioned update and the recorder. `by` is the person, or the platform itself (a ballot's result).
   * Use cases that move it as part of more (scheduling, a ballot's open, close or cancel) call this too.
   */
  async step(
    tx: Transaction,
    proposal: Proposal,
    event: ProposalEvent,
    by: Actor | 'platform',
    options: { expectedVersion?: number; comment?: string | null } = {},
  ): Promise<Proposal> {
    const sender: PolicyActor = by === 'platform' ? PLATFORM : policyActor(by, ownsProposal(by, proposal));
    if (!maySend('proposal', event.type, sender))
      throw forbidden('transitionProposal', { kind: 'proposal', type: event.type });
    const step = nextState('proposal', proposal.state, event, { revisionCount: proposal.revisionCount });
    if (!step.ok) {
      if (step.guard === 'hasComment') throw badInput('comment', 'commentRequired');
      throw invalidTransition('proposal', proposal.state, event.type, step.allowedEvents);
    }
    const expectedVersion = options.expectedVersion ?? proposal.version;
    checkVersion(proposal.version, expectedVersion);
    const version = movedVersion(
      await this.proposals.moveState(tx, proposal.id, {
        from: proposal.state,
        to: step.state,
        version: expectedVersion,
      }),
    );
    await this.recorder.record(tx, {
      kind: 'proposal',
      id: proposal.id,
      from: proposal.state,
      to: step.state,
      event: event.type,
      actorId: by === 'platform' ? null : by.personId,
      version,
      comment: options.comment ?? null,
    });
    if (event.type === 'SUBMIT') {
      await this.freezeWorkingCopy(tx, proposal, by === 'platform' ? proposal.createdById : by.personId);
      await this.proposals.markSubmitted(tx, proposal.id, new Date());
    }
    return this.proposals.require(proposal.id, 'id', tx);
  }

  /** The events this actor may send to the proposal now. */
  availableEvents(actor: Actor, proposal: Proposal): ProposalEventType[] {
    return eventsActorMaySend('proposal', proposal.state, policyActor(actor, ownsProposal(actor, proposal)), {
      revisionCount: proposal.revisionCount,
    });
  }

  /** The proposal's audit rows; a proposal the reader may not see (never submitted, of another city) has none. */
  async auditTrail(actor: Actor, id: string): Promise<AuditEntry[]> {
    const entries = await this.audit.trail(actor, 'proposal', id);
    if (entries.length === 0) return entries;
    const proposal = await this.proposals.findById(id);
    return proposal !== null && !canSeeProposal(actor, proposal) ? [] : entries;
  }

  /** Word by word, per field and language, what changed from one revision to another. */
  async diff(actor: Actor, proposalId: string, from: number, to: number): Promise<RevisionDiff> {
    const proposal = await this.proposal(actor, proposalId);
    const [before, after] = await Promise.all([
      this.proposals.revisionByNumber(proposal.id, from),
      this.proposals.revisionByNumber(proposal.id, to),
    ]);
    if (before === null) throw notFound('revision', String(from), 'from');
    if (after === null) throw notFound('revision', String(to), 'to');
    // One field at a time, each with bounded work run in slices: other requests are served meanwhile.
    const fields: FieldDiff[] = [];
    for (const field of REVISION_FIELDS)
      for (const language of ['ar', 'en'] as const) {
        const a = before[field]?.[language] ?? '';
        const b = after[field]?.[language] ?? '';
        if (a !== '' || b !== '') fields.push({ field, language, ...(await boundedWordDiff(a, b)) });
      }
    return { from: before, to: after, fields, coarse: fields.some((field) => field.coarse) };
  }

  /** The text after `changes` to `previous` (a revision or the working copy), checked. */
  private content(actor: Actor, changes: ProposalTextChanges, previous: RevisionContent | null): RevisionContent {
    const changed = (field: RevisionField): LocalizedTextInput | null | undefined => {
      const change = changes[field];
      if (change === undefined) return previous?.[field];
      return change === null ? null : changedText(previous?.[field] ?? null, change);
    };
    return {
      title:
        changes.title === undefined && previous !== null
          ? previous.title
          : requiredText('title', changed('title'), 'title', actor.locale),
      summary:
        changes.summary === undefined
          ? (previous?.summary ?? null)
          : optionalText('summary', changed('summary'), 'summary', actor.locale),
      body:
        changes.body === undefined
          ? (previous?.body ?? null)
          : optionalText('body', changed('body'), 'body', actor.locale),
    };
  }

  /**
   * The proposal, locked, if the actor's city may change it (`action` names the refusal otherwise): another
   * city's draft is not found, another city's submitted proposal is forbidden.
   */
  private async ownProposal(tx: Transaction, actor: Actor, id: string, action: ActionName): Promise<Proposal> {
    const proposal = await this.proposals.lock(tx, id);
    if (proposal === null || !canSeeProposal(actor, proposal)) throw notFound('proposal', id);
    if (!canEditDraft(actor, proposal)) throw forbidden(action);
    return proposal;
  }

  /** The proposal, locked, if the actor may edit its text now and saw its current version. */
  private async editableDraft(
    tx: Transaction,
    actor: Actor,
    id: string,
    expectedVersion: number | null | undefined,
  ): Promise<Proposal> {
    const proposal = await this.ownProposal(tx, actor, id, 'editOtherDraft');
    if (!EDITABLE_STATES.includes(proposal.state))
      throw new DomainError('INVALID_TRANSITION', 'notADraft', { state: proposal.state });
    if (expectedVersion != null && expectedVersion !== proposal.version)
      throw new DomainError('VERSION_CONFLICT', 'versionConflict', { current: proposal.version }, 'expectedVersion');
    return proposal;
  }

  /** The proposal, locked, if the actor may change its co-sponsors now: a draft of their own city. */
  private async cosponsoredDraft(
    tx: Transaction,
    actor: Actor,
    id: string,
    action: 'addProposalCosponsor' | 'removeProposalCosponsor',
  ): Promise<Proposal> {
    const proposal = await this.ownProposal(tx, actor, id, action);
    if (proposal.state !== 'draft') throw new DomainError('INVALID_TRANSITION', 'cosponsorsOnlyInDraft');
    return proposal;
  }

  /**
   * Adds `content` as the proposal's next revision, by `authorId`, unless it is the latest revision's text;
   * the proposal (not yet saved) takes its title and summary. Whether a revision was added.
   */
  private async revise(
    tx: Transaction,
    proposal: Proposal,
    content: RevisionContent,
    latest: ProposalRevision | null,
    authorId: string,
  ): Promise<boolean> {
    if (latest !== null && sameContent(latest, content)) return false;
    const number = proposal.revisionCount + 1;
    await this.proposals.addRevision(tx, { proposalId: proposal.id, number, authorId, ...content });
    Object.assign(proposal, {
      title: content.title,
      summary: content.summary,
      searchText: searchableText(content.title, content.summary),
      revisionCount: number,
    });
    return true;
  }

  /** A submission makes the working copy the next revision (by the person submitting), which it then freezes. */
  private async freezeWorkingCopy(tx: Transaction, proposal: Proposal, authorId: string): Promise<void> {
    const copy = await this.proposals.workingCopy(tx, proposal.id);
    if (copy === null) return;
    const latest = await this.proposals.latestRevision(tx, proposal.id);
    if (await this.revise(tx, proposal, copy, latest, authorId)) await this.proposals.updateText(tx, proposal);
    await this.proposals.removeWorkingCopy(tx, proposal.id);
  }

  private async cities(tx: Transaction, ids: readonly string[], field = 'cosponsorCityIds'): Promise<MemberCity[]> {
    for (const id of ids) requireUuid(id, 'memberCity', field);
    const cities = await this.proposals.memberCities(tx, ids);
    const missing = ids.find((id) => !cities.some((city) => city.id === id));
    if (missing !== undefined) throw notFound('memberCity', missing, field);
    return cities;
  }
}
