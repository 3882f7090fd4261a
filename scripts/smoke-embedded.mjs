// The embedded default as a person meets it: `npm start` on an empty data folder, GraphQL and /health,
// the web client at / and at a notification's link, a clean stop, a second start on the same data, and bad configuration refused with one line.
// Prints `smoke: N passed, N failed` and exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? '  ✓' : '  ✗'} ${name}${ok || detail === '' ? '' : `: ${detail}`}`);
};

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function run(command, args, env) {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (output.stdout += chunk));
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output, exited };
}

const within = (promise, ms) =>
  Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve('timeout'), ms))]);

async function waitForHealth(url, process, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null) return undefined;
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return response.json();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return undefined;
}

async function graphql(url, query, variables, token) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const ME = '{ me { email roles memberCity { code } } }';
const MEETING = `{ meetings(filter: { kind: ANNUAL }) { edges { node {
  calendarUrl hostCity { code }
  agenda { title(locale: ar) { text } children { proposal { revisions { number } } } }
} } } }`;
const cleanEnv = { DATABASE_URL: '', REDIS_URL: '', JWT_SECRET: '', LOG_LEVEL: 'warn' };

async function start(dataDir, port, label) {
  const api = run('npm', ['start'], { ...cleanEnv, MAJLIS_DATA_DIR: dataDir, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  const health = await waitForHealth(url, api, 180_000);
  check(
    `${label}: /health reports the database and the queue up`,
    health?.status === 'ok',
    JSON.stringify(health) + api.output.stderr.slice(-2000),
  );
  return { api, url };
}

async function stop(api, label) {
  process.kill(-api.child.pid, 'SIGINT');
  const exited = await within(api.exited, 20_000);
  check(`${label}: stops cleanly on Ctrl+C`, exited !== 'timeout', 'still running after 20 s');
  if (exited === 'timeout') process.kill(-api.child.pid, 'SIGKILL');
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'majlis-smoke-'));
  try {
    for (const [variable, value] of [
      ['PORT', 'abc'],
      ['DATABASE_URL', 'nonsense'],
    ]) {
      const bad = run('node', ['dist/apps/api/apps/api/src/main.js'], {
        ...cleanEnv,
        MAJLIS_DATA_DIR: dataDir,
        [variable]: value,
      });
      const exited = await within(bad.exited, 10_000);
      const lines = bad.output.stderr.trim().split('\n');
      check(
        `${variable}=${value} exits at once with one clear line`,
        exited !== 'timeout' && exited.code === 1 && lines.length === 1 && lines[0].includes(variable),
        JSON.stringify({ exited, stderr: bad.output.stderr }),
      );
      if (exited === 'timeout') process.kill(-bad.child.pid, 'SIGKILL');
    }

    const port = await freePort();
    const first = await start(dataDir, port, 'first start');
    check('first start: loads the demo partnership', first.api.output.stdout.includes('Loaded the demo partnership'));
    check(
      'first start: prints the URL and the demo accounts',
      first.api.output.stdout.includes(`http://localhost:${port}`) &&
        first.api.output.stdout.includes('board.portharcourt@demo.majlis'),
    );
    const login = await graphql(first.url, LOGIN, { e: 'delegate.dammam@demo.majlis', p: 'majlis-demo' });
    const token = login.data?.login?.token;
    check('first start: login returns a token', typeof token === 'string', JSON.stringify(login));
    const me = await graphql(first.url, ME, {}, token);
    check(
      'first start: me returns the person with city and roles',
      me.data?.me?.memberCity?.code === 'dammam' && me.data.me.roles[0] === 'DELEGATE',
      JSON.stringify(me),
    );
    const meetings = await graphql(first.url, MEETING, {}, token);
    const annual = meetings.data?.meetings?.edges?.[0]?.node;
    check(
      'first start: the annual meeting in Houston has its agenda in Arabic',
      annual?.hostCity?.code === 'houston' &&
        annual.agenda.length === 4 &&
        annual.agenda[0].title.text === 'تطوير أعمال التجمع' &&
        annual.agenda[0].children[0].proposal?.revisions?.length === 2,
      JSON.stringify(meetings),
    );
    const calendar = annual
      ? await fetch(`${first.url}${annual.calendarUrl}?lang=ar`, {
          headers: { authorization: `Bearer ${token}` },
        })
      : undefined;
    const ics = calendar ? await calendar.text() : '';
    check(
      "first start: the meeting's calendar file downloads",
      calendar?.status === 200 && ics.startsWith('BEGIN:VCALENDAR') && ics.includes('SUMMARY;LANGUAGE=ar:'),
      `${calendar?.status} ${ics.slice(0, 200)}`,
    );
    const created = await graphql(
      first.url,
      `
        mutation {
          createProposal(
            input: { category: PROGRAMME, title: { ar: "برنامج التدريب المشترك", en: "Joint training programme" } }
          ) {
            id
          }
        }
      `,
      {},
      token,
    );
    const submitted = await graphql(
      first.url,
      `
        mutation ($id: ID!) {
          transitionProposal(id: $id, event: SUBMIT, expectedVersion: 1) {
            state
          }
        }
      `,
      { id: created.data?.createProposal?.id },
      token,
    );
    const secretariat = (await graphql(first.url, LOGIN, { e: 'secretariat@demo.majlis', p: 'majlis-demo' })).data
      ?.login?.token;
    let inbox;
    for (let waited = 0; waited < 20_000; waited += 250) {
      inbox = await graphql(
        first.url,
        `
          {
            notifications(first: 5) {
              edges {
                node {
                  topic
                  title
                }
              }
            }
          }
        `,
        {},
        secretariat,
      );
      if (inbox.data?.notifications?.edges?.some((edge) => edge.node.topic === 'proposal.submitted')) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    check(
      "first start: a submission reaches the secretariat's inbox through the outbox and the queue",
      submitted.data?.transitionProposal?.state === 'submitted' &&
        inbox?.data?.notifications?.edges?.some(
          (edge) => edge.node.topic === 'proposal.submitted' && edge.node.title.includes('Joint training programme'),
        ),
      JSON.stringify({ submitted, inbox }),
    );
    let mails = [];
    for (let waited = 0; waited < 20_000 && mails.length === 0; waited += 250) {
      mails = existsSync(join(dataDir, 'mail')) ? readdirSync(join(dataDir, 'mail')) : [];
      if (mails.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const mail = mails.length > 0 ? readFileSync(join(dataDir, 'mail', mails[0]), 'utf8') : '';
    check(
      'first start: without SMTP_URL the e-mail is written under the data folder',
      mails.length === 1 &&
        mail.includes('To: secretariat@demo.majlis') &&
        mail.includes('X-Majlis-Event: proposal.submitted'),
      JSON.stringify(mails),
    );
    const instance = await graphql(first.url, '{ instance { demo demoPassword demoAccounts { email } } }', {});
    check(
      'first start: instance tells anyone it is the demo, with its accounts and password',
      instance.data?.instance?.demo === true &&
        instance.data.instance.demoPassword === 'majlis-demo' &&
        instance.data.instance.demoAccounts.some((account) => account.email === 'delegate.dammam@demo.majlis'),
      JSON.stringify(instance),
    );
    const page = async (path) => {
      const response = await fetch(`${first.url}${path}`, { headers: { accept: 'text/html' } });
      return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
    };
    const home = await page('/');
    const proposalPage = await page(`/proposals/${created.data?.createProposal?.id}`);
    const isClient = (answer) =>
      answer.status === 200 &&
      answer.type.startsWith('text/html') &&
      answer.body.includes('<div id="root">') &&
      answer.body.includes('/assets/');
    check('first start: / answers the web client', isClient(home), JSON.stringify(home).slice(0, 300));
    check(
      "first start: a notification's link (/proposals/<id>) answers the web client",
      isClient(proposalPage) && proposalPage.body === home.body,
      JSON.stringify(proposalPage).slice(0, 300),
    );
    const refused = await graphql(first.url, ME, {});
    check(
      'first start: no token gives UNAUTHENTICATED',
      refused.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED',
      JSON.stringify(refused),
    );
    await stop(first.api, 'first start');

    const second = await start(dataDir, port, 'second start');
    check(
      'second start: reuses the data (no new demo load)',
      !second.api.output.stdout.includes('Loaded the demo partnership'),
      second.api.output.stdout,
    );
    const again = await graphql(second.url, ME, {}, token);
    check(
      'second start: the first session is still valid',
      again.data?.me?.email === 'delegate.dammam@demo.majlis',
      JSON.stringify(again),
    );
    await stop(second.api, 'second start');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed;
  console.log(`smoke: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  console.log(`smoke: ${results.filter(Boolean).length} passed, ${results.filter((ok) => !ok).length + 1} failed`);
  process.exit(1);
});
