import type { AddressInfo } from 'node:net';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createClient } from 'graphql-ws';
import type { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { ApiHarness, Caller, codeOf, ok, startApi } from './api-harness';

// What the draft is to each reader (absent to other cities, there to its own and the secretariat, in lists,
// search, diffs and its trail) is a spec beside ProposalService; here, what only the API decides: the
// agenda's link to it, the roles refused before the rule, the subscription.
const AGENDA = `query($id: ID!) { meeting(id: $id) { agendaItems { id proposal { id } } } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityType: proposal, entityId: $id) { action } }`;
const TRANSITION = `mutation($id: ID!, $event: ProposalEvent!, $version: Int!) {
  transitionProposal(id: $id, event: $event, expectedVersion: $version) { id state version }
}`;

describe('a draft withdrawn before it was ever submitted', () => {
  let api: ApiHarness;
  const as = new Map<string, Caller>();
  const tokens = new Map<string, string>();
  let meetingId: string;
  let agendaItemId: string;
  /** Houston's draft, withdrawn without a submission. */
  let hidden: string;

  const call = (who: string): Caller => as.get(who)!;

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
      as.set(who, api.caller(token));
    }
    const meetings = await ok<{ meetings: { edges: Array<{ node: { id: string } }> } }>(
      call('secretariat'),
      '{ meetings(first: 1) { edges { node { id } } } }',
    );
    meetingId = meetings.meetings.edges[0].node.id;

    const draft = await ok<{ createProposal: { id: string } }>(
      call('delegate.houston'),
      `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`,
      { input: { category: 'PROGRAMME', title: { en: 'Exchange draft' }, meetingId } },
    );
    hidden = draft.createProposal.id;
    const item = await ok<{ addAgendaItem: { id: string } }>(
      call('secretariat'),
      `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`,
      { input: { meetingId, kind: 'DISCUSSION', title: { en: 'Exchange (draft)' }, proposalId: hidden } },
    );
    agendaItemId = item.addAgendaItem.id;
    await ok(call('delegate.houston'), TRANSITION, { id: hidden, event: 'WITHDRAW', version: 1 });
  });

  afterAll(async () => {
    await api?.close();
  });

  describe.each(['delegate.dammam', 'board.dammam', 'observer.dammam', 'board.calgary'])('to %s', (who) => {
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

  beforeAll(async () => {
    await api.app.listen(0, '127.0.0.1');
  });
});
