import { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonFormOfAddress1796059729761 implements MigrationInterface {
  name = 'PersonFormOfAddress1796059729761';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."form_of_address" AS ENUM('EXCELLENCY', 'OFFICE')`);
    await queryRunner.query(`ALTER TABLE "person" ADD "form_of_address" "public"."form_of_address"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "form_of_address"`);
    await queryRunner.query(`DROP TYPE "public"."form_of_address"`);
  }
}
