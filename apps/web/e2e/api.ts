import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BOARD = ['dammam', 'houston', 'aberdeen', 'stavanger', 'calgary', 'perth', 'portharcourt'] as const;
export const DEMO_PASSWORD = 'majlis-demo';

type Variables = Record<string, unknown>;

/** The GraphQL API as set-up for a spec, signed in with a bearer token per person (tests only). */
export class Api {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly baseURL: string) {}

  async request<T>(query: string, variables: Variables = {}, token?: string): Promise<T> {
    const response = await fetch(`${this.baseURL}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors !== undefined || body.data === undefined) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  async as<T>(email: string, query: string, variables: Variables = {}): Promise<T> {
    let token = this.tokens.get(email);
    if (token === undefined) {
      const { login } = await this.request<{ login: { token: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: DEMO_PASSWORD },
      );
      token = login.token;
      this.tokens.set(email, token);
    }
    return this.request<T>(query, variables, token);
  }

  async setLanguage(email: string, locale: 'ar' | 'en'): Promise<void> {
    await this.as(email, 'mutation($l: Locale!) { updateMyProfile(input: { locale: $l }) { id } }', { l: locale });
  }

  /**
   * A strategic plan of Dammam's, in Arabic and English, taken through review, scheduled on the annual
   * meeting and put to the board by the secretariat.
   */
  async openBallot(options: { title: string; quorum?: number; secret?: boolean }): Promise<{
    proposalId: string;
    ballotId: string;
    titleAr: string;
    titleEn: string;
  }> {
    const titleAr = `خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء — ${options.title}`;
    const titleEn = `A strategic plan to widen cooperation between member cities — ${options.title}`;
    const { createProposal } = await this.as<{ createProposal: { id: string } }>(
      'delegate.dammam@demo.majlis',
      `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`,
      {
        input: {
          category: 'STRATEGIC_PLAN',
          title: { ar: titleAr, en: titleEn, authoritative: 'ar' },
          summary: {
            ar: 'تمنح الأمانة العامة للتجمع صلاحيات أوسع لمتابعة تنفيذ الخطط والبرامج التي يعتمدها مجلس الإدارة.',
            en: "Gives the partnership's general secretariat wider powers to follow up the plans and programmes the board approves.",
          },
          body: {
            ar: 'أولًا: برنامج التبادل التدريبي بين المدن الأعضاء.\nثانيًا: برنامج التبادل الأكاديمي.\nثالثًا: مكتب متابعة في الأمانة العامة.',
            en: 'First: a training exchange programme between member cities.\nSecond: an academic exchange programme.\nThird: a follow-up office in the general secretariat.',
          },
        },
      },
    );
    const proposalId = createProposal.id;
    let version = 1;
    const step = async (email: string, event: string) => {
      const { transitionProposal } = await this.as<{ transitionProposal: { version: number } }>(
        email,
        `mutation($id: ID!, $e: ProposalEvent!, $v: Int!) { transitionProposal(id: $id, event: $e, expectedVersion: $v) { version } }`,
        { id: proposalId, e: event, v: version },
      );
      version = transitionProposal.version;
    };
    await step('delegate.dammam@demo.majlis', 'SUBMIT');
    await step('secretariat@demo.majlis', 'START_REVIEW');
    await step('secretariat@demo.majlis', 'ACCEPT');
    const { meetings } = await this.as<{ meetings: { edges: { node: { id: string } }[] } }>(
      'secretariat@demo.majlis',
      '{ meetings(filter: { kind: ANNUAL, state: planned }) { edges { node { id } } } }',
    );
    const meetingId = meetings.edges[0]?.node.id;
    if (meetingId === undefined) throw new Error('the demo has no planned annual meeting');
    await this.as(
      'secretariat@demo.majlis',
      'mutation($p: ID!, $m: ID!) { scheduleProposal(proposalId: $p, meetingId: $m) { id } }',
      {
        p: proposalId,
        m: meetingId,
      },
    );
    const { openBallot } = await this.as<{ openBallot: { id: string } }>(
      'secretariat@demo.majlis',
      `mutation($p: ID!, $rules: BallotRulesInput!, $closesAt: DateTime) {
        openBallot(proposalId: $p, rules: $rules, closesAt: $closesAt) { id }
      }`,
      {
        p: proposalId,
        rules: { quorum: options.quorum ?? 0.4, majority: 'SIMPLE', secret: options.secret ?? false },
        closesAt: new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString(),
      },
    );
    return { proposalId, ballotId: openBallot.id, titleAr, titleEn };
  }

  async vote(city: (typeof BOARD)[number], ballotId: string, choice: 'YES' | 'NO' | 'ABSTAIN'): Promise<void> {
    await this.as(
      `board.${city}@demo.majlis`,
      'mutation($b: ID!, $c: VoteChoice!, $k: String!) { castVote(ballotId: $b, choice: $c, idempotencyKey: $k) { choice } }',
      { b: ballotId, c: choice, k: crypto.randomUUID() },
    );
  }

  async closeBallot(ballotId: string): Promise<void> {
    await this.as('secretariat@demo.majlis', 'mutation($b: ID!) { closeBallot(ballotId: $b) { state } }', {
      b: ballotId,
    });
  }
}

export interface Mail {
  file: string;
  to: string;
  subject: string;
  /** The language the e-mail is written in (its HTML part's lang). */
  language: string | undefined;
  /** The decoded text (quoted-printable undone), to find links in. */
  text: string;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, '');
  for (let index = 0; index < joined.length; index++) {
    const hex = joined.slice(index + 1, index + 3);
    if (joined[index] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else bytes.push(...Buffer.from(joined[index] ?? '', 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeHeader(value: string): string {
  // Adjacent encoded words are one run of bytes: a character may be split between two of them.
  const words = [...value.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)];
  if (words.length === 0) return value;
  return Buffer.concat(
    words.map(([, kind = 'b', data = '']) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64')
        : Buffer.from(decodeQuotedPrintable(data.replace(/_/g, ' ')), 'utf8'),
    ),
  ).toString('utf8');
}

/** The e-mails the embedded mode wrote as .eml files under <data>/mail, oldest first. */
export function readMails(dataDir: string): Mail[] {
  const folder = join(dataDir, 'mail');
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
  return names
    .map((name) => join(folder, name))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
    .map((file) => {
      const raw = readFileSync(file, 'utf8');
      const [head = ''] = raw.split(/\r?\n\r?\n/);
      const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
      const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1]?.trim();
      const base64Parts = [
        ...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/g),
      ].map((match) => Buffer.from((match[1] ?? '').replace(/\s/g, ''), 'base64').toString('utf8'));
      const text = [decodeQuotedPrintable(raw), ...base64Parts].join('\n');
      return {
        file,
        to: header('To') ?? '',
        subject: decodeHeader(header('Subject') ?? ''),
        language: /<html[^>]*\slang="([a-z-]+)"/i.exec(text)?.[1],
        text,
      };
    });
}
