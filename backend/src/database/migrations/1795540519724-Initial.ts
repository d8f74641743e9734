import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795540519724 implements MigrationInterface {
  name = 'Initial1795540519724';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "actor_id" uuid,
                "action" character varying(100) NOT NULL,
                "target_type" character varying(50) NOT NULL,
                "target_id" character varying(100),
                "before" jsonb,
                "after" jsonb,
                "request_id" character varying(100),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_log_actor_id_idx" ON "audit_log" ("actor_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_log_created_at_idx" ON "audit_log" ("created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_log_target_idx" ON "audit_log" ("target_type", "target_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "password_hash" text NOT NULL,
                "full_name" character varying(200) NOT NULL,
                "iin" character(12),
                "region" character varying(40),
                "school_name" character varying(300),
                "school_kind" character varying(20),
                "subjects" text array NOT NULL DEFAULT '{}',
                "grades" text array NOT NULL DEFAULT '{}',
                "language" character varying(2) NOT NULL DEFAULT 'kk',
                "roles" text array NOT NULL DEFAULT '{teacher}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "users_roles_check" CHECK (
                    "roles" <@ ARRAY ['teacher', 'author', 'admin']::text []
                ),
                CONSTRAINT "users_school_kind_check" CHECK (
                    "school_kind" IN ('urban', 'rural', 'small_ungraded')
                ),
                CONSTRAINT "users_language_check" CHECK ("language" IN ('kk', 'ru', 'en')),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "users_email_key" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "users_iin_key" ON "users" ("iin")
        `);
    await queryRunner.query(`
            CREATE INDEX "users_region_idx" ON "users" ("region")
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "refresh_tokens_user_id_idx" ON "refresh_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "refresh_tokens_family_id_idx" ON "refresh_tokens" ("family_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "refresh_tokens_token_hash_key" ON "refresh_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "refresh_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "refresh_tokens_user_id_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."refresh_tokens_token_hash_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."refresh_tokens_family_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."refresh_tokens_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."users_region_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."users_iin_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."users_email_key"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_log_target_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_log_created_at_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_log_actor_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
  }
}
