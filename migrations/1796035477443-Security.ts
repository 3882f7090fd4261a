import { MigrationInterface, QueryRunner } from 'typeorm';

export class Security1796035477443 implements MigrationInterface {
  name = 'Security1796035477443';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sign_in_attempt" ("key" text NOT NULL, "hits" integer NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "sign_in_attempt_pkey" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "sign_in_attempt_expires_idx" ON "sign_in_attempt" ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "revoked_session" ("jti" uuid NOT NULL, "person_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "revoked_session_pkey" PRIMARY KEY ("jti"))`,
    );
    await queryRunner.query(`CREATE INDEX "revoked_session_expires_idx" ON "revoked_session" ("expires_at") `);
    await queryRunner.query(
      `ALTER TABLE "revoked_session" ADD CONSTRAINT "revoked_session_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "revoked_session" DROP CONSTRAINT "revoked_session_person_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."revoked_session_expires_idx"`);
    await queryRunner.query(`DROP TABLE "revoked_session"`);
    await queryRunner.query(`DROP INDEX "public"."sign_in_attempt_expires_idx"`);
    await queryRunner.query(`DROP TABLE "sign_in_attempt"`);
  }
}
