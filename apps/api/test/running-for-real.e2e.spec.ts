import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { startSmtpSink, type SmtpSink } from '@majlis/testing';
import { adminCreate } from '../../command/src/main';
import { ApiHarness, type Caller, ok, refused, startApi } from './api-harness';

/**
 * Issue 20's path, from an empty database as the README tells it: the first administrator from the
 * command, a city, an invited delegate who sets a password through the e-mailed link, a board seat, and
 * the new board member voting on a ballot opened after the seat. (The one-time links' rules are
 * AccountsService's, in its spec.)
 * On PostgreSQL + Redis when DATABASE_URL and REDIS_URL are set, else on the embedded default with the demo
 * off (MAJLIS_DEMO=false): an empty PGlite.
 */

const PUBLIC_URL = 'https://majlis.example.org';
const LINK = /https:\/\/majlis\.example\.org\/set-password\?token=([A-Za-z0-9_-]+)/;

describe('running majlis for real', () => {
  let api: ApiHarness;
  let smtp: SmtpSink;
  let dataSource: DataSource;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    api = await startApi(
      {
        smtpUrl: smtp.url,
        publicUrl: PUBLIC_URL,
        ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
      },
      { seedDemo: false },
    );
    dataSource = api.app.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  const SET_PASSWORD = `mutation($token: String!, $password: String!) {
    setPassword(token: $token, password: $password) { token user { email roles invitationPending } } }`;
  const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
  const LINK_INFO = `query($token: String!) { passwordLink(token: $token) { purpose email expiresAt name { text } } }`;
  const INVITE = `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id email invitationPending active roles } }`;

  /** Sets a password through a link's token and calls as the session it opens. */
  const setPassword = async (token: string, password: string): Promise<Caller> =>
    api.caller(
      (await ok<{ setPassword: { token: string } }>(api.caller(null), SET_PASSWORD, { token, password })).setPassword
        .token,
    );
  const login = async (email: string, password: string): Promise<Caller> =>
    api.caller((await ok<{ login: { token: string } }>(api.caller(null), LOGIN, { email, password })).login.token);

  /** The token of the newest link e-mailed to `address`, once it has arrived. */
  const mailedToken = async (address: string, count = 1): Promise<{ token: string; subject: string; text: string }> => {
    await smtp.waitFor((messages) => messages.filter((m) => m.to.includes(address)).length >= count);
    const mail = smtp.messages.filter((m) => m.to.includes(address)).at(-1);
    const match = mail === undefined ? null : LINK.exec(mail.text);
    if (mail === undefined || match === null) throw new Error(`no link e-mailed to ${address}`);
    return { token: match[1], subject: mail.subject, text: mail.text };
  };

  it('from an empty database: first admin, a city, an invited delegate, a seat, and the new board member votes', async () => {
    const anonymous = api.caller(null);
    const { instance } = await ok<{ instance: { setupRequired: boolean } }>(
      anonymous,
      '{ instance { setupRequired } }',
    );
    expect(instance.setupRequired).toBe(true);

    // The first administrator, from the command's own function; it prints the one-time link.
    const printed = await adminCreate(dataSource, api.environment, {
      email: 'Admin@Partnership.example',
      nameEn: 'Amal',
    });
    const adminLink = LINK.exec(printed);
    expect(adminLink).not.toBeNull();
    const adminLinkToken = adminLink?.[1] ?? '';
    expect(
      (await ok<{ passwordLink: { purpose: string; email: string } }>(anonymous, LINK_INFO, { token: adminLinkToken }))
        .passwordLink,
    ).toMatchObject({ purpose: 'invitation', email: 'admin@partnership.example' });
    await refused(anonymous, 'BAD_USER_INPUT', SET_PASSWORD, { token: adminLinkToken, password: 'short' });
    await refused(anonymous, 'BAD_USER_INPUT', SET_PASSWORD, {
      token: adminLinkToken,
      password: 'admin@partnership.example',
    });
    await setPassword(adminLinkToken, 'a long admin password');
    const admin = await login('admin@partnership.example', 'a long admin password');
    expect(
      (await ok<{ instance: { setupRequired: boolean } }>(anonymous, '{ instance { setupRequired } }')).instance
        .setupRequired,
    ).toBe(false);

    // A city, with its coordinating office.
    const { createMemberCity } = await ok<{
      createMemberCity: { id: string; code: string; coordinatingOffice: { name: { text: string } } };
    }>(
      admin,
      `mutation($input: MemberCityInput!) { createMemberCity(input: $input) { id code coordinatingOffice { name { text } } } }`,
      {
        input: {
          code: 'dammam',
          name: { ar: 'الدمام', en: 'Dammam' },
          countryCode: 'sa',
          timeZone: 'Asia/Riyadh',
          joinedYear: 2010,
          coordinatingOfficeName: { en: 'Dammam coordinating office' },
        },
      },
    );
    const cityId = createMemberCity.id;
    expect(createMemberCity.coordinatingOffice.name.text).toBe('Dammam coordinating office');
    await refused(
      admin,
      'BAD_USER_INPUT',
      `mutation($input: MemberCityInput!) { createMemberCity(input: $input) { id } }`,
      {
        input: { code: 'dammam', name: { en: 'Again' }, countryCode: 'SA', timeZone: 'Asia/Riyadh', joinedYear: 2010 },
      },
    );

    // The secretariat and a delegate, invited; each sets a password through the e-mailed link.
    await ok(admin, INVITE, {
      input: {
        email: 'secretariat@partnership.example',
        name: { en: 'the General Secretariat' },
        roles: ['SECRETARIAT'],
        locale: 'en',
        formOfAddress: 'OFFICE',
      },
    });
    const secretariatInvitation = await mailedToken('secretariat@partnership.example');
    // An office is greeted as an institution.
    expect(secretariatInvitation.text.startsWith('Dear colleagues at the General Secretariat,')).toBe(true);
    const secretariat = await setPassword(secretariatInvitation.token, 'secretariat password');
    const { invitePerson: delegate } = await ok<{ invitePerson: { id: string; invitationPending: boolean } }>(
      secretariat,
      INVITE,
      {
        input: {
          email: 'delegate@dammam.example',
          name: { ar: 'زياد' },
          roles: ['DELEGATE'],
          memberCityId: cityId,
          isHeadOfDelegation: true,
          locale: 'ar',
        },
      },
    );
    expect(delegate.invitationPending).toBe(true);
    const invitation = await mailedToken('delegate@dammam.example');
    // Written in the invited person's language.
    expect(invitation.subject).toContain('دعوة');
    expect(invitation.text).toContain('زياد');
    // Their form of address is not known: a neutral greeting, no honorific.
    expect(invitation.text.startsWith('تحية طيبة إلى زياد،')).toBe(true);
    expect(invitation.text).not.toContain('سعادة');
    const { updatePerson } = await ok<{ updatePerson: { formOfAddress: string | null } }>(
      admin,
      `mutation($id: ID!) { updatePerson(id: $id, input: { formOfAddress: EXCELLENCY }) { formOfAddress } }`,
      { id: delegate.id },
    );
    expect(updatePerson.formOfAddress).toBe('EXCELLENCY');
    const delegateSession = await ok<{ setPassword: { token: string; user: { invitationPending: boolean } } }>(
      anonymous,
      SET_PASSWORD,
      { token: invitation.token, password: 'delegate password' },
    );
    expect(delegateSession.setPassword.user.invitationPending).toBe(false);
    const delegateCall = api.caller(delegateSession.setPassword.token);

    // A proposal of the city, through review and onto a board meeting's agenda.
    const { createProposal } = await ok<{ createProposal: { id: string } }>(
      delegateCall,
      'mutation { createProposal(input: { category: PROGRAMME, title: { en: "Training exchange" } }) { id } }',
    );
    const move = `mutation($id: ID!, $event: ProposalEvent!, $v: Int!) { transitionProposal(id: $id, event: $event, expectedVersion: $v) { version } }`;
    let version = 1;
    for (const [who, event] of [
      [delegateCall, 'SUBMIT'],
      [secretariat, 'START_REVIEW'],
      [secretariat, 'ACCEPT'],
    ] as const)
      version = (
        await ok<{ transitionProposal: { version: number } }>(who, move, { id: createProposal.id, event, v: version })
      ).transitionProposal.version;
    const { createMeeting } = await ok<{ createMeeting: { id: string } }>(
      secretariat,
      'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }',
      {
        input: {
          kind: 'BOARD',
          title: { en: 'Board meeting' },
          hostCityId: cityId,
          startsAt: '2031-03-04T09:00:00+03:00',
          endsAt: '2031-03-04T17:00:00+03:00',
        },
      },
    );
    await ok(secretariat, 'mutation($p: ID!, $m: ID!) { scheduleProposal(proposalId: $p, meetingId: $m) { id } }', {
      p: createProposal.id,
      m: createMeeting.id,
    });

    // The seat: the delegate becomes a board member.
    const today = new Date().toISOString().slice(0, 10);
    const { assignBoardSeat } = await ok<{ assignBoardSeat: { current: boolean; holder: { roles: string[] } } }>(
      admin,
      `mutation($input: AssignBoardSeatInput!) { assignBoardSeat(input: $input) { current holder { roles } } }`,
      { input: { memberCityId: cityId, personId: delegate.id, startsOn: today, isChair: true } },
    );
    expect(assignBoardSeat.current).toBe(true);
    expect(assignBoardSeat.holder.roles).toEqual(['DELEGATE', 'BOARD_MEMBER']);

    // A ballot opened after the seat: the new board member signs in and finds it open for them.
    const { openBallot } = await ok<{ openBallot: { id: string } }>(
      secretariat,
      'mutation($id: ID!) { openBallot(proposalId: $id, rules: { quorum: 0.5, majority: SIMPLE }) { id } }',
      { id: createProposal.id },
    );
    const board = await login('delegate@dammam.example', 'delegate password');
    const { ballots } = await ok<{ ballots: { edges: Array<{ node: { id: string; state: string } }> } }>(
      board,
      '{ ballots(filter: { eligibleToVote: true }) { edges { node { id state } } } }',
    );
    expect(ballots.edges.map((edge) => edge.node)).toEqual([{ id: openBallot.id, state: 'open' }]);
    await ok(board, 'mutation($id: ID!) { castVote(ballotId: $id, choice: YES, idempotencyKey: "first") { choice } }', {
      id: openBallot.id,
    });

    // All of it is in the audit chain.
    const actions = (await dataSource.query(`SELECT action FROM audit_entry ORDER BY seq`)) as Array<{
      action: string;
    }>;
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'person.created',
        'person.invitationAccepted',
        'memberCity.created',
        'person.invited',
        'boardSeat.assigned',
        'vote.cast',
      ]),
    );
  });
});
