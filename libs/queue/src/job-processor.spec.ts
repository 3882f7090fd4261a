import { assertEveryJobHandled } from './job-processor';

describe(assertEveryJobHandled.name, () => {
  const contract = { system: { heartbeat: true as const }, mail: { send: true as const, digest: true as const } };

  it('accepts a contract whose every job has a handler', () => {
    const processors = [
      { queue: 'system' as const, handledJobs: () => ['heartbeat'] },
      { queue: 'mail' as never, handledJobs: () => ['send', 'digest'] },
    ];
    expect(() => assertEveryJobHandled(contract, processors)).not.toThrow();
  });

  it('refuses to start when a job has no handler, naming it', () => {
    const processors = [
      { queue: 'system' as const, handledJobs: () => ['heartbeat'] },
      { queue: 'mail' as never, handledJobs: () => ['send'] },
    ];
    expect(() => assertEveryJobHandled(contract, processors)).toThrow(
      'no handler for job mail/digest: refusing to start',
    );
  });

  it('refuses to start when a queue has no processor at all', () => {
    expect(() => assertEveryJobHandled(contract, [])).toThrow(
      'no handler for job system/heartbeat, mail/send, mail/digest',
    );
  });
});
