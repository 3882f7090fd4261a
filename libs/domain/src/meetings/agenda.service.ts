import { Injectable } from '@nestjs/common';
import { badInput, LocalizedTextInput, notFound, optionalText, requiredText } from '@majlis/language';
import { UnitOfWork, type Transaction } from '@majlis/persistence';
import { Actor, requireRole, Role } from '../identity';
import { AgendaItem, AgendaItemKind, AgendaPresenter } from './agenda-item.entity';
import { AgendaPlacement, AgendaRepository } from './agenda.repository';
import { DelegationRepository } from './delegation.repository';
import type { Meeting } from './meeting.entity';
import { MeetingRepository } from './meeting.repository';

export interface AgendaItemInput {
  kind?: AgendaItemKind | null;
  title?: LocalizedTextInput | null;
  description?: LocalizedTextInput | null;
  plannedMinutes?: number | null;
  presenter?: AgendaPresenter | null;
  presenterDelegationId?: string | null;
  proposalId?: string | null;
}

export interface AddAgendaItemInput extends AgendaItemInput {
  meetingId: string;
  kind: AgendaItemKind;
  title: LocalizedTextInput;
  parentId?: string | null;
  /** 0-based place among its siblings; at the end when absent. */
  position?: number | null;
}

/** The most items one meeting's agenda holds. */
export const MAX_AGENDA_ITEMS = 2_000;
const MAX_PLANNED_MINUTES = 1_440;
const MANAGERS = [Role.SECRETARIAT];

@Injectable()
export class AgendaService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly meetings: MeetingRepository,
    private readonly agenda: AgendaRepository,
    private readonly delegations: DelegationRepository,
  ) {}

  async add(actor: Actor, input: AddAgendaItemInput): Promise<AgendaItem> {
    requireRole(actor, MANAGERS, 'addAgendaItem');
    const title = requiredText('title', input.title, 'title', actor.locale);
    const description = optionalText('description', input.description, 'description', actor.locale);
    const plannedMinutes = checkedMinutes(input.plannedMinutes);
    return this.unitOfWork.run(async (tx) => {
      const meeting = await this.meetings.lock(tx, input.meetingId);
      if (meeting === null) throw notFound('meeting', input.meetingId, 'meetingId');
      const placements = await this.agenda.placementsOf(tx, meeting.id);
      if (placements.length >= MAX_AGENDA_ITEMS) throw badInput('meetingId', 'tooMany', { max: MAX_AGENDA_ITEMS });
      const parentId = await this.parentWithin(tx, meeting, placements, input.parentId ?? null);
      const siblings = placements.filter((item) => item.parentId === parentId);
      const position = checkedPosition(input.position ?? siblings.length, siblings.length);
      const presenter = await this.presenter(tx, meeting, input);
      const proposalId = await this.linkedProposal(tx, input.proposalId ?? null);
      await this.agenda.place(
        tx,
        siblings.filter((item) => item.position >= position).map((item) => ({ ...item, position: item.position + 1 })),
      );
      return this.agenda.insert(tx, {
        meetingId: meeting.id,
        parentId,
        position,
        kind: input.kind,
        title,
        description,
        plannedMinutes,
        ...presenter,
        proposalId,
      });
    });
  }

  async update(actor: Actor, id: string, input: AgendaItemInput): Promise<AgendaItem> {
    requireRole(actor, MANAGERS, 'updateAgendaItem');
    return this.unitOfWork.run(async (tx) => {
      const { item, meeting } = await this.lockedItem(tx, id);
      if (input.kind) item.kind = input.kind;
      if (input.title !== undefined) item.title = requiredText('title', input.title, 'title', actor.locale);
      if (input.description !== undefined)
        item.description = optionalText('description', input.description, 'description', actor.locale);
      if (input.plannedMinutes !== undefined) item.plannedMinutes = checkedMinutes(input.plannedMinutes);
      if (input.presenter !== undefined || input.presenterDelegationId !== undefined)
        Object.assign(item, await this.presenter(tx, meeting, input));
      if (input.proposalId !== undefined) item.proposalId = await this.linkedProposal(tx, input.proposalId);
      return this.agenda.save(tx, item);
    });
  }

  /** Moves an item, with everything under it, to a new parent and place; siblings close up and make room. */
  async move(actor: Actor, id: string, parentId: string | null, position: number): Promise<AgendaItem> {
    requireRole(actor, MANAGERS, 'moveAgendaItem');
    return this.unitOfWork.run(async (tx) => {
      const { item, meeting } = await this.lockedItem(tx, id);
      const placements = await this.agenda.placementsOf(tx, meeting.id);
      const newParentId = await this.parentWithin(tx, meeting, placements, parentId);
      if (newParentId !== null && this.agenda.tree(placements).isWithin(newParentId, item.id))
        throw badInput('parentId', 'agendaCycle');
      const current = placements.filter((entry) => entry.id !== item.id);
      const oldSiblings = current.filter((entry) => entry.parentId === item.parentId);
      const newSiblings = current.filter((entry) => entry.parentId === newParentId);
      const target = checkedPosition(position, newSiblings.length);
      const byPosition = (a: AgendaPlacement, b: AgendaPlacement): number => a.position - b.position;
      const arranged = [...newSiblings].sort(byPosition);
      arranged.splice(target, 0, { id: item.id, parentId: newParentId, position: target });
      const wanted = [
        ...(item.parentId === newParentId ? [] : [...oldSiblings].sort(byPosition)).map((entry, index) => ({
          ...entry,
          position: index,
        })),
        ...arranged.map((entry, index) => ({ ...entry, parentId: newParentId, position: index })),
      ];
      const before = new Map(placements.map((entry) => [entry.id, entry]));
      await this.agenda.place(
        tx,
        wanted.filter((entry) => {
          const was = before.get(entry.id);
          return was === undefined || was.parentId !== entry.parentId || was.position !== entry.position;
        }),
      );
      return this.agenda.require(item.id, 'id', tx);
    });
  }

  /** Removes an item and everything under it; the siblings after it move up. */
  async remove(actor: Actor, id: string): Promise<Meeting> {
    requireRole(actor, MANAGERS, 'removeAgendaItem');
    return this.unitOfWork.run(async (tx) => {
      const { item, meeting } = await this.lockedItem(tx, id);
      await this.agenda.remove(tx, item.id);
      const siblings = (await this.agenda.placementsOf(tx, meeting.id))
        .filter((entry) => entry.parentId === item.parentId)
        .sort((a, b) => a.position - b.position);
      await this.agenda.place(
        tx,
        siblings
          .map((entry, index) => ({ ...entry, position: index }))
          .filter((entry, index) => siblings[index].position !== entry.position),
      );
      return meeting;
    });
  }

  private async lockedItem(tx: Transaction, id: string): Promise<{ item: AgendaItem; meeting: Meeting }> {
    const found = await this.agenda.require(id, 'id', tx);
    const meeting = await this.meetings.lock(tx, found.meetingId);
    // Read again under the meeting's lock: a concurrent change may have moved or removed it meanwhile.
    const item = meeting === null ? null : await this.agenda.findById(id, tx);
    if (meeting === null || item === null) throw notFound('agendaItem', id);
    return { item, meeting };
  }

  private async parentWithin(
    tx: Transaction,
    meeting: Meeting,
    placements: readonly AgendaPlacement[],
    parentId: string | null,
  ): Promise<string | null> {
    if (parentId === null) return null;
    if (placements.some((entry) => entry.id === parentId)) return parentId;
    await this.agenda.require(parentId, 'parentId', tx);
    throw badInput('parentId', 'otherMeeting');
  }

  private async presenter(
    tx: Transaction,
    meeting: Meeting,
    input: AgendaItemInput,
  ): Promise<Pick<AgendaItem, 'presenter' | 'presenterDelegationId'>> {
    const delegationId = input.presenterDelegationId ?? null;
    const presenter = input.presenter ?? (delegationId === null ? null : AgendaPresenter.DELEGATION);
    if (presenter !== AgendaPresenter.DELEGATION) return { presenter, presenterDelegationId: null };
    if (delegationId === null) throw badInput('presenterDelegationId', 'presenterMissing');
    const delegation = await this.delegations.require(delegationId, 'presenterDelegationId', tx);
    if (delegation.meetingId !== meeting.id) throw badInput('presenterDelegationId', 'otherMeeting');
    return { presenter, presenterDelegationId: delegation.id };
  }

  private async linkedProposal(tx: Transaction, proposalId: string | null): Promise<string | null> {
    return proposalId === null ? null : this.agenda.requireProposal(tx, proposalId);
  }
}

function checkedMinutes(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PLANNED_MINUTES)
    throw badInput('plannedMinutes', 'numberOutOfRange', { min: 1, max: MAX_PLANNED_MINUTES });
  return value;
}

function checkedPosition(value: number, siblings: number): number {
  if (!Number.isInteger(value) || value < 0 || value > siblings)
    throw badInput('position', 'numberOutOfRange', { min: 0, max: siblings });
  return value;
}
