import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarFeed1796080456581 implements MigrationInterface {
  name = 'CalendarFeed1796080456581';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_feed" ("person_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "calendar_feed_pkey" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "calendar_feed_token_hash_key" ON "calendar_feed" ("token_hash") `);
    await queryRunner.query(
      `ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendar_feed" DROP CONSTRAINT "calendar_feed_person_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."calendar_feed_token_hash_key"`);
    await queryRunner.query(`DROP TABLE "calendar_feed"`);
  }
}
