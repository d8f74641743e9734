import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log is evidence: the database itself refuses to change or delete a record, so no
 * code path (or a mistaken script) can rewrite history.
 */
export class AuditLogAppendOnly1795540600000 implements MigrationInterface {
  name = 'AuditLogAppendOnly1795540600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only
      BEFORE UPDATE OR DELETE ON "audit_log"
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate
      BEFORE TRUNCATE ON "audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_no_truncate ON "audit_log"`);
    await q.query(`DROP TRIGGER audit_log_append_only ON "audit_log"`);
    await q.query(`DROP FUNCTION audit_log_refuse_change()`);
  }
}
