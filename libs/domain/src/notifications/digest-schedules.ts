import { Injectable } from '@nestjs/common';
import { Environment, InjectEnvironment } from '@majlis/config';
import { JobProducer } from '@majlis/queue';
import { NotificationPreferenceRepository } from './notification-preference.repository';

export const digestSchedulerId = (timeZone: string): string => `digest-${timeZone.replace(/[^A-Za-z0-9_+-]/g, '_')}`;

/**
 * One repeatable job per time zone in which someone takes a daily digest, firing at the digest hour
 * there. Created when the first digest item of a zone is recorded, and for every zone in use at start.
 */
@Injectable()
export class DigestSchedules {
  private readonly scheduled = new Set<string>();

  constructor(
    private readonly preferences: NotificationPreferenceRepository,
    @InjectEnvironment() private readonly environment: Environment,
    private readonly jobs: JobProducer,
  ) {}

  async ensure(timeZones: Iterable<string>): Promise<void> {
    for (const timeZone of timeZones) {
      if (this.scheduled.has(timeZone)) continue;
      await this.jobs
        .queue('notifications')
        .upsertJobScheduler(
          digestSchedulerId(timeZone),
          { pattern: `0 ${this.environment.digestHour} * * *`, tz: timeZone },
          { name: 'digest', data: { timeZone } },
        );
      this.scheduled.add(timeZone);
    }
  }

  /** The zones of everyone who takes a digest of something, or has items waiting for one. */
  async ensureAllInUse(): Promise<void> {
    await this.ensure(await this.preferences.digestTimeZones());
  }
}
