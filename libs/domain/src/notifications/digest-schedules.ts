import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment, InjectEnvironment } from '@majlis/config';
import { JobProducer } from '@majlis/queue';

export const digestSchedulerId = (timeZone: string): string => `digest-${timeZone.replace(/[^A-Za-z0-9_+-]/g, '_')}`;

/**
 * One repeatable job per time zone in which someone takes a daily digest, firing at the digest hour
 * there. Created when the first digest item of a zone is recorded, and for every zone in use at start.
 */
@Injectable()
export class DigestSchedules {
  private readonly scheduled = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const rows: Array<{ time_zone: string }> = await this.dataSource.query(
      `SELECT DISTINCT COALESCE(person.time_zone, city.time_zone, 'UTC') AS time_zone
         FROM person LEFT JOIN member_city city ON city.id = person.member_city_id
        WHERE person.active AND (
              EXISTS (SELECT 1 FROM notification_preference p WHERE p.person_id = person.id AND p.mode = 'digest')
           OR EXISTS (SELECT 1 FROM notification_delivery d WHERE d.recipient_id = person.id AND d.status = 'digest'))`,
    );
    await this.ensure(rows.map((row) => row.time_zone));
  }
}
