import { MigrationInterface, QueryRunner } from 'typeorm';

export class Assessments1795550233883 implements MigrationInterface {
  name = 'Assessments1795550233883';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Graders who are not admins. TypeORM compares checks by name only, so this one is by hand.
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_roles_check"`);
    await queryRunner.query(`
      ALTER TABLE "users" ADD CONSTRAINT "users_roles_check"
      CHECK ("roles" <@ ARRAY['teacher', 'author', 'admin', 'assessor']::text[])
    `);
    await queryRunner.query(`
            CREATE TABLE "question_banks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "key" character varying(80) NOT NULL,
                "title" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_5be739bc1bec3859934595489aa" UNIQUE ("key"),
                CONSTRAINT "PK_3127eb30f219cd0d40478ec5964" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "bank_id" uuid NOT NULL,
                "key" character varying(80),
                "current_version" integer NOT NULL,
                "current_version_id" uuid NOT NULL,
                "type" character varying(16) NOT NULL,
                "competencies" text array NOT NULL,
                "difficulty" character varying(8) NOT NULL,
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "items_bank_id_key_key" UNIQUE ("bank_id", "key"),
                CONSTRAINT "items_difficulty_check" CHECK ("difficulty" IN ('easy', 'medium', 'hard')),
                CONSTRAINT "items_type_check" CHECK (
                    "type" IN (
                        'single',
                        'multiple',
                        'true_false',
                        'matching',
                        'ordering',
                        'short_answer',
                        'numeric',
                        'essay',
                        'task'
                    )
                ),
                CONSTRAINT "PK_ba5885359424c15ca6b9e79bcf6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "items_bank_live_idx" ON "items" ("bank_id")
            WHERE "archived_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "item_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "item_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "definition" jsonb NOT NULL,
                "content_hash" character(64) NOT NULL,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "key_corrected_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "item_versions_item_id_version_key" UNIQUE ("item_id", "version"),
                CONSTRAINT "PK_8132975d9986601108390075a11" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "attempts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "enrollment_id" uuid NOT NULL,
                "assessment_id" uuid NOT NULL,
                "assessment_key" character varying(80) NOT NULL,
                "number" smallint NOT NULL,
                "status" character varying(12) NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "deadline" TIMESTAMP WITH TIME ZONE,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "closed_by" character varying(8),
                "score" numeric(9, 3),
                "max_score" numeric(9, 3) NOT NULL,
                "percent" numeric(6, 2),
                "passed" boolean,
                "graded_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "attempts_closed_by_check" CHECK ("closed_by" IN ('teacher', 'deadline')),
                CONSTRAINT "attempts_status_check" CHECK (
                    "status" IN ('in_progress', 'submitted', 'graded')
                ),
                CONSTRAINT "PK_295ca261e361fd2fd217754dcac" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "attempts_assessment_idx" ON "attempts" ("assessment_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "attempts_open_deadline_idx" ON "attempts" ("deadline")
            WHERE "status" = 'in_progress'
        `);
    await queryRunner.query(`
            CREATE INDEX "attempts_enrollment_key_idx" ON "attempts" ("enrollment_id", "assessment_key")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "attempts_one_open_idx" ON "attempts" ("enrollment_id", "assessment_key")
            WHERE "status" = 'in_progress'
        `);
    await queryRunner.query(`
            CREATE TABLE "attempt_items" (
                "attempt_id" uuid NOT NULL,
                "item_version_id" uuid NOT NULL,
                "position" smallint NOT NULL,
                "section_key" character varying(80) NOT NULL,
                "points" numeric(7, 3) NOT NULL,
                "presentation" jsonb NOT NULL,
                CONSTRAINT "PK_06996185701f28488f058ff9a7f" PRIMARY KEY ("attempt_id", "item_version_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "responses" (
                "attempt_id" uuid NOT NULL,
                "item_version_id" uuid NOT NULL,
                "response" jsonb,
                "saved_at" TIMESTAMP WITH TIME ZONE,
                "fraction" numeric(10, 8),
                "needs_grading" boolean NOT NULL DEFAULT false,
                "rubric_levels" jsonb,
                "comment" text,
                "graded_by" uuid,
                "graded_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_80dd61688ab11c52647b16ec262" PRIMARY KEY ("attempt_id", "item_version_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "responses_grading_queue_idx" ON "responses" ("attempt_id")
            WHERE "needs_grading"
        `);
    await queryRunner.query(`
            CREATE TABLE "attempt_section_results" (
                "attempt_id" uuid NOT NULL,
                "section_key" character varying(80) NOT NULL,
                "competency" character varying(40) NOT NULL,
                "score" numeric(9, 3) NOT NULL,
                "max_score" numeric(9, 3) NOT NULL,
                "threshold" smallint NOT NULL,
                CONSTRAINT "PK_674351af32c29d7391c82718413" PRIMARY KEY ("attempt_id", "section_key", "competency")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "attempt_section_results_competency_idx" ON "attempt_section_results" ("competency")
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox" (
                "id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                "topic" character varying(80) NOT NULL,
                "dedupe_key" character varying(200) NOT NULL,
                "payload" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "dispatched_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_52c6221ea953d3acd726ca982d6" UNIQUE ("dedupe_key"),
                CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "outbox_pending_idx" ON "outbox" ("id")
            WHERE "dispatched_at" IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments"
            ADD "sections" jsonb NOT NULL DEFAULT '[]'
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments"
            ADD "available_from" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments"
            ADD "available_until" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments"
            ADD "shuffle_items" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments"
            ADD "shuffle_options" boolean NOT NULL DEFAULT true
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments"
            ADD "layout" character varying(12) NOT NULL DEFAULT 'one_per_page'
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments"
            ADD "review_shows" character varying(8) NOT NULL DEFAULT 'score'
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments"
            ADD "review_from" character varying(8) NOT NULL DEFAULT 'submit'
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments"
            ADD CONSTRAINT "course_assessments_review_from_check" CHECK ("review_from" IN ('submit', 'close', 'never'))
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments"
            ADD CONSTRAINT "course_assessments_review_shows_check" CHECK (
                    "review_shows" IN ('score', 'answers', 'feedback')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments"
            ADD CONSTRAINT "course_assessments_layout_check" CHECK ("layout" IN ('one_per_page', 'all_on_one'))
        `);
    await queryRunner.query(`
            ALTER TABLE "items"
            ADD CONSTRAINT "items_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "question_banks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "item_versions"
            ADD CONSTRAINT "item_versions_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attempts"
            ADD CONSTRAINT "attempts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attempts"
            ADD CONSTRAINT "attempts_enrollment_id_fkey" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attempts"
            ADD CONSTRAINT "attempts_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "course_assessments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attempt_items"
            ADD CONSTRAINT "attempt_items_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attempt_items"
            ADD CONSTRAINT "attempt_items_item_version_id_fkey" FOREIGN KEY ("item_version_id") REFERENCES "item_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "responses"
            ADD CONSTRAINT "responses_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "responses"
            ADD CONSTRAINT "responses_item_version_id_fkey" FOREIGN KEY ("item_version_id") REFERENCES "item_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "responses"
            ADD CONSTRAINT "responses_graded_by_fkey" FOREIGN KEY ("graded_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attempt_section_results"
            ADD CONSTRAINT "attempt_section_results_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "attempt_section_results" DROP CONSTRAINT "attempt_section_results_attempt_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "responses" DROP CONSTRAINT "responses_graded_by_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "responses" DROP CONSTRAINT "responses_item_version_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "responses" DROP CONSTRAINT "responses_attempt_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "attempt_items" DROP CONSTRAINT "attempt_items_item_version_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "attempt_items" DROP CONSTRAINT "attempt_items_attempt_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "attempts" DROP CONSTRAINT "attempts_assessment_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "attempts" DROP CONSTRAINT "attempts_enrollment_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "attempts" DROP CONSTRAINT "attempts_user_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "item_versions" DROP CONSTRAINT "item_versions_item_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "items" DROP CONSTRAINT "items_bank_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments" DROP CONSTRAINT "course_assessments_layout_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments" DROP CONSTRAINT "course_assessments_review_shows_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments" DROP CONSTRAINT "course_assessments_review_from_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments" DROP COLUMN "review_from"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments" DROP COLUMN "review_shows"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments" DROP COLUMN "layout"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments" DROP COLUMN "shuffle_options"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments" DROP COLUMN "shuffle_items"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments" DROP COLUMN "available_until"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments" DROP COLUMN "available_from"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments" DROP COLUMN "sections"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."outbox_pending_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."attempt_section_results_competency_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "attempt_section_results"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."responses_grading_queue_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "responses"
        `);
    await queryRunner.query(`
            DROP TABLE "attempt_items"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."attempts_one_open_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."attempts_enrollment_key_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."attempts_open_deadline_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."attempts_assessment_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "attempts"
        `);
    await queryRunner.query(`
            DROP TABLE "item_versions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."items_bank_live_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "items"
        `);
    await queryRunner.query(`
            DROP TABLE "question_banks"
        `);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_roles_check"`);
    await queryRunner.query(`
      UPDATE "users" SET "roles" = array_remove("roles", 'assessor')
    `);
    await queryRunner.query(`
      ALTER TABLE "users" ADD CONSTRAINT "users_roles_check"
      CHECK ("roles" <@ ARRAY['teacher', 'author', 'admin']::text[])
    `);
  }
}
