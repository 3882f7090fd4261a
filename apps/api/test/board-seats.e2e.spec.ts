import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createClient } from 'graphql-ws';
import type { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { BoardSeatService, setupLinkIfEmpty } from '@majlis/domain';
import { ApiHarness, GraphqlResponse, startApi } from './api-harness';

/**
 * Board seats as terms on the demo partnership: a seat changing hands while a ballot is open leaves that
 * ballot's voters as they were; a deactivated person's socket closes at once. And the setup page on an
 * empty server. On PostgreSQL + Redis when DATABASE_URL and REDIS_URL are set, else embedded.
 */

type Vars = Record<string, unknown>;
const redis = process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {};

const today = (): string => new Date().toISOString().slice(0, 10);
const yesterday = (): string => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
/** `days` days after a YYYY-MM-DD day. */
const daysAfter = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('board seats, deactivation and sockets', () => {
  let api: ApiHarness;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    api = await startApi(redis);
    for (const who of [
      'admin',
      'secretariat',
      'delegate.dammam',
      'board.dammam',
      'board.perth',
      'board.houston',
      'board.calgary',
    ])
      tokens.set(who, await api.tokenFor(`${who}@demo.majlis`));
  });

  afterAll(async () => {
    await api?.close();
  });

  const as = (who: string): string => {
    const token = tokens.get(who);
    if (token === undefined) throw new Error(`no token for ${who}`);
    return token;
  };
  const call = <T>(who: string, query: string, variables: Vars = {}): Promise<GraphqlResponse<T>> =>
    api.graphql<T>(query, variables, { authorization: `Bearer ${as(who)}`, 'accept-language': 'en' });
  const ok = async <T>(who: string, query: string, variables: Vars = {}): Promise<T> => {
    const answer = await call<T>(who, query, variables);
    if (answer.errors !== undefined || answer.data === undefined || answer.data === null)
      throw new Error(`${query}: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  };
  const codeOf = async (who: string, query: string, variables: Vars = {}): Promise<unknown> =>
    (await call(who, query, variables)).errors?.[0]?.extensions?.code;

  const personId = async (email: string): Promise<string> => {
    const { people } = await ok<{ people: { edges: Array<{ node: { id: string } }> } }>(
      'admin',
      'query($s: String!) { people(filter: { search: $s }) { edges { node { id } } } }',
      { s: email },
    );
    return people.edges[0].node.id;
  };
  const cityId = async (code: string): Promise<string> => {
    const { memberCities } = await ok<{ memberCities: Array<{ id: string; code: string }> }>(
      'admin',
      '{ memberCities { id code } }',
    );
    const city = memberCities.find((c) => c.code === code);
    if (city === undefined) throw new Error(`no city ${code}`);
    return city.id;
  };

  /** A Dammam proposal through review, on the annual meeting's agenda, with its ballot open. */
  const openBallot = async (title: string): Promise<string> => {
    const { createProposal } = await ok<{ createProposal: { id: string } }>(
      'delegate.dammam',
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
      version = (await ok<{ transitionProposal: { version: number } }>(who, move, { id, event, v: version }))
        .transitionProposal.version;
    const { meetings } = await ok<{ meetings: { edges: Array<{ node: { id: string } }> } }>(
      'secretariat',
      '{ meetings(filter: { kind: ANNUAL }) { edges { node { id } } } }',
    );
    await ok(
      'secretariat',
      'mutation($id: ID!, $m: ID!) { scheduleProposal(proposalId: $id, meetingId: $m) { state } }',
      {
        id,
        m: meetings.edges[0].node.id,
      },
    );
    const opened = await ok<{ openBallot: { id: string } }>(
      'secretariat',
      'mutation($id: ID!) { openBallot(proposalId: $id, rules: { quorum: 0, majority: SIMPLE }) { id } }',
      { id },
    );
    return opened.openBallot.id;
  };

  const VOTE = 'mutation($b: ID!, $k: String!) { castVote(ballotId: $b, choice: YES, idempotencyKey: $k) { choice } }';
  const ASSIGN = `mutation($input: AssignBoardSeatInput!) { assignBoardSeat(input: $input) { id startsOn endsOn current holder { email roles } } }`;
  const ELIGIBLE = 'query($id: ID!) { ballot(id: $id) { progress { eligible } } }';
  const PERSON_ROLES = 'query($id: ID!) { person(id: $id) { roles } }';
  const END =
    'mutation($id: ID!, $d: String!) { endBoardSeat(id: $id, endsOn: $d) { endsOn current holder { roles } } }';
  const UPDATE_ROLES =
    'mutation($id: ID!, $roles: [Role!]) { updatePerson(id: $id, input: { roles: $roles }) { roles } }';

  it('a seat passing to another person during an open ballot leaves that ballot its voters; the next ballot has the new holder', async () => {
    const during = await openBallot('Voted while the seat passes');
    const before = await ok<{ ballot: { progress: { eligible: number } } }>('secretariat', ELIGIBLE, { id: during });

    const dammam = await cityId('dammam');
    const newHolder = await personId('delegate.dammam@demo.majlis');
    // Refusals change nothing: a person of another city, a term starting before the current one.
    expect(
      await codeOf('admin', ASSIGN, {
        input: { memberCityId: dammam, personId: await personId('board.perth@demo.majlis'), startsOn: today() },
      }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await codeOf('admin', ASSIGN, { input: { memberCityId: dammam, personId: newHolder, startsOn: '2000-01-01' } }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await codeOf('secretariat', ASSIGN, { input: { memberCityId: dammam, personId: newHolder, startsOn: today() } }),
    ).toBe('FORBIDDEN');

    const { assignBoardSeat } = await ok<{
      assignBoardSeat: { id: string; current: boolean; holder: { roles: string[] } };
    }>('admin', ASSIGN, { input: { memberCityId: dammam, personId: newHolder, startsOn: today() } });
    expect(assignBoardSeat.current).toBe(true);
    expect(assignBoardSeat.holder.roles).toContain('BOARD_MEMBER');

    // The previous holder's term ended yesterday and the role went with it.
    const { boardSeats } = await ok<{
      boardSeats: Array<{
        endsOn: string | null;
        memberCity: { code: string };
        holder: { email: string; roles: string[] };
      }>;
    }>('admin', '{ boardSeats { endsOn memberCity { code } holder { email roles } } }');
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
      (await ok<{ ballot: { progress: { eligible: number } } }>('secretariat', ELIGIBLE, { id: during })).ballot
        .progress,
    ).toEqual(before.ballot.progress);
    tokens.set('delegate.dammam', await api.tokenFor('delegate.dammam@demo.majlis'));
    expect(await codeOf('delegate.dammam', VOTE, { b: during, k: randomUUID() })).toBe('NOT_ELIGIBLE');
    await ok('board.dammam', VOTE, { b: during, k: randomUUID() });

    // A ballot opened now has the new holder, not the former one.
    const after = await openBallot('Voted after the seat passed');
    await ok('delegate.dammam', VOTE, { b: after, k: randomUUID() });
    expect(await codeOf('board.dammam', VOTE, { b: after, k: randomUUID() })).toBe('FORBIDDEN');

    // Ending the term takes the role away again, the day after its end day (it is current through it); a
    // term ends once.
    const ended = await ok<{ endBoardSeat: { endsOn: string; current: boolean; holder: { roles: string[] } } }>(
      'admin',
      'mutation($id: ID!, $d: String!) { endBoardSeat(id: $id, endsOn: $d) { endsOn current holder { roles } } }',
      { id: assignBoardSeat.id, d: today() },
    );
    expect(ended.endBoardSeat.holder.roles).toEqual(['DELEGATE', 'BOARD_MEMBER']);
    const seats = api.app.get(BoardSeatService);
    expect(await seats.applyEndedTerms(today())).not.toContain(newHolder);
    expect(await seats.applyEndedTerms(daysAfter(today(), 1))).toContain(newHolder);
    const { person } = await ok<{ person: { roles: string[] } }>('admin', PERSON_ROLES, { id: newHolder });
    expect(person.roles).toEqual(['DELEGATE']);
    expect(
      await codeOf('admin', 'mutation($id: ID!, $d: String!) { endBoardSeat(id: $id, endsOn: $d) { id } }', {
        id: assignBoardSeat.id,
        d: today(),
      }),
    ).toBe('BAD_USER_INPUT');
  });

  it('a seat ending on a later day keeps its holder a board member through that day; the next day the role goes', async () => {
    const seats = api.app.get(BoardSeatService);
    const calgary = await personId('board.calgary@demo.majlis');
    const { boardSeats } = await ok<{ boardSeats: Array<{ id: string; holder: { id: string } }> }>(
      'admin',
      '{ boardSeats(currentOnly: true) { id holder { id } } }',
    );
    const seat = boardSeats.find((entry) => entry.holder.id === calgary);
    if (seat === undefined) throw new Error('no current seat for board.calgary');
    const endsOn = daysAfter(today(), 10);

    const ended = await ok<{ endBoardSeat: { endsOn: string; current: boolean; holder: { roles: string[] } } }>(
      'admin',
      END,
      { id: seat.id, d: endsOn },
    );
    expect(ended.endBoardSeat).toEqual({ endsOn, current: true, holder: { roles: ['BOARD_MEMBER'] } });
    // Until the end day, and on it, the term is current: the hourly run leaves the role.
    expect(await seats.applyEndedTerms(today())).not.toContain(calgary);
    expect(await seats.applyEndedTerms(endsOn)).not.toContain(calgary);
    expect((await ok<{ person: { roles: string[] } }>('admin', PERSON_ROLES, { id: calgary })).person.roles).toEqual([
      'BOARD_MEMBER',
    ]);
    const ballotId = await openBallot('Voted by a seat that ends in ten days');
    await ok('board.calgary', VOTE, { b: ballotId, k: randomUUID() });

    // The day after, the role goes, once, audited as the board term's end; the vote cast stays.
    const after = daysAfter(endsOn, 1);
    expect(await seats.applyEndedTerms(after)).toContain(calgary);
    expect(await seats.applyEndedTerms(after)).toEqual([]);
    expect((await ok<{ person: { roles: string[] } }>('admin', PERSON_ROLES, { id: calgary })).person.roles).toEqual(
      [],
    );
    const dataSource = api.app.get<DataSource>(getDataSourceToken());
    const audit = (await dataSource.query(
      `SELECT actor_id, payload FROM audit_entry WHERE entity_id = $1 AND action = 'person.updated' ORDER BY seq`,
      [calgary],
    )) as Array<{ actor_id: string | null; payload: { reason?: string; roles?: string } }>;
    expect(audit.at(-1)).toEqual({ actor_id: null, payload: { roles: '', reason: 'board seat ended' } });
  });

  it('an administrator cannot take BOARD_MEMBER from the holder of a current seat; without a seat they can', async () => {
    const aberdeen = await personId('board.aberdeen@demo.majlis');
    const refusedIn = async (language: 'en' | 'ar'): Promise<string> => {
      const answer = await api.graphql(
        UPDATE_ROLES,
        { id: aberdeen, roles: ['OBSERVER'] },
        { authorization: `Bearer ${as('admin')}`, 'accept-language': language },
      );
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      return answer.errors?.[0]?.message ?? '';
    };
    expect(await refusedIn('en')).toContain('holds a board seat');
    expect(await refusedIn('ar')).toContain('مقعداً في مجلس إدارة التجمع');
    expect((await ok<{ person: { roles: string[] } }>('admin', PERSON_ROLES, { id: aberdeen })).person.roles).toEqual([
      'BOARD_MEMBER',
    ]);
    // Other changes of the holder go through, and so does adding a role.
    expect(
      (
        await ok<{ updatePerson: { roles: string[] } }>('admin', UPDATE_ROLES, {
          id: aberdeen,
          roles: ['BOARD_MEMBER', 'OBSERVER'],
        })
      ).updatePerson.roles,
    ).toEqual(['BOARD_MEMBER', 'OBSERVER']);

    // A board member with no seat at all (invited before a seat is given) can lose the role.
    const { invitePerson } = await ok<{ invitePerson: { id: string } }>(
      'admin',
      'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id } }',
      {
        input: {
          email: `seatless.${randomUUID().slice(0, 8)}@example.org`,
          name: { en: 'Seatless' },
          roles: ['BOARD_MEMBER'],
        },
      },
    );
    expect(
      (
        await ok<{ updatePerson: { roles: string[] } }>('admin', UPDATE_ROLES, {
          id: invitePerson.id,
          roles: ['OBSERVER'],
        })
      ).updatePerson.roles,
    ).toEqual(['OBSERVER']);
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
      connectionParams: { authorization: `Bearer ${as('board.perth')}` },
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
      await ok('board.houston', VOTE, { b: ballotId, k: randomUUID() });
      await Promise.race([listening, new Promise((resolve) => setImmediate(resolve))]);
    }

    await ok('admin', 'mutation($id: ID!) { setPersonActive(id: $id, active: false) { active } }', {
      id: await personId('board.perth@demo.majlis'),
    });
    expect(await closed).toBe(4403);
    expect(await codeOf('board.perth', '{ me { email } }')).toBe('UNAUTHENTICATED');
    await client.dispose();
  });

  it('a seat passed from a later day leaves the former holder a board member until the new term begins', async () => {
    const seats = api.app.get(BoardSeatService);
    const former = await personId('board.houston@demo.majlis');
    const startsOn = daysAfter(today(), 5);
    await ok('admin', ASSIGN, {
      input: {
        memberCityId: await cityId('houston'),
        personId: await personId('delegate.houston@demo.majlis'),
        startsOn,
      },
    });
    // The former term ends the day before the new one starts: current until then, role kept.
    expect((await ok<{ person: { roles: string[] } }>('admin', PERSON_ROLES, { id: former })).person.roles).toEqual([
      'BOARD_MEMBER',
    ]);
    expect(await seats.applyEndedTerms(daysAfter(startsOn, -1))).not.toContain(former);
    expect(await seats.applyEndedTerms(startsOn)).toContain(former);
    expect((await ok<{ person: { roles: string[] } }>('admin', PERSON_ROLES, { id: former })).person.roles).toEqual([]);
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

    const wrong = await api.graphql(SETUP, { input: { ...input, token: 'not-the-token' } });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const weak = await api.graphql(SETUP, { input: { ...input, password: 'short' } });
    expect(weak.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A setup token is not a password link.
    expect(
      (await api.graphql('query($t: String!) { passwordLink(token: $t) { email } }', { t: token })).errors?.[0]
        ?.extensions?.code,
    ).toBe('NOT_FOUND');

    const done = await api.graphql<{ completeSetup: { token: string; user: { email: string; roles: string[] } } }>(
      SETUP,
      { input },
    );
    expect(done.data?.completeSetup.user).toEqual({ email: 'first@partnership.example', roles: ['ADMIN'] });
    expect(String(done.headers['set-cookie'])).toContain('majlis_session=');
    const again = await api.graphql(SETUP, { input: { ...input, email: 'second@partnership.example' } });
    expect(again.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await setupLinkIfEmpty(dataSource, api.environment.publicUrl)).toBeNull();
    const { data } = await api.graphql<{ instance: { setupRequired: boolean } }>('{ instance { setupRequired } }');
    expect(data?.instance.setupRequired).toBe(false);
  });
});
