import type { AddressInfo } from 'node:net';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createClient } from 'graphql-ws';
import type { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { ApiHarness, GraphqlResponse, startApi } from './api-harness';

type Call = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<GraphqlResponse<T>>;

const WORD = 'Zephyrwithdrawn';
const PROPOSAL = `query($id: ID!) { proposal(id: $id) { id state submittedAt revisions { number } } }`;
const DIFF = `query($id: ID!) { proposal(id: $id) { diff(from: 1, to: 2) { fields { field } } } }`;
const LIST = `query($filter: ProposalFilter) { proposals(filter: $filter, first: 100) { totalCount edges { node { id } } } }`;
const AGENDA = `query($id: ID!) { meeting(id: $id) { agendaItems { id proposal { id } } } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityType: proposal, entityId: $id) { action } }`;
const TRANSITION = `mutation($id: ID!, $event: ProposalEvent!, $version: Int!) {
  transitionProposal(id: $id, event: $event, expectedVersion: $version) { id state version }
}`;

const codeOf = (result: GraphqlResponse): unknown => result.errors?.[0]?.extensions?.code;
const idsOf = (result: GraphqlResponse<{ proposals: { edges: Array<{ node: { id: string } }> } }>): string[] =>
  result.data?.proposals.edges.map((edge) => edge.node.id) ?? [];

describe('a draft withdrawn before it was ever submitted', () => {
  let api: ApiHarness;
  const as = new Map<string, Call>();
  const tokens = new Map<string, string>();
  let meetingId: string;
  let agendaItemId: string;
  /** Houston's draft, withdrawn without a submission, and a proposal withdrawn after its submission. */
  let hidden: string;
  let submitted: string;

  const call = (who: string): Call => as.get(who)!;

  async function created(who: string, title: string): Promise<{ id: string; version: number }> {
    const result = await call(who)<{ createProposal: { id: string; version: number } }>(
      `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id version } }`,
      { input: { category: 'PROGRAMME', title: { en: title }, summary: { en: `${WORD} summary` }, meetingId } },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createProposal;
  }

  async function moved(who: string, id: string, event: string, version: number): Promise<number> {
    const result = await call(who)<{ transitionProposal: { version: number } }>(TRANSITION, { id, event, version });
    expect(result.errors).toBeUndefined();
    return result.data!.transitionProposal.version;
  }

  beforeAll(async () => {
    api = await startApi();
    // Houston's delegate heads its delegation here, so that Dammam's observer and board member are outsiders.
    await api.app
      .get<DataSource>(getDataSourceToken())
      .query(`UPDATE person SET is_head_of_delegation = true WHERE email = 'delegate.houston@demo.majlis'`);
    for (const who of [
      'delegate.houston',
      'secretariat',
      'delegate.dammam',
      'board.dammam',
      'observer.dammam',
      'board.calgary',
    ]) {
      const token = await api.tokenFor(`${who}@demo.majlis`);
      tokens.set(who, token);
      as.set(who, (query, variables) => api.graphql(query, variables, { authorization: `Bearer ${token}` }));
    }
    const meetings = await call('secretariat')<{ meetings: { edges: Array<{ node: { id: string } }> } }>(
      '{ meetings(first: 1) { edges { node { id } } } }',
    );
    meetingId = meetings.data!.meetings.edges[0].node.id;

    const draft = await created('delegate.houston', `${WORD} exchange draft`);
    hidden = draft.id;
    const saved = await call('delegate.houston')<{ saveProposalDraft: { version: number } }>(
      `mutation($id: ID!, $input: SaveProposalDraftInput!) { saveProposalDraft(id: $id, input: $input) { version } }`,
      { id: hidden, input: { title: { en: `${WORD} exchange draft, second try` } } },
    );
    expect(saved.errors).toBeUndefined();
    const item = await call('secretariat')<{ addAgendaItem: { id: string } }>(
      `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`,
      { input: { meetingId, kind: 'DISCUSSION', title: { en: 'Exchange (draft)' }, proposalId: hidden } },
    );
    expect(item.errors).toBeUndefined();
    agendaItemId = item.data!.addAgendaItem.id;
    await moved('delegate.houston', hidden, 'WITHDRAW', saved.data!.saveProposalDraft.version);

    const other = await created('delegate.houston', `${WORD} submitted then withdrawn`);
    submitted = other.id;
    const afterSubmit = await moved('delegate.houston', submitted, 'SUBMIT', other.version);
    await moved('delegate.houston', submitted, 'WITHDRAW', afterSubmit);
  });

  afterAll(async () => {
    await api?.close();
  });

  describe.each(['delegate.dammam', 'board.dammam', 'observer.dammam', 'board.calgary'])('to %s', (who) => {
    it('does not exist: proposal, revisions and diff are NOT_FOUND', async () => {
      expect(codeOf(await call(who)(PROPOSAL, { id: hidden }))).toBe('NOT_FOUND');
      expect(codeOf(await call(who)(DIFF, { id: hidden }))).toBe('NOT_FOUND');
    });

    it('is absent from every list and search, while the proposal withdrawn after submission is there', async () => {
      for (const filter of [{}, { states: ['withdrawn'] }, { search: WORD }, { meetingId }, { ownerCityId: null }]) {
        const ids = idsOf(await call(who)(LIST, { filter }));
        expect({ filter, hidden: ids.includes(hidden) }).toEqual({ filter, hidden: false });
        expect({ filter, submitted: ids.includes(submitted) }).toEqual({ filter, submitted: true });
      }
    });

    it('shows its agenda link as no proposal', async () => {
      const result = await call(who)<{ meeting: { agendaItems: Array<{ id: string; proposal: unknown }> } }>(AGENDA, {
        id: meetingId,
      });
      expect(result.data!.meeting.agendaItems.find((item) => item.id === agendaItemId)).toEqual({
        id: agendaItemId,
        proposal: null,
      });
    });

    it('has no audit trail to read and takes no transition', async () => {
      const trail = await call(who)<{ auditTrail: unknown[] }>(TRAIL, { id: hidden });
      if (trail.errors === undefined) expect(trail.data!.auditTrail).toEqual([]);
      else expect(codeOf(trail)).toBe('FORBIDDEN');
      // Board members and observers never send proposal events (refused by role, whatever the proposal).
      expect(codeOf(await call(who)(TRANSITION, { id: hidden, event: 'SUBMIT', version: 3 }))).toBe(
        who.startsWith('delegate.') ? 'NOT_FOUND' : 'FORBIDDEN',
      );
    });

    it('cannot be subscribed to', async () => {
      const { port } = api.app.getHttpServer().address() as AddressInfo;
      const client = createClient({
        url: `ws://127.0.0.1:${port}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${tokens.get(who)}` },
        retryAttempts: 0,
      });
      const outcome = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: 'subscription($id: ID!) { proposalUpdated(id: $id) { state } }', variables: { id: hidden } },
          { next: resolve, error: resolve, complete: () => resolve('complete') },
        );
      });
      await client.dispose();
      expect(JSON.stringify(outcome)).toContain('NOT_FOUND');
    });
  });

  describe.each(['delegate.houston', 'secretariat'])('to %s', (who) => {
    it('is there with its revisions, in lists, search and on the agenda', async () => {
      const result = await call(who)<{ proposal: { state: string; submittedAt: unknown; revisions: unknown[] } }>(
        PROPOSAL,
        { id: hidden },
      );
      expect(result.data!.proposal).toMatchObject({ state: 'withdrawn', submittedAt: null });
      expect(result.data!.proposal.revisions).toHaveLength(2);
      expect(codeOf(await call(who)(DIFF, { id: hidden }))).toBeUndefined();
      expect(idsOf(await call(who)(LIST, { filter: { search: WORD } }))).toEqual(
        expect.arrayContaining([hidden, submitted]),
      );
      const agenda = await call(who)<{ meeting: { agendaItems: Array<{ id: string; proposal: unknown }> } }>(AGENDA, {
        id: meetingId,
      });
      expect(agenda.data!.meeting.agendaItems.find((item) => item.id === agendaItemId)?.proposal).toEqual({
        id: hidden,
      });
    });
  });

  it('keeps its audit trail for the secretariat', async () => {
    const trail = await call('secretariat')<{ auditTrail: Array<{ action: string }> }>(TRAIL, { id: hidden });
    expect(trail.data!.auditTrail.length).toBeGreaterThan(0);
  });

  beforeAll(async () => {
    await api.app.listen(0, '127.0.0.1');
  });
});
