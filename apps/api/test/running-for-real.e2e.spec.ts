import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { startSmtpSink, type SmtpSink } from '@majlis/testing';
import { adminCreate } from '../../command/src/main';
import { ApiHarness, GraphqlResponse, startApi } from './api-harness';

/**
 * Issue 20's path, from an empty database as the README tells it: the first administrator from the
 * command, a city, an invited delegate who sets a password through the e-mailed link, a board seat, and
 * the new board member voting on a ballot opened after the seat. Then the one-time links' rules.
 * On PostgreSQL + Redis when DATABASE_URL and REDIS_URL are set, else on the embedded default with the demo
 * off (MAJLIS_DEMO=false): an empty PGlite.
 */

const PUBLIC_URL = 'https://majlis.example.org';
const LINK = /https:\/\/majlis\.example\.org\/set-password\?token=([A-Za-z0-9_-]+)/;

type Vars = Record<string, unknown>;

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

  const call = <T>(
    token: string | null,
    query: string,
    variables: Vars = {},
    locale = 'en',
  ): Promise<GraphqlResponse<T>> =>
    api.graphql<T>(query, variables, {
      'accept-language': locale,
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    });

  const ok = async <T>(token: string | null, query: string, variables: Vars = {}): Promise<T> => {
    const answer = await call<T>(token, query, variables);
    if (answer.errors !== undefined || answer.data === undefined || answer.data === null)
      throw new Error(`${query}: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  };

  const refused = async (token: string | null, query: string, variables: Vars, code: string, locale = 'en') => {
    const answer = await call(token, query, variables, locale);
    expect(answer.errors?.[0]?.extensions?.code).toBe(code);
    return answer.errors?.[0]?.message ?? '';
  };

  const SET_PASSWORD = `mutation($token: String!, $password: String!) {
    setPassword(token: $token, password: $password) { token user { email roles invitationPending } } }`;
  const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
  const LINK_INFO = `query($token: String!) { passwordLink(token: $token) { purpose email expiresAt name { text } } }`;
  const INVITE = `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id email invitationPending active roles } }`;

  const setPassword = async (token: string, password: string): Promise<string> =>
    (await ok<{ setPassword: { token: string } }>(null, SET_PASSWORD, { token, password })).setPassword.token;
  const login = async (email: string, password: string): Promise<string> =>
    (await ok<{ login: { token: string } }>(null, LOGIN, { email, password })).login.token;

  /** The token of the newest link e-mailed to `address`, once it has arrived. */
  const mailedToken = async (address: string, count = 1): Promise<{ token: string; subject: string; text: string }> => {
    await smtp.waitFor((messages) => messages.filter((m) => m.to.includes(address)).length >= count);
    const mail = smtp.messages.filter((m) => m.to.includes(address)).at(-1);
    const match = mail === undefined ? null : LINK.exec(mail.text);
    if (mail === undefined || match === null) throw new Error(`no link e-mailed to ${address}`);
    return { token: match[1], subject: mail.subject, text: mail.text };
  };

  let adminToken: string;
  let cityId: string;

  it('from an empty database: first admin, a city, an invited delegate, a seat, and the new board member votes', async () => {
    const { instance } = await ok<{ instance: { setupRequired: boolean } }>(null, '{ instance { setupRequired } }');
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
      (await ok<{ passwordLink: { purpose: string; email: string } }>(null, LINK_INFO, { token: adminLinkToken }))
        .passwordLink,
    ).toMatchObject({ purpose: 'invitation', email: 'admin@partnership.example' });
    await refused(null, SET_PASSWORD, { token: adminLinkToken, password: 'short' }, 'BAD_USER_INPUT');
    await refused(
      null,
      SET_PASSWORD,
      { token: adminLinkToken, password: 'admin@partnership.example' },
      'BAD_USER_INPUT',
    );
    await setPassword(adminLinkToken, 'a long admin password');
    adminToken = await login('admin@partnership.example', 'a long admin password');
    expect(
      (await ok<{ instance: { setupRequired: boolean } }>(null, '{ instance { setupRequired } }')).instance
        .setupRequired,
    ).toBe(false);

    // A city, with its coordinating office.
    const { createMemberCity } = await ok<{
      createMemberCity: { id: string; code: string; coordinatingOffice: { name: { text: string } } };
    }>(
      adminToken,
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
    cityId = createMemberCity.id;
    expect(createMemberCity.coordinatingOffice.name.text).toBe('Dammam coordinating office');
    await refused(
      adminToken,
      `mutation($input: MemberCityInput!) { createMemberCity(input: $input) { id } }`,
      {
        input: { code: 'dammam', name: { en: 'Again' }, countryCode: 'SA', timeZone: 'Asia/Riyadh', joinedYear: 2010 },
      },
      'BAD_USER_INPUT',
    );

    // The secretariat and a delegate, invited; each sets a password through the e-mailed link.
    await ok(adminToken, INVITE, {
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
    const secretariatToken = await setPassword(secretariatInvitation.token, 'secretariat password');
    const { invitePerson: delegate } = await ok<{ invitePerson: { id: string; invitationPending: boolean } }>(
      secretariatToken,
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
      adminToken,
      `mutation($id: ID!) { updatePerson(id: $id, input: { formOfAddress: EXCELLENCY }) { formOfAddress } }`,
      { id: delegate.id },
    );
    expect(updatePerson.formOfAddress).toBe('EXCELLENCY');
    const delegateSession = await ok<{ setPassword: { token: string; user: { invitationPending: boolean } } }>(
      null,
      SET_PASSWORD,
      { token: invitation.token, password: 'delegate password' },
    );
    expect(delegateSession.setPassword.user.invitationPending).toBe(false);
    const delegateToken = delegateSession.setPassword.token;

    // A proposal of the city, through review and onto a board meeting's agenda.
    const { createProposal } = await ok<{ createProposal: { id: string } }>(
      delegateToken,
      'mutation { createProposal(input: { category: PROGRAMME, title: { en: "Training exchange" } }) { id } }',
    );
    const move = `mutation($id: ID!, $event: ProposalEvent!, $v: Int!) { transitionProposal(id: $id, event: $event, expectedVersion: $v) { version } }`;
    let version = 1;
    for (const [token, event] of [
      [delegateToken, 'SUBMIT'],
      [secretariatToken, 'START_REVIEW'],
      [secretariatToken, 'ACCEPT'],
    ] as const)
      version = (
        await ok<{ transitionProposal: { version: number } }>(token, move, { id: createProposal.id, event, v: version })
      ).transitionProposal.version;
    const { createMeeting } = await ok<{ createMeeting: { id: string } }>(
      secretariatToken,
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
    await ok(
      secretariatToken,
      'mutation($p: ID!, $m: ID!) { scheduleProposal(proposalId: $p, meetingId: $m) { id } }',
      {
        p: createProposal.id,
        m: createMeeting.id,
      },
    );

    // The seat: the delegate becomes a board member.
    const today = new Date().toISOString().slice(0, 10);
    const { assignBoardSeat } = await ok<{ assignBoardSeat: { current: boolean; holder: { roles: string[] } } }>(
      adminToken,
      `mutation($input: AssignBoardSeatInput!) { assignBoardSeat(input: $input) { current holder { roles } } }`,
      { input: { memberCityId: cityId, personId: delegate.id, startsOn: today, isChair: true } },
    );
    expect(assignBoardSeat.current).toBe(true);
    expect(assignBoardSeat.holder.roles).toEqual(['DELEGATE', 'BOARD_MEMBER']);

    // A ballot opened after the seat: the new board member signs in and finds it open for them.
    const { openBallot } = await ok<{ openBallot: { id: string } }>(
      secretariatToken,
      'mutation($id: ID!) { openBallot(proposalId: $id, rules: { quorum: 0.5, majority: SIMPLE }) { id } }',
      { id: createProposal.id },
    );
    const boardToken = await login('delegate@dammam.example', 'delegate password');
    const { ballots } = await ok<{ ballots: { edges: Array<{ node: { id: string; state: string } }> } }>(
      boardToken,
      '{ ballots(filter: { eligibleToVote: true }) { edges { node { id state } } } }',
    );
    expect(ballots.edges.map((edge) => edge.node)).toEqual([{ id: openBallot.id, state: 'open' }]);
    await ok(
      boardToken,
      'mutation($id: ID!) { castVote(ballotId: $id, choice: YES, idempotencyKey: "first") { choice } }',
      {
        id: openBallot.id,
      },
    );

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

  it('an invitation link works once, expires after 7 days, and a new one replaces it', async () => {
    const { invitePerson } = await ok<{ invitePerson: { id: string } }>(adminToken, INVITE, {
      input: {
        email: 'observer@dammam.example',
        name: { en: 'Omar' },
        roles: ['OBSERVER'],
        memberCityId: cityId,
        locale: 'en',
      },
    });
    const first = await mailedToken('observer@dammam.example');
    const { passwordLink } = await ok<{ passwordLink: { expiresAt: string } }>(null, LINK_INFO, { token: first.token });
    const days = (Date.parse(passwordLink.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    // Resending: the old link stops working, the new one works once.
    await ok(adminToken, 'mutation($id: ID!) { resendInvitation(personId: $id) { id } }', { id: invitePerson.id });
    const second = await mailedToken('observer@dammam.example', 2);
    expect(await refused(null, LINK_INFO, { token: first.token }, 'NOT_FOUND')).toContain('newer one replaced it');
    await setPassword(second.token, 'observer password');
    expect(
      await refused(null, SET_PASSWORD, { token: second.token, password: 'another password' }, 'NOT_FOUND'),
    ).toContain('used already');
    expect(await refused(null, LINK_INFO, { token: second.token }, 'NOT_FOUND', 'ar')).toContain('استُخدم');
    await refused(
      adminToken,
      'mutation($id: ID!) { resendInvitation(personId: $id) { id } }',
      { id: invitePerson.id },
      'BAD_USER_INPUT',
    );

    // Expiry: the clock is moved by moving the link's end into the past.
    await ok(adminToken, INVITE, {
      input: { email: 'late@dammam.example', name: { en: 'Late' }, roles: ['DELEGATE'], memberCityId: cityId },
    });
    const late = await mailedToken('late@dammam.example');
    await dataSource.query(
      `UPDATE account_link SET expires_at = now() - interval '1 second' WHERE person_id = (SELECT id FROM person WHERE email = 'late@dammam.example')`,
    );
    expect(
      await refused(null, SET_PASSWORD, { token: late.token, password: 'late password 1' }, 'NOT_FOUND'),
    ).toContain('expired');
    await refused(null, LOGIN, { email: 'late@dammam.example', password: 'late password 1' }, 'UNAUTHENTICATED');
    // Only the hash is stored: the token itself is nowhere in the database.
    const stored = (await dataSource.query(`SELECT token_hash FROM account_link`)) as Array<{ token_hash: string }>;
    expect(stored.some((row) => row.token_hash === late.token)).toBe(false);
  });

  it('password reset: the same answer for any address, a one-hour link that works once and ends other sessions', async () => {
    const oldSession = await login('observer@dammam.example', 'observer password');
    const REQUEST = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
    expect(
      (await ok<{ requestPasswordReset: boolean }>(null, REQUEST, { email: 'nobody@nowhere.example' }))
        .requestPasswordReset,
    ).toBe(true);
    expect(
      (await ok<{ requestPasswordReset: boolean }>(null, REQUEST, { email: 'not an address' })).requestPasswordReset,
    ).toBe(true);
    expect(
      (await ok<{ requestPasswordReset: boolean }>(null, REQUEST, { email: 'Observer@Dammam.example' }))
        .requestPasswordReset,
    ).toBe(true);
    const reset = await mailedToken('observer@dammam.example', 3);
    expect(smtp.messages.some((mail) => mail.to.includes('nobody@nowhere.example'))).toBe(false);
    // Asking again within the minute sends nothing more, and the link sent stays the one that works.
    await ok(null, REQUEST, { email: 'observer@dammam.example' });
    const links = (await dataSource.query(
      `SELECT count(*)::int AS n FROM account_link WHERE purpose = 'reset'`,
    )) as Array<{
      n: number;
    }>;
    expect(links[0].n).toBe(1);
    const { passwordLink } = await ok<{ passwordLink: { purpose: string; expiresAt: string } }>(null, LINK_INFO, {
      token: reset.token,
    });
    expect(passwordLink.purpose).toBe('reset');
    expect(Date.parse(passwordLink.expiresAt) - Date.now()).toBeLessThanOrEqual(3_600_000);

    const newSession = await setPassword(reset.token, 'a brand new password');
    await refused(null, LOGIN, { email: 'observer@dammam.example', password: 'observer password' }, 'UNAUTHENTICATED');
    await ok(newSession, '{ me { email } }');
    await refused(oldSession, '{ me { email } }', {}, 'UNAUTHENTICATED');
    await refused(null, SET_PASSWORD, { token: reset.token, password: 'yet another password' }, 'NOT_FOUND');

    // An expired reset link.
    await ok(null, REQUEST, { email: 'observer@dammam.example' });
    const expired = await mailedToken('observer@dammam.example', 4);
    await dataSource.query(
      `UPDATE account_link SET expires_at = now() - interval '1 second' WHERE purpose = 'reset' AND used_at IS NULL`,
    );
    expect(
      await refused(null, SET_PASSWORD, { token: expired.token, password: 'too late password' }, 'NOT_FOUND'),
    ).toContain('expired');
  });

  it('the setup page is refused once anybody exists', async () => {
    const message = await refused(
      null,
      `mutation($input: SetupInput!) { completeSetup(input: $input) { token } }`,
      {
        input: {
          token: 'anything',
          email: 'intruder@example.org',
          name: { en: 'Intruder' },
          password: 'long enough password',
        },
      },
      'FORBIDDEN',
    );
    expect(message).toContain('set up already');
  });

  it('deactivating a person refuses their token at once, and reactivating lets them sign in again', async () => {
    const token = await login('observer@dammam.example', 'a brand new password');
    const { person } = await ok<{ person: { id: string } }>(adminToken, 'query { person: me { id } }');
    await refused(
      adminToken,
      'mutation($id: ID!) { setPersonActive(id: $id, active: false) { id } }',
      { id: person.id },
      'BAD_USER_INPUT',
    );
    const observer = (await dataSource.query(
      `SELECT id FROM person WHERE email = 'observer@dammam.example'`,
    )) as Array<{ id: string }>;
    const { setPersonActive } = await ok<{ setPersonActive: { active: boolean } }>(
      adminToken,
      'mutation($id: ID!) { setPersonActive(id: $id, active: false) { active } }',
      { id: observer[0].id },
    );
    expect(setPersonActive.active).toBe(false);
    await refused(token, '{ me { email } }', {}, 'UNAUTHENTICATED');
    await refused(
      null,
      LOGIN,
      { email: 'observer@dammam.example', password: 'a brand new password' },
      'UNAUTHENTICATED',
    );
    await ok(adminToken, 'mutation($id: ID!) { setPersonActive(id: $id, active: true) { active } }', {
      id: observer[0].id,
    });
    // The old session stays ended; a new sign-in works.
    await refused(token, '{ me { email } }', {}, 'UNAUTHENTICATED');
    await ok(await login('observer@dammam.example', 'a brand new password'), '{ me { email } }');
  });
});
