import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClientProfileAndPaths1796035148757 implements MigrationInterface {
  name = 'ClientProfileAndPaths1796035148757';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."digits" AS ENUM('arab', 'latn')`);
    await queryRunner.query(`ALTER TABLE "person" ADD "digits" "public"."digits"`);
    // Notifications written before this one lead where their e-mails' links now lead (eventPath).
    await queryRunner.query(`ALTER TABLE "notification" ADD "path" text`);
    await queryRunner.query(
      `UPDATE "notification" SET "path" = CASE "entity_type"
         WHEN 'ballot' THEN '/ballots/' || "entity_id"
         WHEN 'actionItem' THEN COALESCE(
           (SELECT '/implementation-plans/' || "plan_id" FROM "action_item" WHERE "action_item"."id" = "notification"."entity_id"),
           '/notifications')
         ELSE '/proposals/' || "entity_id" END`,
    );
    await queryRunner.query(`ALTER TABLE "notification" ALTER COLUMN "path" SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "path"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "digits"`);
    await queryRunner.query(`DROP TYPE "public"."digits"`);
  }
}
