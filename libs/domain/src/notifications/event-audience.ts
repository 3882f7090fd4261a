import type { Locale } from '@majlis/config';
import type { EntityManager } from 'typeorm';
import type { LocalizedText } from '../language/localized-text';
import { Meeting } from '../meetings/meeting.entity';
import { MemberCity } from '../partnership/member-city.entity';
import { Proposal } from '../proposals/proposal.entity';
import { ActionItem } from '../followup/action-item.entity';
import { ImplementationPlan } from '../followup/implementation-plan.entity';
import { Ballot } from '../voting/ballot.entity';
import type { OutboxMessage } from '../workflows/outbox-message.entity';
import { Audience, NOTIFICATION_RULES, NotifiedTopic } from './notification-rules';

/** What an event is about, read once for all its recipients. */
export interface EventFacts {
  topic: NotifiedTopic;
  entityType: 'proposal' | 'ballot' | 'actionItem';
  entityId: string;
  proposal: Proposal;
  /** The member city the event concerns: the proposal's owner, or the action item's. */
  ownerCity: MemberCity | null;
  ballot: Ballot | null;
  meeting: Meeting | null;
  actionItem: ActionItem | null;
  plan: ImplementationPlan | null;
}

/** A person who hears of an event, with what it takes to write to them in their language. */
export interface Recipient {
  id: string;
  email: string;
  locale: Locale;
  name: LocalizedText;
  /** Their own time zone, else their city's, else UTC. */
  timeZone: string;
}

/** Reads what the event is about; null when it is gone (deleted since), so nobody is told. */
export async function eventFacts(
  manager: EntityManager,
  topic: NotifiedTopic,
  message: OutboxMessage,
): Promise<EventFacts | null> {
  const actionItemId = message.payload.actionItemId;
  if (typeof actionItemId === 'string') return actionItemFacts(manager, topic, actionItemId);
  const ballotId = typeof message.payload.ballotId === 'string' ? message.payload.ballotId : null;
  const ballot = ballotId === null ? null : await manager.findOneBy(Ballot, { id: ballotId });
  const proposalId = ballot?.proposalId ?? message.payload.entityId;
  if (typeof proposalId !== 'string') return null;
  const proposal = await manager.findOneBy(Proposal, { id: proposalId });
  if (proposal === null) return null;
  const [ownerCity, meeting] = await Promise.all([
    manager.findOneBy(MemberCity, { id: proposal.ownerCityId }),
    proposal.meetingId === null ? null : manager.findOneBy(Meeting, { id: proposal.meetingId }),
  ]);
  const common = { topic, proposal, ownerCity, meeting, actionItem: null, plan: null };
  return ballot === null
    ? { ...common, entityType: 'proposal', entityId: proposal.id, ballot: null }
    : { ...common, entityType: 'ballot', entityId: ballot.id, ballot };
}

async function actionItemFacts(manager: EntityManager, topic: NotifiedTopic, id: string): Promise<EventFacts | null> {
  const actionItem = await manager.findOneBy(ActionItem, { id });
  if (actionItem === null) return null;
  const plan = await manager.findOneByOrFail(ImplementationPlan, { id: actionItem.planId });
  const [proposal, ownerCity] = await Promise.all([
    manager.findOneByOrFail(Proposal, { id: plan.proposalId }),
    manager.findOneBy(MemberCity, { id: actionItem.ownerCityId }),
  ]);
  return {
    topic,
    entityType: 'actionItem',
    entityId: actionItem.id,
    proposal,
    ownerCity,
    ballot: null,
    meeting: null,
    actionItem,
    plan,
  };
}

/** The people of one audience, as SQL returning person ids; `{city}` is the owning city, `{ballot}`, `{meeting}`. */
const AUDIENCE_SQL: Record<Audience, string> = {
  secretariat: `SELECT id FROM person WHERE roles @> ARRAY['SECRETARIAT']::role[]`,
  board: `SELECT id FROM person WHERE roles @> ARRAY['BOARD_MEMBER']::role[]`,
  ownerCityDelegates: `SELECT id FROM person WHERE roles @> ARRAY['DELEGATE']::role[] AND member_city_id = {city}`,
  eligibleVoters: `SELECT person_id FROM ballot_voter WHERE ballot_id = {ballot}`,
  votersYetToVote: `SELECT voter.person_id FROM ballot_voter voter WHERE voter.ballot_id = {ballot}
      AND NOT EXISTS (SELECT 1 FROM vote WHERE vote.ballot_id = voter.ballot_id AND vote.voter_id = voter.person_id)`,
  meetingParticipants: `SELECT id FROM person WHERE roles && ARRAY['SECRETARIAT', 'BOARD_MEMBER']::role[]
      UNION SELECT id FROM person WHERE roles @> ARRAY['DELEGATE']::role[] AND member_city_id = {city}
      UNION SELECT member.person_id FROM delegation_member member
        JOIN delegation ON delegation.id = member.delegation_id
       WHERE delegation.meeting_id = {meeting} AND member.person_id IS NOT NULL`,
};

/** Everyone the rule table names for this event: active people only, each once. */
export async function recipientsOf(manager: EntityManager, facts: EventFacts): Promise<Recipient[]> {
  const audiences: readonly Audience[] = NOTIFICATION_RULES[facts.topic];
  const values = {
    city: facts.ownerCity?.id ?? facts.proposal.ownerCityId,
    ballot: facts.ballot?.id ?? null,
    meeting: facts.meeting?.id ?? null,
  };
  const params: Array<string | null> = [];
  const members = audiences
    .map((audience) => AUDIENCE_SQL[audience])
    .join(' UNION ')
    .replace(/\{(city|ballot|meeting)\}/g, (_, name: keyof typeof values) => {
      params.push(values[name]);
      return `$${params.length}::uuid`;
    });
  const rows: Array<{ id: string; email: string; locale: Locale; name: LocalizedText; time_zone: string }> =
    await manager.query(
      `SELECT person.id, person.email, person.preferred_locale AS locale, person.name,
              COALESCE(person.time_zone, city.time_zone, 'UTC') AS time_zone
         FROM person LEFT JOIN member_city city ON city.id = person.member_city_id
        WHERE person.active AND person.id IN (${members})
        ORDER BY person.id`,
      params,
    );
  return rows.map((row) => ({ ...row, timeZone: row.time_zone }));
}

/**
 * The member cities an event concerns, for their webhooks: the proposal's city, and for a result every
 * city with a delegation at the meeting.
 */
export async function citiesOf(manager: EntityManager, facts: EventFacts): Promise<string[]> {
  const cities = new Set([facts.ownerCity?.id ?? facts.proposal.ownerCityId]);
  if ((NOTIFICATION_RULES[facts.topic] as readonly Audience[]).includes('meetingParticipants') && facts.meeting) {
    const rows: Array<{ member_city_id: string }> = await manager.query(
      `SELECT DISTINCT member_city_id FROM delegation WHERE meeting_id = $1`,
      [facts.meeting.id],
    );
    for (const row of rows) cities.add(row.member_city_id);
  }
  return [...cities];
}
