import { ApiHarness, Caller, ok, startApi } from './api-harness';

const TRANSITION = `mutation($id: ID!, $event: ProposalEvent!, $version: Int!) {
  transitionProposal(id: $id, event: $event, expectedVersion: $version) { version }
}`;
const SCHEDULE = `mutation($id: ID!, $meeting: ID!) { scheduleProposal(proposalId: $id, meetingId: $meeting) { state meeting { id } } }`;
const AGENDA = `query($id: ID!) { meeting(id: $id) { agendaItems { id kind number title { en } proposal { id } } } }`;

interface AgendaLine {
  id: string;
  kind: string;
  number: string;
  title: { en: string };
  proposal: { id: string } | null;
}

describe('scheduleProposal and the agenda', () => {
  let api: ApiHarness;
  let asDammam: Caller;
  let asSecretariat: Caller;

  /** A Dammam proposal accepted by the secretariat: ready for the board. */
  const ready = async (title: string): Promise<string> => {
    const { createProposal } = await ok<{ createProposal: { id: string } }>(
      asDammam,
      `mutation($title: String!) { createProposal(input: { category: PROGRAMME, title: { en: $title } }) { id } }`,
      { title },
    );
    let version = 1;
    for (const [call, event] of [
      [asDammam, 'SUBMIT'],
      [asSecretariat, 'START_REVIEW'],
      [asSecretariat, 'ACCEPT'],
    ] as const) {
      const moved = await ok<{ transitionProposal: { version: number } }>(call, TRANSITION, {
        id: createProposal.id,
        event,
        version,
      });
      version = moved.transitionProposal.version;
    }
    return createProposal.id;
  };

  /** A board meeting of its own, so the agenda holds only what the test puts there. */
  const meeting = async (): Promise<string> => {
    const cities = await ok<{ memberCities: Array<{ id: string }> }>(asSecretariat, '{ memberCities { id } }');
    const { createMeeting } = await ok<{ createMeeting: { id: string } }>(
      asSecretariat,
      `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`,
      {
        input: {
          kind: 'BOARD',
          title: { en: 'Board meeting on the training exchange' },
          hostCityId: cities.memberCities[0].id,
          timeZone: 'America/Chicago',
          startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 30 * 86_400_000 + 3 * 3_600_000).toISOString(),
        },
      },
    );
    return createMeeting.id;
  };

  const agendaOf = async (meetingId: string): Promise<AgendaLine[]> =>
    (await ok<{ meeting: { agendaItems: AgendaLine[] } }>(asSecretariat, AGENDA, { id: meetingId })).meeting
      .agendaItems;

  beforeAll(async () => {
    api = await startApi();
    asDammam = await api.as('delegate.dammam');
    asSecretariat = await api.as('secretariat');
  });

  afterAll(() => api.close());

  it('puts the proposal onto the item already linked to it on that meeting instead of adding a second one', async () => {
    const meetingId = await meeting();
    const proposalId = await ready('Academic exchange programme');
    const section = await ok<{ addAgendaItem: { id: string } }>(
      asSecretariat,
      `mutation($m: ID!) { addAgendaItem(input: { meetingId: $m, kind: SECTION, title: { en: "Programmes" } }) { id } }`,
      { m: meetingId },
    );
    const linked = await ok<{ addAgendaItem: { id: string } }>(
      asSecretariat,
      `mutation($m: ID!, $parent: ID!, $p: ID!) {
        addAgendaItem(input: { meetingId: $m, parentId: $parent, kind: DISCUSSION, proposalId: $p,
          title: { en: "The academic exchange, for decision" }, plannedMinutes: 20 }) { id }
      }`,
      { m: meetingId, parent: section.addAgendaItem.id, p: proposalId },
    );
    const before = await agendaOf(meetingId);

    const scheduled = await ok<{ scheduleProposal: { state: string; meeting: { id: string } } }>(
      asSecretariat,
      SCHEDULE,
      { id: proposalId, meeting: meetingId },
    );

    expect(scheduled.scheduleProposal).toEqual({ state: 'scheduled', meeting: { id: meetingId } });
    const after = await agendaOf(meetingId);
    expect(after).toEqual(before);
    expect(after.filter((item) => item.proposal?.id === proposalId)).toEqual([
      {
        id: linked.addAgendaItem.id,
        kind: 'DISCUSSION',
        number: '1.1',
        title: { en: 'The academic exchange, for decision' },
        proposal: { id: proposalId },
      },
    ]);
  });

  it('adds a decision item at the end when the meeting has none about the proposal, even if another meeting has', async () => {
    const elsewhere = await meeting();
    const meetingId = await meeting();
    const proposalId = await ready('Training exchange programme');
    await ok(
      asSecretariat,
      `mutation($m: ID!, $p: ID!) { addAgendaItem(input: { meetingId: $m, kind: DISCUSSION, proposalId: $p, title: { en: "Early look" } }) { id } }`,
      { m: elsewhere, p: proposalId },
    );
    await ok(
      asSecretariat,
      `mutation($m: ID!) { addAgendaItem(input: { meetingId: $m, kind: PRESENTATION, title: { en: "Opening" } }) { id } }`,
      { m: meetingId },
    );

    await ok(asSecretariat, SCHEDULE, { id: proposalId, meeting: meetingId });

    const items = await agendaOf(meetingId);
    expect(items.map(({ kind, number, title, proposal }) => ({ kind, number, title, proposal }))).toEqual([
      { kind: 'PRESENTATION', number: '1', title: { en: 'Opening' }, proposal: null },
      { kind: 'DECISION', number: '2', title: { en: 'Training exchange programme' }, proposal: { id: proposalId } },
    ]);
    expect((await agendaOf(elsewhere)).filter((item) => item.proposal?.id === proposalId)).toHaveLength(1);
  });
});
