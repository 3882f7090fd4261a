import { MigrationInterface, QueryRunner } from 'typeorm';

/** A draft's working copy: the text autosave keeps without making a revision, one per proposal. */
export class ProposalWorkingCopy1796059613321 implements MigrationInterface {
  name = 'ProposalWorkingCopy1796059613321';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "proposal_working_copy" ("proposal_id" uuid NOT NULL, "title" jsonb NOT NULL, "summary" jsonb, "body" jsonb, "base_revision" integer NOT NULL, "saved_by_id" uuid NOT NULL, "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "proposal_working_copy_pkey" PRIMARY KEY ("proposal_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_working_copy" ADD CONSTRAINT "proposal_working_copy_proposal_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_working_copy" ADD CONSTRAINT "proposal_working_copy_saved_by_fkey" FOREIGN KEY ("saved_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "proposal_working_copy" DROP CONSTRAINT "proposal_working_copy_saved_by_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_working_copy" DROP CONSTRAINT "proposal_working_copy_proposal_fkey"`,
    );
    await queryRunner.query(`DROP TABLE "proposal_working_copy"`);
  }
}
