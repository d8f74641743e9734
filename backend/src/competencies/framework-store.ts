import { DataSource, EntityManager } from 'typeorm';
import { seedRules } from './trajectory-rules';
import {
  bundledDocuments,
  type CrosswalkDocument,
  type FrameworkDocument,
} from './framework-document';

/** Writes a framework and its competencies (upsert: codes are stable; none is ever removed). */
export async function upsertFramework(
  m: EntityManager,
  doc: FrameworkDocument,
  source: 'bundled' | 'admin',
): Promise<void> {
  await m.query(
    `INSERT INTO frameworks (code, version, title, publisher, url, licence, citation, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (code) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title,
       publisher = EXCLUDED.publisher, url = EXCLUDED.url, licence = EXCLUDED.licence,
       citation = EXCLUDED.citation, updated_at = now()`,
    [
      doc.code,
      doc.version,
      doc.title,
      doc.publisher,
      doc.url,
      doc.licence ?? null,
      doc.citation ?? null,
      source,
    ],
  );
  const rows = doc.competencies.map((c, position) => ({
    code: `${doc.code}:${c.code}`,
    local: c.code,
    kind: c.kind,
    parent: c.parent ? `${doc.code}:${c.parent}` : null,
    level: c.level ?? null,
    name: c.name,
    description: c.description ?? {},
    aliases: c.aliases ?? [],
    goals: c.goals ?? [],
    position,
  }));
  await m.query(
    `INSERT INTO competencies (code, framework_code, local_code, kind, parent_code, level, name,
                               description, aliases, goals, position)
     SELECT r.code, $2, r.local, r.kind, r.parent, r.level, r.name, r.description,
            ARRAY(SELECT jsonb_array_elements_text(r.aliases)), r.goals, r.position
       FROM jsonb_to_recordset($1::jsonb) AS r(code text, local text, kind text, parent text,
            level text, name jsonb, description jsonb, aliases jsonb, goals jsonb, position int)
     ON CONFLICT (code) DO UPDATE SET local_code = EXCLUDED.local_code, kind = EXCLUDED.kind,
       parent_code = EXCLUDED.parent_code, level = EXCLUDED.level, name = EXCLUDED.name,
       description = EXCLUDED.description, aliases = EXCLUDED.aliases, goals = EXCLUDED.goals,
       position = EXCLUDED.position`,
    [JSON.stringify(rows), doc.code],
  );
}

/** Replaces the links between two frameworks with the crosswalk's. */
export async function upsertCrosswalk(m: EntityManager, doc: CrosswalkDocument): Promise<void> {
  await m.query(
    `DELETE FROM competency_links l USING competencies f, competencies t
      WHERE f.code = l.from_code AND t.code = l.to_code
        AND f.framework_code = $1 AND t.framework_code = $2`,
    [doc.from, doc.to],
  );
  await m.query(
    `INSERT INTO competency_links (from_code, to_code, note)
     SELECT $2 || ':' || l.from, $3 || ':' || l.to, coalesce(l.note, '{}')
       FROM jsonb_to_recordset($1::jsonb) AS l("from" text, "to" text, note jsonb)`,
    [JSON.stringify(doc.links), doc.from, doc.to],
  );
}

/**
 * Loads the bundled frameworks, crosswalks and trajectory rules: idempotent, run after the migrations (by the
 * migrate command, `npm start` and the tests), so a changed data file reaches the database.
 */
export async function seedFrameworks(
  ds: DataSource,
): Promise<{ frameworks: number; links: number }> {
  const { frameworks, crosswalks } = bundledDocuments();
  await ds.transaction(async (m) => {
    // One seeder at a time when several processes start together.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('qadam:seed-frameworks'))`);
    for (const f of frameworks) await upsertFramework(m, f, 'bundled');
    for (const c of crosswalks) await upsertCrosswalk(m, c);
    await seedRules(m);
  });
  return {
    frameworks: frameworks.length,
    links: crosswalks.reduce((n, c) => n + c.links.length, 0),
  };
}
