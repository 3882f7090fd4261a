import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  countVotes,
  nextState,
  type ActionItemState,
  type StepResult,
  type WorkflowEvent,
  type WorkflowInput,
  type WorkflowKind,
  type WorkflowState,
} from '@majlis/workflow';
import {
  ActionItem,
  AgendaItem,
  AgendaItemKind,
  Ballot,
  BallotVoter,
  BoardSeat,
  ImplementationPlan,
  type ItemFigures,
  Meeting,
  ProgressReport,
  Proposal,
  ProposalRevision,
  rolledUpProgress,
  todayOf,
  Vote,
  WorkflowTransition,
} from '@majlis/domain';
import { searchableText } from '@majlis/language';
import { zonedTime } from './demo-agenda.seeder';
import {
  DEMO_APPROVED_PROPOSAL,
  DEMO_BALLOT_RULES,
  DEMO_PLAN_ITEMS,
  DEMO_PREVIOUS_MEETING,
  DEMO_VOTES,
  DemoActionItem,
  DemoProgressReport,
} from './demo-followup';
import { DEMO_MEETING } from './demo-meeting';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const shift = (at: Date, ms: number): Date => new Date(at.getTime() + ms);
const earliest = (...dates: Date[]): Date => new Date(Math.min(...dates.map((date) => date.getTime())));
const latest = (...dates: Date[]): Date => new Date(Math.max(...dates.map((date) => date.getTime())));
const addDays = (day: string, days: number): string => todayOf(shift(new Date(`${day}T00:00:00Z`), days * DAY));
const laterDay = (a: string, b: string): string => (a > b ? a : b);
const atHour = (day: string, hour: number): Date => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
/** `count` instants evenly between `from` and `to`, both excluded. */
const between = (from: Date, to: Date, count: number): Date[] =>
  Array.from({ length: count }, (_, i) => shift(from, ((to.getTime() - from.getTime()) * (i + 1)) / (count + 1)));

interface Step<K extends WorkflowKind> {
  event: WorkflowEvent<K>;
  actorId: string | null;
  at: Date;
  version: number;
  comment?: string;
}

/**
 * Walks `steps` through the workflow's machine from `from` and records each as the transition service
 * does, but without audit entries or outbox messages: demo history must not notify anyone. Throws if the
 * machine refuses a step, so the demo's states are reachable by construction.
 */
async function recordHistory<K extends WorkflowKind>(
  manager: EntityManager,
  kind: K,
  entityId: string,
  from: WorkflowState<K>,
  steps: ReadonlyArray<Step<K>>,
  input?: WorkflowInput<K>,
): Promise<WorkflowState<K>> {
  let state = from;
  for (const step of steps) {
    const next = nextState(kind, state, step.event, input);
    if (!next.ok) throw new Error(`the demo ${kind} cannot go from ${state} on ${step.event.type}`);
    await manager.insert(WorkflowTransition, {
      entityType: kind,
      entityId,
      fromState: state,
      toState: next.state,
      event: step.event.type,
      actorId: step.actorId,
      version: step.version,
      payload: {
        from: state,
        to: next.state,
        event: step.event.type,
        version: step.version,
        ...(step.comment === undefined ? {} : { comment: step.comment }),
      },
      createdAt: step.at,
    });
    state = next.state;
  }
  return state;
}

/** The state an action item reaches through `events`, checked against its machine. */
function stateAfter(events: DemoActionItem['events']): ActionItemState {
  let state: ActionItemState = 'planned';
  for (const event of events) {
    const next: StepResult<'actionItem'> = nextState('actionItem', state, event);
    if (!next.ok) throw new Error(`a demo action item cannot go from ${state} on ${event.type}`);
    state = next.state;
  }
  return state;
}

/** The year of the last annual meeting over by `now`: the one before the upcoming meeting. */
function previousMeetingYear(now: Date): number {
  const year = now.getUTCFullYear();
  const lastDay = DEMO_MEETING.day + DEMO_MEETING.days - 1;
  const endsThisYear = zonedTime(year, DEMO_MEETING.month, lastDay, DEMO_MEETING.endHour, DEMO_MEETING.timeZone);
  return endsThisYear.getTime() < now.getTime() ? year : year - 1;
}

interface PlannedItem {
  id: string;
  parentId: string | null;
  position: number;
  demo: DemoActionItem;
  state: ActionItemState;
  startDate: string;
  dueDate: string;
  progress: number;
}

/**
 * The follow-up of an approved decision: the annual meeting in Houston before the upcoming one (closed),
 * where the board approved Dammam's earlier strategic plan by a named ballot, and the implementation
 * plan opened by that approval with its milestones, tasks and progress reports. Loaded once (a second
 * run finds the approved proposal and adds nothing). Dates follow the day it is seeded.
 */
export async function seedDemoFollowup(
  manager: EntityManager,
  cities: Map<string, string>,
  people: Map<string, string>,
  now: Date,
): Promise<void> {
  const existing = await manager
    .getRepository(Proposal)
    .createQueryBuilder('proposal')
    .where(`proposal.title->>'en' = :title`, { title: DEMO_APPROVED_PROPOSAL.title.en })
    .getExists();
  if (existing) return;

  const cityId = (code: string): string => {
    const id = cities.get(code);
    if (id === undefined) throw new Error(`the demo city ${code} was not loaded`);
    return id;
  };
  const personId = (email: string): string => {
    const id = people.get(email);
    if (id === undefined) throw new Error(`the demo account ${email} was not loaded`);
    return id;
  };
  const secretariatId = personId('secretariat@demo.majlis');
  const authorId = personId(DEMO_APPROVED_PROPOSAL.authorEmail);

  // The meeting, and the decision's way to it.
  const year = previousMeetingYear(now);
  const { month, day, days, startHour, endHour, timeZone } = DEMO_MEETING;
  const startsAt = zonedTime(year, month, day, startHour, timeZone);
  const endsAt = zonedTime(year, month, day + days - 1, endHour, timeZone);
  const proposed = shift(startsAt, -75 * DAY);
  const submitted = shift(startsAt, -60 * DAY);
  const scheduled = shift(startsAt, -30 * DAY);
  // The board votes on the second morning.
  const ballotOpened = shift(startsAt, DAY + HOUR);
  const ballotClosed = shift(ballotOpened, 90 * MINUTE);
  const minutesApproved = earliest(shift(endsAt, 14 * DAY), shift(endsAt, (now.getTime() - endsAt.getTime()) / 2));

  const meetingId = randomUUID();
  const proposalId = randomUUID();
  const meetingSteps: Array<Step<'meeting'>> = [
    { event: { type: 'PUBLISH_AGENDA' }, actorId: secretariatId, at: shift(startsAt, -28 * DAY), version: 2 },
    { event: { type: 'OPEN' }, actorId: secretariatId, at: startsAt, version: 3 },
    { event: { type: 'ADJOURN' }, actorId: secretariatId, at: endsAt, version: 4 },
    { event: { type: 'APPROVE_MINUTES' }, actorId: secretariatId, at: minutesApproved, version: 5 },
  ];
  const proposalSteps: Array<Step<'proposal'>> = [
    { event: { type: 'SUBMIT' }, actorId: authorId, at: submitted, version: 2 },
    { event: { type: 'START_REVIEW' }, actorId: secretariatId, at: shift(startsAt, -55 * DAY), version: 3 },
    { event: { type: 'ACCEPT' }, actorId: secretariatId, at: shift(startsAt, -45 * DAY), version: 4 },
    { event: { type: 'SCHEDULE' }, actorId: secretariatId, at: scheduled, version: 5 },
    { event: { type: 'OPEN_VOTE' }, actorId: secretariatId, at: ballotOpened, version: 6 },
    { event: { type: 'BALLOT_PASSED' }, actorId: null, at: ballotClosed, version: 7 },
  ];

  const meetingState = await recordHistory(manager, 'meeting', meetingId, 'planned', meetingSteps, {
    agendaItemCount: 1,
  });
  const proposalState = await recordHistory(manager, 'proposal', proposalId, 'draft', proposalSteps, {
    revisionCount: 1,
  });
  await manager.insert(Meeting, {
    id: meetingId,
    kind: DEMO_MEETING.kind,
    title: DEMO_PREVIOUS_MEETING.title(year),
    venue: DEMO_MEETING.venue,
    hostCityId: cityId(DEMO_MEETING.hostCityCode),
    timeZone,
    startsAt,
    endsAt,
    state: meetingState,
    version: 1 + meetingSteps.length,
    createdById: secretariatId,
    createdAt: shift(startsAt, -120 * DAY),
    updatedAt: minutesApproved,
  });
  const { title, summary, body } = DEMO_APPROVED_PROPOSAL;
  await manager.insert(Proposal, {
    id: proposalId,
    ownerCityId: cityId(DEMO_APPROVED_PROPOSAL.ownerCityCode),
    category: DEMO_APPROVED_PROPOSAL.category,
    meetingId,
    parentId: null,
    state: proposalState,
    submittedAt: submitted,
    version: 1 + proposalSteps.length,
    title,
    summary,
    searchText: searchableText(title, summary),
    revisionCount: 1,
    createdById: authorId,
    createdAt: proposed,
    updatedAt: ballotClosed,
  });
  await manager.insert(ProposalRevision, {
    proposalId,
    number: 1,
    title,
    summary,
    body,
    authorId,
    frozenAt: submitted,
    createdAt: proposed,
  });
  await manager.insert(AgendaItem, {
    meetingId,
    parentId: null,
    position: 0,
    kind: AgendaItemKind.DECISION,
    title,
    description: summary,
    proposalId,
    createdAt: scheduled,
  });

  // The ballot: every board seat eligible, counted as the ballot service counts at close.
  const codeOf = new Map([...cities].map(([code, id]) => [id, code]));
  const seats = await manager.find(BoardSeat, { order: { isChair: 'DESC', memberCityId: 'ASC' } });
  const votes = seats.map((seat) => {
    const choice = DEMO_VOTES[codeOf.get(seat.memberCityId) ?? ''];
    if (choice === undefined) throw new Error(`no demo vote for the board seat of ${seat.memberCityId}`);
    return { voterId: seat.holderId, choice };
  });
  const count = countVotes({
    rules: DEMO_BALLOT_RULES,
    eligible: seats.map((seat) => ({ voterId: seat.holderId, isChair: seat.isChair })),
    votes,
  });
  const opened = nextState('ballot', 'pending', { type: 'OPEN' }, { closesAt: null });
  const closed = opened.ok
    ? nextState(
        'ballot',
        opened.state,
        { type: 'CLOSE', reason: 'secretariat', now: ballotClosed, result: count.result },
        { closesAt: null },
      )
    : opened;
  if (!closed.ok || count.result !== 'passed')
    throw new Error(`the demo ballot did not pass: ${JSON.stringify(count.tally)}`);
  const ballotId = randomUUID();
  await manager.insert(Ballot, {
    id: ballotId,
    proposalId,
    state: closed.state,
    rules: DEMO_BALLOT_RULES,
    closesAt: null,
    openedAt: ballotOpened,
    closedAt: ballotClosed,
    result: count.result,
    tally: count.tally,
    decidedByChair: count.decidedByChair,
    version: 2,
    openedById: secretariatId,
    createdAt: ballotOpened,
  });
  if (seats.length > 0) {
    await manager.insert(
      BallotVoter,
      seats.map((seat) => ({ ballotId, personId: seat.holderId, isChair: seat.isChair })),
    );
    const castAt = between(ballotOpened, ballotClosed, votes.length);
    await manager.insert(
      Vote,
      votes.map((vote, index) => ({ ballotId, ...vote, castAt: castAt[index] })),
    );
  }

  // The implementation plan the approval opened, and its items.
  const planId = randomUUID();
  await manager.insert(ImplementationPlan, {
    id: planId,
    proposalId,
    ballotId,
    result: count.result,
    title,
    programme: null,
    createdAt: ballotClosed,
    updatedAt: ballotClosed,
  });
  const today = todayOf(now);
  const approvalDay = todayOf(ballotClosed);
  const itemsCreated = earliest(
    shift(ballotClosed, 2 * DAY),
    shift(ballotClosed, (now.getTime() - ballotClosed.getTime()) / 2),
  );
  const planned: PlannedItem[] = [];
  const plan = (demo: DemoActionItem, parentId: string | null, position: number): PlannedItem => {
    const item: PlannedItem = {
      id: randomUUID(),
      parentId,
      position,
      demo,
      state: stateAfter(demo.events),
      startDate: '',
      dueDate: '',
      progress: demo.reports?.at(-1)?.percent ?? 0,
    };
    planned.push(item);
    const children = (demo.children ?? []).map((child, index) => plan(child, item.id, index));
    if (children.length > 0) {
      item.startDate = children.map((child) => child.startDate).reduce((a, b) => (a < b ? a : b));
      item.dueDate = children.map((child) => child.dueDate).reduce(laterDay);
    } else {
      if (demo.startDays === undefined || demo.dueDays === undefined)
        throw new Error(`the demo task "${demo.title.en ?? ''}" has no dates`);
      item.startDate = laterDay(approvalDay, addDays(today, demo.startDays));
      item.dueDate = laterDay(item.startDate, addDays(today, demo.dueDays));
    }
    return item;
  };
  DEMO_PLAN_ITEMS.forEach((demo, index) => plan(demo, null, index));
  const rolled = rolledUpProgress(
    planned.map((item): ItemFigures => ({
      id: item.id,
      parentId: item.parentId,
      weight: item.demo.weight,
      progress: item.progress,
      state: item.state,
      startDate: item.startDate,
      dueDate: item.dueDate,
    })),
  );

  for (const item of planned) {
    const { demo } = item;
    const movedBy = demo.assigneeEmail === undefined ? secretariatId : personId(demo.assigneeEmail);
    const reports: DemoProgressReport[] = demo.reports ?? [];
    // Started first, then the reports, then whatever ended it (blocked, completed, verified).
    const timeline = [
      ...demo.events.slice(0, 1).map((event) => ({ event })),
      ...reports.map((report) => ({ report })),
      ...demo.events.slice(1).map((event) => ({ event })),
    ];
    const from = latest(atHour(item.startDate, 9), itemsCreated);
    const finished = item.state === 'done' || item.state === 'verified';
    const until = finished ? earliest(atHour(item.dueDate, 15), now) : now;
    const times = timeline.length === 0 ? [] : [from, ...between(from, latest(from, until), timeline.length - 1)];
    const blocked = demo.events.find((event) => event.type === 'BLOCK');
    await manager.insert(ActionItem, {
      id: item.id,
      planId,
      parentId: item.parentId,
      position: item.position,
      kind: demo.kind,
      title: demo.title,
      description: demo.description ?? null,
      ownerCityId: cityId(demo.ownerCityCode),
      assigneeId: demo.assigneeEmail === undefined ? null : personId(demo.assigneeEmail),
      startDate: item.startDate,
      dueDate: item.dueDate,
      weight: demo.weight,
      progress: rolled.get(item.id) ?? item.progress,
      state: item.state,
      blockedReason: item.state === 'blocked' && blocked?.type === 'BLOCK' ? blocked.reason : null,
      version: 1 + timeline.length,
      createdById: secretariatId,
      createdAt: itemsCreated,
      updatedAt: times.at(-1) ?? itemsCreated,
    });
    let percent = 0;
    const steps: Array<Step<'actionItem'>> = [];
    for (const [index, entry] of timeline.entries()) {
      const version = index + 2;
      if ('report' in entry) {
        await manager.insert(ProgressReport, {
          actionItemId: item.id,
          percent: entry.report.percent,
          previousPercent: percent,
          note: entry.report.note,
          language: entry.report.language,
          reportedById: personId(entry.report.byEmail),
          reportedAt: times[index],
        });
        percent = entry.report.percent;
      } else {
        const actorId = entry.event.type === 'VERIFY' ? secretariatId : movedBy;
        const comment = entry.event.type === 'BLOCK' ? entry.event.reason : undefined;
        steps.push({ event: entry.event, actorId, at: times[index], version, comment });
      }
    }
    await recordHistory(manager, 'actionItem', item.id, 'planned', steps);
  }
}
