import type { ApiHarness } from './api-harness';

const BOARD = ['dammam', 'houston', 'aberdeen', 'stavanger', 'calgary', 'perth', 'portharcourt'];

/**
 * A Dammam proposal taken the whole way: submitted, reviewed, accepted, scheduled on the upcoming annual
 * meeting, voted on by the board and approved; returns its id and its implementation plan's id.
 */
export async function approvedProposal(
  api: ApiHarness,
  title: { ar?: string; en?: string },
): Promise<{ proposalId: string; planId: string }> {
  const as = async (email: string) => {
    const token = await api.tokenFor(email);
    return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const result = await api.graphql<T>(query, variables, { authorization: `Bearer ${token}` });
      if (result.errors !== undefined || result.data === null || result.data === undefined)
        throw new Error(`${email}: ${JSON.stringify(result.errors)}`);
      return result.data;
    };
  };
  const dammam = await as('delegate.dammam@demo.majlis');
  const secretariat = await as('secretariat@demo.majlis');
  const { createProposal } = await dammam<{ createProposal: { id: string } }>(
    `mutation($ar: String, $en: String) { createProposal(input: { category: PROGRAMME, title: { ar: $ar, en: $en } }) { id } }`,
    { ar: title.ar ?? null, en: title.en ?? null },
  );
  const id = createProposal.id;
  let version = 1;
  const step = async (call: typeof dammam, event: string): Promise<void> => {
    const moved = await call<{ transitionProposal: { version: number } }>(
      `mutation($id: ID!, $event: ProposalEvent!, $v: Int!) { transitionProposal(id: $id, event: $event, expectedVersion: $v) { version } }`,
      { id, event, v: version },
    );
    version = moved.transitionProposal.version;
  };
  await step(dammam, 'SUBMIT');
  await step(secretariat, 'START_REVIEW');
  await step(secretariat, 'ACCEPT');
  const { meetings } = await secretariat<{ meetings: { edges: Array<{ node: { id: string } }> } }>(
    `{ meetings(filter: { kind: ANNUAL, state: planned }) { edges { node { id } } } }`,
  );
  await secretariat(`mutation($id: ID!, $m: ID!) { scheduleProposal(proposalId: $id, meetingId: $m) { id } }`, {
    id,
    m: meetings.edges[0].node.id,
  });
  const { openBallot } = await secretariat<{ openBallot: { id: string } }>(
    `mutation($id: ID!) { openBallot(proposalId: $id, rules: { quorum: 0.5, majority: SIMPLE }) { id } }`,
    { id },
  );
  for (const city of BOARD.slice(0, 5)) {
    const member = await as(`board.${city}@demo.majlis`);
    await member(
      `mutation($b: ID!, $k: String!) { castVote(ballotId: $b, choice: YES, idempotencyKey: $k) { choice } }`,
      {
        b: openBallot.id,
        k: `${openBallot.id}-${city}`,
      },
    );
  }
  await secretariat(`mutation($b: ID!) { closeBallot(ballotId: $b) { state } }`, { b: openBallot.id });
  const { proposal } = await secretariat<{ proposal: { state: string; implementationPlan: { id: string } | null } }>(
    `query($id: ID!) { proposal(id: $id) { state implementationPlan { id } } }`,
    { id },
  );
  if (proposal.state !== 'approved' || proposal.implementationPlan === null)
    throw new Error(`the proposal was not approved with a plan: ${JSON.stringify(proposal)}`);
  return { proposalId: id, planId: proposal.implementationPlan.id };
}
