// Prints every jest test's full title (describe chain > test title), one per line, sorted, no file paths:
// a refactoring that moves tests compares this list before and after (`comm -23 before.txt after.txt`
// shows what was lost). Titles are read from the source as written, so `describe.each` and template titles
// appear unexpanded and `describe(ProposalService.name)` appears as `ProposalService`.
// With --leaf, only each test's own title: a case moved under another describe (from a GraphQL test file
// to the spec beside its service) keeps its title, so `comm -23` over two --leaf lists shows only what
// was lost, not what moved.
// Usage: node scripts/test-titles.mjs [--leaf] [repository root] > titles.txt
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const args = process.argv.slice(2);
const leafOnly = args.includes('--leaf');
const root = args.find((arg) => !arg.startsWith('--')) ?? join(dirname(fileURLToPath(import.meta.url)), '..');
// Jest's testMatch (jest.config.js); the web client's specs are vitest's and Playwright's.
const SPEC_ROOTS = ['apps', 'libs', 'test'];
const IGNORED = new Set(['node_modules', 'dist']);
const WEB_CLIENT = join(root, 'apps', 'web');

function specFiles(folder) {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return IGNORED.has(entry.name) || path === WEB_CLIENT ? [] : specFiles(path);
    return entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const SUITES = new Set(['describe', 'fdescribe', 'xdescribe']);
const TESTS = new Set(['it', 'test', 'fit', 'xit', 'xtest']);

/** `describe`, `it.each(table)`, `describe.skip`, `it.concurrent.each`…: the base name, or null. */
function calleeBase(expression) {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return calleeBase(expression.expression);
  if (ts.isCallExpression(expression)) return calleeBase(expression.expression); // describe.each(table)(…)
  if (ts.isTaggedTemplateExpression(expression)) return calleeBase(expression.tag); // it.each`table`(…)
  return null;
}

/** A title as written: a string's text, `X.name` as X, any other expression as its source. */
function titleText(node, source) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'name') return node.expression.getText(source);
  return node.getText(source);
}

function titlesOf(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const titles = [];
  const visit = (node, chain) => {
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const base = calleeBase(node.expression);
      if (base !== null && (SUITES.has(base) || TESTS.has(base))) {
        const title = [...chain, titleText(node.arguments[0], source)];
        if (TESTS.has(base)) titles.push(leafOnly ? title[title.length - 1] : title.join(' > '));
        else node.arguments.slice(1).forEach((argument) => visit(argument, title));
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, chain));
  };
  visit(source, []);
  return titles;
}

const files = SPEC_ROOTS.flatMap((folder) => specFiles(join(root, folder)));
const titles = files.flatMap(titlesOf).map((title) => title.replace(/\s*\n\s*/g, ' '));
titles.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
process.stdout.write(titles.map((title) => `${title}\n`).join(''));
process.stderr.write(
  `test-titles: ${titles.length} tests in ${files.length} spec files under ${relative(process.cwd(), root) || '.'}\n`,
);
