import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795515662249 implements MigrationInterface {
  name = 'Notifications1795515662249';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "recipient_id" uuid NOT NULL, "topic" text NOT NULL, "locale" "public"."locale" NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "entity_type" text NOT NULL, "entity_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_unread_idx" ON "notification" ("recipient_id") WHERE "read_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_inbox_idx" ON "notification" ("recipient_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notification_event_recipient_key" ON "notification" ("event_id", "recipient_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_endpoint" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_city_id" uuid, "url" text NOT NULL, "secret" text NOT NULL, "locale" "public"."locale" NOT NULL DEFAULT 'en', "active" boolean NOT NULL DEFAULT true, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6c98112122b2b8a4f3984d2efa8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."notification_mode" AS ENUM('off', 'immediate', 'digest')`);
    await queryRunner.query(
      `CREATE TABLE "notification_preference" ("person_id" uuid NOT NULL, "topic" text NOT NULL, "mode" "public"."notification_mode" NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e77e02e40013babd54575715f6b" PRIMARY KEY ("person_id", "topic"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."delivery_channel" AS ENUM('email', 'webhook')`);
    await queryRunner.query(
      `CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'digest', 'sent', 'failed', 'digested')`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dedupe_key" text NOT NULL, "event_id" uuid, "outbox_id" uuid NOT NULL, "topic" text NOT NULL, "channel" "public"."delivery_channel" NOT NULL, "recipient_id" uuid, "webhook_endpoint_id" uuid, "address" text NOT NULL, "locale" "public"."locale" NOT NULL, "content" jsonb NOT NULL, "status" "public"."delivery_status" NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "round" integer NOT NULL DEFAULT '1', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, "digest_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_109dea88c25343da49d86de6bfd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_delivery_failed_idx" ON "notification_delivery" ("failed_at", "id") WHERE "status" = 'failed'`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_delivery_digest_idx" ON "notification_delivery" ("recipient_id") WHERE "status" = 'digest'`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_delivery_pending_idx" ON "notification_delivery" ("outbox_id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notification_delivery_dedupe_key" ON "notification_delivery" ("dedupe_key") `,
    );
    await queryRunner.query(`ALTER TABLE "person" ADD "time_zone" text`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "dedupe_key" text`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "dispatched_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "completed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "outbox_message_dedupe_key" ON "outbox_message" ("dedupe_key") WHERE "dedupe_key" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_message_incomplete_idx" ON "outbox_message" ("relayed_at") WHERE "relayed_at" IS NOT NULL AND "completed_at" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_recipient_fkey" FOREIGN KEY ("recipient_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "webhook_endpoint_member_city_fkey" FOREIGN KEY ("member_city_id") REFERENCES "member_city"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_delivery" ADD CONSTRAINT "notification_delivery_recipient_fkey" FOREIGN KEY ("recipient_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_delivery" ADD CONSTRAINT "notification_delivery_webhook_fkey" FOREIGN KEY ("webhook_endpoint_id") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Messages written before the relay existed were acted on directly (a ballot's deadline job) and are
    // old news: they are marked done rather than announced now.
    await queryRunner.query(
      `UPDATE "outbox_message" SET "relayed_at" = now(), "dispatched_at" = now(), "completed_at" = now() WHERE "relayed_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_delivery" DROP CONSTRAINT "notification_delivery_webhook_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "notification_delivery" DROP CONSTRAINT "notification_delivery_recipient_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preference" DROP CONSTRAINT "notification_preference_person_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "webhook_endpoint" DROP CONSTRAINT "webhook_endpoint_member_city_fkey"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_recipient_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_message_incomplete_idx"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_message_dedupe_key"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "completed_at"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "dispatched_at"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "dedupe_key"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "time_zone"`);
    await queryRunner.query(`DROP INDEX "public"."notification_delivery_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."notification_delivery_pending_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_delivery_digest_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_delivery_failed_idx"`);
    await queryRunner.query(`DROP TABLE "notification_delivery"`);
    await queryRunner.query(`DROP TYPE "public"."delivery_status"`);
    await queryRunner.query(`DROP TYPE "public"."delivery_channel"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP TYPE "public"."notification_mode"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoint"`);
    await queryRunner.query(`DROP INDEX "public"."notification_event_recipient_key"`);
    await queryRunner.query(`DROP INDEX "public"."notification_inbox_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_unread_idx"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
