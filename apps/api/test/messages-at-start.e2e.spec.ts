import { RESOURCES } from '@majlis/language';
import { testEnvironment } from '@majlis/testing';
import { createApiApplication } from '../src/api.application';
import { startApi } from './api-harness';

/** Runs `attempt` with the message `key` of the `actions` namespace taken out of `languages`, then puts it back. */
async function withoutAction(key: string, languages: Array<'ar' | 'en'>, attempt: () => Promise<unknown>) {
  const saved = languages.map((language) => [language, RESOURCES[language].actions[key]] as const);
  for (const language of languages) delete RESOURCES[language].actions[key];
  try {
    await attempt();
  } finally {
    for (const [language, words] of saved) RESOURCES[language].actions[key] = words;
  }
}

describe('the API at start-up', () => {
  it('refuses to start, before opening the database, when a message is missing in one language, naming it', async () => {
    // No server listens on port 9: the check must come before any connection is tried.
    const nowhere = 'postgres://postgres@127.0.0.1:9/nowhere';
    await withoutAction('castVote', ['en'], () =>
      expect(createApiApplication(testEnvironment(), nowhere)).rejects.toThrow(
        'The message catalogue is not complete:\n- en/actions.json has no "castVote", which ar has',
      ),
    );
  });

  it('refuses to start when an operation of the schema has no words for its refusals, naming it', async () => {
    await withoutAction('castVote', ['ar', 'en'], () =>
      expect(startApi({}, { seedDemo: false })).rejects.toThrow(
        'The message catalogue has no words for the operations castVote',
      ),
    );
  });

  it('starts when every message is there', async () => {
    const api = await startApi({}, { seedDemo: false });
    await api.close();
  });
});
