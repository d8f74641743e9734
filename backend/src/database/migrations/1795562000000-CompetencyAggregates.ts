import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monitoring aggregates: per region, school kind and subject, how many teachers there are
 * and how many have demonstrated each UNESCO block (live evidence only). Computing them from
 * 2,000,000 evidence records takes seconds, so they are materialised and refreshed in the
 * background (periodically, and after an annulment); each view then reads a few hundred rows.
 * A `competency_code` of '' holds the group's number of teachers.
 */
export class CompetencyAggregates1795562000000 implements MigrationInterface {
  name = 'CompetencyAggregates1795562000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE MATERIALIZED VIEW competency_aggregates AS
      WITH t AS (
        SELECT id, coalesce(region, 'unknown') AS region,
               coalesce(school_kind, 'unknown') AS school_kind,
               CASE WHEN cardinality(subjects) = 0 THEN ARRAY['unknown'] ELSE subjects END AS subjects
          FROM users WHERE 'teacher' = ANY(roles)
      ), facts AS (
        SELECT t.region, t.school_kind, t.subjects, d.competency_code
          FROM t
          JOIN (SELECT DISTINCT user_id, competency_code FROM competency_evidence
                 WHERE annulled_at IS NULL AND starts_with(competency_code, 'unesco-cft:')) d
            ON d.user_id = t.id
        UNION ALL
        SELECT region, school_kind, subjects, '' FROM t
      )
      SELECT 'region'::text AS dimension, region AS value, competency_code, count(*)::int AS teachers
        FROM facts GROUP BY region, competency_code
      UNION ALL
      SELECT 'school_kind', school_kind, competency_code, count(*)::int
        FROM facts GROUP BY school_kind, competency_code
      UNION ALL
      SELECT 'subject', s, competency_code, count(*)::int
        FROM facts, unnest(subjects) s GROUP BY s, competency_code`);
    // Unique, so the refresh can be CONCURRENTLY (readers are never blocked).
    await q.query(`
      CREATE UNIQUE INDEX competency_aggregates_key
        ON competency_aggregates (dimension, value, competency_code)`);
    await q.query(`
      CREATE TABLE materialized_refreshes (
        name varchar(80) PRIMARY KEY,
        refreshed_at timestamptz NOT NULL
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE materialized_refreshes`);
    await q.query(`DROP MATERIALIZED VIEW competency_aggregates`);
  }
}
