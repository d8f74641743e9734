import { EntityManager } from 'typeorm';
import type { CertificateSource, Lang } from '@qadam/contracts';
import { ISSUE_CERTIFICATE } from '../outbox/events';

export interface CertificateRequest {
  userId: string;
  courseId: string;
  enrollmentId: string | null;
  attemptId?: string | null;
}

export interface RequestOptions {
  source: CertificateSource;
  batchId?: string | null;
  replacesId?: string | null;
  /** Added to kk and ru; a teacher whose interface is English gets English anyway. */
  extraLanguages?: Lang[];
}

/**
 * Writes `pending` certificates and their outbox rows in the caller's transaction: the fact that
 * earns a certificate and the request to issue it commit together or not at all. A teacher who
 * already holds a live certificate of the course is skipped (the partial unique index decides,
 * so concurrent requests cannot both win). Returns the ids created.
 */
export async function requestCertificates(
  m: EntityManager,
  requests: CertificateRequest[],
  options: RequestOptions,
): Promise<string[]> {
  if (requests.length === 0) return [];
  const rows: { id: string }[] = await m.query(
    `WITH wanted AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS w("userId" uuid, "courseId" uuid, "enrollmentId" uuid, "attemptId" uuid)
     ), created AS (
       INSERT INTO certificates (user_id, course_id, level, status, source, languages,
                                 enrollment_id, attempt_id, batch_id, replaces_id)
       SELECT w."userId", c.id, c.level, 'pending', $2,
              ARRAY(SELECT DISTINCT l FROM unnest(
                      ARRAY['kk', 'ru']::text[] || $3::text[]
                      || CASE WHEN u.language = 'en' THEN ARRAY['en'] ELSE ARRAY[]::text[] END
                    ) AS l ORDER BY l),
              w."enrollmentId", w."attemptId", $4::uuid, $5::uuid
         FROM wanted w
         JOIN courses c ON c.id = w."courseId"
         JOIN users u ON u.id = w."userId"
       ON CONFLICT (user_id, course_id) WHERE status <> 'revoked' DO NOTHING
       RETURNING id, generation
     )
     INSERT INTO outbox (topic, dedupe_key, payload)
     SELECT $6, 'certificate:' || id || ':' || generation,
            jsonb_build_object('certificateId', id, 'generation', generation)
       FROM created
     RETURNING payload ->> 'certificateId' AS id`,
    [
      JSON.stringify(requests.map((r) => ({ ...r, attemptId: r.attemptId ?? null }))),
      options.source,
      options.extraLanguages ?? [],
      options.batchId ?? null,
      options.replacesId ?? null,
      ISSUE_CERTIFICATE,
    ],
  );
  return rows.map((r) => r.id);
}
