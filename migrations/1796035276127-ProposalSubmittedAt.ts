import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a proposal was first submitted: a proposal never submitted stays its own city's, even withdrawn. */
export class ProposalSubmittedAt1796035276127 implements MigrationInterface {
  name = 'ProposalSubmittedAt1796035276127';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "proposal" ADD "submitted_at" TIMESTAMP WITH TIME ZONE`);
    // The first SUBMIT in the proposal's history; past states that need a submission without one: its creation.
    await queryRunner.query(
      `UPDATE "proposal" SET "submitted_at" = (
         SELECT min(t."created_at") FROM "workflow_transition" t
          WHERE t."entity_type" = 'proposal' AND t."entity_id" = "proposal"."id" AND t."event" = 'SUBMIT')`,
    );
    await queryRunner.query(
      `UPDATE "proposal" SET "submitted_at" = "created_at"
        WHERE "submitted_at" IS NULL AND "state" NOT IN ('draft', 'withdrawn')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "proposal" DROP COLUMN "submitted_at"`);
  }
}
