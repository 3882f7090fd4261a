import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationTranslation1796099192440 implements MigrationInterface {
  name = 'NotificationTranslation1796099192440';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "translation" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "translation"`);
  }
}
