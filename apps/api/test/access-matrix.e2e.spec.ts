import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '@majlis/demo';
import { ApiHarness, Caller, codeOf, GraphqlResponse, ok, startApi } from './api-harness';

/**
 * Who may do what, over GraphQL: every mutation for every role (allowed and refused), and what each
 * role may read of another city's draft. A refusal must carry its exact code and change nothing.
 */

type Code = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'INVALID_TRANSITION';
type Vars = Record<string, unknown>;
/** A demo account by the part of its e-mail before the @ (e.g. `delegate.dammam`), or NOBODY. */
type Who = string;
/** One attempt at an operation, made by `who`. */
type Attempt = (who: Who) => Promise<GraphqlResponse>;
type Refusal = readonly [Who, Code];

const NOBODY: Who = 'nobody signed in';
/** Every demo account: admin, secretariat, the two delegates, the seven board members, the observer. */
const EVERYONE: Who[] = DEMO_ACCOUNTS.map((account) => account.email.split('@')[0]);
/** The people of Dammam and the secretariat: they see Dammam's drafts and its review threads. */
const OF_DAMMAM_OR_SECRETARIAT: Who[] = ['secretariat', 'delegate.dammam', 'board.dammam', 'observer.dammam'];
const OUTSIDE_DAMMAM: Who[] = EVERYONE.filter((who) => !OF_DAMMAM_OR_SECRETARIAT.includes(who));

/** Everyone but the secretariat: the roles refused what only the secretariat may do. */
const ALL_BUT_SECRETARIAT: Refusal[] = [
  ['admin', 'FORBIDDEN'],
  ['delegate.dammam', 'FORBIDDEN'],
  ['delegate.houston', 'FORBIDDEN'],
  ['board.dammam', 'FORBIDDEN'],
  ['board.aberdeen', 'FORBIDDEN'],
  ['observer.dammam', 'FORBIDDEN'],
  [NOBODY, 'UNAUTHENTICATED'],
];

/** [who, operation, expected code] for each operation and each refusal. */
const matrix = <Op extends string>(operations: readonly Op[], refusals: readonly Refusal[]) =>
  operations.flatMap((operation) => refusals.map(([who, code]) => [who, operation, code] as const));

const byId = <T extends { id: string }>(a: T, b: T): number => a.id.localeCompare(b.id);

/** Every demo account signed in, and NOBODY: each asks in their own language (no Accept-Language). */
async function signInEveryone(api: ApiHarness): Promise<Map<Who, Caller>> {
  const callers = new Map<Who, Caller>([[NOBODY, api.caller(null, null)]]);
  for (const who of EVERYONE) callers.set(who, await api.as(who, null));
  return callers;
}

const MEETING_STATE = `query($id: ID!) {
  meetings(first: 100) { totalCount }
  meeting(id: $id) {
    version kind startsAt endsAt title { ar en } venue { ar en }
    agendaItems { id parentId position number kind plannedMinutes title { ar en } }
  }
}`;
const CREATE_MEETING = `mutation($input: CreateMeetingInput!) {
  createMeeting(input: $input) { id kind state timeZone title { en } hostCity { code } }
}`;
const UPDATE_MEETING = `mutation($id: ID!, $input: UpdateMeetingInput!) {
  updateMeeting(id: $id, input: $input) { id version title { en } }
}`;
const AGENDA_ITEM = 'id meetingId parentId position number kind title { en }';
const ADD_AGENDA_ITEM = `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { ${AGENDA_ITEM} } }`;
const UPDATE_AGENDA_ITEM = `mutation($id: ID!, $input: UpdateAgendaItemInput!) {
  updateAgendaItem(id: $id, input: $input) { ${AGENDA_ITEM} }
}`;
const MOVE_AGENDA_ITEM = `mutation($id: ID!, $parentId: ID, $position: Int!) {
  moveAgendaItem(id: $id, parentId: $parentId, position: $position) { ${AGENDA_ITEM} }
}`;
const REMOVE_AGENDA_ITEM = `mutation($id: ID!) { removeAgendaItem(id: $id) { id agendaItems { id } } }`;

const DELEGATIONS = `query($id: ID!) {
  meeting(id: $id) { delegations { id memberCity { code } members { id isHead name { en } person { email } } } }
}`;
const ADD_DELEGATION_MEMBER = `mutation($input: AddDelegationMemberInput!) {
  addDelegationMember(input: $input) { id isHead name { en } }
}`;
const REMOVE_DELEGATION_MEMBER = `mutation($id: ID!) {
  removeDelegationMember(id: $id) { id memberCity { code } members { id } }
}`;

const OFFICES = `{ memberCities { code coordinatingOffice { id stakeholders { id kind name { en } } } } }`;
const ADD_STAKEHOLDER = `mutation($input: AddStakeholderInput!) { addStakeholder(input: $input) { id kind name { en } } }`;
const REMOVE_STAKEHOLDER = `mutation($id: ID!) { removeStakeholder(id: $id) { id stakeholders { id } } }`;

const REVIEW = `query($id: ID!) {
  proposal(id: $id) { reviewComments { id parentId resolvedAt body { en } revision { number } } }
}`;
const ADD_REVIEW_COMMENT = `mutation($input: AddReviewCommentInput!) {
  addReviewComment(input: $input) { id parentId resolvedAt body { en } author { email } revision { number } }
}`;
const RESOLVE_REVIEW_COMMENT = `mutation($id: ID!, $resolved: Boolean) {
  resolveReviewComment(id: $id, resolved: $resolved) { id resolvedAt resolvedBy { email } }
}`;

const PROPOSAL_STATE = `query($id: ID!) {
  proposals(first: 100) { totalCount }
  proposal(id: $id) { version revisionCount state title { ar en } amendments { id } cosponsors { code } }
}`;
const PROPOSAL = `query($id: ID!) {
  proposal(id: $id) { id state revisionCount ownerCity { code } reviewComments { id } }
}`;
const PROPOSAL_IDS = `{ proposals(first: 100) { edges { node { id } } } }`;
const CREATE_PROPOSAL = `mutation($input: CreateProposalInput!) {
  createProposal(input: $input) {
    id state revisionCount ownerCity { code } createdBy { email } parent { id } title { en }
  }
}`;
const SAVE_PROPOSAL_DRAFT = `mutation($id: ID!, $input: SaveProposalDraftInput!) {
  saveProposalDraft(id: $id, input: $input) { id version revisionCount title { en } revisions { number } }
}`;
const SAVE_PROPOSAL_WORKING_COPY = `mutation($id: ID!, $input: SaveProposalWorkingCopyInput!) {
  saveProposalWorkingCopy(id: $id, input: $input) {
    id revisionCount workingCopy { savedBy { email } body { en } } revisions { number }
  }
}`;
const ADD_PROPOSAL_COSPONSOR = `mutation($id: ID!, $cityId: ID!) {
  addProposalCosponsor(id: $id, memberCityId: $cityId) { id cosponsors { code } }
}`;
const REMOVE_PROPOSAL_COSPONSOR = `mutation($id: ID!, $cityId: ID!) {
  removeProposalCosponsor(id: $id, memberCityId: $cityId) { id cosponsors { code } }
}`;

const TRANSITION_PROPOSAL = `mutation($id: ID!, $event: ProposalEvent!, $version: Int!) {
  transitionProposal(id: $id, event: $event, expectedVersion: $version) { version }
}`;
const SCHEDULE_PROPOSAL = `mutation($id: ID!, $meetingId: ID!) {
  scheduleProposal(proposalId: $id, meetingId: $meetingId) { state }
}`;
const OPEN_BALLOT = `mutation($id: ID!) { openBallot(proposalId: $id, rules: { quorum: 0, majority: SIMPLE }) { id } }`;
const CANCEL_BALLOT = `mutation($id: ID!, $reason: String) { cancelBallot(ballotId: $id, reason: $reason) { id state } }`;
const BALLOT_STATE = `query($id: ID!, $proposalId: ID!) {
  ballot(id: $id) { state version closedAt progress { cast eligible } }
  proposal(id: $proposalId) { state version }
}`;

interface Ref {
  id: string;
}
interface Edges<T> {
  edges: Array<{ node: T }>;
}
interface AgendaItemData extends Ref {
  meetingId: string;
  parentId: string | null;
  position: number;
  number: string;
  kind: string;
  title: { en: string };
}
interface DelegationData extends Ref {
  memberCity: { code: string };
  members: Array<Ref & { isHead: boolean; name: { en: string }; person: { email: string } | null }>;
}
interface OfficeCity {
  code: string;
  coordinatingOffice: { id: string; stakeholders: Array<Ref & { kind: string; name: { en: string } }> } | null;
}
interface CommentData extends Ref {
  parentId: string | null;
  resolvedAt: string | null;
  body: { en: string };
  author: { email: string };
  revision: { number: number };
}
interface ProposalData extends Ref {
  state: string;
  revisionCount: number;
  ownerCity: { code: string };
  createdBy: { email: string };
  parent: Ref | null;
  title: { en: string };
}

describe('access matrix over GraphQL', () => {
  let api: ApiHarness;
  let callers: Map<Who, Caller>;
  const cityIds = new Map<string, string>();
  /** The demo annual meeting in Houston, with Dammam's and Houston's delegations. */
  let demoMeetingId: string;
  /** Dammam's strategic plan: a draft with two revisions, linked from the demo agenda. */
  let planId: string;
  let planItemId: string;

  const caller = (who: Who): Caller => {
    const call = callers.get(who);
    if (call === undefined) throw new Error(`no caller for ${who}`);
    return call;
  };
  const gql = <T = Record<string, unknown>>(who: Who, query: string, variables: Vars = {}) =>
    caller(who)<T>(query, variables);

  /** The data of a request that must succeed. */
  const read = <T>(who: Who, query: string, variables: Vars = {}): Promise<T> => ok<T>(caller(who), query, variables);

  function expectCode(result: GraphqlResponse, code: Code): void {
    expect(result.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code }) })]);
    expect(codeOf(result)).toBe(code);
    expect(result.data).toBeNull();
  }

  /** `who` is refused with `code`, and `state` (read by the secretariat) is the same before and after. */
  async function expectRefused(attempt: Attempt, who: Who, code: Code, state: () => Promise<unknown>): Promise<void> {
    const before = await state();
    expectCode(await attempt(who), code);
    expect(await state()).toEqual(before);
  }

  const city = (code: string): string => {
    const id = cityIds.get(code);
    if (id === undefined) throw new Error(`no city ${code}`);
    return id;
  };

  beforeAll(async () => {
    api = await startApi();
    callers = await signInEveryone(api);

    const cities = await read<{ memberCities: Array<Ref & { code: string }> }>(
      'secretariat',
      '{ memberCities { id code } }',
    );
    for (const { id, code } of cities.memberCities) cityIds.set(code, id);
    const meetings = await read<{ meetings: Edges<Ref> }>('secretariat', '{ meetings { edges { node { id } } } }');
    demoMeetingId = meetings.meetings.edges[0].node.id;
    const proposals = await read<{ proposals: Edges<Ref> }>('secretariat', PROPOSAL_IDS);
    planId = proposals.proposals.edges[0].node.id;
    const agenda = await read<{ meeting: { agendaItems: Array<Ref & { proposal: Ref | null }> } }>(
      'secretariat',
      'query($id: ID!) { meeting(id: $id) { agendaItems { id proposal { id } } } }',
      { id: demoMeetingId },
    );
    const linking = agenda.meeting.agendaItems.find((item) => item.proposal?.id === planId);
    if (linking === undefined) throw new Error('the demo agenda does not link the plan');
    planItemId = linking.id;
  });

  afterAll(() => api.close());

  describe('reads', () => {
    const READS: Record<string, { query: string; check: (data: Record<string, unknown>) => void }> = {
      meetings: {
        // The demo has last year's meeting too; the upcoming one is the one still planned.
        query: '{ meetings(filter: { state: planned }) { totalCount edges { node { id } } } }',
        check: (data) =>
          expect(data).toEqual({
            meetings: { totalCount: 1, edges: [{ node: { id: demoMeetingId } }] },
          }),
      },
      meeting: {
        query: `{ meeting(id: "__MEETING__") { id hostCity { code } } }`,
        check: (data) => expect(data).toEqual({ meeting: { id: demoMeetingId, hostCity: { code: 'houston' } } }),
      },
      memberCities: {
        query: '{ memberCities { code } }',
        check: (data) =>
          expect(data).toEqual({
            memberCities: ['aberdeen', 'calgary', 'dammam', 'houston', 'perth', 'portharcourt', 'stavanger'].map(
              (code) => ({ code }),
            ),
          }),
      },
      proposals: {
        query: '{ proposals { totalCount } }',
        check: (data) => expect(data).toEqual({ proposals: { totalCount: expect.any(Number) } }),
      },
      // The demo's closed ballot of last year's meeting, with the proposal it decided.
      ballots: {
        query: '{ ballots(filter: { state: closed }) { totalCount edges { node { state proposal { state } } } } }',
        check: (data) =>
          expect(data).toEqual({
            ballots: { totalCount: 1, edges: [{ node: { state: 'closed', proposal: { state: 'approved' } } }] },
          }),
      },
    };
    const reading = (operation: string): string => READS[operation].query.replace('__MEETING__', demoMeetingId);

    it.each(EVERYONE.flatMap((who) => Object.keys(READS).map((operation) => [who, operation] as const)))(
      '%s may read %s',
      async (who, operation) => {
        READS[operation].check(await read(who, reading(operation)));
      },
    );

    it.each(Object.keys(READS))(`${NOBODY} may not read %s (UNAUTHENTICATED)`, async (operation) => {
      expectCode(await gql(NOBODY, reading(operation)), 'UNAUTHENTICATED');
    });
  });

  describe('instance: public', () => {
    it.each([...EVERYONE, NOBODY])('%s may read instance', async (who) => {
      const data = await read<{ instance: { demo: boolean; setupRequired: boolean } }>(
        who,
        '{ instance { demo setupRequired } }',
      );
      expect(data.instance).toEqual({ demo: true, setupRequired: false });
    });
  });

  describe('updateMyProfile: anyone signed in, for themselves only', () => {
    const PROFILE = '{ me { email timeZone } }';
    const UPDATE = `mutation($timeZone: String) { updateMyProfile(input: { timeZone: $timeZone }) { email timeZone } }`;
    /** Everyone's time zone, read by each for themselves. */
    const zones = async (): Promise<Array<string | null>> =>
      Promise.all(
        EVERYONE.map(async (who) => (await read<{ me: { timeZone: string | null } }>(who, PROFILE)).me.timeZone),
      );

    it.each(EVERYONE)('%s may updateMyProfile, and changes nobody else', async (who) => {
      const before = await zones();
      const data = await read<{ updateMyProfile: { email: string; timeZone: string } }>(who, UPDATE, {
        timeZone: 'Asia/Riyadh',
      });
      expect(data.updateMyProfile).toEqual({ email: `${who}@demo.majlis`, timeZone: 'Asia/Riyadh' });
      const after = await zones();
      expect(after.filter((_, index) => EVERYONE[index] !== who)).toEqual(
        before.filter((_, index) => EVERYONE[index] !== who),
      );
      await read(who, UPDATE, { timeZone: null });
    });

    it(`${NOBODY} may not updateMyProfile (UNAUTHENTICATED)`, () =>
      expectRefused((caller) => gql(caller, UPDATE, { timeZone: 'Asia/Riyadh' }), NOBODY, 'UNAUTHENTICATED', zones));
  });

  describe("visibility of Dammam's draft", () => {
    it.each(OF_DAMMAM_OR_SECRETARIAT)('%s finds the draft by id', async (who) => {
      const data = await read<{ proposal: Record<string, unknown> }>(who, PROPOSAL, { id: planId });
      expect(data.proposal).toMatchObject({
        id: planId,
        state: 'draft',
        revisionCount: 2,
        ownerCity: { code: 'dammam' },
      });
    });

    it.each(OUTSIDE_DAMMAM)('%s gets NOT_FOUND for the draft', async (who) => {
      expectCode(await gql(who, PROPOSAL, { id: planId }), 'NOT_FOUND');
    });

    it(`${NOBODY} gets UNAUTHENTICATED for the draft`, async () => {
      expectCode(await gql(NOBODY, PROPOSAL, { id: planId }), 'UNAUTHENTICATED');
    });

    it.each(EVERYONE.map((who) => [who, OF_DAMMAM_OR_SECRETARIAT.includes(who)] as const))(
      '%s: proposals lists the draft: %s',
      async (who, listed) => {
        const data = await read<{ proposals: Edges<Ref> }>(who, PROPOSAL_IDS);
        expect(data.proposals.edges.map((edge) => edge.node.id).includes(planId)).toBe(listed);
      },
    );

    it.each(EVERYONE.map((who) => [who, OF_DAMMAM_OR_SECRETARIAT.includes(who)] as const))(
      '%s: the agenda item about the draft resolves its proposal: %s',
      async (who, resolves) => {
        const data = await read<{ meeting: { agendaItems: Array<Ref & { proposal: Ref | null }> } }>(
          who,
          'query($id: ID!) { meeting(id: $id) { agendaItems { id proposal { id } } } }',
          { id: demoMeetingId },
        );
        const item = data.meeting.agendaItems.find((entry) => entry.id === planItemId);
        expect(item).toEqual({ id: planItemId, proposal: resolves ? { id: planId } : null });
      },
    );
  });

  describe('meetings and agendas: the secretariat only', () => {
    const OPERATIONS = [
      'createMeeting',
      'updateMeeting',
      'addAgendaItem',
      'updateAgendaItem',
      'moveAgendaItem',
      'removeAgendaItem',
    ] as const;
    type Operation = (typeof OPERATIONS)[number];

    /** A board meeting of our own; its agenda: 1 section, 2 item B, 3 item C, 4 item E. */
    let meetingId: string;
    let sectionId: string;
    let itemB: string;
    let itemC: string;
    let itemE: string;

    const meetingInput = (title: string): Vars => ({
      kind: 'BOARD',
      title: { en: title },
      hostCityId: city('aberdeen'),
      startsAt: '2031-03-04T09:00:00+00:00',
      endsAt: '2031-03-04T17:00:00+00:00',
    });
    const addItem = async (title: string, kind = 'DISCUSSION'): Promise<string> => {
      const data = await read<{ addAgendaItem: AgendaItemData }>('secretariat', ADD_AGENDA_ITEM, {
        input: { meetingId, kind, title: { en: title } },
      });
      return data.addAgendaItem.id;
    };
    const meetingState = () => read('secretariat', MEETING_STATE, { id: meetingId });

    beforeAll(async () => {
      const created = await read<{ createMeeting: Ref }>('secretariat', CREATE_MEETING, {
        input: meetingInput('Access matrix board meeting'),
      });
      meetingId = created.createMeeting.id;
      sectionId = await addItem('Section', 'SECTION');
      itemB = await addItem('Item B');
      itemC = await addItem('Item C');
      itemE = await addItem('Item E');
    });

    const attempts: Record<Operation, Attempt> = {
      createMeeting: (who) => gql(who, CREATE_MEETING, { input: meetingInput(`Meeting by ${who}`) }),
      updateMeeting: (who) =>
        gql(who, UPDATE_MEETING, { id: meetingId, input: { title: { en: `Renamed by ${who}` } } }),
      addAgendaItem: (who) =>
        gql(who, ADD_AGENDA_ITEM, { input: { meetingId, kind: 'DISCUSSION', title: { en: `Added by ${who}` } } }),
      updateAgendaItem: (who) =>
        gql(who, UPDATE_AGENDA_ITEM, { id: itemB, input: { title: { en: `Retitled by ${who}` } } }),
      moveAgendaItem: (who) => gql(who, MOVE_AGENDA_ITEM, { id: itemC, parentId: sectionId, position: 0 }),
      removeAgendaItem: (who) => gql(who, REMOVE_AGENDA_ITEM, { id: itemB }),
    };

    it.each(matrix(OPERATIONS, ALL_BUT_SECRETARIAT))('%s may not %s (%s)', (who, operation, code) =>
      expectRefused(attempts[operation], who, code, meetingState),
    );

    const allowed: Record<Operation, () => Promise<void>> = {
      async createMeeting() {
        const data = await read<{ createMeeting: Record<string, unknown> }>('secretariat', CREATE_MEETING, {
          input: meetingInput('Planned by the secretariat'),
        });
        expect(data.createMeeting).toEqual({
          id: expect.any(String),
          kind: 'BOARD',
          state: 'planned',
          timeZone: 'Europe/London',
          title: { en: 'Planned by the secretariat' },
          hostCity: { code: 'aberdeen' },
        });
      },
      async updateMeeting() {
        const before = await read<{ meeting: { version: number } }>('secretariat', MEETING_STATE, { id: meetingId });
        const data = await read<{ updateMeeting: Record<string, unknown> }>('secretariat', UPDATE_MEETING, {
          id: meetingId,
          input: { title: { en: 'Renamed by the secretariat' } },
        });
        expect(data.updateMeeting).toEqual({
          id: meetingId,
          version: before.meeting.version + 1,
          title: { en: 'Renamed by the secretariat' },
        });
      },
      async addAgendaItem() {
        const data = await read<{ addAgendaItem: AgendaItemData }>('secretariat', ADD_AGENDA_ITEM, {
          input: { meetingId, kind: 'PRESENTATION', title: { en: 'Added by the secretariat' }, position: 0 },
        });
        expect(data.addAgendaItem).toEqual({
          id: expect.any(String),
          meetingId,
          parentId: null,
          position: 0,
          number: '1',
          kind: 'PRESENTATION',
          title: { en: 'Added by the secretariat' },
        });
      },
      async updateAgendaItem() {
        const data = await read<{ updateAgendaItem: AgendaItemData }>('secretariat', UPDATE_AGENDA_ITEM, {
          id: itemB,
          input: { title: { en: 'Item B, retitled' }, kind: 'DECISION' },
        });
        expect(data.updateAgendaItem).toMatchObject({ id: itemB, kind: 'DECISION', title: { en: 'Item B, retitled' } });
      },
      async moveAgendaItem() {
        const data = await read<{ moveAgendaItem: AgendaItemData }>('secretariat', MOVE_AGENDA_ITEM, {
          id: itemC,
          parentId: sectionId,
          position: 0,
        });
        expect(data.moveAgendaItem).toMatchObject({ id: itemC, parentId: sectionId, position: 0 });
        expect(data.moveAgendaItem.number).toMatch(/^\d+\.1$/);
      },
      async removeAgendaItem() {
        const data = await read<{ removeAgendaItem: Ref & { agendaItems: Ref[] } }>('secretariat', REMOVE_AGENDA_ITEM, {
          id: itemE,
        });
        expect(data.removeAgendaItem.id).toBe(meetingId);
        const left = data.removeAgendaItem.agendaItems.map((item) => item.id);
        expect(left).not.toContain(itemE);
        expect(left).toEqual(expect.arrayContaining([sectionId, itemB, itemC]));
      },
    };

    it.each(OPERATIONS)('secretariat may %s', (operation) => allowed[operation]());
  });

  describe("delegations: the secretariat, or the city's own head of delegation", () => {
    const OPERATIONS = ['addDelegationMember', 'removeDelegationMember'] as const;
    type Operation = (typeof OPERATIONS)[number];

    /** Members refusals aim at: a member of each delegation who is not its head. */
    const targets = new Map<string, string>();
    /** Members added to be removed by an allowed case, by `who:city`. */
    const spares = new Map<string, string>();

    const delegations = async (): Promise<DelegationData[]> => {
      const data = await read<{ meeting: { delegations: DelegationData[] } }>('secretariat', DELEGATIONS, {
        id: demoMeetingId,
      });
      return data.meeting.delegations
        .map((delegation) => ({ ...delegation, members: [...delegation.members].sort(byId) }))
        .sort(byId);
    };
    const addMember = (who: Who, cityCode: string, name: string) =>
      gql<{ addDelegationMember: Ref & { isHead: boolean; name: { en: string } } }>(who, ADD_DELEGATION_MEMBER, {
        input: { meetingId: demoMeetingId, memberCityId: city(cityCode), name: { en: name } },
      });

    beforeAll(async () => {
      for (const delegation of await delegations()) {
        const member = delegation.members.find((entry) => !entry.isHead);
        if (member !== undefined) targets.set(delegation.memberCity.code, member.id);
      }
      expect([...targets.keys()].sort()).toEqual(['dammam', 'houston']);
      for (const [who, cityCode] of [
        ['secretariat', 'houston'],
        ['delegate.dammam', 'dammam'],
      ]) {
        const added = await addMember('secretariat', cityCode, `Spare for ${who}`);
        expect(added.errors).toBeUndefined();
        spares.set(`${who}:${cityCode}`, added.data?.addDelegationMember.id ?? '');
      }
    });

    const attempt = (operation: Operation, cityCode: string): Attempt =>
      operation === 'addDelegationMember'
        ? (who) => addMember(who, cityCode, `Named by ${who}`)
        : (who) => gql(who, REMOVE_DELEGATION_MEMBER, { id: targets.get(cityCode) });

    const refusals = OPERATIONS.flatMap((operation) =>
      (
        [
          ['delegate.dammam', 'houston', 'FORBIDDEN'], // head of delegation, but of another city
          ['delegate.houston', 'houston', 'FORBIDDEN'], // own city, but not its head
          ['delegate.houston', 'dammam', 'FORBIDDEN'],
          ['admin', 'dammam', 'FORBIDDEN'],
          ['admin', 'houston', 'FORBIDDEN'],
          ['board.dammam', 'dammam', 'FORBIDDEN'],
          ['board.aberdeen', 'dammam', 'FORBIDDEN'],
          ['observer.dammam', 'dammam', 'FORBIDDEN'],
          [NOBODY, 'dammam', 'UNAUTHENTICATED'],
        ] as const
      ).map(([who, cityCode, code]) => [who, operation, cityCode, code] as const),
    );

    it.each(refusals)('%s may not %s of %s (%s)', (who, operation, cityCode, code) =>
      expectRefused(attempt(operation, cityCode), who, code, delegations),
    );

    it.each([
      ['secretariat', 'houston'],
      ['secretariat', 'aberdeen'], // a city with no delegation yet: it opens one
      ['delegate.dammam', 'dammam'],
    ])('%s may addDelegationMember of %s', async (who, cityCode) => {
      const result = await addMember(who, cityCode, `Named by ${who}`);
      expect(result.errors).toBeUndefined();
      expect(result.data?.addDelegationMember).toEqual({
        id: expect.any(String),
        isHead: false,
        name: { en: `Named by ${who}` },
      });
      const delegation = (await delegations()).find((entry) => entry.memberCity.code === cityCode);
      expect(delegation?.members.map((member) => member.id)).toContain(result.data?.addDelegationMember.id);
    });

    it.each([
      ['secretariat', 'houston'],
      ['delegate.dammam', 'dammam'],
    ])('%s may removeDelegationMember of %s', async (who, cityCode) => {
      const id = spares.get(`${who}:${cityCode}`);
      const data = await read<{ removeDelegationMember: DelegationData }>(who, REMOVE_DELEGATION_MEMBER, { id });
      expect(data.removeDelegationMember.memberCity).toEqual({ code: cityCode });
      expect(data.removeDelegationMember.members.map((member) => member.id)).not.toContain(id);
      expect(data.removeDelegationMember.members.length).toBeGreaterThan(0);
    });
  });

  describe("coordinating offices: the secretariat, or the city's own head of delegation", () => {
    const OPERATIONS = ['addStakeholder', 'removeStakeholder'] as const;
    type Operation = (typeof OPERATIONS)[number];

    /** Stakeholders refusals aim at, by city. */
    const targets = new Map<string, string>();
    /** Stakeholders added to be removed by an allowed case, by `who:city`. */
    const spares = new Map<string, string>();

    const offices = async (): Promise<OfficeCity[]> => {
      const data = await read<{ memberCities: OfficeCity[] }>('secretariat', OFFICES);
      return data.memberCities.map((entry) =>
        entry.coordinatingOffice === null
          ? entry
          : {
              ...entry,
              coordinatingOffice: {
                ...entry.coordinatingOffice,
                stakeholders: [...entry.coordinatingOffice.stakeholders].sort(byId),
              },
            },
      );
    };
    const addStakeholder = (who: Who, cityCode: string, name: string) =>
      gql<{ addStakeholder: Ref & { kind: string; name: { en: string } } }>(who, ADD_STAKEHOLDER, {
        input: { memberCityId: city(cityCode), kind: 'COMPANY', name: { en: name } },
      });
    const addAsSecretariat = async (cityCode: string, name: string): Promise<string> => {
      const result = await addStakeholder('secretariat', cityCode, name);
      expect(result.errors).toBeUndefined();
      return result.data?.addStakeholder.id ?? '';
    };

    beforeAll(async () => {
      const dammam = (await offices()).find((entry) => entry.code === 'dammam');
      const aramco = dammam?.coordinatingOffice?.stakeholders.find((entry) => entry.name.en === 'Saudi Aramco');
      if (aramco === undefined) throw new Error("Saudi Aramco is not in Dammam's coordinating office");
      targets.set('dammam', aramco.id);
      targets.set('houston', await addAsSecretariat('houston', 'Houston target'));
      spares.set('secretariat:houston', await addAsSecretariat('houston', 'Houston spare'));
      spares.set('delegate.dammam:dammam', await addAsSecretariat('dammam', 'Dammam spare'));
    });

    const attempt = (operation: Operation, cityCode: string): Attempt =>
      operation === 'addStakeholder'
        ? (who) => addStakeholder(who, cityCode, `Named by ${who}`)
        : (who) => gql(who, REMOVE_STAKEHOLDER, { id: targets.get(cityCode) });

    const refusals = OPERATIONS.flatMap((operation) =>
      (
        [
          ['delegate.dammam', 'houston', 'FORBIDDEN'], // head of delegation, but of another city
          ['delegate.houston', 'houston', 'FORBIDDEN'], // own city, but not its head
          ['delegate.houston', 'dammam', 'FORBIDDEN'],
          ['admin', 'dammam', 'FORBIDDEN'],
          ['admin', 'houston', 'FORBIDDEN'],
          ['board.dammam', 'dammam', 'FORBIDDEN'],
          ['board.aberdeen', 'dammam', 'FORBIDDEN'],
          ['observer.dammam', 'dammam', 'FORBIDDEN'],
          [NOBODY, 'dammam', 'UNAUTHENTICATED'],
        ] as const
      ).map(([who, cityCode, code]) => [who, operation, cityCode, code] as const),
    );

    it.each(refusals)('%s may not %s of %s (%s)', (who, operation, cityCode, code) =>
      expectRefused(attempt(operation, cityCode), who, code, offices),
    );

    it.each([
      ['secretariat', 'houston'],
      ['secretariat', 'perth'], // a city with no office yet: it opens one
      ['delegate.dammam', 'dammam'],
    ])('%s may addStakeholder of %s', async (who, cityCode) => {
      const result = await addStakeholder(who, cityCode, `Named by ${who}`);
      expect(result.errors).toBeUndefined();
      expect(result.data?.addStakeholder).toEqual({
        id: expect.any(String),
        kind: 'COMPANY',
        name: { en: `Named by ${who}` },
      });
      const office = (await offices()).find((entry) => entry.code === cityCode)?.coordinatingOffice;
      expect(office?.stakeholders.map((entry) => entry.id)).toContain(result.data?.addStakeholder.id);
    });

    it.each([
      ['secretariat', 'houston'],
      ['delegate.dammam', 'dammam'],
    ])('%s may removeStakeholder of %s', async (who, cityCode) => {
      const id = spares.get(`${who}:${cityCode}`);
      const data = await read<{ removeStakeholder: Ref & { stakeholders: Ref[] } }>(who, REMOVE_STAKEHOLDER, { id });
      const office = (await offices()).find((entry) => entry.code === cityCode)?.coordinatingOffice;
      expect(data.removeStakeholder.id).toBe(office?.id);
      expect(data.removeStakeholder.stakeholders.map((entry) => entry.id)).not.toContain(id);
      expect(data.removeStakeholder.stakeholders.map((entry) => entry.id)).toContain(targets.get(cityCode));
    });
  });

  describe("review comments on Dammam's draft", () => {
    type Operation = 'addReviewComment' | 'addReviewComment as a reply' | 'resolveReviewComment';

    /** The secretariat's thread the replies answer; the one an allowed case resolves. */
    let threadId: string;
    let toResolveId: string;

    const review = () => read('secretariat', REVIEW, { id: planId });
    const comment = async (who: Who, en: string, parentId?: string): Promise<CommentData> => {
      const data = await read<{ addReviewComment: CommentData }>(who, ADD_REVIEW_COMMENT, {
        input: { proposalId: planId, body: { en }, parentId },
      });
      return data.addReviewComment;
    };

    beforeAll(async () => {
      threadId = (await comment('secretariat', 'Please add a budget annex.')).id;
      toResolveId = (await comment('secretariat', 'Please name the lead city.')).id;
    });

    const attempts: Record<Operation, Attempt> = {
      addReviewComment: (who) =>
        gql(who, ADD_REVIEW_COMMENT, { input: { proposalId: planId, body: { en: `Comment by ${who}` } } }),
      'addReviewComment as a reply': (who) =>
        gql(who, ADD_REVIEW_COMMENT, {
          input: { proposalId: planId, parentId: threadId, body: { en: `Reply by ${who}` } },
        }),
      resolveReviewComment: (who) => gql(who, RESOLVE_REVIEW_COMMENT, { id: threadId }),
    };

    const others: Refusal[] = [
      ['admin', 'FORBIDDEN'],
      ['board.dammam', 'FORBIDDEN'],
      ['board.aberdeen', 'FORBIDDEN'],
      ['observer.dammam', 'FORBIDDEN'],
      [NOBODY, 'UNAUTHENTICATED'],
    ];
    const refusals = [
      // Delegates only answer; another city's draft reads as absent.
      ...matrix(
        ['addReviewComment'],
        [['delegate.dammam', 'BAD_USER_INPUT'], ['delegate.houston', 'NOT_FOUND'], ...others],
      ),
      ...matrix(['addReviewComment as a reply'], [['delegate.houston', 'NOT_FOUND'], ...others]),
      ...matrix(['resolveReviewComment'], ALL_BUT_SECRETARIAT),
    ];

    it.each(refusals)('%s may not %s (%s)', (who, operation, code) =>
      expectRefused(attempts[operation], who, code, review),
    );

    it('secretariat may addReviewComment', async () => {
      expect(await comment('secretariat', 'Which cities take part?')).toEqual({
        id: expect.any(String),
        parentId: null,
        resolvedAt: null,
        body: { en: 'Which cities take part?' },
        author: { email: 'secretariat@demo.majlis' },
        revision: { number: 2 },
      });
    });

    it.each(['delegate.dammam', 'secretariat'])('%s may addReviewComment as a reply', async (who) => {
      const reply = await comment(who, `Reply by ${who}`, threadId);
      expect(reply).toMatchObject({ parentId: threadId, author: { email: `${who}@demo.majlis` } });
      const data = await read<{ proposal: { reviewComments: Ref[] } }>('secretariat', REVIEW, { id: planId });
      expect(data.proposal.reviewComments.map((entry) => entry.id)).toContain(reply.id);
    });

    it('secretariat may resolveReviewComment', async () => {
      const data = await read<{ resolveReviewComment: Record<string, unknown> }>(
        'secretariat',
        RESOLVE_REVIEW_COMMENT,
        {
          id: toResolveId,
        },
      );
      expect(data.resolveReviewComment).toEqual({
        id: toResolveId,
        resolvedAt: expect.any(String),
        resolvedBy: { email: 'secretariat@demo.majlis' },
      });
    });
  });

  describe('proposals: drafted by delegates of their own city', () => {
    type Operation =
      | 'createProposal'
      | 'createProposal amending the Dammam draft'
      | 'saveProposalDraft'
      | 'saveProposalWorkingCopy'
      | 'addProposalCosponsor'
      | 'removeProposalCosponsor';

    const proposalState = () => read('secretariat', PROPOSAL_STATE, { id: planId });
    const create = (who: Who, input: Vars) => gql<{ createProposal: ProposalData }>(who, CREATE_PROPOSAL, { input });

    const attempts: Record<Operation, Attempt> = {
      createProposal: (who) => create(who, { category: 'PROGRAMME', title: { en: `Proposal by ${who}` } }),
      'createProposal amending the Dammam draft': (who) =>
        create(who, { category: 'PROGRAMME', title: { en: `Amendment by ${who}` }, parentId: planId }),
      saveProposalDraft: (who) =>
        gql(who, SAVE_PROPOSAL_DRAFT, { id: planId, input: { title: { en: `Saved by ${who}` } } }),
      saveProposalWorkingCopy: (who) =>
        gql(who, SAVE_PROPOSAL_WORKING_COPY, {
          id: planId,
          input: { body: { en: `Typed by ${who}` }, expectedVersion: 2 },
        }),
      addProposalCosponsor: (who) => gql(who, ADD_PROPOSAL_COSPONSOR, { id: planId, cityId: city('aberdeen') }),
      removeProposalCosponsor: (who) => gql(who, REMOVE_PROPOSAL_COSPONSOR, { id: planId, cityId: city('aberdeen') }),
    };

    const notDelegates: Refusal[] = [
      ['admin', 'FORBIDDEN'],
      ['secretariat', 'FORBIDDEN'],
      ['board.dammam', 'FORBIDDEN'],
      ['board.aberdeen', 'FORBIDDEN'],
      ['observer.dammam', 'FORBIDDEN'],
      [NOBODY, 'UNAUTHENTICATED'],
    ];
    const refusals = [
      ...matrix(['createProposal'], notDelegates),
      // Another city's draft is invisible to Houston: it can neither amend it nor save it.
      ...matrix(
        [
          'createProposal amending the Dammam draft',
          'saveProposalDraft',
          'saveProposalWorkingCopy',
          'addProposalCosponsor',
          'removeProposalCosponsor',
        ],
        [['delegate.houston', 'NOT_FOUND'], ...notDelegates],
      ),
    ];

    it.each(refusals)('%s may not %s (%s)', (who, operation, code) =>
      expectRefused(attempts[operation], who, code, proposalState),
    );

    it.each([
      ['delegate.dammam', 'dammam'],
      ['delegate.houston', 'houston'],
    ])('%s may createProposal (of %s)', async (who, cityCode) => {
      const result = await attempts.createProposal(who);
      expect(result.errors).toBeUndefined();
      expect(result.data?.createProposal).toEqual({
        id: expect.any(String),
        state: 'draft',
        revisionCount: 1,
        ownerCity: { code: cityCode },
        createdBy: { email: `${who}@demo.majlis` },
        parent: null,
        title: { en: `Proposal by ${who}` },
      });
    });

    it('delegate.dammam may saveProposalDraft', async () => {
      const data = await read<{ saveProposalDraft: Record<string, unknown> }>('delegate.dammam', SAVE_PROPOSAL_DRAFT, {
        id: planId,
        input: { title: { en: 'The strategic plan, third revision' } },
      });
      expect(data.saveProposalDraft).toEqual({
        id: planId,
        version: 3,
        revisionCount: 3,
        title: { en: 'The strategic plan, third revision' },
        revisions: [{ number: 1 }, { number: 2 }, { number: 3 }],
      });
    });

    it('delegate.dammam may saveProposalWorkingCopy, which makes no revision', async () => {
      const before = await read<{ proposal: { version: number; revisionCount: number } }>(
        'secretariat',
        PROPOSAL_STATE,
        { id: planId },
      );
      const data = await read<{ saveProposalWorkingCopy: { revisionCount: number } & Record<string, unknown> }>(
        'delegate.dammam',
        SAVE_PROPOSAL_WORKING_COPY,
        { id: planId, input: { body: { en: 'Typed by delegate.dammam' }, expectedVersion: before.proposal.version } },
      );
      expect(data.saveProposalWorkingCopy).toMatchObject({
        id: planId,
        revisionCount: before.proposal.revisionCount,
        workingCopy: { savedBy: { email: 'delegate.dammam@demo.majlis' }, body: { en: 'Typed by delegate.dammam' } },
      });
    });

    it('delegate.dammam may addProposalCosponsor and removeProposalCosponsor', async () => {
      const added = await read<{ addProposalCosponsor: { cosponsors: Array<{ code: string }> } }>(
        'delegate.dammam',
        ADD_PROPOSAL_COSPONSOR,
        { id: planId, cityId: city('aberdeen') },
      );
      expect(added.addProposalCosponsor.cosponsors).toContainEqual({ code: 'aberdeen' });
      const removed = await read<{ removeProposalCosponsor: { cosponsors: Array<{ code: string }> } }>(
        'delegate.dammam',
        REMOVE_PROPOSAL_COSPONSOR,
        { id: planId, cityId: city('aberdeen') },
      );
      expect(removed.removeProposalCosponsor.cosponsors).not.toContainEqual({ code: 'aberdeen' });
    });
  });

  describe('once a Dammam proposal is submitted', () => {
    /** A fresh Dammam proposal, submitted, with a secretariat thread and Dammam's reply. */
    let submittedId: string;
    let threadId: string;

    const reviewOfSubmitted = () => read('secretariat', REVIEW, { id: submittedId });
    const submittedState = () => read('secretariat', PROPOSAL_STATE, { id: submittedId });

    beforeAll(async () => {
      const created = await read<{ createProposal: ProposalData }>('delegate.dammam', CREATE_PROPOSAL, {
        input: { category: 'GOVERNANCE', title: { en: 'A rotating chair' } },
      });
      submittedId = created.createProposal.id;
      const thread = await read<{ addReviewComment: CommentData }>('secretariat', ADD_REVIEW_COMMENT, {
        input: { proposalId: submittedId, body: { en: 'How long is a term?' } },
      });
      threadId = thread.addReviewComment.id;
      await read('delegate.dammam', ADD_REVIEW_COMMENT, {
        input: { proposalId: submittedId, parentId: threadId, body: { en: 'One year.' } },
      });
      // There is no submit mutation yet (the proposal workflow comes later), so the proposal is put in
      // `submitted` directly in the database: the state in which other cities see it and may amend it.
      await api.app
        .get<DataSource>(getDataSourceToken())
        .query(`UPDATE proposal SET state = 'submitted', submitted_at = now() WHERE id = $1`, [submittedId]);
    });

    it.each(EVERYONE)('%s finds it by id', async (who) => {
      const data = await read<{ proposal: Record<string, unknown> }>(who, PROPOSAL, { id: submittedId });
      expect(data.proposal).toMatchObject({ id: submittedId, state: 'submitted', ownerCity: { code: 'dammam' } });
    });

    it.each(EVERYONE)('%s: proposals lists it', async (who) => {
      const data = await read<{ proposals: Edges<Ref> }>(who, PROPOSAL_IDS);
      expect(data.proposals.edges.map((edge) => edge.node.id)).toContain(submittedId);
    });

    // The review threads stay with the secretariat and the owning city (schema: "only the secretariat and
    // the owning city see them"); board members of other cities, and everyone else, get an empty list.
    it.each(OF_DAMMAM_OR_SECRETARIAT)('%s sees its two review comments', async (who) => {
      const data = await read<{ proposal: { reviewComments: Ref[] } }>(who, PROPOSAL, { id: submittedId });
      expect(data.proposal.reviewComments).toHaveLength(2);
    });

    it.each(OUTSIDE_DAMMAM)('%s sees no review comments', async (who) => {
      const data = await read<{ proposal: { reviewComments: Ref[] } }>(who, PROPOSAL, { id: submittedId });
      expect(data.proposal.reviewComments).toEqual([]);
    });

    it.each([
      ['delegate.houston', 'addReviewComment', 'FORBIDDEN'], // sees it now, but it is not Houston's
      ['delegate.houston', 'addReviewComment as a reply', 'FORBIDDEN'],
      ['board.aberdeen', 'addReviewComment', 'FORBIDDEN'],
      ['admin', 'addReviewComment as a reply', 'FORBIDDEN'],
    ] as const)('%s may not %s (%s)', (who, operation, code) =>
      expectRefused(
        (caller) =>
          gql(caller, ADD_REVIEW_COMMENT, {
            input: {
              proposalId: submittedId,
              parentId: operation === 'addReviewComment' ? undefined : threadId,
              body: { en: `Comment by ${caller}` },
            },
          }),
        who,
        code,
        reviewOfSubmitted,
      ),
    );

    it.each([
      ['delegate.houston', 'FORBIDDEN'], // sees it now, but it is not Houston's
      ['secretariat', 'FORBIDDEN'],
      ['board.dammam', 'FORBIDDEN'],
    ] as const)('%s may not saveProposalDraft of it (%s)', (who, code) =>
      expectRefused(
        (caller) =>
          gql(caller, SAVE_PROPOSAL_DRAFT, { id: submittedId, input: { title: { en: `Saved by ${caller}` } } }),
        who,
        code,
        submittedState,
      ),
    );

    it.each([
      ['delegate.houston', 'FORBIDDEN'], // sees it now, but it is not Houston's
      ['secretariat', 'FORBIDDEN'],
      ['delegate.dammam', 'INVALID_TRANSITION'], // its own, but no longer a draft
    ] as const)('%s may not saveProposalWorkingCopy of it (%s)', (who, code) =>
      expectRefused(
        (caller) =>
          gql(caller, SAVE_PROPOSAL_WORKING_COPY, {
            id: submittedId,
            input: { body: { en: `Typed by ${caller}` }, expectedVersion: 1 },
          }),
        who,
        code,
        submittedState,
      ),
    );

    it.each([
      ['delegate.houston', 'addProposalCosponsor', 'FORBIDDEN'], // sees it now, but it is not Houston's
      ['board.dammam', 'addProposalCosponsor', 'FORBIDDEN'],
      ['delegate.dammam', 'addProposalCosponsor', 'INVALID_TRANSITION'], // co-sponsors change only in a draft
      ['delegate.dammam', 'removeProposalCosponsor', 'INVALID_TRANSITION'],
    ] as const)('%s may not %s of it (%s)', (who, operation, code) =>
      expectRefused(
        (caller) =>
          gql(caller, operation === 'addProposalCosponsor' ? ADD_PROPOSAL_COSPONSOR : REMOVE_PROPOSAL_COSPONSOR, {
            id: submittedId,
            cityId: city('perth'),
          }),
        who,
        code,
        submittedState,
      ),
    );

    it.each([
      ['secretariat', 'FORBIDDEN'],
      ['board.aberdeen', 'FORBIDDEN'],
      ['observer.dammam', 'FORBIDDEN'],
      [NOBODY, 'UNAUTHENTICATED'],
    ] as const)('%s may not createProposal amending it (%s)', (who, code) =>
      expectRefused(
        (caller) =>
          gql(caller, CREATE_PROPOSAL, {
            input: { category: 'GOVERNANCE', title: { en: `Amendment by ${caller}` }, parentId: submittedId },
          }),
        who,
        code,
        submittedState,
      ),
    );

    it('delegate.houston may createProposal amending it; the amendment is a Houston draft Dammam cannot see', async () => {
      const data = await read<{ createProposal: ProposalData }>('delegate.houston', CREATE_PROPOSAL, {
        input: { category: 'GOVERNANCE', title: { en: 'A two-year term' }, parentId: submittedId },
      });
      expect(data.createProposal).toMatchObject({
        state: 'draft',
        ownerCity: { code: 'houston' },
        createdBy: { email: 'delegate.houston@demo.majlis' },
        parent: { id: submittedId },
      });
      const amendmentsAs = async (who: Who): Promise<Ref[]> =>
        (await read<{ proposal: { amendments: Ref[] } }>(who, PROPOSAL_STATE, { id: submittedId })).proposal.amendments;
      expect(await amendmentsAs('secretariat')).toEqual([{ id: data.createProposal.id }]);
      expect(await amendmentsAs('delegate.houston')).toEqual([{ id: data.createProposal.id }]);
      expect(await amendmentsAs('delegate.dammam')).toEqual([]);
    });
  });

  describe('ballots: cancelled by the secretariat only', () => {
    /** A Dammam proposal taken to a vote on the demo annual meeting, and its open ballot. */
    let proposalId: string;
    let ballotId: string;

    const ballotState = () => read('secretariat', BALLOT_STATE, { id: ballotId, proposalId });

    beforeAll(async () => {
      const created = await read<{ createProposal: Ref }>('delegate.dammam', CREATE_PROPOSAL, {
        input: { category: 'PROGRAMME', title: { en: 'A ballot to cancel' } },
      });
      proposalId = created.createProposal.id;
      let version = 1;
      for (const [who, event] of [
        ['delegate.dammam', 'SUBMIT'],
        ['secretariat', 'START_REVIEW'],
        ['secretariat', 'ACCEPT'],
      ] as const) {
        const moved = await read<{ transitionProposal: { version: number } }>(who, TRANSITION_PROPOSAL, {
          id: proposalId,
          event,
          version,
        });
        version = moved.transitionProposal.version;
      }
      await read('secretariat', SCHEDULE_PROPOSAL, { id: proposalId, meetingId: demoMeetingId });
      const opened = await read<{ openBallot: Ref }>('secretariat', OPEN_BALLOT, { id: proposalId });
      ballotId = opened.openBallot.id;
    });

    it.each(ALL_BUT_SECRETARIAT)('%s may not cancelBallot (%s)', (who, code) =>
      expectRefused((caller) => gql(caller, CANCEL_BALLOT, { id: ballotId }), who, code, ballotState),
    );

    it('secretariat may cancelBallot; the proposal is deferred', async () => {
      const data = await read<{ cancelBallot: Record<string, unknown> }>('secretariat', CANCEL_BALLOT, {
        id: ballotId,
        reason: 'Put to the vote too early',
      });
      expect(data.cancelBallot).toEqual({ id: ballotId, state: 'cancelled' });
      expect(await ballotState()).toMatchObject({
        ballot: { state: 'cancelled' },
        proposal: { state: 'deferred' },
      });
    });
  });
});

/**
 * Issue 20's operations for every role: people, invitations, cities, board seats, and the public one-time
 * links. On a database of its own, so that its seats and people change nothing the matrix above reads.
 */
describe('access matrix: people, cities and board seats', () => {
  let api: ApiHarness;
  let callers: Map<Who, Caller>;
  const ids = new Map<string, string>();

  const gql = <T = Record<string, unknown>>(who: Who, query: string, variables: Vars = {}) =>
    callers.get(who)!<T>(query, variables);
  const id = (name: string): string => {
    const value = ids.get(name);
    if (value === undefined) throw new Error(`no id ${name}`);
    return value;
  };
  const ADMIN_VIEW = `{
    people(first: 100) { totalCount edges { node { email roles active isHeadOfDelegation timeZone invitationPending boardSeat { id } } } }
    memberCities { code name { en } countryCode joinedYear }
    boardSeats { id startsOn endsOn holder { email } }
  }`;
  const state = async (): Promise<unknown> => (await gql('admin', ADMIN_VIEW)).data;

  beforeAll(async () => {
    api = await startApi();
    callers = await signInEveryone(api);
    const cities = await gql<{ memberCities: Array<{ id: string; code: string }> }>(
      'admin',
      '{ memberCities { id code } }',
    );
    for (const city of cities.data?.memberCities ?? []) ids.set(city.code, city.id);
    const people = await gql<{ people: { edges: Array<{ node: { id: string; email: string } }> } }>(
      'admin',
      '{ people(first: 100) { edges { node { id email } } } }',
    );
    for (const { node } of people.data?.people.edges ?? []) ids.set(node.email.split('@')[0], node.id);
    const invited = await gql<{ invitePerson: { id: string } }>(
      'admin',
      `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id } }`,
      {
        input: {
          email: 'pending@dammam.example',
          name: { en: 'Pending' },
          roles: ['DELEGATE'],
          memberCityId: id('dammam'),
        },
      },
    );
    ids.set('pending', invited.data?.invitePerson.id ?? '');
  });

  afterAll(() => api.close());

  const OTHERS = (allowed: readonly Who[]): Refusal[] => [
    ...EVERYONE.filter((who) => !allowed.includes(who)).map((who) => [who, 'FORBIDDEN'] as const),
    [NOBODY, 'UNAUTHENTICATED'],
  ];

  /** Each operation: an attempt (made by `who`), who may, and what the others get. */
  const OPERATIONS: Record<string, { attempt: Attempt; allowed: Who[]; refusals?: Refusal[] }> = {
    people: {
      attempt: (who) => gql(who, '{ people { totalCount } }'),
      allowed: ['admin', 'secretariat', 'delegate.dammam'],
    },
    person: {
      attempt: (who) => gql(who, 'query($id: ID!) { person(id: $id) { email } }', { id: id('delegate.houston') }),
      allowed: ['admin', 'secretariat', 'delegate.houston'],
    },
    invitePerson: {
      attempt: (who) =>
        gql(who, `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { email } }`, {
          input: {
            email: `invited.by.${who}@dammam.example`,
            name: { en: who },
            roles: ['DELEGATE'],
            memberCityId: id('dammam'),
          },
        }),
      allowed: ['admin', 'secretariat', 'delegate.dammam'],
    },
    resendInvitation: {
      attempt: (who) =>
        gql(who, 'mutation($id: ID!) { resendInvitation(personId: $id) { email } }', { id: id('pending') }),
      allowed: ['admin', 'secretariat', 'delegate.dammam'],
    },
    updatePerson: {
      attempt: (who) =>
        gql(who, 'mutation($id: ID!) { updatePerson(id: $id, input: { timeZone: "Asia/Riyadh" }) { timeZone } }', {
          id: id('pending'),
        }),
      allowed: ['admin'],
    },
    setPersonActive: {
      attempt: (who) =>
        gql(who, 'mutation($id: ID!) { setPersonActive(id: $id, active: true) { active } }', { id: id('pending') }),
      allowed: ['admin'],
    },
    createMemberCity: {
      attempt: (who) =>
        gql(who, `mutation($input: MemberCityInput!) { createMemberCity(input: $input) { code } }`, {
          input: {
            code: 'abudhabi',
            name: { en: 'Abu Dhabi' },
            countryCode: 'AE',
            timeZone: 'Asia/Dubai',
            joinedYear: 2024,
          },
        }),
      allowed: ['admin'],
    },
    updateMemberCity: {
      attempt: (who) =>
        gql(who, 'mutation($id: ID!) { updateMemberCity(id: $id, input: { joinedYear: 1996 }) { joinedYear } }', {
          id: id('perth'),
        }),
      allowed: ['admin'],
    },
    boardSeats: {
      attempt: (who) => gql(who, '{ boardSeats { id } }'),
      allowed: EVERYONE.filter((who) => who === 'admin' || who === 'secretariat' || who.startsWith('board.')),
    },
    assignBoardSeat: {
      // A term starting in the far future: no ballot of these tests would count its holder.
      attempt: (who) =>
        gql(who, `mutation($input: AssignBoardSeatInput!) { assignBoardSeat(input: $input) { id } }`, {
          input: { memberCityId: id('dammam'), personId: id('pending'), startsOn: '2099-01-01' },
        }),
      allowed: ['admin'],
    },
    endBoardSeat: {
      attempt: async (who) => {
        const seats = await gql<{ boardSeats: Array<{ id: string; startsOn: string }> }>(
          'admin',
          '{ boardSeats { id startsOn } }',
        );
        // The far-future term once given; before that (the refusals), any seat.
        const seat =
          seats.data?.boardSeats.find((entry) => entry.startsOn === '2099-01-01') ?? seats.data?.boardSeats[0];
        return gql(who, 'mutation($id: ID!) { endBoardSeat(id: $id, endsOn: "2099-12-31") { id } }', { id: seat?.id });
      },
      allowed: ['admin'],
    },
  };

  const refusals = Object.entries(OPERATIONS).flatMap(([operation, { allowed, refusals: given }]) =>
    (given ?? OTHERS(allowed)).map(([who, code]) => [who, operation, code] as const),
  );

  it.each(refusals)('%s may not %s (%s), and nothing changes', async (who, operation, code) => {
    const before = await state();
    const result = await OPERATIONS[operation].attempt(who);
    expect(codeOf(result)).toBe(code);
    expect(await state()).toEqual(before);
  });

  // In the order of the table: the seat is given before it is ended.
  it.each(
    Object.entries(OPERATIONS).flatMap(([operation, { allowed }]) => allowed.map((who) => [who, operation] as const)),
  )('%s may %s', async (who, operation) => {
    const result = await OPERATIONS[operation].attempt(who);
    expect(result.errors).toBeUndefined();
    expect(result.data).not.toBeNull();
  });

  it('a head of delegation invites delegates of their own city only', async () => {
    const invite = (input: Vars) =>
      gql('delegate.dammam', `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { email } }`, {
        input,
      });
    const before = await state();
    for (const input of [
      { email: 'h1@houston.example', name: { en: 'H' }, roles: ['DELEGATE'], memberCityId: id('houston') },
      { email: 'o1@dammam.example', name: { en: 'O' }, roles: ['OBSERVER'], memberCityId: id('dammam') },
      { email: 'h2@dammam.example', name: { en: 'H' }, roles: ['DELEGATE'], isHeadOfDelegation: true },
    ])
      expect(codeOf(await invite(input))).toBe('FORBIDDEN');
    const staff = await gql(
      'secretariat',
      `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { email } }`,
      {
        input: { email: 'a1@partnership.example', name: { en: 'A' }, roles: ['ADMIN'] },
      },
    );
    expect(codeOf(staff)).toBe('FORBIDDEN');
    expect(staff.errors?.[0]?.message).toBe('You may not invite administrators or the secretariat.');
    expect(await state()).toEqual(before);
  });

  it.each([...EVERYONE, NOBODY])(
    '%s may call the public one-time-link operations, which refuse a bogus link alike',
    async (who) => {
      const link = await gql(who, 'query { passwordLink(token: "bogus") { email } }');
      expect(codeOf(link)).toBe('NOT_FOUND');
      const set = await gql(
        who,
        'mutation { setPassword(token: "bogus", password: "long enough password") { token } }',
      );
      expect(codeOf(set)).toBe('NOT_FOUND');
      const reset = await gql<{ requestPasswordReset: boolean }>(
        who,
        'mutation { requestPasswordReset(email: "nobody@example.org") }',
      );
      expect(reset.data?.requestPasswordReset).toBe(true);
      const setup = await gql(
        who,
        'mutation { completeSetup(input: { token: "bogus", email: "x@example.org", name: { en: "X" }, password: "long enough password" }) { token } }',
      );
      expect(codeOf(setup)).toBe('FORBIDDEN');
    },
  );
});
