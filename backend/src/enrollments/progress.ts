import { EntityManager } from 'typeorm';

/**
 * Recomputes an enrolment's progress (0–1) from its version's required lessons and
 * assessments, and completes it when all are done: one statement, inside the caller's
 * transaction. Progress is kept by lesson and assessment keys, so it carries over when the
 * enrolment moves to a newer version.
 */
export async function recomputeProgress(m: EntityManager, enrollmentIds: string[]): Promise<void> {
  if (enrollmentIds.length === 0) return;
  await m.query(
    `WITH counts AS (
       SELECT e.id,
              (SELECT count(*) FROM lessons l
                WHERE l.version_id = e.version_id AND l.required) AS req_lessons,
              (SELECT count(*) FROM lessons l
                 JOIN lesson_progress p ON p.enrollment_id = e.id AND p.lesson_key = l.key
                WHERE l.version_id = e.version_id AND l.required) AS done_lessons,
              (SELECT count(*) FROM course_assessments a
                WHERE a.version_id = e.version_id AND a.required) AS req_tests,
              (SELECT count(*) FROM course_assessments a
                 JOIN assessment_progress p ON p.enrollment_id = e.id
                  AND p.assessment_key = a.key AND p.passed_at IS NOT NULL
                WHERE a.version_id = e.version_id AND a.required) AS passed_tests
         FROM enrollments e WHERE e.id = ANY($1::uuid[])
     )
     UPDATE enrollments e
        SET progress = CASE WHEN c.req_lessons + c.req_tests = 0 THEN 1
                            ELSE (c.done_lessons + c.passed_tests)::real
                                 / (c.req_lessons + c.req_tests) END,
            status = CASE WHEN e.status = 'active'
                           AND c.done_lessons = c.req_lessons AND c.passed_tests = c.req_tests
                          THEN 'completed' ELSE e.status END,
            completed_at = CASE WHEN e.status = 'active'
                                 AND c.done_lessons = c.req_lessons
                                 AND c.passed_tests = c.req_tests
                                THEN now() ELSE e.completed_at END
       FROM counts c WHERE c.id = e.id`,
    [enrollmentIds],
  );
}
