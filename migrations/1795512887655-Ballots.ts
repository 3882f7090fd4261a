import { MigrationInterface, QueryRunner } from 'typeorm';

export class Ballots1795512887655 implements MigrationInterface {
  name = 'Ballots1795512887655';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."ballot_state" AS ENUM('pending', 'open', 'closed', 'cancelled')`);
    await queryRunner.query(`CREATE TYPE "public"."ballot_result" AS ENUM('passed', 'failed', 'noQuorum')`);
    await queryRunner.query(
      `CREATE TABLE "ballot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "state" "public"."ballot_state" NOT NULL DEFAULT 'pending', "rules" jsonb NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE, "opened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "result" "public"."ballot_result", "tally" jsonb, "decided_by_chair" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "opened_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_20adac0e902c60e62fcb6f4cf9c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ballot_proposal_idx" ON "ballot" ("proposal_id") `);
    await queryRunner.query(`CREATE TYPE "public"."vote_choice" AS ENUM('YES', 'NO', 'ABSTAIN')`);
    await queryRunner.query(
      `CREATE TABLE "vote" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ballot_id" uuid NOT NULL, "voter_id" uuid NOT NULL, "choice" "public"."vote_choice" NOT NULL, "cast_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2d5932d46afe39c8176f9d4be72" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "vote_ballot_voter_key" ON "vote" ("ballot_id", "voter_id") `);
    // vote_receipt uses the vote_choice type created with vote.
    await queryRunner.query(
      `CREATE TABLE "vote_receipt" ("voter_id" uuid NOT NULL, "idempotency_key" text NOT NULL, "ballot_id" uuid NOT NULL, "choice" "public"."vote_choice" NOT NULL, "cast_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_18dfc31ab188a75d0c9c2b5dd86" PRIMARY KEY ("voter_id", "idempotency_key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "conflict_declaration" ("proposal_id" uuid NOT NULL, "person_id" uuid NOT NULL, "reason" text NOT NULL, "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_45fef3206e0e08cf08202d60442" PRIMARY KEY ("proposal_id", "person_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ballot_voter" ("ballot_id" uuid NOT NULL, "person_id" uuid NOT NULL, "is_chair" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_a4b9515ac981c0b18b6ac6e0603" PRIMARY KEY ("ballot_id", "person_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "ballot" ADD CONSTRAINT "ballot_proposal_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vote" ADD CONSTRAINT "vote_ballot_fkey" FOREIGN KEY ("ballot_id") REFERENCES "ballot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vote" ADD CONSTRAINT "vote_voter_fkey" FOREIGN KEY ("voter_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conflict_declaration" ADD CONSTRAINT "conflict_declaration_proposal_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conflict_declaration" ADD CONSTRAINT "conflict_declaration_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ballot_voter" ADD CONSTRAINT "ballot_voter_ballot_fkey" FOREIGN KEY ("ballot_id") REFERENCES "ballot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ballot_voter" ADD CONSTRAINT "ballot_voter_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ballot_voter" DROP CONSTRAINT "ballot_voter_person_fkey"`);
    await queryRunner.query(`ALTER TABLE "ballot_voter" DROP CONSTRAINT "ballot_voter_ballot_fkey"`);
    await queryRunner.query(`ALTER TABLE "conflict_declaration" DROP CONSTRAINT "conflict_declaration_person_fkey"`);
    await queryRunner.query(`ALTER TABLE "conflict_declaration" DROP CONSTRAINT "conflict_declaration_proposal_fkey"`);
    await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_voter_fkey"`);
    await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_ballot_fkey"`);
    await queryRunner.query(`ALTER TABLE "ballot" DROP CONSTRAINT "ballot_proposal_fkey"`);
    await queryRunner.query(`DROP TABLE "ballot_voter"`);
    await queryRunner.query(`DROP TABLE "conflict_declaration"`);
    await queryRunner.query(`DROP TABLE "vote_receipt"`);
    await queryRunner.query(`DROP INDEX "public"."vote_ballot_voter_key"`);
    await queryRunner.query(`DROP TABLE "vote"`);
    // Shared by vote and vote_receipt, so dropped after both.
    await queryRunner.query(`DROP TYPE "public"."vote_choice"`);
    await queryRunner.query(`DROP INDEX "public"."ballot_proposal_idx"`);
    await queryRunner.query(`DROP TABLE "ballot"`);
    await queryRunner.query(`DROP TYPE "public"."ballot_result"`);
    await queryRunner.query(`DROP TYPE "public"."ballot_state"`);
  }
}
