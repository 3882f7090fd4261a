import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';
import { ALL_TOPICS } from './event.contract';

const ROOT = join(__dirname, '../../../..');
const CONTRACT = join(__dirname, 'event.contract.ts');
/** The TypeScript that runs in majlis (the web client, tests and test helpers are not it). */
const SOURCE_DIRS = ['libs', 'apps/api/src', 'apps/worker/src', 'apps/command/src', 'scripts', 'migrations'];
const TOPIC_SET: ReadonlySet<string> = new Set(ALL_TOPICS);

/** Every string literal of `source` that is a topic, as `file:line 'topic'`. */
function topicLiterals(source: string, file: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && TOPIC_SET.has(node.text)) {
      const { line } = tree.getLineAndCharacterOfPosition(node.getStart(tree));
      found.push(`${file}:${line + 1} '${node.text}'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

const isRunningCode = (path: string): boolean =>
  path.endsWith('.ts') &&
  !path.endsWith('.spec.ts') &&
  !path.endsWith('.d.ts') &&
  path !== CONTRACT &&
  !path.split(sep).some((part) => part === 'test' || part === 'testing' || part === 'node_modules' || part === 'dist');

function sourceFiles(): string[] {
  return SOURCE_DIRS.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .map((path) => join(ROOT, dir, path))
      .filter(isRunningCode),
  );
}

describe('topic names', () => {
  it('finds a topic written as a string literal, in quotes or backticks', () => {
    const source = [
      `const a = 'proposal.submitted';`,
      'const b = `ballot.closingSoon`;',
      `const c = 'proposal.submittedSoon' + \`ballot.\${'opened'}\`;`,
    ].join('\n');
    expect(topicLiterals(source, 'deliberate.ts')).toEqual([
      `deliberate.ts:1 'proposal.submitted'`,
      `deliberate.ts:2 'ballot.closingSoon'`,
    ]);
  });

  it('are written only in the event contract: code names them through TOPICS or transitionTopic', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => topicLiterals(readFileSync(file, 'utf8'), relative(ROOT, file)));
    expect(found).toEqual([]);
  });
});
