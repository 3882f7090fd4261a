import { MigrationInterface, QueryRunner } from 'typeorm';

export class PeopleCitiesSeats1796039328782 implements MigrationInterface {
  name = 'PeopleCitiesSeats1796039328782';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."board_seat_city_key"`);
    await queryRunner.query(`CREATE TYPE "public"."account_link_purpose" AS ENUM('setup', 'invitation', 'reset')`);
    await queryRunner.query(
      `CREATE TABLE "account_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "purpose" "public"."account_link_purpose" NOT NULL, "person_id" uuid, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "account_link_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "account_link_person_idx" ON "account_link" ("person_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "account_link_token_hash_key" ON "account_link" ("token_hash") `);
    await queryRunner.query(`ALTER TABLE "person" ADD "password_set_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "person" ADD "sessions_revoked_before" TIMESTAMP WITH TIME ZONE`);
    // A seat's "since" becomes the first day of its term; people who exist already have set a password.
    await queryRunner.query(`ALTER TABLE "board_seat" RENAME COLUMN "since" TO "starts_on"`);
    await queryRunner.query(`UPDATE "person" SET "password_set_at" = "created_at"`);
    await queryRunner.query(`ALTER TABLE "board_seat" ADD "ends_on" date`);
    await queryRunner.query(`ALTER TABLE "person" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "board_seat_open_city_key" ON "board_seat" ("partnership_id", "member_city_id") WHERE "ends_on" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "account_link" ADD CONSTRAINT "account_link_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_link" DROP CONSTRAINT "account_link_person_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."board_seat_open_city_key"`);
    // Invited people without a password cannot sign in before either; an impossible hash keeps it so.
    await queryRunner.query(`UPDATE "person" SET "password_hash" = '!' WHERE "password_hash" IS NULL`);
    await queryRunner.query(`ALTER TABLE "person" ALTER COLUMN "password_hash" SET NOT NULL`);
    // Only one seat per city existed before terms: ended terms go.
    await queryRunner.query(`DELETE FROM "board_seat" WHERE "ends_on" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "board_seat" DROP COLUMN "ends_on"`);
    await queryRunner.query(`ALTER TABLE "board_seat" RENAME COLUMN "starts_on" TO "since"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "sessions_revoked_before"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "password_set_at"`);
    await queryRunner.query(`DROP INDEX "public"."account_link_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."account_link_person_idx"`);
    await queryRunner.query(`DROP TABLE "account_link"`);
    await queryRunner.query(`DROP TYPE "public"."account_link_purpose"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "board_seat_city_key" ON "board_seat" ("partnership_id", "member_city_id") `,
    );
  }
}
