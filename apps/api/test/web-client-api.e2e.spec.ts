import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '@majlis/demo';
import { SmtpSink, startSmtpSink, TEST_PASSWORD } from '@majlis/testing';
import { ApiHarness, Caller, codeOf, ok, startApi } from './api-harness';
import { approvedProposal } from './approved-proposal';
import { eventually } from './eventually';

/**
 * What the web client reads and changes through the API (issue 12): the public instance description,
 * the person's own profile (language, digits, time zone) and the e-mails that follow it, the list of
 * ballots with their proposal, chair and named voters, notifications' paths, and refusals in words.
 */

type Vars = Record<string, unknown>;

const INSTANCE = `{
  instance {
    demo demoPassword setupRequired queuesOnRedis
    demoAccounts { email roles isHeadOfDelegation name(locale: en) { text } memberCity { code } }
  }
}`;
const ME = `{ me { email preferredLocale digits timeZone } }`;
const UPDATE_PROFILE = `mutation($input: UpdateMyProfileInput!) {
  updateMyProfile(input: $input) { email preferredLocale digits timeZone }
}`;
const BALLOTS = `query($filter: BallotFilter, $first: Int, $after: String) {
  ballots(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id state proposal { id title(locale: en) { text } } chair { email } } }
  }
}`;
const BALLOT_VOTES = `query($id: ID!) {
  ballot(id: $id) { state progress { votes { choice voterId voter { id email } } } }
}`;
const TRANSITION = `mutation($id: ID!, $event: ProposalEvent!, $version: Int!) {
  transitionProposal(id: $id, event: $event, expectedVersion: $version) { state version }
}`;
const VOTE = `mutation($id: ID!, $choice: VoteChoice!, $key: String!) {
  castVote(ballotId: $id, choice: $choice, idempotencyKey: $key) { choice }
}`;

interface BallotNode {
  id: string;
  state: string;
  proposal: { id: string; title: { text: string } };
  chair: { email: string } | null;
}
interface BallotsAnswer {
  ballots: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: BallotNode }>;
  };
}

describe('the API of the web client', () => {
  let api: ApiHarness;
  let smtp: SmtpSink;
  let dataSource: DataSource;
  let meetingId: string;
  const tokens = new Map<string, string>();

  /**
   * A caller signed in as the demo account `who` (the part before @), asking in `language`; without one,
   * in the language their profile says at the time of each call (which these tests change).
   */
  const as = (who: string, language: 'ar' | 'en' | null = null): Caller =>
    api.caller(tokens.get(who) ?? null, language);
  const nobody: Caller = (query, variables) => api.caller(null, null)(query, variables);

  /** A Dammam proposal accepted and put on the Houston meeting's agenda; its id. */
  const scheduled = async (title: string): Promise<string> => {
    const { createProposal } = await ok<{ createProposal: { id: string } }>(
      as('delegate.dammam'),
      `mutation($title: String!) { createProposal(input: { category: PROGRAMME, title: { en: $title } }) { id } }`,
      { title },
    );
    const id = createProposal.id;
    let version = 1;
    for (const [who, event] of [
      ['delegate.dammam', 'SUBMIT'],
      ['secretariat', 'START_REVIEW'],
      ['secretariat', 'ACCEPT'],
    ] as const) {
      const moved = await ok<{ transitionProposal: { version: number } }>(as(who), TRANSITION, { id, event, version });
      version = moved.transitionProposal.version;
    }
    await ok(
      as('secretariat'),
      `mutation($id: ID!, $meeting: ID!) { scheduleProposal(proposalId: $id, meetingId: $meeting) { state } }`,
      { id, meeting: meetingId },
    );
    return id;
  };

  const openBallot = async (proposalId: string, rules: Vars): Promise<string> =>
    (
      await ok<{ openBallot: { id: string } }>(
        as('secretariat'),
        `mutation($id: ID!, $rules: BallotRulesInput!) { openBallot(proposalId: $id, rules: $rules) { id } }`,
        { id: proposalId, rules },
      )
    ).openBallot.id;

  /** Every outbox message dispatched and every delivery done. */
  const settled = (): Promise<void> =>
    eventually(async () => {
      const [row] = (await dataSource.query(
        `SELECT (SELECT count(*) FROM outbox_message WHERE completed_at IS NULL)::int AS open,
                (SELECT count(*) FROM notification_delivery WHERE status = 'pending')::int AS pending`,
      )) as Array<{ open: number; pending: number }>;
      return row.open === 0 && row.pending === 0;
    }, 60_000);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    api = await startApi({ smtpUrl: smtp.url, publicUrl: 'https://majlis.example.org', retryBaseMs: 50 });
    dataSource = api.app.get<DataSource>(getDataSourceToken());
    for (const account of DEMO_ACCOUNTS) {
      const who = account.email.split('@')[0];
      tokens.set(who, await api.tokenFor(account.email));
    }
    const meetings = await ok<{ meetings: { edges: Array<{ node: { id: string } }> } }>(
      as('secretariat'),
      '{ meetings(filter: { kind: ANNUAL, state: planned }) { edges { node { id } } } }',
    );
    meetingId = meetings.meetings.edges[0].node.id;
    await settled();
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  describe('instance', () => {
    it('tells anyone, signed in or not, that this is the demo, with its accounts and password', async () => {
      const data = await ok<{ instance: Record<string, unknown> }>(nobody, INSTANCE);
      expect(data.instance).toMatchObject({
        demo: true,
        demoPassword: TEST_PASSWORD,
        setupRequired: false,
        queuesOnRedis: api.environment.redisUrl !== undefined,
      });
      const accounts = data.instance.demoAccounts as Array<Record<string, unknown>>;
      expect(accounts.map((account) => account.email)).toEqual(DEMO_ACCOUNTS.map((account) => account.email));
      expect(accounts.find((account) => account.email === 'delegate.dammam@demo.majlis')).toMatchObject({
        roles: ['DELEGATE'],
        isHeadOfDelegation: true,
        memberCity: { code: 'dammam' },
        name: { text: expect.stringContaining('Al-Mulhim') },
      });
      expect(accounts.find((account) => account.email === 'secretariat@demo.majlis')).toMatchObject({
        roles: ['SECRETARIAT'],
        memberCity: null,
      });
    });

    it('tells a fresh server with nobody in it that set-up is needed, and shows no demo', async () => {
      const fresh = await startApi({ workersInApi: false }, { seedDemo: false });
      try {
        const result = await fresh.graphql<{ instance: Record<string, unknown> }>(INSTANCE);
        expect(result.errors).toBeUndefined();
        expect(result.data?.instance).toEqual({
          demo: false,
          demoPassword: null,
          setupRequired: true,
          queuesOnRedis: fresh.environment.redisUrl !== undefined,
          demoAccounts: [],
        });
      } finally {
        await fresh.close();
      }
    });
  });

  describe('updateMyProfile', () => {
    it('starts from digits that follow the language and no time zone of their own', async () => {
      expect((await ok<{ me: unknown }>(as('delegate.dammam'), ME)).me).toEqual({
        email: 'delegate.dammam@demo.majlis',
        preferredLocale: 'ar',
        digits: 'arab',
        timeZone: null,
      });
      expect((await ok<{ me: unknown }>(as('delegate.houston'), ME)).me).toMatchObject({
        preferredLocale: 'en',
        digits: 'latn',
      });
    });

    it('changes only what is given, for the signed-in person only, and null returns to the default', async () => {
      const changed = await ok<{ updateMyProfile: unknown }>(as('observer.dammam'), UPDATE_PROFILE, {
        input: { digits: 'latn', timeZone: 'Europe/London' },
      });
      expect(changed.updateMyProfile).toEqual({
        email: 'observer.dammam@demo.majlis',
        preferredLocale: 'ar',
        digits: 'latn',
        timeZone: 'Europe/London',
      });
      expect((await ok<{ me: unknown }>(as('observer.dammam'), ME)).me).toEqual(changed.updateMyProfile);
      // Nobody else changed.
      expect((await ok<{ me: unknown }>(as('delegate.dammam'), ME)).me).toMatchObject({
        digits: 'arab',
        timeZone: null,
      });
      const cleared = await ok<{ updateMyProfile: unknown }>(as('observer.dammam'), UPDATE_PROFILE, {
        input: { digits: null, timeZone: null },
      });
      expect(cleared.updateMyProfile).toMatchObject({ digits: 'arab', timeZone: null, preferredLocale: 'ar' });
    });

    it.each(['Mars/Olympus_Mons', '', 'not a zone at all'])(
      'refuses the time zone %p with BAD_USER_INPUT on timeZone, changing nothing',
      async (timeZone) => {
        const before = (await ok<{ me: unknown }>(as('board.perth'), ME)).me;
        const result = await as('board.perth', 'en')(UPDATE_PROFILE, { input: { locale: 'ar', timeZone } });
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0].extensions?.field).toBe('timeZone');
        expect(result.errors?.[0].message).toMatch(/^Time zone: ".*" is not a time zone/);
        expect((await ok<{ me: unknown }>(as('board.perth'), ME)).me).toEqual(before);
      },
    );

    it('refuses anyone not signed in', async () => {
      expect(codeOf(await nobody(UPDATE_PROFILE, { input: { locale: 'en' } }))).toBe('UNAUTHENTICATED');
    });

    it('writes the next e-mails and inbox notifications in the language chosen, linking to their path', async () => {
      // Aberdeen's board member reads English; they switch to Arabic, Dammam's to English.
      await ok(as('board.aberdeen'), UPDATE_PROFILE, { input: { locale: 'ar' } });
      await ok(as('board.dammam'), UPDATE_PROFILE, { input: { locale: 'en' } });
      const proposalId = await scheduled('Language follows the profile');
      const ballotId = await openBallot(proposalId, { quorum: 0.5, majority: 'SIMPLE' });
      await settled();
      const inbox = (await dataSource.query(
        `SELECT person.email, notification.locale, notification.path, notification.entity_type AS "entityType"
           FROM notification JOIN person ON person.id = notification.recipient_id
          WHERE notification.entity_id = $1 AND notification.topic = 'ballot.opened'`,
        [ballotId],
      )) as Array<{ email: string; locale: string; path: string; entityType: string }>;
      const localeOf = (email: string): string | undefined => inbox.find((row) => row.email === email)?.locale;
      expect(localeOf('board.aberdeen@demo.majlis')).toBe('ar');
      expect(localeOf('board.dammam@demo.majlis')).toBe('en');
      expect(localeOf('board.houston@demo.majlis')).toBe('en');
      expect(new Set(inbox.map((row) => row.path))).toEqual(new Set([`/ballots/${ballotId}`]));
      await smtp.waitFor((messages) =>
        ['board.aberdeen@demo.majlis', 'board.dammam@demo.majlis'].every((email) =>
          messages.some((mail) => mail.to.includes(email) && mail.text.includes(ballotId)),
        ),
      );
      const mailTo = (email: string) =>
        smtp.messages.find((mail) => mail.to.includes(email) && mail.text.includes(ballotId))!;
      expect(mailTo('board.aberdeen@demo.majlis').subject).toMatch(/[\u0600-\u06FF]/);
      expect(mailTo('board.dammam@demo.majlis').subject).not.toMatch(/[\u0600-\u06FF]/);
      // The e-mail's link is the notification's path at the public address.
      for (const email of ['board.aberdeen@demo.majlis', 'board.dammam@demo.majlis'])
        expect(mailTo(email).text).toContain(`https://majlis.example.org/ballots/${ballotId}`);
      // A refusal with no Accept-Language speaks the profile's language too.
      const refused = await as('board.aberdeen')(`mutation($id: ID!) { closeBallot(ballotId: $id) { state } }`, {
        id: ballotId,
      });
      expect(refused.errors?.[0].message).toBe('لا يحق لك إغلاق هذا الاقتراع.');
      await ok(as('board.aberdeen'), UPDATE_PROFILE, { input: { locale: 'en' } });
      await ok(as('board.dammam'), UPDATE_PROFILE, { input: { locale: 'ar' } });
    }, 120_000);
  });

  describe('Notification.path', () => {
    it('leads a proposal event to the proposal and an action item event to its implementation plan', async () => {
      const { proposalId, planId } = await approvedProposal(api, { en: 'Paths of notifications' });
      const { createActionItem } = await ok<{ createActionItem: { id: string } }>(
        as('secretariat'),
        `mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { id } }`,
        {
          input: {
            planId,
            title: { en: 'Name the partner universities' },
            ownerCityId: (await dataSource.query(`SELECT id FROM member_city WHERE code = 'dammam'`))[0].id,
            assigneeId: (await dataSource.query(`SELECT id FROM person WHERE email = 'delegate.dammam@demo.majlis'`))[0]
              .id,
            startDate: '2026-01-01',
            dueDate: '2027-06-30',
          },
        },
      );
      await settled();
      const paths = async (who: string): Promise<Array<{ topic: string; path: string; entityId: string }>> =>
        (
          await ok<{ notifications: { edges: Array<{ node: { topic: string; path: string; entityId: string } }> } }>(
            as(who),
            `{ notifications(first: 100) { edges { node { topic path entityId } } } }`,
          )
        ).notifications.edges.map((edge) => edge.node);
      const secretariat = await paths('secretariat');
      expect(secretariat).toContainEqual({
        topic: 'proposal.submitted',
        path: `/proposals/${proposalId}`,
        entityId: proposalId,
      });
      const dammam = await paths('delegate.dammam');
      expect(dammam).toContainEqual({
        topic: 'actionItem.assigned',
        path: `/implementation-plans/${planId}`,
        entityId: createActionItem.id,
      });
      for (const node of [...secretariat, ...dammam])
        expect(node.path).toMatch(/^\/(proposals|ballots|implementation-plans)\/[0-9a-f-]{36}$/);
    }, 120_000);
  });

  describe('ballots', () => {
    let named: string;
    let secret: string;
    let namedProposal: string;
    let demoClosed: string;

    beforeAll(async () => {
      const secretProposal = await scheduled('A secret ballot, Dammam recused');
      await ok(
        as('board.dammam'),
        `mutation($id: ID!) { declareConflict(proposalId: $id, reason: "Dammam's own programme") { proposalId } }`,
        { id: secretProposal },
      );
      secret = await openBallot(secretProposal, { quorum: 0.4, majority: 'SIMPLE', secret: true });
      namedProposal = await scheduled('A named ballot with the chair');
      named = await openBallot(namedProposal, { quorum: 0.4, majority: 'SIMPLE', tieBreak: 'CHAIR' });
      const closed = await ok<BallotsAnswer>(as('secretariat'), BALLOTS, { filter: { state: 'closed' }, first: 100 });
      demoClosed = closed.ballots.edges[0].node.id;
    }, 120_000);

    const ids = (answer: BallotsAnswer): string[] => answer.ballots.edges.map((edge) => edge.node.id);

    it('lists open ballots first, newest first, with their proposal and chair, in one query', async () => {
      const data = await ok<BallotsAnswer>(as('board.perth'), BALLOTS, { first: 100 });
      const nodes = data.ballots.edges.map((edge) => edge.node);
      const openCount = nodes.filter((node) => node.state === 'open').length;
      expect(nodes.slice(0, openCount).every((node) => node.state === 'open')).toBe(true);
      expect(ids(data).indexOf(named)).toBeLessThan(ids(data).indexOf(secret));
      expect(ids(data).indexOf(secret)).toBeLessThan(ids(data).indexOf(demoClosed));
      expect(data.ballots.totalCount).toBe(nodes.length);
      expect(nodes.find((node) => node.id === named)).toEqual({
        id: named,
        state: 'open',
        proposal: { id: namedProposal, title: { text: 'A named ballot with the chair' } },
        chair: { email: 'board.houston@demo.majlis' },
      });
      expect(nodes.find((node) => node.id === secret)?.chair).toBeNull();
    });

    it('filters by state and by whether the caller may vote', async () => {
      const open = await ok<BallotsAnswer>(as('board.dammam'), BALLOTS, { filter: { state: 'open' }, first: 100 });
      expect(ids(open)).toEqual(expect.arrayContaining([named, secret]));
      expect(open.ballots.edges.every((edge) => edge.node.state === 'open')).toBe(true);
      const mine = await ok<BallotsAnswer>(as('board.dammam'), BALLOTS, {
        filter: { state: 'open', eligibleToVote: true },
        first: 100,
      });
      expect(ids(mine)).toContain(named);
      expect(ids(mine)).not.toContain(secret); // recused
      const notMine = await ok<BallotsAnswer>(as('board.dammam'), BALLOTS, {
        filter: { state: 'open', eligibleToVote: false },
        first: 100,
      });
      expect(ids(notMine)).toContain(secret);
      expect(ids(notMine)).not.toContain(named);
      const observer = await ok<BallotsAnswer>(as('observer.dammam'), BALLOTS, {
        filter: { eligibleToVote: true },
        first: 100,
      });
      expect(observer.ballots).toMatchObject({ totalCount: 0, edges: [] });
    });

    it('pages with cursors without repeating or skipping a ballot', async () => {
      const all = ids(await ok<BallotsAnswer>(as('secretariat'), BALLOTS, { first: 100 }));
      expect(all.length).toBeGreaterThanOrEqual(3);
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: BallotsAnswer = await ok<BallotsAnswer>(as('secretariat'), BALLOTS, { first: 1, after });
        seen.push(...ids(page));
        expect(page.ballots.totalCount).toBe(all.length);
        if (!page.ballots.pageInfo.hasNextPage) break;
        after = page.ballots.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    });

    it.each([
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ first: 5, after: 'bm90IGEgY3Vyc29y' }, 'after'],
    ])('refuses %p with BAD_USER_INPUT on %s', async (variables, field) => {
      const result = await as('secretariat', 'en')(BALLOTS, variables);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.field).toBe(field);
    });

    it('names the voters only where the named votes may already be shown', async () => {
      for (const [city, choice] of [
        ['houston', 'YES'],
        ['aberdeen', 'NO'],
        ['perth', 'YES'],
      ] as const)
        await ok(as(`board.${city}`), VOTE, { id: named, choice, key: randomUUID() });
      await ok(as('board.calgary'), VOTE, { id: secret, choice: 'YES', key: randomUUID() });
      type Votes = { ballot: { progress: { votes: Array<{ choice: string; voter: { email: string } }> | null } } };
      // While open: the secretariat sees who chose what, board members do not.
      const live = await ok<Votes>(as('secretariat'), BALLOT_VOTES, { id: named });
      expect(live.ballot.progress.votes?.map((vote) => [vote.voter.email, vote.choice])).toEqual([
        ['board.houston@demo.majlis', 'YES'],
        ['board.aberdeen@demo.majlis', 'NO'],
        ['board.perth@demo.majlis', 'YES'],
      ]);
      expect((await ok<Votes>(as('board.stavanger'), BALLOT_VOTES, { id: named })).ballot.progress.votes).toBeNull();
      // A secret ballot never names anyone.
      expect((await ok<Votes>(as('secretariat'), BALLOT_VOTES, { id: secret })).ballot.progress.votes).toBeNull();
      await ok(as('secretariat'), `mutation($id: ID!) { closeBallot(ballotId: $id) { state } }`, { id: named });
      const closed = await ok<Votes>(as('observer.dammam'), BALLOT_VOTES, { id: named });
      expect(closed.ballot.progress.votes?.map((vote) => vote.voter.email)).toEqual([
        'board.houston@demo.majlis',
        'board.aberdeen@demo.majlis',
        'board.perth@demo.majlis',
      ]);
    });

    it('refuses anyone not signed in', async () => {
      expect(codeOf(await nobody(BALLOTS, {}))).toBe('UNAUTHENTICATED');
    });
  });

  describe('refusals', () => {
    let ballotId: string;

    beforeAll(async () => {
      const data = await ok<BallotsAnswer>(as('secretariat'), BALLOTS, { first: 1 });
      ballotId = data.ballots.edges[0].node.id;
    });

    it.each([
      ['en', 'You may not vote on this ballot.'],
      ['ar', 'لا يحق لك التصويت في هذا الاقتراع.'],
    ] as const)('name the action in words, not the field (%s)', async (language, message) => {
      const result = await as('delegate.dammam', language)(VOTE, { id: ballotId, choice: 'YES', key: randomUUID() });
      expect(result.errors).toEqual([
        expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
      ]);
    });

    it.each([
      ['en', 'You may not accept this proposal for the board.'],
      ['ar', 'لا يحق لك قبول هذا المقترح لعرضه على مجلس إدارة التجمع.'],
    ] as const)('name a workflow event refused by its policy in words (%s)', async (language, message) => {
      const { createProposal } = await ok<{ createProposal: { id: string } }>(
        as('delegate.dammam'),
        `mutation { createProposal(input: { category: PROGRAMME, title: { en: "Accepted by its own city?" } }) { id } }`,
      );
      const result = await as('delegate.dammam', language)(TRANSITION, {
        id: createProposal.id,
        event: 'ACCEPT',
        version: 1,
      });
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(result.errors?.[0].message).toBe(message);
    });
  });
});
