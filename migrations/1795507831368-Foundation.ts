import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795507831368 implements MigrationInterface {
  name = 'Foundation1795507831368';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "partnership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" jsonb NOT NULL, "founded_year" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f1bf1be9f475497d8b396d4cc56" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "partnership_code_key" ON "partnership" ("code") `);
    await queryRunner.query(
      `CREATE TABLE "member_city" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "partnership_id" uuid NOT NULL, "code" text NOT NULL, "name" jsonb NOT NULL, "country_code" character(2) NOT NULL, "time_zone" text NOT NULL, "joined_year" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_05d1b47fc06ca4c331ab048f8ed" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "member_city_code_key" ON "member_city" ("code") `);
    await queryRunner.query(`CREATE TYPE "public"."locale" AS ENUM('ar', 'en')`);
    await queryRunner.query(
      `CREATE TYPE "public"."role" AS ENUM('ADMIN', 'SECRETARIAT', 'BOARD_MEMBER', 'DELEGATE', 'OBSERVER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "password_hash" text NOT NULL, "name" jsonb NOT NULL, "preferred_locale" "public"."locale" NOT NULL DEFAULT 'ar', "roles" "public"."role" array NOT NULL DEFAULT '{}', "member_city_id" uuid, "is_head_of_delegation" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "person_email_key" ON "person" ("email") `);
    await queryRunner.query(
      `CREATE TABLE "board_seat" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "partnership_id" uuid NOT NULL, "member_city_id" uuid NOT NULL, "holder_id" uuid NOT NULL, "is_chair" boolean NOT NULL DEFAULT false, "since" date NOT NULL, CONSTRAINT "PK_1269f7c25ecdec935eee315ee25" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "board_seat_city_key" ON "board_seat" ("partnership_id", "member_city_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "worker_heartbeat" ("worker_name" text NOT NULL, "host" text NOT NULL, "pid" integer NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_52b420190f56f5ceed25a8d3e74" PRIMARY KEY ("worker_name"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_city" ADD CONSTRAINT "member_city_partnership_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnership"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "person_member_city_fkey" FOREIGN KEY ("member_city_id") REFERENCES "member_city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "board_seat" ADD CONSTRAINT "board_seat_partnership_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnership"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "board_seat" ADD CONSTRAINT "board_seat_member_city_fkey" FOREIGN KEY ("member_city_id") REFERENCES "member_city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "board_seat" ADD CONSTRAINT "board_seat_holder_fkey" FOREIGN KEY ("holder_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "board_seat" DROP CONSTRAINT "board_seat_holder_fkey"`);
    await queryRunner.query(`ALTER TABLE "board_seat" DROP CONSTRAINT "board_seat_member_city_fkey"`);
    await queryRunner.query(`ALTER TABLE "board_seat" DROP CONSTRAINT "board_seat_partnership_fkey"`);
    await queryRunner.query(`ALTER TABLE "person" DROP CONSTRAINT "person_member_city_fkey"`);
    await queryRunner.query(`ALTER TABLE "member_city" DROP CONSTRAINT "member_city_partnership_fkey"`);
    await queryRunner.query(`DROP TABLE "worker_heartbeat"`);
    await queryRunner.query(`DROP INDEX "public"."board_seat_city_key"`);
    await queryRunner.query(`DROP TABLE "board_seat"`);
    await queryRunner.query(`DROP INDEX "public"."person_email_key"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP TYPE "public"."role"`);
    await queryRunner.query(`DROP TYPE "public"."locale"`);
    await queryRunner.query(`DROP INDEX "public"."member_city_code_key"`);
    await queryRunner.query(`DROP TABLE "member_city"`);
    await queryRunner.query(`DROP INDEX "public"."partnership_code_key"`);
    await queryRunner.query(`DROP TABLE "partnership"`);
  }
}
