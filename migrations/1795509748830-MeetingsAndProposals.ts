import { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingsAndProposals1795509748830 implements MigrationInterface {
  name = 'MeetingsAndProposals1795509748830';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."meeting_kind" AS ENUM('ANNUAL', 'BOARD', 'EXTRAORDINARY')`);
    await queryRunner.query(
      `CREATE TYPE "public"."meeting_state" AS ENUM('planned', 'agendaPublished', 'inSession', 'adjourned', 'closed', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."meeting_kind" NOT NULL, "title" jsonb NOT NULL, "host_city_id" uuid NOT NULL, "venue" jsonb, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "time_zone" text NOT NULL, "state" "public"."meeting_state" NOT NULL DEFAULT 'planned', "version" integer NOT NULL DEFAULT '1', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_time_check" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "meeting_starts_at_idx" ON "meeting" ("starts_at", "id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."proposal_category" AS ENUM('STRATEGIC_PLAN', 'PROGRAMME', 'GOVERNANCE', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."proposal_state" AS ENUM('draft', 'submitted', 'inReview', 'changesRequested', 'readyForBoard', 'scheduled', 'voting', 'approved', 'rejected', 'deferred', 'withdrawn')`,
    );
    await queryRunner.query(
      `CREATE TABLE "proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_city_id" uuid NOT NULL, "category" "public"."proposal_category" NOT NULL, "parent_id" uuid, "meeting_id" uuid, "state" "public"."proposal_state" NOT NULL DEFAULT 'draft', "version" integer NOT NULL DEFAULT '1', "title" jsonb NOT NULL, "summary" jsonb, "search_text" text NOT NULL, "revision_count" integer NOT NULL DEFAULT '0', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ca872ecfe4fef5720d2d39e4275" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "proposal_parent_idx" ON "proposal" ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "proposal_meeting_idx" ON "proposal" ("meeting_id") `);
    await queryRunner.query(`CREATE INDEX "proposal_owner_city_idx" ON "proposal" ("owner_city_id") `);
    await queryRunner.query(`CREATE INDEX "proposal_listing_idx" ON "proposal" ("created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "proposal_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "number" integer NOT NULL, "title" jsonb NOT NULL, "summary" jsonb, "body" jsonb, "author_id" uuid NOT NULL, "frozen_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e371e30b05eacfd7703f99f7324" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "proposal_revision_number_key" ON "proposal_revision" ("proposal_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "review_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "revision_id" uuid, "parent_id" uuid, "author_id" uuid NOT NULL, "body" jsonb NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_81a77699383553c51a2d444a8a9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "review_comment_proposal_idx" ON "review_comment" ("proposal_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "coordinating_office" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_city_id" uuid NOT NULL, "name" jsonb NOT NULL, CONSTRAINT "PK_6063202a77dce74f5af3ca656a1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "coordinating_office_city_key" ON "coordinating_office" ("member_city_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."stakeholder_kind" AS ENUM('COMPANY', 'GOVERNMENT', 'CHAMBER_OF_COMMERCE', 'ACADEMIC', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "stakeholder" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "office_id" uuid NOT NULL, "name" jsonb NOT NULL, "kind" "public"."stakeholder_kind" NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_789fe9f27e810783e0adbc0bf71" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "stakeholder_office_idx" ON "stakeholder" ("office_id") `);
    await queryRunner.query(
      `CREATE TABLE "delegation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "member_city_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a2cb6c9b942d68b109131beab44" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "delegation_meeting_city_key" ON "delegation" ("meeting_id", "member_city_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "delegation_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delegation_id" uuid NOT NULL, "person_id" uuid, "name" jsonb NOT NULL, "position" jsonb, "is_head" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e6b1f807b212036ec98e71eb1dc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "delegation_member_head_key" ON "delegation_member" ("delegation_id") WHERE "is_head"`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."agenda_item_kind" AS ENUM('SECTION', 'PRESENTATION', 'DISCUSSION', 'DECISION', 'PROGRAMME')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."agenda_presenter" AS ENUM('DELEGATION', 'SECRETARIAT')`);
    await queryRunner.query(
      `CREATE TABLE "agenda_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "parent_id" uuid, "position" integer NOT NULL, "kind" "public"."agenda_item_kind" NOT NULL, "title" jsonb NOT NULL, "description" jsonb, "planned_minutes" integer, "presenter" "public"."agenda_presenter", "presenter_delegation_id" uuid, "proposal_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "agenda_item_planned_minutes_check" CHECK ("planned_minutes" BETWEEN 1 AND 1440), CONSTRAINT "agenda_item_position_check" CHECK ("position" >= 0), CONSTRAINT "PK_413623e61232799619c2e0a1d42" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "agenda_item_meeting_idx" ON "agenda_item" ("meeting_id") `);
    // Siblings hold distinct positions; top-level items (no parent) count as siblings under their meeting.
    // Kept by hand: TypeORM cannot express an index over an expression (the entity marks it synchronize: false).
    await queryRunner.query(
      `CREATE UNIQUE INDEX "agenda_item_position_key" ON "agenda_item" ("meeting_id", COALESCE("parent_id", "meeting_id"), "position")`,
    );
    await queryRunner.query(
      `CREATE TABLE "proposal_cosponsor" ("proposal_id" uuid NOT NULL, "member_city_id" uuid NOT NULL, CONSTRAINT "PK_302965178898db66ffd25c811c1" PRIMARY KEY ("proposal_id", "member_city_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0c533ae3c7aa37edf8c93b3140" ON "proposal_cosponsor" ("proposal_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_46ff7875c5a09ed33ae5099e60" ON "proposal_cosponsor" ("member_city_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting" ADD CONSTRAINT "meeting_host_city_fkey" FOREIGN KEY ("host_city_id") REFERENCES "member_city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting" ADD CONSTRAINT "meeting_created_by_fkey" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal" ADD CONSTRAINT "proposal_owner_city_fkey" FOREIGN KEY ("owner_city_id") REFERENCES "member_city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal" ADD CONSTRAINT "proposal_parent_fkey" FOREIGN KEY ("parent_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal" ADD CONSTRAINT "proposal_meeting_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal" ADD CONSTRAINT "proposal_created_by_fkey" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_revision" ADD CONSTRAINT "proposal_revision_proposal_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_revision" ADD CONSTRAINT "proposal_revision_author_fkey" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_comment" ADD CONSTRAINT "review_comment_proposal_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_comment" ADD CONSTRAINT "review_comment_revision_fkey" FOREIGN KEY ("revision_id") REFERENCES "proposal_revision"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_comment" ADD CONSTRAINT "review_comment_parent_fkey" FOREIGN KEY ("parent_id") REFERENCES "review_comment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_comment" ADD CONSTRAINT "review_comment_author_fkey" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_comment" ADD CONSTRAINT "review_comment_resolved_by_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "coordinating_office" ADD CONSTRAINT "coordinating_office_member_city_fkey" FOREIGN KEY ("member_city_id") REFERENCES "member_city"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stakeholder" ADD CONSTRAINT "stakeholder_office_fkey" FOREIGN KEY ("office_id") REFERENCES "coordinating_office"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegation" ADD CONSTRAINT "delegation_meeting_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegation" ADD CONSTRAINT "delegation_member_city_fkey" FOREIGN KEY ("member_city_id") REFERENCES "member_city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegation_member" ADD CONSTRAINT "delegation_member_delegation_fkey" FOREIGN KEY ("delegation_id") REFERENCES "delegation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegation_member" ADD CONSTRAINT "delegation_member_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_meeting_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_parent_fkey" FOREIGN KEY ("parent_id") REFERENCES "agenda_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_presenter_delegation_fkey" FOREIGN KEY ("presenter_delegation_id") REFERENCES "delegation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_proposal_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_cosponsor" ADD CONSTRAINT "proposal_cosponsor_proposal_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_cosponsor" ADD CONSTRAINT "proposal_cosponsor_member_city_fkey" FOREIGN KEY ("member_city_id") REFERENCES "member_city"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "proposal_cosponsor" DROP CONSTRAINT "proposal_cosponsor_member_city_fkey"`);
    await queryRunner.query(`ALTER TABLE "proposal_cosponsor" DROP CONSTRAINT "proposal_cosponsor_proposal_fkey"`);
    await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "agenda_item_proposal_fkey"`);
    await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "agenda_item_presenter_delegation_fkey"`);
    await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "agenda_item_parent_fkey"`);
    await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "agenda_item_meeting_fkey"`);
    await queryRunner.query(`ALTER TABLE "delegation_member" DROP CONSTRAINT "delegation_member_person_fkey"`);
    await queryRunner.query(`ALTER TABLE "delegation_member" DROP CONSTRAINT "delegation_member_delegation_fkey"`);
    await queryRunner.query(`ALTER TABLE "delegation" DROP CONSTRAINT "delegation_member_city_fkey"`);
    await queryRunner.query(`ALTER TABLE "delegation" DROP CONSTRAINT "delegation_meeting_fkey"`);
    await queryRunner.query(`ALTER TABLE "stakeholder" DROP CONSTRAINT "stakeholder_office_fkey"`);
    await queryRunner.query(`ALTER TABLE "coordinating_office" DROP CONSTRAINT "coordinating_office_member_city_fkey"`);
    await queryRunner.query(`ALTER TABLE "review_comment" DROP CONSTRAINT "review_comment_resolved_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "review_comment" DROP CONSTRAINT "review_comment_author_fkey"`);
    await queryRunner.query(`ALTER TABLE "review_comment" DROP CONSTRAINT "review_comment_parent_fkey"`);
    await queryRunner.query(`ALTER TABLE "review_comment" DROP CONSTRAINT "review_comment_revision_fkey"`);
    await queryRunner.query(`ALTER TABLE "review_comment" DROP CONSTRAINT "review_comment_proposal_fkey"`);
    await queryRunner.query(`ALTER TABLE "proposal_revision" DROP CONSTRAINT "proposal_revision_author_fkey"`);
    await queryRunner.query(`ALTER TABLE "proposal_revision" DROP CONSTRAINT "proposal_revision_proposal_fkey"`);
    await queryRunner.query(`ALTER TABLE "proposal" DROP CONSTRAINT "proposal_created_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "proposal" DROP CONSTRAINT "proposal_meeting_fkey"`);
    await queryRunner.query(`ALTER TABLE "proposal" DROP CONSTRAINT "proposal_parent_fkey"`);
    await queryRunner.query(`ALTER TABLE "proposal" DROP CONSTRAINT "proposal_owner_city_fkey"`);
    await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "meeting_created_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "meeting_host_city_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_46ff7875c5a09ed33ae5099e60"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0c533ae3c7aa37edf8c93b3140"`);
    await queryRunner.query(`DROP TABLE "proposal_cosponsor"`);
    await queryRunner.query(`DROP INDEX "public"."agenda_item_position_key"`);
    await queryRunner.query(`DROP INDEX "public"."agenda_item_meeting_idx"`);
    await queryRunner.query(`DROP TABLE "agenda_item"`);
    await queryRunner.query(`DROP TYPE "public"."agenda_presenter"`);
    await queryRunner.query(`DROP TYPE "public"."agenda_item_kind"`);
    await queryRunner.query(`DROP INDEX "public"."delegation_member_head_key"`);
    await queryRunner.query(`DROP TABLE "delegation_member"`);
    await queryRunner.query(`DROP INDEX "public"."delegation_meeting_city_key"`);
    await queryRunner.query(`DROP TABLE "delegation"`);
    await queryRunner.query(`DROP INDEX "public"."stakeholder_office_idx"`);
    await queryRunner.query(`DROP TABLE "stakeholder"`);
    await queryRunner.query(`DROP TYPE "public"."stakeholder_kind"`);
    await queryRunner.query(`DROP INDEX "public"."coordinating_office_city_key"`);
    await queryRunner.query(`DROP TABLE "coordinating_office"`);
    await queryRunner.query(`DROP INDEX "public"."review_comment_proposal_idx"`);
    await queryRunner.query(`DROP TABLE "review_comment"`);
    await queryRunner.query(`DROP INDEX "public"."proposal_revision_number_key"`);
    await queryRunner.query(`DROP TABLE "proposal_revision"`);
    await queryRunner.query(`DROP INDEX "public"."proposal_listing_idx"`);
    await queryRunner.query(`DROP INDEX "public"."proposal_owner_city_idx"`);
    await queryRunner.query(`DROP INDEX "public"."proposal_meeting_idx"`);
    await queryRunner.query(`DROP INDEX "public"."proposal_parent_idx"`);
    await queryRunner.query(`DROP TABLE "proposal"`);
    await queryRunner.query(`DROP TYPE "public"."proposal_state"`);
    await queryRunner.query(`DROP TYPE "public"."proposal_category"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_starts_at_idx"`);
    await queryRunner.query(`DROP TABLE "meeting"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_state"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_kind"`);
  }
}
