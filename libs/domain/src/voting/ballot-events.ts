import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommittedEvents, EventAudiences, EventSubjects, TOPICS } from '../outbox';
import { proposalSubject } from '../proposals';
import { BallotDeadlines } from './ballot-deadlines';
import { Ballot } from './ballot.entity';

/**
 * What voting tells the outbox's readers: what a ballot's events are about (the ballot, and its
 * proposal's city and meeting), who its voters are, and the timers its opening and closing start and stop.
 */
@Injectable()
export class BallotEvents implements OnModuleInit {
  constructor(
    private readonly subjects: EventSubjects,
    private readonly audiences: EventAudiences,
    private readonly committed: CommittedEvents,
    private readonly deadlines: BallotDeadlines,
  ) {}

  onModuleInit(): void {
    this.subjects.register(
      [TOPICS.ballotOpened, TOPICS.ballotClosingSoon, TOPICS.ballotClosed, TOPICS.ballotCancelled],
      async (manager, { ballotId }) => {
        const ballot = await manager.findOneBy(Ballot, { id: ballotId });
        const subject = ballot === null ? null : await proposalSubject(manager, ballot.proposalId);
        return ballot === null || subject === null
          ? null
          : { ...subject, entityType: 'ballot', entityId: ballot.id, ballot };
      },
    );
    this.audiences.define('eligibleVoters', {
      people: `SELECT person_id FROM ballot_voter WHERE ballot_id = {ballot}`,
    });
    this.audiences.define('votersYetToVote', {
      people: `SELECT voter.person_id FROM ballot_voter voter WHERE voter.ballot_id = {ballot}
        AND NOT EXISTS (SELECT 1 FROM vote WHERE vote.ballot_id = voter.ballot_id AND vote.voter_id = voter.person_id)`,
    });
    this.committed.on(TOPICS.ballotOpened, ({ ballotId }) => this.deadlines.schedule(ballotId));
    this.committed.on(TOPICS.ballotClosed, ({ ballotId }) => this.deadlines.forget(ballotId));
    this.committed.on(TOPICS.ballotCancelled, ({ ballotId }) => this.deadlines.forget(ballotId));
  }
}
