import { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalog1795546572476 implements MigrationInterface {
  name = 'Catalog1795546572476';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "programs" (
                "level" character varying(10) NOT NULL,
                "position" smallint NOT NULL,
                "title" jsonb NOT NULL,
                "description" jsonb NOT NULL,
                CONSTRAINT "PK_6a8bcddf102349d6f7234d05e50" PRIMARY KEY ("level")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "course_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "status" character varying(12) NOT NULL,
                "source" character varying(8) NOT NULL,
                "document" jsonb NOT NULL,
                "content_hash" character(64) NOT NULL,
                "created_by" uuid,
                "submitted_by" uuid,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "reviewed_by" uuid,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "review_comment" text,
                "published_by" uuid,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "course_versions_course_id_number_key" UNIQUE ("course_id", "number"),
                CONSTRAINT "course_versions_source_check" CHECK ("source" IN ('editor', 'package')),
                CONSTRAINT "course_versions_status_check" CHECK (
                    "status" IN (
                        'draft',
                        'in_review',
                        'approved',
                        'published',
                        'superseded'
                    )
                ),
                CONSTRAINT "PK_cc9e77578136a62e599f33d15ff" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "course_versions_one_open_idx" ON "course_versions" ("course_id")
            WHERE "status" IN ('draft', 'in_review', 'approved')
        `);
    await queryRunner.query(`
            CREATE TABLE "courses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "slug" character varying(80) NOT NULL,
                "level" character varying(10) NOT NULL,
                "created_by" uuid,
                "published_version_id" uuid,
                "published_number" integer,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "kind" character varying(10),
                "languages" text array NOT NULL DEFAULT '{}',
                "hours" integer,
                "title" jsonb NOT NULL DEFAULT '{}',
                "description" jsonb NOT NULL DEFAULT '{}',
                "competencies" text array NOT NULL DEFAULT '{}',
                "search_text" text NOT NULL DEFAULT '',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "courses_kind_check" CHECK (
                    "kind" IS NULL
                    OR "kind" IN ('mooc', 'cohort', 'profile')
                ),
                CONSTRAINT "PK_3f70a487cc718ad8eda4e6d58c9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "courses_slug_key" ON "courses" ("slug")
        `);
    await queryRunner.query(`
            CREATE INDEX "courses_published_at_idx" ON "courses" ("published_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "certificates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "level" character varying(10) NOT NULL,
                "status" character varying(8) NOT NULL,
                "issued_at" TIMESTAMP WITH TIME ZONE,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoke_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "certificates_level_check" CHECK ("level" IN ('acquire', 'deepen', 'create')),
                CONSTRAINT "certificates_status_check" CHECK ("status" IN ('pending', 'issued', 'revoked')),
                CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "certificates_user_level_idx" ON "certificates" ("user_id", "level", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "certificates_one_live_idx" ON "certificates" ("user_id", "course_id")
            WHERE "status" <> 'revoked'
        `);
    await queryRunner.query(`
            CREATE TABLE "course_assessments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version_id" uuid NOT NULL,
                "key" character varying(80) NOT NULL,
                "position" smallint NOT NULL,
                "kind" character varying(8) NOT NULL,
                "title" jsonb NOT NULL,
                "pass_mark" smallint NOT NULL,
                "time_limit_minutes" smallint,
                "attempts_allowed" smallint,
                "required" boolean NOT NULL DEFAULT true,
                "module_key" character varying(80),
                "competencies" text array NOT NULL DEFAULT '{}',
                CONSTRAINT "course_assessments_version_id_key_key" UNIQUE ("version_id", "key"),
                CONSTRAINT "course_assessments_pass_mark_check" CHECK (
                    "pass_mark" BETWEEN 0 AND 100
                ),
                CONSTRAINT "course_assessments_kind_check" CHECK ("kind" IN ('quiz', 'final', 'task')),
                CONSTRAINT "PK_46922f0b034e15400df8c7a786a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "course_modules" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version_id" uuid NOT NULL,
                "key" character varying(80) NOT NULL,
                "position" smallint NOT NULL,
                "title" jsonb NOT NULL,
                CONSTRAINT "course_modules_version_id_key_key" UNIQUE ("version_id", "key"),
                CONSTRAINT "PK_4c195db0718e8845a6e09075ebc" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "lessons" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version_id" uuid NOT NULL,
                "module_id" uuid NOT NULL,
                "key" character varying(80) NOT NULL,
                "position" smallint NOT NULL,
                "title" jsonb NOT NULL,
                "minutes" smallint NOT NULL,
                "required" boolean NOT NULL DEFAULT true,
                "competencies" text array NOT NULL DEFAULT '{}',
                "sources" jsonb NOT NULL DEFAULT '[]',
                "body_html" jsonb NOT NULL,
                CONSTRAINT "lessons_version_id_key_key" UNIQUE ("version_id", "key"),
                CONSTRAINT "PK_9b9a8d455cac672d262d7275730" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "lessons_module_id_idx" ON "lessons" ("module_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "cohorts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(60) NOT NULL,
                "course_id" uuid NOT NULL,
                "version_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "starts_on" date NOT NULL,
                "ends_on" date NOT NULL,
                "enrolment_opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "enrolment_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "seats" integer NOT NULL,
                "waitlist_limit" integer NOT NULL,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "cohorts_window_check" CHECK ("enrolment_closes_at" > "enrolment_opens_at"),
                CONSTRAINT "cohorts_dates_check" CHECK ("ends_on" >= "starts_on"),
                CONSTRAINT "cohorts_waitlist_limit_check" CHECK ("waitlist_limit" >= 0),
                CONSTRAINT "cohorts_seats_check" CHECK ("seats" > 0),
                CONSTRAINT "PK_fd38f76b135e907b834fda1e752" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "cohorts_code_key" ON "cohorts" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "cohorts_course_id_idx" ON "cohorts" ("course_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "enrollments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "version_id" uuid NOT NULL,
                "cohort_id" uuid,
                "status" character varying(10) NOT NULL,
                "source" character varying(6) NOT NULL,
                "progress" real NOT NULL DEFAULT '0',
                "waitlisted_at" TIMESTAMP WITH TIME ZONE,
                "decided_by" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "reason" text,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "enrollments_progress_check" CHECK (
                    "progress" BETWEEN 0 AND 1
                ),
                CONSTRAINT "enrollments_source_check" CHECK ("source" IN ('self', 'bulk', 'admin')),
                CONSTRAINT "enrollments_status_check" CHECK (
                    "status" IN (
                        'pending',
                        'waitlisted',
                        'active',
                        'completed',
                        'rejected',
                        'withdrawn'
                    )
                ),
                CONSTRAINT "PK_7c0f752f9fb68bf6ed7367ab00f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "enrollments_user_id_idx" ON "enrollments" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "enrollments_course_version_idx" ON "enrollments" ("course_id", "version_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "enrollments_cohort_status_idx" ON "enrollments" ("cohort_id", "status", "waitlisted_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "enrollments_one_live_idx" ON "enrollments" ("user_id", "course_id")
            WHERE "status" IN ('pending', 'waitlisted', 'active', 'completed')
        `);
    await queryRunner.query(`
            CREATE TABLE "assessment_progress" (
                "enrollment_id" uuid NOT NULL,
                "assessment_key" character varying(80) NOT NULL,
                "best_score" real NOT NULL,
                "passed_at" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_6eea1b2e7134190571da2d0a866" PRIMARY KEY ("enrollment_id", "assessment_key")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "bulk_enrollment_jobs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_by" uuid NOT NULL,
                "mode" character varying(14) NOT NULL,
                "status" character varying(8) NOT NULL,
                "csv" text NOT NULL,
                "total" integer NOT NULL DEFAULT '0',
                "processed" integer NOT NULL DEFAULT '0',
                "applied" integer NOT NULL DEFAULT '0',
                "problems" jsonb NOT NULL DEFAULT '[]',
                "more_problems" integer NOT NULL DEFAULT '0',
                "error" text,
                "request_id" character varying(100),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "bulk_enrollment_jobs_mode_check" CHECK ("mode" IN ('all-or-nothing', 'partial')),
                CONSTRAINT "bulk_enrollment_jobs_status_check" CHECK (
                    "status" IN ('queued', 'running', 'done', 'failed')
                ),
                CONSTRAINT "PK_6824c9ad8199a48f690e2c2d658" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "lesson_progress" (
                "enrollment_id" uuid NOT NULL,
                "lesson_key" character varying(80) NOT NULL,
                "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_29d9a9d912c3bb8f2a01dccc815" PRIMARY KEY ("enrollment_id", "lesson_key")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "ladder_exceptions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "granted_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ladder_exceptions_user_id_course_id_key" UNIQUE ("user_id", "course_id"),
                CONSTRAINT "PK_91331fea22fae0b5dd83e6ad25a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "course_versions"
            ADD CONSTRAINT "course_versions_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "courses"
            ADD CONSTRAINT "courses_level_fkey" FOREIGN KEY ("level") REFERENCES "programs"("level") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "courses"
            ADD CONSTRAINT "courses_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "courses"
            ADD CONSTRAINT "courses_published_version_id_fkey" FOREIGN KEY ("published_version_id") REFERENCES "course_versions"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "certificates_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "certificates_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments"
            ADD CONSTRAINT "course_assessments_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "course_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "course_modules"
            ADD CONSTRAINT "course_modules_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "course_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "lessons"
            ADD CONSTRAINT "lessons_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "course_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "lessons"
            ADD CONSTRAINT "lessons_module_id_fkey" FOREIGN KEY ("module_id") REFERENCES "course_modules"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cohorts"
            ADD CONSTRAINT "cohorts_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cohorts"
            ADD CONSTRAINT "cohorts_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "course_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD CONSTRAINT "enrollments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD CONSTRAINT "enrollments_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD CONSTRAINT "enrollments_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "course_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD CONSTRAINT "enrollments_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assessment_progress"
            ADD CONSTRAINT "assessment_progress_enrollment_id_fkey" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "lesson_progress"
            ADD CONSTRAINT "lesson_progress_enrollment_id_fkey" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "ladder_exceptions"
            ADD CONSTRAINT "ladder_exceptions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "ladder_exceptions"
            ADD CONSTRAINT "ladder_exceptions_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "ladder_exceptions" DROP CONSTRAINT "ladder_exceptions_course_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "ladder_exceptions" DROP CONSTRAINT "ladder_exceptions_user_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "lesson_progress" DROP CONSTRAINT "lesson_progress_enrollment_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "assessment_progress" DROP CONSTRAINT "assessment_progress_enrollment_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments" DROP CONSTRAINT "enrollments_cohort_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments" DROP CONSTRAINT "enrollments_version_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments" DROP CONSTRAINT "enrollments_course_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments" DROP CONSTRAINT "enrollments_user_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "cohorts" DROP CONSTRAINT "cohorts_version_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "cohorts" DROP CONSTRAINT "cohorts_course_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "lessons" DROP CONSTRAINT "lessons_module_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "lessons" DROP CONSTRAINT "lessons_version_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_modules" DROP CONSTRAINT "course_modules_version_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_assessments" DROP CONSTRAINT "course_assessments_version_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "certificates_course_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "certificates_user_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "courses" DROP CONSTRAINT "courses_published_version_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "courses" DROP CONSTRAINT "courses_created_by_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "courses" DROP CONSTRAINT "courses_level_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_versions" DROP CONSTRAINT "course_versions_course_id_fkey"
        `);
    await queryRunner.query(`
            DROP TABLE "ladder_exceptions"
        `);
    await queryRunner.query(`
            DROP TABLE "lesson_progress"
        `);
    await queryRunner.query(`
            DROP TABLE "bulk_enrollment_jobs"
        `);
    await queryRunner.query(`
            DROP TABLE "assessment_progress"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."enrollments_one_live_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."enrollments_cohort_status_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."enrollments_course_version_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."enrollments_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "enrollments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."cohorts_course_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."cohorts_code_key"
        `);
    await queryRunner.query(`
            DROP TABLE "cohorts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."lessons_module_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "lessons"
        `);
    await queryRunner.query(`
            DROP TABLE "course_modules"
        `);
    await queryRunner.query(`
            DROP TABLE "course_assessments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."certificates_one_live_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."certificates_user_level_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "certificates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."courses_published_at_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."courses_slug_key"
        `);
    await queryRunner.query(`
            DROP TABLE "courses"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."course_versions_one_open_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "course_versions"
        `);
    await queryRunner.query(`
            DROP TABLE "programs"
        `);
  }
}
