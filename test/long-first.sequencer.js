// @ts-check
const Sequencer = require('@jest/test-sequencer').default;

/**
 * The files that take minutes, longest first. Jest orders by the durations it remembers from earlier runs,
 * but a fresh clone (CI) remembers none and orders by file size, so one of these could start last and the
 * whole suite would end waiting for it alone. Started first, they run beside the many short files.
 */
const LONG = [
  'apps/api/test/notifications-failures.e2e.spec.ts',
  'apps/api/test/lifecycle.model.e2e.spec.ts',
  'apps/api/test/mutation-fuzz.e2e.spec.ts',
  'libs/persistence/src/embedded-database.spec.ts',
  'apps/worker/test/worker.e2e.spec.ts',
];

class LongFirst extends Sequencer {
  /** @param {import('@jest/test-result').Test[]} tests */
  sort(tests) {
    const rank = (/** @type {import('@jest/test-result').Test} */ test) => {
      const index = LONG.findIndex((path) => test.path.endsWith(path));
      return index === -1 ? LONG.length : index;
    };
    // Array.prototype.sort is stable: the rest keep jest's own order.
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = LongFirst;
