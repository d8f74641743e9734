import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import type { BulkEnrollmentReport, Lang, LadderLevel } from '@qadam/contracts';
import { AuditService } from '../audit/audit.service';
import { updated } from '../database/returning';
import { DomainError } from '../common/errors/domain-error';
import { fill, inLang } from '../common/i18n/lang';
import { joinMissing, missingPrerequisites } from '../ladder/prerequisites';
import { LadderService, type Actor } from '../ladder/ladder.service';
import { BulkRow, parseBulkCsv, ROW_MESSAGES, StoredRowProblem } from './bulk-rows';

export const BULK_ENROLLMENT_QUEUE = 'bulk-enrollments';
export interface BulkEnrollmentJobData {
  jobId: string;
}
/**
 * Deterministic, so a double submit cannot queue one file twice. BullMQ refuses `:` in custom
 * ids (it reserves it for repeatable jobs), hence the hyphen.
 */
export const bulkJobId = (id: string) => `bulk-enrollment-${id}`;
/** Files up to this many rows are applied while the admin waits; larger ones go to the queue. */
export const INLINE_ROWS = 2000;
/** The report lists this many problems; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 1000;
const CHUNK = 1000;

interface Target {
  code: string;
  courseId: string;
  level: LadderLevel;
  cohortId: string | null;
  versionId: string;
  seats: number | null;
}

/**
 * Bulk enrolment from CSV (teacher e-mail or IIN, cohort code). All-or-nothing by default:
 * every row is checked and nothing is applied unless all are good; `partial` applies the good
 * rows. Either way the whole application is one transaction that also closes the job, so a
 * process that dies half-way leaves nothing applied and the job can simply run again.
 */
@Injectable()
export class BulkEnrollmentService {
  private readonly log = new Logger(BulkEnrollmentService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly ladder: LadderService,
    @InjectQueue(BULK_ENROLLMENT_QUEUE) private readonly queue: Queue<BulkEnrollmentJobData>,
  ) {}

  async submit(
    actor: Actor,
    csv: unknown,
    partial: boolean,
    lang: Lang,
  ): Promise<{ report: BulkEnrollmentReport; queued: boolean }> {
    if (typeof csv !== 'string') throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
    const parsed = parseBulkCsv(csv);
    if (!parsed.ok) throw DomainError.invalid('csv', parsed.rule, parsed.params);
    const total = parsed.rows.length + parsed.problems.length;
    const [job] = await this.ds.query(
      `INSERT INTO bulk_enrollment_jobs (created_by, mode, status, csv, total, request_id)
       VALUES ($1, $2, 'queued', $3, $4, $5) RETURNING id`,
      [actor.id, partial ? 'partial' : 'all-or-nothing', csv, total, actor.requestId],
    );
    if (total <= INLINE_ROWS) {
      await this.run(job.id);
      return { report: await this.report(job.id, lang), queued: false };
    }
    await this.queue.add(
      'apply',
      { jobId: job.id },
      {
        jobId: bulkJobId(job.id),
        attempts: 3,
        backoff: { type: 'exponential', delay: 5000 },
      },
    );
    return { report: await this.report(job.id, lang), queued: true };
  }

  async report(id: string, lang: Lang): Promise<BulkEnrollmentReport> {
    const [job] = await this.ds.query(
      `SELECT id, status, mode, total, processed, applied, problems, more_problems, created_at,
              finished_at
         FROM bulk_enrollment_jobs WHERE id = $1`,
      [id],
    );
    if (!job) throw new DomainError('NOT_FOUND');
    return {
      id: job.id,
      status: job.status,
      mode: job.mode,
      total: job.total,
      processed: job.processed,
      applied: job.applied,
      problems: (job.problems as StoredRowProblem[]).map((p) => ({
        line: p.line,
        teacher: p.teacher,
        cohort: p.cohort,
        code: p.code,
        message: fill(
          ROW_MESSAGES[p.code][lang],
          inLang({ cohort: p.cohort, teacher: p.teacher, ...p.params }, lang),
        ),
      })),
      moreProblems: job.more_problems,
      createdAt: job.created_at.toISOString(),
      finishedAt: job.finished_at?.toISOString() ?? null,
    };
  }

  /** Checks every row and applies the job; safe to run again after a crash. */
  async run(id: string): Promise<void> {
    const [job] = await updated<{
      id: string;
      created_by: string;
      mode: 'partial' | 'all-or-nothing';
      csv: string;
      request_id: string | null;
    }>(
      this.ds.manager,
      `UPDATE bulk_enrollment_jobs SET status = 'running'
        WHERE id = $1 AND status IN ('queued', 'running', 'failed')
       RETURNING id, created_by, mode, csv, request_id`,
      [id],
    );
    if (!job) return; // already done: a repeated delivery of the same job
    try {
      await this.apply(job);
    } catch (e) {
      this.log.error({ err: e, jobId: id }, 'bulk enrolment failed');
      await this.ds.query(
        `UPDATE bulk_enrollment_jobs SET status = 'failed', error = $2, finished_at = clock_timestamp()
          WHERE id = $1`,
        [id, (e as Error).message],
      );
      throw e;
    }
  }

  private async apply(job: {
    id: string;
    created_by: string;
    mode: 'partial' | 'all-or-nothing';
    csv: string;
    request_id: string | null;
  }): Promise<void> {
    const parsed = parseBulkCsv(job.csv);
    if (!parsed.ok) throw new Error(`unreadable CSV: ${parsed.rule}`);
    const problems = [...parsed.problems];
    const { rows } = parsed;
    const users = await this.findUsers(rows);
    const targets = await this.findTargets(rows);

    await this.ds.transaction(async (m) => {
      // Lock the cohorts in a fixed order so concurrent jobs cannot deadlock.
      const cohortIds = [
        ...new Set([...targets.values()].map((t) => t.cohortId).filter(Boolean)),
      ] as string[];
      const seated = new Map<string, number>();
      for (const ids of chunks(cohortIds.sort(), CHUNK)) {
        await m.query(`SELECT id FROM cohorts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
          ids,
        ]);
        const counts: { cohort_id: string; n: number }[] = await m.query(
          `SELECT cohort_id, count(*)::int AS n FROM enrollments
            WHERE cohort_id = ANY($1::uuid[]) AND status IN ('active', 'completed')
            GROUP BY cohort_id`,
          [ids],
        );
        for (const c of counts) seated.set(c.cohort_id, c.n);
      }

      const resolved = rows.flatMap((row) => {
        const userId = row.email ? users.byEmail.get(row.email) : users.byIin.get(row.iin!);
        const target = targets.get(row.cohort.toLowerCase());
        if (!userId) {
          problems.push({
            line: row.line,
            teacher: row.teacher,
            cohort: row.cohort,
            code: 'UNKNOWN_TEACHER',
          });
          return [];
        }
        if (!target) {
          problems.push({
            line: row.line,
            teacher: row.teacher,
            cohort: row.cohort,
            code: 'UNKNOWN_COHORT',
          });
          return [];
        }
        return [{ row, userId, target }];
      });
      const pairs = resolved.map((r) => ({ userId: r.userId, courseId: r.target.courseId }));
      const live = await this.liveEnrolments(m, pairs);
      const facts = new Map<
        string,
        Awaited<ReturnType<LadderService['facts']>> extends Map<string, infer F> ? F : never
      >();
      let checked = parsed.problems.length + (rows.length - resolved.length);
      for (const part of chunks(pairs, 5000)) {
        for (const [k, v] of await this.ladder.facts(part, m)) facts.set(k, v);
        checked += part.length;
        await this.progress(job.id, checked);
      }

      const firstLine = new Map<string, number>();
      const good: { userId: string; target: Target }[] = [];
      for (const { row, userId, target } of resolved) {
        const key = `${userId}:${target.courseId}`;
        const base = { line: row.line, teacher: row.teacher, cohort: row.cohort };
        if (firstLine.has(key)) {
          problems.push({ ...base, code: 'DUPLICATE_ROW', params: { first: firstLine.get(key)! } });
          continue;
        }
        firstLine.set(key, row.line);
        if (live.has(key)) {
          problems.push({ ...base, code: 'ALREADY_ENROLLED' });
          continue;
        }
        const missing = missingPrerequisites(target.level, facts.get(key)!);
        if (missing.length) {
          problems.push({
            ...base,
            code: 'LADDER_PREREQUISITE',
            params: { missing: joinMissing(missing) },
          });
          continue;
        }
        if (target.cohortId) {
          const taken = seated.get(target.cohortId) ?? 0;
          if (taken >= target.seats!) {
            problems.push({ ...base, code: 'COHORT_FULL', params: { seats: target.seats! } });
            continue;
          }
          seated.set(target.cohortId, taken + 1);
        }
        good.push({ userId, target });
      }

      problems.sort((a, b) => a.line - b.line);
      const apply = job.mode === 'partial' || problems.length === 0;
      if (apply) {
        for (const part of chunks(good, CHUNK)) await this.insert(m, part, job.created_by);
      }
      const applied = apply ? good.length : 0;
      await m.query(
        `UPDATE bulk_enrollment_jobs SET status = 'done', applied = $2, problems = $3,
                more_problems = $4, processed = total, finished_at = clock_timestamp()
          WHERE id = $1`,
        [
          job.id,
          applied,
          JSON.stringify(problems.slice(0, MAX_LISTED_PROBLEMS)),
          Math.max(0, problems.length - MAX_LISTED_PROBLEMS),
        ],
      );
      await this.audit.record(
        {
          actorId: job.created_by,
          action: 'enrollment.bulk',
          targetType: 'bulk_enrollment_job',
          targetId: job.id,
          after: { mode: job.mode, applied, problems: problems.length },
          requestId: job.request_id,
        },
        m,
      );
    });
  }

  /** Progress is written outside the transaction, so an admin watching sees it move. */
  private async progress(id: string, processed: number): Promise<void> {
    await this.ds.query(`UPDATE bulk_enrollment_jobs SET processed = $2 WHERE id = $1`, [
      id,
      processed,
    ]);
  }

  private async findUsers(rows: BulkRow[]) {
    const byEmail = new Map<string, string>();
    const byIin = new Map<string, string>();
    const emails = [...new Set(rows.flatMap((r) => (r.email ? [r.email] : [])))];
    const iins = [...new Set(rows.flatMap((r) => (r.iin ? [r.iin] : [])))];
    for (const part of chunks(emails, 10000)) {
      const found: { id: string; email: string }[] = await this.ds.query(
        `SELECT id, email FROM users WHERE email = ANY($1::text[])`,
        [part],
      );
      for (const u of found) byEmail.set(u.email, u.id);
    }
    for (const part of chunks(iins, 10000)) {
      const found: { id: string; iin: string }[] = await this.ds.query(
        `SELECT id, iin FROM users WHERE iin = ANY($1::bpchar[])`,
        [part],
      );
      for (const u of found) byIin.set(u.iin, u.id);
    }
    return { byEmail, byIin };
  }

  /** Cohort codes (case-insensitive), or the slug of a published MOOC. */
  private async findTargets(rows: BulkRow[]): Promise<Map<string, Target>> {
    const codes = [...new Set(rows.map((r) => r.cohort.toLowerCase()))];
    const found: {
      code: string;
      course_id: string;
      level: LadderLevel;
      cohort_id: string | null;
      version_id: string;
      seats: number | null;
    }[] = await this.ds.query(
      `SELECT lower(h.code) AS code, h.course_id, c.level, h.id AS cohort_id, h.version_id, h.seats
         FROM cohorts h JOIN courses c ON c.id = h.course_id
        WHERE lower(h.code) = ANY($1::text[])
       UNION ALL
       SELECT c.slug, c.id, c.level, NULL, c.published_version_id, NULL
         FROM courses c
        WHERE c.slug = ANY($1::text[]) AND c.kind = 'mooc' AND c.published_version_id IS NOT NULL`,
      [codes],
    );
    const out = new Map<string, Target>();
    for (const t of found) {
      if (out.has(t.code)) continue; // a cohort code wins over a MOOC slug
      out.set(t.code, {
        code: t.code,
        courseId: t.course_id,
        level: t.level,
        cohortId: t.cohort_id,
        versionId: t.version_id,
        seats: t.seats,
      });
    }
    return out;
  }

  private async liveEnrolments(
    m: EntityManager,
    pairs: { userId: string; courseId: string }[],
  ): Promise<Set<string>> {
    const live = new Set<string>();
    for (const part of chunks(pairs, 10000)) {
      const rows: { user_id: string; course_id: string }[] = await m.query(
        `SELECT e.user_id, e.course_id
           FROM enrollments e
           JOIN unnest($1::uuid[], $2::uuid[]) AS p(user_id, course_id)
             ON p.user_id = e.user_id AND p.course_id = e.course_id
          WHERE e.status IN ('pending', 'waitlisted', 'active', 'completed')`,
        [part.map((p) => p.userId), part.map((p) => p.courseId)],
      );
      for (const r of rows) live.add(`${r.user_id}:${r.course_id}`);
    }
    return live;
  }

  private async insert(
    m: EntityManager,
    rows: { userId: string; target: Target }[],
    adminId: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO enrollments (user_id, course_id, version_id, cohort_id, status, source,
                                decided_by, decided_at)
       SELECT u, c, v, h, 'active', 'bulk', $5, now()
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[]) AS r(u, c, v, h)`,
      [
        rows.map((r) => r.userId),
        rows.map((r) => r.target.courseId),
        rows.map((r) => r.target.versionId),
        rows.map((r) => r.target.cohortId),
        adminId,
      ],
    );
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
