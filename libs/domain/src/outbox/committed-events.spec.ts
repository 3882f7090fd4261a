import { CommittedEvents } from './committed-events';
import { TOPICS } from './event.contract';
import { EventAudiences, EventSubjects } from './event-subjects';

describe(CommittedEvents.name, () => {
  describe('run', () => {
    it('runs the handlers of the message’s topic in the order they were registered, with its payload', async () => {
      const events = new CommittedEvents();
      const ran: string[] = [];
      events.on(TOPICS.ballotOpened, async ({ ballotId }) => void ran.push(`timers ${ballotId}`));
      events.on(TOPICS.ballotOpened, async ({ ballotId }) => void ran.push(`second ${ballotId}`));
      events.on(TOPICS.ballotClosed, async ({ ballotId }) => void ran.push(`forget ${ballotId}`));
      await events.run({ topic: TOPICS.ballotOpened, payload: { ballotId: 'b-1' } });
      expect(ran).toEqual(['timers b-1', 'second b-1']);
    });

    it('does nothing for a topic nobody handles, or one the contract no longer has', async () => {
      const events = new CommittedEvents();
      const handler = jest.fn(() => Promise.resolve());
      events.on(TOPICS.ballotOpened, handler);
      await events.run({ topic: TOPICS.ballotClosed, payload: { ballotId: 'b-1' } });
      await events.run({ topic: 'proposal.retired', payload: {} });
      expect(handler).not.toHaveBeenCalled();
    });
  });
});

describe(EventSubjects.name, () => {
  it('refuses a second finder for a topic', () => {
    const subjects = new EventSubjects();
    subjects.register([TOPICS.ballotOpened], () => Promise.resolve(null));
    expect(() => subjects.register([TOPICS.ballotOpened], () => Promise.resolve(null))).toThrow(
      'The subject of "ballot.opened" events is registered twice',
    );
  });
});

describe(EventAudiences.name, () => {
  it('refuses a second definition of an audience, and says which are not defined', () => {
    const audiences = new EventAudiences();
    audiences.define('board', { people: 'SELECT id FROM person' });
    expect(() => audiences.define('board', { people: 'SELECT id FROM person' })).toThrow(
      'The audience "board" is defined twice',
    );
    expect(audiences.undefinedOf(['board', 'secretariat'])).toEqual(['secretariat']);
  });
});
