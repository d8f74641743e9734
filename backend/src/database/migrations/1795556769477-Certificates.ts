import { MigrationInterface, QueryRunner } from 'typeorm';

export class Certificates1795556769477 implements MigrationInterface {
  name = 'Certificates1795556769477';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-written: numbers, status-list positions and salts come from the database, so every
    // writer (a passed final, a batch, a re-issue, a test fixture) gets them the same way.
    await queryRunner.query(`CREATE SEQUENCE "certificate_number_seq"`);
    await queryRunner.query(`CREATE SEQUENCE "certificate_status_index_seq" MINVALUE 0 START 0`);
    await queryRunner.query(`
            CREATE FUNCTION certificate_next_number() RETURNS varchar LANGUAGE sql AS $$
              SELECT 'QDM-' || to_char(now() AT TIME ZONE 'Asia/Almaty', 'YYYY') || '-'
                     || lpad(nextval('certificate_number_seq')::text, 7, '0')
            $$
        `);
    await queryRunner.query(`
            CREATE FUNCTION certificate_next_status_index() RETURNS integer LANGUAGE sql AS $$
              SELECT nextval('certificate_status_index_seq')::integer
            $$
        `);
    await queryRunner.query(`
            CREATE FUNCTION certificate_new_salt() RETURNS varchar LANGUAGE sql AS $$
              SELECT replace(gen_random_uuid()::text, '-', '')
            $$
        `);
    await queryRunner.query(
      `ALTER TABLE "certificates" DROP CONSTRAINT "certificates_status_check"`,
    );
    await queryRunner.query(`
            ALTER TABLE "certificates" ADD CONSTRAINT "certificates_status_check"
            CHECK ("status" IN ('pending', 'issued', 'revoked', 'failed'))
        `);
    await queryRunner.query(`
            CREATE TABLE "certificate_batches" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "requested_by" uuid NOT NULL,
                "languages" text array NOT NULL DEFAULT '{kk,ru}',
                "requested" text array,
                "not_eligible" jsonb NOT NULL DEFAULT '[]',
                "total" integer NOT NULL,
                "skipped" integer NOT NULL DEFAULT '0',
                "fingerprint" character varying(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9358f0ebfa17fe9e85bae1822d3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "certificate_documents" (
                "certificate_id" uuid NOT NULL,
                "pdf" bytea NOT NULL,
                "credential" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a63381c5346891b502b4c9f1767" PRIMARY KEY ("certificate_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "outbox"
            ADD "processed_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "number" character varying(20) NOT NULL DEFAULT certificate_next_number()
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "status_index" integer NOT NULL DEFAULT certificate_next_status_index()
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "source" character varying(10) NOT NULL DEFAULT 'assessment'
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "languages" text array NOT NULL DEFAULT '{kk,ru}'
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "enrollment_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "attempt_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "batch_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "replaces_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "generation" smallint NOT NULL DEFAULT '1'
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "holder_salt" character varying(32) NOT NULL DEFAULT certificate_new_salt()
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "holder_name" text
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "course_title" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "hours" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "competencies" text array
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "revoked_by" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "error" text
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "failed_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            CREATE INDEX "outbox_in_flight_idx" ON "outbox" ("dispatched_at")
            WHERE "dispatched_at" IS NOT NULL
                AND "processed_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "certificates_unsettled_idx" ON "certificates" ("status", "created_at")
            WHERE "status" IN ('pending', 'failed')
        `);
    await queryRunner.query(`
            CREATE INDEX "certificates_batch_idx" ON "certificates" ("batch_id")
            WHERE "batch_id" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "certificates_status_index_key" ON "certificates" ("status_index")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "certificates_number_key" ON "certificates" ("number")
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "certificates_source_check" CHECK ("source" IN ('assessment', 'batch', 'reissue'))
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_batches"
            ADD CONSTRAINT "certificate_batches_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_batches"
            ADD CONSTRAINT "certificate_batches_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "certificates_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "certificate_batches"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_documents"
            ADD CONSTRAINT "certificate_documents_certificate_id_fkey" FOREIGN KEY ("certificate_id") REFERENCES "certificates"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "certificate_documents" DROP CONSTRAINT "certificate_documents_certificate_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "certificates_batch_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_batches" DROP CONSTRAINT "certificate_batches_requested_by_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_batches" DROP CONSTRAINT "certificate_batches_course_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "certificates_source_check"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."certificates_number_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."certificates_status_index_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."certificates_batch_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."certificates_unsettled_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."outbox_in_flight_idx"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "failed_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "error"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "revoked_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "competencies"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "hours"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "course_title"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "holder_name"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "holder_salt"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "generation"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "replaces_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "batch_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "attempt_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "enrollment_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "languages"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "source"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "status_index"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "number"
        `);
    await queryRunner.query(`
            ALTER TABLE "outbox" DROP COLUMN "processed_at"
        `);
    await queryRunner.query(`
            DROP TABLE "certificate_documents"
        `);
    await queryRunner.query(`
            DROP TABLE "certificate_batches"
        `);
    await queryRunner.query(
      `ALTER TABLE "certificates" DROP CONSTRAINT "certificates_status_check"`,
    );
    await queryRunner.query(`
            ALTER TABLE "certificates" ADD CONSTRAINT "certificates_status_check"
            CHECK ("status" IN ('pending', 'issued', 'revoked'))
        `);
    await queryRunner.query(`DROP FUNCTION certificate_new_salt()`);
    await queryRunner.query(`DROP FUNCTION certificate_next_status_index()`);
    await queryRunner.query(`DROP FUNCTION certificate_next_number()`);
    await queryRunner.query(`DROP SEQUENCE "certificate_status_index_seq"`);
    await queryRunner.query(`DROP SEQUENCE "certificate_number_seq"`);
  }
}
