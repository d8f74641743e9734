import { MigrationInterface, QueryRunner } from 'typeorm';

export class Competencies1795560852606 implements MigrationInterface {
  name = 'Competencies1795560852606';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "frameworks" (
                "code" character varying(40) NOT NULL,
                "version" character varying(40) NOT NULL,
                "title" jsonb NOT NULL,
                "publisher" character varying(200) NOT NULL,
                "url" text NOT NULL,
                "licence" text,
                "citation" text,
                "source" character varying(8) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "frameworks_source_check" CHECK ("source" IN ('bundled', 'admin')),
                CONSTRAINT "PK_f15481d9c9c9e7136883fe96cd3" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "competencies" (
                "code" character varying(80) NOT NULL,
                "framework_code" character varying(40) NOT NULL,
                "local_code" character varying(40) NOT NULL,
                "kind" character varying(12) NOT NULL,
                "parent_code" character varying(80),
                "level" character varying(12),
                "name" jsonb NOT NULL,
                "description" jsonb NOT NULL DEFAULT '{}',
                "aliases" text array NOT NULL DEFAULT '{}',
                "goals" jsonb NOT NULL DEFAULT '[]',
                "position" integer NOT NULL,
                CONSTRAINT "PK_587d3b9969cac4d2fce8540d7b6" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "competencies_framework_idx" ON "competencies" ("framework_code", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "competency_evidence" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "competency_code" character varying(80) NOT NULL,
                "level" character varying(10),
                "source_type" character varying(12) NOT NULL,
                "source_id" character varying(200) NOT NULL,
                "score" numeric(5, 2),
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "recorded_by" uuid,
                "reason" text,
                "annulled_at" TIMESTAMP WITH TIME ZONE,
                "annulled_by" uuid,
                "annul_reason" text,
                CONSTRAINT "competency_evidence_source_check" CHECK (
                    "source_type" IN (
                        'section',
                        'rubric',
                        'certificate',
                        'recognition'
                    )
                ),
                CONSTRAINT "PK_0c2b0a69a2dc0580ab56633391d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "competency_evidence_source_idx" ON "competency_evidence" ("source_type", "source_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "competency_evidence_live_idx" ON "competency_evidence" ("user_id", "competency_code")
            WHERE "annulled_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "competency_evidence_fact_key" ON "competency_evidence" (
                "user_id",
                "competency_code",
                "source_type",
                "source_id"
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "competency_links" (
                "from_code" character varying(80) NOT NULL,
                "to_code" character varying(80) NOT NULL,
                "note" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_05746574867520905fb873f6098" PRIMARY KEY ("from_code", "to_code")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "competency_links_to_idx" ON "competency_links" ("to_code")
        `);
    await queryRunner.query(`
            ALTER TABLE "competencies"
            ADD CONSTRAINT "competencies_framework_code_fkey" FOREIGN KEY ("framework_code") REFERENCES "frameworks"("code") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "competency_evidence"
            ADD CONSTRAINT "competency_evidence_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "competency_evidence"
            ADD CONSTRAINT "competency_evidence_competency_code_fkey" FOREIGN KEY ("competency_code") REFERENCES "competencies"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "competency_links"
            ADD CONSTRAINT "competency_links_from_code_fkey" FOREIGN KEY ("from_code") REFERENCES "competencies"("code") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "competency_links"
            ADD CONSTRAINT "competency_links_to_code_fkey" FOREIGN KEY ("to_code") REFERENCES "competencies"("code") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Hand-written: evidence is never edited or deleted; the only change allowed is its
    // annulment, once, with a reason.
    await queryRunner.query(`
            CREATE FUNCTION competency_evidence_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'competency_evidence is never deleted: annul it'
                  USING ERRCODE = 'insufficient_privilege';
              END IF;
              IF OLD.annulled_at IS NOT NULL
                 OR NEW.annulled_at IS NULL OR NEW.annul_reason IS NULL
                 OR (to_jsonb(NEW) - 'annulled_at' - 'annulled_by' - 'annul_reason')
                    IS DISTINCT FROM (to_jsonb(OLD) - 'annulled_at' - 'annulled_by' - 'annul_reason')
              THEN
                RAISE EXCEPTION 'competency_evidence is never edited: only annulled, once, with a reason'
                  USING ERRCODE = 'insufficient_privilege';
              END IF;
              RETURN NEW;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER competency_evidence_append_only
            BEFORE UPDATE OR DELETE ON "competency_evidence"
            FOR EACH ROW EXECUTE FUNCTION competency_evidence_guard()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER competency_evidence_append_only ON "competency_evidence"`,
    );
    await queryRunner.query(`DROP FUNCTION competency_evidence_guard()`);
    await queryRunner.query(`
            ALTER TABLE "competency_links" DROP CONSTRAINT "competency_links_to_code_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "competency_links" DROP CONSTRAINT "competency_links_from_code_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "competency_evidence" DROP CONSTRAINT "competency_evidence_competency_code_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "competency_evidence" DROP CONSTRAINT "competency_evidence_user_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "competencies" DROP CONSTRAINT "competencies_framework_code_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."competency_links_to_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "competency_links"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."competency_evidence_fact_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."competency_evidence_live_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."competency_evidence_source_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "competency_evidence"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."competencies_framework_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "competencies"
        `);
    await queryRunner.query(`
            DROP TABLE "frameworks"
        `);
  }
}
