import { MigrationInterface, QueryRunner } from 'typeorm';

export class Trajectory1795562100000 implements MigrationInterface {
  name = 'Trajectory1795562100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "recommendation_dismissals" (
                "user_id" uuid NOT NULL,
                "recommendation_id" character varying(300) NOT NULL,
                "dismissed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4be588cc94757510c557a6d94d5" PRIMARY KEY ("user_id", "recommendation_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "trajectory_rules" (
                "key" character varying(60) NOT NULL,
                "definition" jsonb NOT NULL,
                "source" character varying(8) NOT NULL,
                "updated_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "trajectory_rules_source_check" CHECK ("source" IN ('bundled', 'admin')),
                CONSTRAINT "PK_b25bb3621ac2b465036f539a659" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "recommendation_dismissals"
            ADD CONSTRAINT "recommendation_dismissals_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "recommendation_dismissals" DROP CONSTRAINT "recommendation_dismissals_user_id_fkey"
        `);
    await queryRunner.query(`
            DROP TABLE "trajectory_rules"
        `);
    await queryRunner.query(`
            DROP TABLE "recommendation_dismissals"
        `);
  }
}
