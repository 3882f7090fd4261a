import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '@majlis/domain';
import { ApiHarness, Caller, codeOf, ok, startApi } from './api-harness';

interface Moved {
  state: string;
  version: number;
  availableEvents: string[];
}

const TRANSITION = `mutation($id: ID!, $event: ProposalEvent!, $version: Int!, $comment: String) {
  transitionProposal(id: $id, event: $event, expectedVersion: $version, comment: $comment) {
    state version availableEvents
  }
}`;
const MEETING_TRANSITION = `mutation($id: ID!, $event: MeetingEvent!, $version: Int!) {
  transitionMeeting(id: $id, event: $event, expectedVersion: $version) { state version availableEvents }
}`;
const CREATE = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id version } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityType: proposal, entityId: $id) { seq action details previousHash hash } }`;

// The proposal workflow's rules (refused events, stale versions, racing transitions) are specs beside
// ProposalService; here, a whole walk, who may send (the API refuses some roles first) and meetings.
describe('workflows over GraphQL', () => {
  let api: ApiHarness;
  let asDammam: Caller;
  let asHouston: Caller;
  let asSecretariat: Caller;
  let asBoard: Caller;
  let dataSource: DataSource;

  const draft = async (title: string): Promise<{ id: string; version: number }> =>
    (
      await ok<{ createProposal: { id: string; version: number } }>(asDammam, CREATE, {
        input: { category: 'PROGRAMME', title: { en: title } },
      })
    ).createProposal;

  const move = async (call: Caller, id: string, event: string, version: number, comment?: string): Promise<Moved> =>
    (await ok<{ transitionProposal: Moved }>(call, TRANSITION, { id, event, version, comment })).transitionProposal;

  beforeAll(async () => {
    api = await startApi();
    asDammam = await api.as('delegate.dammam');
    asHouston = await api.as('delegate.houston');
    asSecretariat = await api.as('secretariat');
    asBoard = await api.as('board.aberdeen');
    dataSource = api.app.get<DataSource>(getDataSourceToken());
  });

  afterAll(() => api.close());

  it('walks a proposal from draft through review and changes to ready for the board, audited in order', async () => {
    const { id } = await draft('Academic exchange programme');
    let step = await move(asDammam, id, 'SUBMIT', 1);
    expect(step).toEqual({ state: 'submitted', version: 2, availableEvents: ['WITHDRAW'] });
    step = await move(asSecretariat, id, 'START_REVIEW', 2);
    expect(step.availableEvents).toEqual(expect.arrayContaining(['REQUEST_CHANGES', 'ACCEPT']));
    const noComment = await asSecretariat(TRANSITION, { id, event: 'REQUEST_CHANGES', version: 3 });
    expect([codeOf(noComment), noComment.errors![0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'comment']);
    step = await move(asSecretariat, id, 'REQUEST_CHANGES', 3, 'Add the partner universities.');
    expect(step.state).toBe('changesRequested');
    const saved = await asDammam<{ saveProposalDraft: { version: number } }>(
      `mutation($id: ID!) { saveProposalDraft(id: $id, input: { title: { en: "Academic exchange, with universities" } }) { version } }`,
      { id },
    );
    expect(saved.errors).toBeUndefined();
    step = await move(asDammam, id, 'SUBMIT', saved.data!.saveProposalDraft.version);
    step = await move(asSecretariat, id, 'START_REVIEW', step.version);
    step = await move(asSecretariat, id, 'ACCEPT', step.version);
    expect(step.state).toBe('readyForBoard');

    const revisions = await asDammam<{ proposal: { revisions: Array<{ number: number; frozenAt: string | null }> } }>(
      `query($id: ID!) { proposal(id: $id) { revisions { number frozenAt } } }`,
      { id },
    );
    expect(revisions.data!.proposal.revisions.every((revision) => revision.frozenAt !== null)).toBe(true);

    const trail = await asSecretariat<{ auditTrail: Array<{ details: string; previousHash: string; hash: string }> }>(
      TRAIL,
      { id },
    );
    const events = trail.data!.auditTrail.map((entry) => (JSON.parse(entry.details) as { event: string }).event);
    expect(events).toEqual(['SUBMIT', 'START_REVIEW', 'REQUEST_CHANGES', 'SUBMIT', 'START_REVIEW', 'ACCEPT']);
    expect(JSON.parse(trail.data!.auditTrail[2].details)).toMatchObject({ comment: 'Add the partner universities.' });
    expect(await api.app.get(AuditService).verify()).toMatchObject({ ok: true });
    const outbox: Array<{ topic: string }> = await dataSource.query(
      `SELECT topic FROM outbox_message WHERE payload->>'entityId' = $1 ORDER BY created_at`,
      [id],
    );
    expect(outbox.map((row) => row.topic)).toContain('proposal.readyForBoard');
  });

  it('lets only the policy’s senders move a proposal', async () => {
    const { id } = await draft('Policy');
    expect(codeOf(await asBoard(TRANSITION, { id, event: 'SUBMIT', version: 1 }))).toBe('FORBIDDEN');
    expect(codeOf(await asSecretariat(TRANSITION, { id, event: 'SUBMIT', version: 1 }))).toBe('FORBIDDEN');
    expect(codeOf(await asHouston(TRANSITION, { id, event: 'SUBMIT', version: 1 }))).toBe('NOT_FOUND');
    await move(asDammam, id, 'SUBMIT', 1);
    expect(codeOf(await asHouston(TRANSITION, { id, event: 'WITHDRAW', version: 2 }))).toBe('FORBIDDEN');
    expect((await move(asDammam, id, 'WITHDRAW', 2)).state).toBe('withdrawn');
  });

  it('publishes an agenda only when it has items, then opens the meeting', async () => {
    const empty = await asSecretariat<{ createMeeting: { id: string } }>(
      `mutation($city: ID!) { createMeeting(input: { kind: BOARD, title: { en: "Empty" }, hostCityId: $city,
        startsAt: "2027-05-01T09:00:00Z", endsAt: "2027-05-01T10:00:00Z" }) { id } }`,
      {
        city: (await asSecretariat<{ memberCities: Array<{ id: string }> }>('{ memberCities { id } }')).data!
          .memberCities[0].id,
      },
    );
    const refused = await asSecretariat(MEETING_TRANSITION, {
      id: empty.data!.createMeeting.id,
      event: 'PUBLISH_AGENDA',
      version: 1,
    });
    expect(codeOf(refused)).toBe('INVALID_TRANSITION');
    expect(refused.errors![0].message).toBe('Add at least one agenda item before publishing the agenda.');
    const annual = await asSecretariat<{ meetings: { edges: Array<{ node: { id: string; version: number } }> } }>(
      '{ meetings(filter: { kind: ANNUAL }) { edges { node { id version } } } }',
    );
    const { id, version } = annual.data!.meetings.edges[0].node;
    const published = await asSecretariat<{ transitionMeeting: Moved }>(MEETING_TRANSITION, {
      id,
      event: 'PUBLISH_AGENDA',
      version,
    });
    expect(published.data!.transitionMeeting).toMatchObject({ state: 'agendaPublished' });
    const opened = await asSecretariat<{ transitionMeeting: Moved }>(MEETING_TRANSITION, {
      id,
      event: 'OPEN',
      version: published.data!.transitionMeeting.version,
    });
    expect(opened.data!.transitionMeeting).toMatchObject({ state: 'inSession', availableEvents: ['ADJOURN'] });
    expect(codeOf(await asBoard(MEETING_TRANSITION, { id, event: 'ADJOURN', version: version + 2 }))).toBe('FORBIDDEN');
  });

  it('serves a workflow as data with who may send each event', async () => {
    const result = await asBoard<{
      workflow: {
        initial: string;
        states: Array<{ name: string; final: boolean; transitions: Array<{ event: string; target: string }> }>;
        events: Array<{
          name: string;
          allowed: Array<{ role: string | null; ownsEntity: boolean; isHeadOfDelegation: boolean }>;
        }>;
      };
    }>(`{ workflow(kind: proposal) { initial states { name final transitions { event target guard } }
      events { name allowed { system role ownsEntity isHeadOfDelegation } } } }`);
    expect(result.errors).toBeUndefined();
    const { workflow } = result.data!;
    expect(workflow.initial).toBe('draft');
    expect(workflow.states.find((state) => state.name === 'approved')?.final).toBe(true);
    expect(workflow.states.find((state) => state.name === 'draft')?.transitions).toContainEqual(
      expect.objectContaining({ event: 'SUBMIT', target: 'submitted' }),
    );
    expect(workflow.events.find((event) => event.name === 'WITHDRAW')?.allowed).toEqual([
      { system: false, role: 'DELEGATE', ownsEntity: true, isHeadOfDelegation: true },
    ]);
  });

  describe('the audit chain', () => {
    it('refuses to change an audit row', async () => {
      await expect(dataSource.query(`UPDATE audit_entry SET action = 'forged' WHERE seq = 1`)).rejects.toThrow(
        /append-only/,
      );
    });

    it('names the first row changed behind the database’s back, in the service and in npm run audit:verify', async () => {
      await dataSource.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only');
      await dataSource.query(
        `UPDATE audit_entry SET payload = jsonb_set(payload, '{event}', '"ACCEPT"') WHERE seq = 2`,
      );
      await dataSource.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only');
      expect(await api.app.get(AuditService).verify()).toMatchObject({ ok: false, brokenAt: '2', reason: 'hash' });
      const run = promisify(execFile);
      const cli = await run(
        'npx',
        ['ts-node', '-r', 'tsconfig-paths/register', 'apps/command/src/audit-verify.cli.ts'],
        {
          env: {
            ...process.env,
            NODE_OPTIONS: '',
            DATABASE_URL: api.database.url,
            JWT_SECRET: api.environment.jwtSecret,
            LOG_LEVEL: 'silent',
          },
        },
      ).catch((error: { code: number; stdout: string }) => error);
      expect('code' in cli ? cli.code : 0).toBe(1);
      expect(cli.stdout).toContain('The audit chain is broken at entry 2');
    }, 120_000);
  });
});
