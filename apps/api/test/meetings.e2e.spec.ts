import { ApiHarness, startApi } from './api-harness';

const MEETING_QUERY = `query($id: ID!) {
  meeting(id: $id) {
    id kind state timeZone startsAt endsAt version calendarUrl
    title { text language ar en authoritative }
    venue { text }
    hostCity { code name { text } }
    delegations { memberCity { code } members { isHead name { text } position { text } person { email } } }
    agenda { number kind title { text } children { number kind plannedMinutes presenter
      presenterDelegation { memberCity { code } }
      proposal { title { text } revisions { number } } } }
    agendaItems { number title { text } }
  }
}`;

describe('meetings over GraphQL', () => {
  let api: ApiHarness;
  let secretariat: string;
  let board: string;
  let meetingId: string;

  beforeAll(async () => {
    api = await startApi();
    secretariat = await api.tokenFor('secretariat@demo.majlis');
    board = await api.tokenFor('board.aberdeen@demo.majlis');
    const list = await api.graphql<{ meetings: { edges: Array<{ node: { id: string } }> } }>(
      '{ meetings { edges { node { id } } } }',
      {},
      { authorization: `Bearer ${board}` },
    );
    meetingId = list.data!.meetings.edges[0].node.id;
  });

  afterAll(() => api.close());

  it('serves the demo annual meeting in Houston with its agenda in Arabic', async () => {
    const result = await api.graphql(MEETING_QUERY, { id: meetingId }, {
      authorization: `Bearer ${board}`,
      'accept-language': 'ar',
    });
    expect(result.errors).toBeUndefined();
    console.log(JSON.stringify(result.data, null, 1));
  });
});
