import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createClient } from 'graphql-ws';
import type { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { BoardSeatService, setupLinkIfEmpty } from '@majlis/domain';
import { ApiHarness, Caller, codeOf, ok, startApi } from './api-harness';

/**
 * Board seats as terms on the demo partnership: a seat changing hands while a ballot is open leaves that
 * ballot's voters as they were; a deactivated person's socket closes at once. And the setup page on an
 * empty server. On PostgreSQL + Redis when DATABASE_URL and REDIS_URL are set, else embedded.
 */

const redis = process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {};

const today = (): string => new Date().toISOString().slice(0, 10);
const yesterday = (): string => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
/** `days` days after a YYYY-MM-DD day. */
const daysAfter = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('board seats, deactivation and sockets', () => {
  let api: ApiHarness;
  const callers = new Map<string, Caller>();
  let perthToken: string;

  beforeAll(async () => {
    api = await startApi(redis);
    for (const who of ['admin', 'secretariat', 'delegate.dammam', 'board.dammam', 'board.houston'])
      callers.set(who, await api.as(who));
    // Board Perth's socket signs in with the token itself.
    perthToken = await api.tokenFor('board.perth@demo.majlis');
    callers.set('board.perth', api.caller(perthToken));
  });

  afterAll(async () => {
    await api?.close();
  });

  const as = (who: string): Caller => {
    const call = callers.get(who);
    if (call === undefined) throw new Error(`${who} is not signed in`);
    return call;
  };
  const personId = async (email: string): Promise<string> => {
    const { people } = await ok<{ people: { edges: Array<{ node: { id: string } }> } }>(
      as('admin'),
      'query($s: String!) { people(filter: { search: $s }) { edges { node { id } } } }',
      { s: email },
    );
    return people.edges[0].node.id;
  };
  const cityId = async (code: string): Promise<string> => {
    const { memberCities } = await ok<{ memberCities: Array<{ id: string; code: string }> }>(
      as('admin'),
      '{ memberCities { id code } }',
    );
    const city = memberCities.find((c) => c.code === code);
    if (city === undefined) throw new Error(`no city ${code}`);
    return city.id;
  };

  /** A Dammam proposal through review, on the annual meeting's agenda, with its ballot open. */
  const openBallot = async (title: string): Promise<string> => {
    const { createProposal } = await ok<{ createProposal: { id: string } }>(
      as('delegate.dammam'),
      'mutation($t: String!) { createProposal(input: { category: PROGRAMME, title: { en: $t } }) { id } }',
      { t: title },
    );
    const id = createProposal.id;
    const move = `mutation($id: ID!, $event: ProposalEvent!, $v: Int!) { transitionProposal(id: $id, event: $event, expectedVersion: $v) { version } }`;
    let version = 1;
    for (const [who, event] of [
      ['delegate.dammam', 'SUBMIT'],
      ['secretariat', 'START_REVIEW'],
      ['secretariat', 'ACCEPT'],
    ] as const)
      version = (await ok<{ transitionProposal: { version: number } }>(as(who), move, { id, event, v: version }))
        .transitionProposal.version;
    const { meetings } = await ok<{ meetings: { edges: Array<{ node: { id: string } }> } }>(
      as('secretariat'),
      '{ meetings(filter: { kind: ANNUAL }) { edges { node { id } } } }',
    );
    await ok(
      as('secretariat'),
      'mutation($id: ID!, $m: ID!) { scheduleProposal(proposalId: $id, meetingId: $m) { state } }',
      {
        id,
        m: meetings.edges[0].node.id,
      },
    );
    const opened = await ok<{ openBallot: { id: string } }>(
      as('secretariat'),
      'mutation($id: ID!) { openBallot(proposalId: $id, rules: { quorum: 0, majority: SIMPLE }) { id } }',
      { id },
    );
    return opened.openBallot.id;
  };

  const VOTE = 'mutation($b: ID!, $k: String!) { castVote(ballotId: $b, choice: YES, idempotencyKey: $k) { choice } }';
  const ASSIGN = `mutation($input: AssignBoardSeatInput!) { assignBoardSeat(input: $input) { id startsOn endsOn current holder { email roles } } }`;
  const ELIGIBLE = 'query($id: ID!) { ballot(id: $id) { progress { eligible } } }';
  const PERSON_ROLES = 'query($id: ID!) { person(id: $id) { roles } }';

  it('a seat passing to another person during an open ballot leaves that ballot its voters; the next ballot has the new holder', async () => {
    const during = await openBallot('Voted while the seat passes');
    const before = await ok<{ ballot: { progress: { eligible: number } } }>(as('secretariat'), ELIGIBLE, {
      id: during,
    });

    const dammam = await cityId('dammam');
    const newHolder = await personId('delegate.dammam@demo.majlis');
    // Refusals change nothing: a person of another city, a term starting before the current one.
    expect(
      codeOf(
        await as('admin')(ASSIGN, {
          input: { memberCityId: dammam, personId: await personId('board.perth@demo.majlis'), startsOn: today() },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await as('admin')(ASSIGN, { input: { memberCityId: dammam, personId: newHolder, startsOn: '2000-01-01' } }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await as('secretariat')(ASSIGN, { input: { memberCityId: dammam, personId: newHolder, startsOn: today() } }),
      ),
    ).toBe('FORBIDDEN');

    const { assignBoardSeat } = await ok<{
      assignBoardSeat: { id: string; current: boolean; holder: { roles: string[] } };
    }>(as('admin'), ASSIGN, { input: { memberCityId: dammam, personId: newHolder, startsOn: today() } });
    expect(assignBoardSeat.current).toBe(true);
    expect(assignBoardSeat.holder.roles).toContain('BOARD_MEMBER');

    // The previous holder's term ended yesterday and the role went with it.
    const { boardSeats } = await ok<{
      boardSeats: Array<{
        endsOn: string | null;
        memberCity: { code: string };
        holder: { email: string; roles: string[] };
      }>;
    }>(as('admin'), '{ boardSeats { endsOn memberCity { code } holder { email roles } } }');
    const dammamSeats = boardSeats.filter((seat) => seat.memberCity.code === 'dammam');
    expect(dammamSeats).toEqual([
      {
        endsOn: null,
        memberCity: { code: 'dammam' },
        holder: { email: 'delegate.dammam@demo.majlis', roles: expect.arrayContaining(['DELEGATE', 'BOARD_MEMBER']) },
      },
      { endsOn: yesterday(), memberCity: { code: 'dammam' }, holder: { email: 'board.dammam@demo.majlis', roles: [] } },
    ]);

    // The open ballot keeps the voters it opened with: the former holder still votes, the new one does not.
    expect(
      (await ok<{ ballot: { progress: { eligible: number } } }>(as('secretariat'), ELIGIBLE, { id: during })).ballot
        .progress,
    ).toEqual(before.ballot.progress);
    callers.set('delegate.dammam', await api.as('delegate.dammam'));
    expect(codeOf(await as('delegate.dammam')(VOTE, { b: during, k: randomUUID() }))).toBe('NOT_ELIGIBLE');
    await ok(as('board.dammam'), VOTE, { b: during, k: randomUUID() });

    // A ballot opened now has the new holder, not the former one.
    const after = await openBallot('Voted after the seat passed');
    await ok(as('delegate.dammam'), VOTE, { b: after, k: randomUUID() });
    expect(codeOf(await as('board.dammam')(VOTE, { b: after, k: randomUUID() }))).toBe('FORBIDDEN');

    // Ending the term takes the role away again, the day after its end day (it is current through it); a
    // term ends once.
    const ended = await ok<{ endBoardSeat: { endsOn: string; current: boolean; holder: { roles: string[] } } }>(
      as('admin'),
      'mutation($id: ID!, $d: String!) { endBoardSeat(id: $id, endsOn: $d) { endsOn current holder { roles } } }',
      { id: assignBoardSeat.id, d: today() },
    );
    expect(ended.endBoardSeat.holder.roles).toEqual(['DELEGATE', 'BOARD_MEMBER']);
    const seats = api.app.get(BoardSeatService);
    expect(await seats.applyEndedTerms(today())).not.toContain(newHolder);
    expect(await seats.applyEndedTerms(daysAfter(today(), 1))).toContain(newHolder);
    const { person } = await ok<{ person: { roles: string[] } }>(as('admin'), PERSON_ROLES, { id: newHolder });
    expect(person.roles).toEqual(['DELEGATE']);
    expect(
      codeOf(
        await as('admin')('mutation($id: ID!, $d: String!) { endBoardSeat(id: $id, endsOn: $d) { id } }', {
          id: assignBoardSeat.id,
          d: today(),
        }),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('deactivating a board member closes their socket (4403) at once and refuses their token', async () => {
    const ballotId = await openBallot('Followed live');
    const { port } = await (async () => {
      await api.app.listen(0, '127.0.0.1');
      return api.app.getHttpServer().address() as AddressInfo;
    })();
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${perthToken}` },
      retryAttempts: 0,
      lazy: false,
      // The close (4403) is what this test waits for, not an error to print.
      onNonLazyError: () => undefined,
    });
    let firstEvent: () => void = () => undefined;
    const listening = new Promise<void>((resolve) => {
      firstEvent = resolve;
    });
    const closed = new Promise<number>((resolve) => {
      client.on('closed', (event) => resolve((event as { code: number }).code));
    });
    client.subscribe(
      { query: 'subscription($id: ID!) { ballotUpdated(ballotId: $id) { state } }', variables: { id: ballotId } },
      { next: () => firstEvent(), error: () => undefined, complete: () => undefined },
    );
    // Votes until the subscription shows it listens (no sleeping: the first event proves it).
    let heard = false;
    void listening.then(() => {
      heard = true;
    });
    while (!heard) {
      await ok(as('board.houston'), VOTE, { b: ballotId, k: randomUUID() });
      await Promise.race([listening, new Promise((resolve) => setImmediate(resolve))]);
    }

    await ok(as('admin'), 'mutation($id: ID!) { setPersonActive(id: $id, active: false) { active } }', {
      id: await personId('board.perth@demo.majlis'),
    });
    expect(await closed).toBe(4403);
    expect(codeOf(await as('board.perth')('{ me { email } }'))).toBe('UNAUTHENTICATED');
    await client.dispose();
  });
});

// On the embedded default too: with the demo off (MAJLIS_DEMO=false) it starts with nobody.
describe('the setup page on a server with nobody', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(redis, { seedDemo: false });
  });

  afterAll(async () => {
    await api?.close();
  });

  const SETUP = `mutation($input: SetupInput!) { completeSetup(input: $input) { token user { email roles } } }`;

  it('creates the first administrator with the logged token, once', async () => {
    const dataSource = api.app.get<DataSource>(getDataSourceToken());
    // The link the API logged at start; asking again replaces it, as a restart would.
    const link = await setupLinkIfEmpty(dataSource, api.environment.publicUrl);
    const token = new URL(link ?? 'http://x/').searchParams.get('token') ?? '';
    expect(link).toContain('/setup?token=');
    const input = {
      token,
      email: 'first@partnership.example',
      name: { en: 'First' },
      password: 'the first password',
      locale: 'en',
    };

    const anonymous = api.caller(null);
    expect(codeOf(await anonymous(SETUP, { input: { ...input, token: 'not-the-token' } }))).toBe('NOT_FOUND');
    expect(codeOf(await anonymous(SETUP, { input: { ...input, password: 'short' } }))).toBe('BAD_USER_INPUT');
    // A setup token is not a password link.
    expect(codeOf(await anonymous('query($t: String!) { passwordLink(token: $t) { email } }', { t: token }))).toBe(
      'NOT_FOUND',
    );

    const done = await anonymous<{ completeSetup: { token: string; user: { email: string; roles: string[] } } }>(
      SETUP,
      { input },
    );
    expect(done.data?.completeSetup.user).toEqual({ email: 'first@partnership.example', roles: ['ADMIN'] });
    expect(String(done.headers['set-cookie'])).toContain('majlis_session=');
    expect(codeOf(await anonymous(SETUP, { input: { ...input, email: 'second@partnership.example' } }))).toBe(
      'FORBIDDEN',
    );
    expect(await setupLinkIfEmpty(dataSource, api.environment.publicUrl)).toBeNull();
    const { instance } = await ok<{ instance: { setupRequired: boolean } }>(
      anonymous,
      '{ instance { setupRequired } }',
    );
    expect(instance.setupRequired).toBe(false);
  });
});
