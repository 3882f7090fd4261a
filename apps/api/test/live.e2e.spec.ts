import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createApiApplication } from '../src/api.application';
import { ApiHarness, GraphqlResponse, ok, startApi } from './api-harness';

/** What a subscriber receives: the data or errors of one event. */
type SubscriptionAnswer<T> = Pick<GraphqlResponse<T>, 'data' | 'errors'>;

const serverMode = Boolean(process.env.REDIS_URL) && Boolean(process.env.DATABASE_URL);

/**
 * Subscriptions: a change made through one API process reaches a subscriber connected to another. In
 * server mode the two processes (two Nest applications here) share PostgreSQL and Redis; embedded, one
 * process both changes and serves the subscriber.
 */
describe(serverMode ? 'subscriptions across two API processes' : 'subscriptions in one embedded process', () => {
  /** The process changes are made through; callers use no Accept-Language (each person's own). */
  let api: ApiHarness;
  let reader: NestFastifyApplication;
  let client: Client;

  beforeAll(async () => {
    api = await startApi();
    reader = serverMode
      ? (await createApiApplication({ ...api.environment, workersInApi: false }, api.database.url)).app
      : api.app;
    await reader.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await client?.dispose();
    if (reader !== api?.app) await reader?.close();
    await api?.close();
  });

  /** A Dammam proposal taken through review and scheduled on the Houston meeting. */
  const scheduledProposal = async (dammam: string, secretariat: string): Promise<string> => {
    const { createProposal } = await ok<{ createProposal: { id: string } }>(
      api.caller(dammam, null),
      'mutation { createProposal(input: { category: PROGRAMME, title: { en: "Live" } }) { id } }',
    );
    const id = createProposal.id;
    const move = `mutation($id: ID!, $event: ProposalEvent!, $v: Int!) {
        transitionProposal(id: $id, event: $event, expectedVersion: $v) { version } }`;
    let version = 1;
    for (const [token, event] of [
      [dammam, 'SUBMIT'],
      [secretariat, 'START_REVIEW'],
      [secretariat, 'ACCEPT'],
    ] as const)
      version = (
        await ok<{ transitionProposal: { version: number } }>(api.caller(token, null), move, { id, event, v: version })
      ).transitionProposal.version;
    const meetings = await ok<{ meetings: { edges: Array<{ node: { id: string } }> } }>(
      api.caller(secretariat, null),
      '{ meetings(filter: { kind: ANNUAL }) { edges { node { id } } } }',
    );
    await ok(
      api.caller(secretariat, null),
      'mutation($id: ID!, $m: ID!) { scheduleProposal(proposalId: $id, meetingId: $m) { state } }',
      { id, m: meetings.meetings.edges[0].node.id },
    );
    return id;
  };

  it('delivers a vote cast on one process to a subscriber of the ballot on the other, as that subscriber may see it', async () => {
    const [dammam, secretariat, voter, watcher] = await Promise.all(
      ['delegate.dammam', 'secretariat', 'board.dammam', 'board.perth'].map((who) =>
        api.tokenFor(`${who}@demo.majlis`),
      ),
    );
    const id = await scheduledProposal(dammam, secretariat);
    const { openBallot } = await ok<{ openBallot: { id: string } }>(
      api.caller(secretariat, null),
      'mutation($id: ID!) { openBallot(proposalId: $id, rules: { quorum: 0, majority: SIMPLE }) { id } }',
      { id },
    );

    const { port } = reader.getHttpServer().address() as AddressInfo;
    client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${watcher}` },
      retryAttempts: 0,
    });
    const received = new Promise<SubscriptionAnswer<{ ballotUpdated: unknown }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ballotUpdated within 15 s')), 15_000);
      const unsubscribe = client.subscribe<{ ballotUpdated: unknown }>(
        {
          query: `subscription($id: ID!) { ballotUpdated(ballotId: $id) {
            state progress { cast eligible tally { yes } votes { choice } myVote } } }`,
          variables: { id: openBallot.id },
        },
        {
          next: (value) => {
            clearTimeout(timer);
            unsubscribe();
            resolve(value as SubscriptionAnswer<{ ballotUpdated: unknown }>);
          },
          error: (error) => {
            clearTimeout(timer);
            reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
          },
          complete: () => undefined,
        },
      );
    });
    // The subscription must be listening (on Redis, in server mode) before the vote is cast.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await ok(
      api.caller(voter, null),
      'mutation($b: ID!, $k: String!) { castVote(ballotId: $b, choice: YES, idempotencyKey: $k) { choice } }',
      { b: openBallot.id, k: randomUUID() },
    );
    const event = await received;
    expect(event.errors).toBeUndefined();
    // A named ballot's counts stay with the secretariat until it closes: the board member sees turnout only.
    expect(event.data?.ballotUpdated).toEqual({
      state: 'open',
      progress: { cast: 1, eligible: 7, tally: null, votes: null, myVote: null },
    });
  }, 60_000);

  it('reads each event afresh on a subscription that lives through several', async () => {
    const [dammam, secretariat, watcher] = await Promise.all(
      ['delegate.dammam', 'secretariat', 'board.perth'].map((who) => api.tokenFor(`${who}@demo.majlis`)),
    );
    const id = await scheduledProposal(dammam, secretariat);
    const { port } = reader.getHttpServer().address() as AddressInfo;
    const watching = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${watcher}` },
      retryAttempts: 0,
    });
    const events: unknown[] = [];
    const twoEvents = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${events.length} proposalUpdated within 15 s`)), 15_000);
      watching.subscribe(
        {
          query: 'subscription($id: ID!) { proposalUpdated(id: $id) { state ballot { state result } } }',
          variables: { id },
        },
        {
          next: (value) => {
            events.push(value.data);
            if (events.length === 2) {
              clearTimeout(timer);
              resolve();
            }
          },
          error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
          complete: () => undefined,
        },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { openBallot } = await ok<{ openBallot: { id: string } }>(
      api.caller(secretariat, null),
      'mutation($id: ID!) { openBallot(proposalId: $id, rules: { quorum: 0, majority: SIMPLE }) { id } }',
      { id },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await ok(api.caller(secretariat, null), 'mutation($b: ID!) { closeBallot(ballotId: $b) { state } }', {
      b: openBallot.id,
    });
    await twoEvents;
    await watching.dispose();
    expect(events).toEqual([
      { proposalUpdated: { state: 'voting', ballot: { state: 'open', result: null } } },
      { proposalUpdated: { state: 'rejected', ballot: { state: 'closed', result: 'failed' } } },
    ]);
  }, 60_000);

  it("tells a plan's subscriber of each new item and progress report, with the roll-up and the city shares", async () => {
    const [dammam, secretariat, voter, watcher] = await Promise.all(
      ['delegate.dammam', 'secretariat', 'board.dammam', 'board.perth'].map((who) =>
        api.tokenFor(`${who}@demo.majlis`),
      ),
    );
    const proposalId = await scheduledProposal(dammam, secretariat);
    const { openBallot } = await ok<{ openBallot: { id: string } }>(
      api.caller(secretariat, null),
      'mutation($id: ID!) { openBallot(proposalId: $id, rules: { quorum: 0, majority: SIMPLE }) { id } }',
      { id: proposalId },
    );
    await ok(
      api.caller(voter, null),
      'mutation($b: ID!, $k: String!) { castVote(ballotId: $b, choice: YES, idempotencyKey: $k) { choice } }',
      { b: openBallot.id, k: randomUUID() },
    );
    await ok(api.caller(secretariat, null), 'mutation($b: ID!) { closeBallot(ballotId: $b) { state } }', {
      b: openBallot.id,
    });
    const { implementationPlans } = await ok<{ implementationPlans: Array<{ id: string }> }>(
      api.caller(secretariat, null),
      'query($id: ID!) { implementationPlans(proposalId: $id) { id } }',
      { id: proposalId },
    );
    const planId = implementationPlans[0].id;
    const { memberCities } = await ok<{ memberCities: Array<{ id: string; code: string }> }>(
      api.caller(secretariat, null),
      '{ memberCities { id code } }',
    );
    const dammamCity = memberCities.find((city) => city.code === 'dammam')!.id;

    const { port } = reader.getHttpServer().address() as AddressInfo;
    const watching = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${watcher}` },
      retryAttempts: 0,
    });
    const events: unknown[] = [];
    const twoEvents = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${events.length} implementationPlanUpdated within 15 s`)),
        15_000,
      );
      watching.subscribe(
        {
          query: `subscription($id: ID!) { implementationPlanUpdated(id: $id) {
            summary { progress itemCount } cityShares { memberCityId summary { progress } } } }`,
          variables: { id: planId },
        },
        {
          next: (value) => {
            events.push(value.data);
            if (events.length === 2) {
              clearTimeout(timer);
              resolve();
            }
          },
          error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
          complete: () => undefined,
        },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { createActionItem } = await ok<{ createActionItem: { id: string } }>(
      api.caller(secretariat, null),
      `
        mutation ($input: CreateActionItemInput!) {
          createActionItem(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          planId,
          title: { ar: 'ورشة', en: 'Workshop' },
          ownerCityId: dammamCity,
          startDate: '2040-01-01',
          dueDate: '2040-12-31',
        },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await ok(
      api.caller(dammam, null),
      'mutation($id: ID!) { reportProgress(actionItemId: $id, percent: 40, note: "بدأت الورشة") { progress } }',
      { id: createActionItem.id },
    );
    await twoEvents;
    await watching.dispose();
    expect(events).toEqual([
      {
        implementationPlanUpdated: {
          summary: { progress: 0, itemCount: 1 },
          cityShares: [{ memberCityId: dammamCity, summary: { progress: 0 } }],
        },
      },
      {
        implementationPlanUpdated: {
          summary: { progress: 40, itemCount: 1 },
          cityShares: [{ memberCityId: dammamCity, summary: { progress: 40 } }],
        },
      },
    ]);
  }, 60_000);

  it("tells a proposal's page of a new revision and of review comments, not of a save that changed nothing", async () => {
    const [dammam, secretariat] = await Promise.all(
      ['delegate.dammam', 'secretariat'].map((who) => api.tokenFor(`${who}@demo.majlis`)),
    );
    const { createProposal } = await ok<{ createProposal: { id: string } }>(
      api.caller(dammam, null),
      'mutation { createProposal(input: { category: PROGRAMME, title: { en: "Followed" } }) { id } }',
    );
    const id = createProposal.id;
    const { port } = reader.getHttpServer().address() as AddressInfo;
    const watching = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${dammam}` },
      retryAttempts: 0,
    });
    const events: unknown[] = [];
    const fourEvents = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${events.length} proposalUpdated within 15 s`)), 15_000);
      watching.subscribe(
        {
          query: `subscription($id: ID!) { proposalUpdated(id: $id) {
            state revisionCount reviewComments { resolvedAt } } }`,
          variables: { id },
        },
        {
          next: (value) => {
            events.push(value.data);
            if (events.length === 4) {
              clearTimeout(timer);
              resolve();
            }
          },
          error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
          complete: () => undefined,
        },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const save = `mutation($id: ID!, $t: String!) {
        saveProposalDraft(id: $id, input: { title: { en: $t } }) { version } }`;
    // The same text again makes no revision, and no event.
    const same = await ok<{ saveProposalDraft: { version: number } }>(api.caller(dammam, null), save, {
      id,
      t: 'Followed',
    });
    const revised = await ok<{ saveProposalDraft: { version: number } }>(api.caller(dammam, null), save, {
      id,
      t: 'Followed, revised',
    });
    expect(revised.saveProposalDraft.version).toBe(same.saveProposalDraft.version + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const move = `mutation($id: ID!, $event: ProposalEvent!, $v: Int!) {
        transitionProposal(id: $id, event: $event, expectedVersion: $v) { version } }`;
    const submitted = await ok<{ transitionProposal: { version: number } }>(api.caller(dammam, null), move, {
      id,
      event: 'SUBMIT',
      v: revised.saveProposalDraft.version,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await ok(api.caller(secretariat, null), move, {
      id,
      event: 'START_REVIEW',
      v: submitted.transitionProposal.version,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await ok(
      api.caller(secretariat, null),
      'mutation($id: ID!) { addReviewComment(input: { proposalId: $id, body: { en: "Cite the budget." } }) { id } }',
      { id },
    );
    await fourEvents;
    await watching.dispose();
    expect(events).toEqual([
      { proposalUpdated: { state: 'draft', revisionCount: 2, reviewComments: [] } },
      { proposalUpdated: { state: 'submitted', revisionCount: 2, reviewComments: [] } },
      { proposalUpdated: { state: 'inReview', revisionCount: 2, reviewComments: [] } },
      { proposalUpdated: { state: 'inReview', revisionCount: 2, reviewComments: [{ resolvedAt: null }] } },
    ]);
  }, 60_000);

  it('refuses a subscription without a session', async () => {
    const { port } = reader.getHttpServer().address() as AddressInfo;
    const anonymous = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const outcome = await new Promise<unknown>((resolve) => {
      anonymous.subscribe(
        { query: `subscription { proposalUpdated(id: "${randomUUID()}") { state } }` },
        { next: resolve, error: resolve, complete: () => resolve('complete') },
      );
    });
    await anonymous.dispose();
    expect(JSON.stringify(outcome)).toContain('UNAUTHENTICATED');
  });
});
