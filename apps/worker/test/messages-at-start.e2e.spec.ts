import { RESOURCES } from '@majlis/language';
import { testEnvironment } from '@majlis/testing';
import { createWorkerApplication } from '../src/worker.application';

describe('the worker at start-up', () => {
  it('refuses to start, before opening the database, when a message is missing in one language, naming it', async () => {
    const words = RESOURCES.ar.actions.castVote;
    delete RESOURCES.ar.actions.castVote;
    try {
      // No server listens on port 9: the check must come before any connection is tried.
      await expect(
        createWorkerApplication(testEnvironment(), 'postgres://postgres@127.0.0.1:9/nowhere'),
      ).rejects.toThrow('The message catalogue is not complete:\n- ar/actions.json has no "castVote", which en has');
    } finally {
      RESOURCES.ar.actions.castVote = words;
    }
  });
});
