import { MigrationInterface, QueryRunner } from 'typeorm';

export class Followup1795517491215 implements MigrationInterface {
  name = 'Followup1795517491215';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "implementation_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "ballot_id" uuid, "result" "public"."ballot_result", "title" jsonb NOT NULL, "programme" jsonb, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c80a3b79645f48b9b0f00390234" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "implementation_plan_proposal_key" ON "implementation_plan" ("proposal_id") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."action_item_kind" AS ENUM('MILESTONE', 'TASK')`);
    await queryRunner.query(
      `CREATE TYPE "public"."action_item_state" AS ENUM('planned', 'inProgress', 'blocked', 'done', 'verified', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "action_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "parent_id" uuid, "position" integer NOT NULL DEFAULT '0', "kind" "public"."action_item_kind" NOT NULL DEFAULT 'TASK', "title" jsonb NOT NULL, "description" jsonb, "owner_city_id" uuid NOT NULL, "assignee_id" uuid, "start_date" date NOT NULL, "due_date" date NOT NULL, "weight" integer, "progress" integer NOT NULL DEFAULT '0', "state" "public"."action_item_state" NOT NULL DEFAULT 'planned', "blocked_reason" text, "version" integer NOT NULL DEFAULT '1', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1214f6f4d832c402751617361c0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "action_item_owner_city_idx" ON "action_item" ("owner_city_id") `);
    await queryRunner.query(
      `CREATE INDEX "action_item_due_idx" ON "action_item" ("due_date") WHERE "state" IN ('planned', 'inProgress', 'blocked')`,
    );
    await queryRunner.query(
      `CREATE INDEX "action_item_plan_idx" ON "action_item" ("plan_id", "parent_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "progress_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action_item_id" uuid NOT NULL, "percent" integer NOT NULL, "previous_percent" integer NOT NULL, "note" text, "language" "public"."locale" NOT NULL, "reported_by_id" uuid NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_de44d4f311d5a0132f49f9f0820" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "progress_report_item_idx" ON "progress_report" ("action_item_id", "reported_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "implementation_plan" ADD CONSTRAINT "implementation_plan_proposal_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "implementation_plan" ADD CONSTRAINT "implementation_plan_ballot_fkey" FOREIGN KEY ("ballot_id") REFERENCES "ballot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_item" ADD CONSTRAINT "action_item_plan_fkey" FOREIGN KEY ("plan_id") REFERENCES "implementation_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_item" ADD CONSTRAINT "action_item_parent_fkey" FOREIGN KEY ("parent_id") REFERENCES "action_item"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_item" ADD CONSTRAINT "action_item_owner_city_fkey" FOREIGN KEY ("owner_city_id") REFERENCES "member_city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_item" ADD CONSTRAINT "action_item_assignee_fkey" FOREIGN KEY ("assignee_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_action_item_fkey" FOREIGN KEY ("action_item_id") REFERENCES "action_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_reported_by_fkey" FOREIGN KEY ("reported_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "progress_report" DROP CONSTRAINT "progress_report_reported_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "progress_report" DROP CONSTRAINT "progress_report_action_item_fkey"`);
    await queryRunner.query(`ALTER TABLE "action_item" DROP CONSTRAINT "action_item_assignee_fkey"`);
    await queryRunner.query(`ALTER TABLE "action_item" DROP CONSTRAINT "action_item_owner_city_fkey"`);
    await queryRunner.query(`ALTER TABLE "action_item" DROP CONSTRAINT "action_item_parent_fkey"`);
    await queryRunner.query(`ALTER TABLE "action_item" DROP CONSTRAINT "action_item_plan_fkey"`);
    await queryRunner.query(`ALTER TABLE "implementation_plan" DROP CONSTRAINT "implementation_plan_ballot_fkey"`);
    await queryRunner.query(`ALTER TABLE "implementation_plan" DROP CONSTRAINT "implementation_plan_proposal_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."progress_report_item_idx"`);
    await queryRunner.query(`DROP TABLE "progress_report"`);
    await queryRunner.query(`DROP INDEX "public"."action_item_plan_idx"`);
    await queryRunner.query(`DROP INDEX "public"."action_item_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."action_item_owner_city_idx"`);
    await queryRunner.query(`DROP TABLE "action_item"`);
    await queryRunner.query(`DROP TYPE "public"."action_item_state"`);
    await queryRunner.query(`DROP TYPE "public"."action_item_kind"`);
    await queryRunner.query(`DROP INDEX "public"."implementation_plan_proposal_key"`);
    await queryRunner.query(`DROP TABLE "implementation_plan"`);
  }
}
