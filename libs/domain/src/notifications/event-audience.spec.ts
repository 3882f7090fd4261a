import { EventAudiences, EventSubjects, TOPICS } from '../outbox';
import { checkEveryEventTold } from './event-audience';
import { NOTIFIED_AUDIENCES, NOTIFIED_TOPICS } from './notification-rules';

describe(checkEveryEventTold.name, () => {
  const registries = (leaveOut: { topic?: string; audience?: string } = {}) => {
    const subjects = new EventSubjects();
    const audiences = new EventAudiences();
    subjects.register(
      NOTIFIED_TOPICS.filter((topic) => topic !== leaveOut.topic),
      () => Promise.resolve(null),
    );
    for (const audience of NOTIFIED_AUDIENCES)
      if (audience !== leaveOut.audience) audiences.define(audience, { people: 'SELECT id FROM person' });
    return [subjects, audiences] as const;
  };

  it('passes when every notified topic has a subject and every audience of the rules is defined', () => {
    expect(() => checkEveryEventTold(...registries())).not.toThrow();
  });

  it('refuses to start, naming what is missing, when a feature has not registered', () => {
    expect(() =>
      checkEveryEventTold(...registries({ topic: TOPICS.ballotClosed, audience: 'votersYetToVote' })),
    ).toThrow('no subject for [ballot.closed], no definition of the audiences [votersYetToVote]');
  });
});
