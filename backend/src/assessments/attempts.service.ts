import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import type {
  AttemptItemView,
  AttemptResult,
  AttemptStarted,
  AttemptView,
  ItemDefinition,
  ItemResponse,
  Lang,
  ReviewItem,
} from '@qadam/contracts';
import type { AuthUser } from '../common/access/access.decorators';
import { DomainError } from '../common/errors/domain-error';
import { pgPool } from '../database/pg-pool';
import { AssessmentDef, AssessmentDefs } from './assessment-defs';
import { ATTEMPT_COLUMNS, AttemptGrader, AttemptRow, resultOf } from './attempt-grader';
import { BankPools } from './bank-pools';
import type { Presentation } from './entities/attempt-item.entity';
import {
  correctResponse,
  itemFeedback,
  responseProblem,
  RESPONSE_RULE_MESSAGES,
} from './items/grading';
import { itemMaxPoints } from './items/item-schema';
import { makePresentation, seededRandom, teacherItemView } from './items/teacher-view';
import { banksOf, planSections } from './section-plan';

/**
 * The autosave: checks the attempt is the caller's, open and before its deadline, and upserts
 * the answer, in one statement. The share lock on the attempt makes a closing transaction wait
 * for it, so every answer accepted is graded and none is accepted after.
 */
const SAVE_RESPONSE = `
  INSERT INTO responses (attempt_id, item_version_id, response, saved_at)
  SELECT ai.attempt_id, ai.item_version_id, $4::jsonb, now()
    FROM attempts a
    JOIN attempt_items ai ON ai.attempt_id = a.id AND ai.item_version_id = $3
   WHERE a.id = $1 AND a.user_id = $2 AND a.status = 'in_progress'
     AND (a.deadline IS NULL OR a.deadline > now())
     FOR SHARE OF a
  ON CONFLICT (attempt_id, item_version_id) DO UPDATE
     SET response = EXCLUDED.response, saved_at = EXCLUDED.saved_at
  RETURNING saved_at`;

interface AttemptItemRow {
  item_version_id: string;
  section_key: string;
  points: string;
  presentation: Presentation;
  definition: ItemDefinition;
  response: ItemResponse | undefined;
  saved_at: Date | null;
  fraction: string | null;
  comment: string | null;
}

/**
 * Timed attempts: start (or resume), autosave, submit, and the teacher's view with the review
 * the test allows. Hot paths are short: a save is one statement; a start is two reads and one
 * write, with the assessment and its banks cached.
 */
@Injectable()
export class AttemptsService {
  /** Item versions by id, for checking a saved answer's shape without a database read. */
  private readonly versions = new LRUCache<string, Promise<ItemDefinition | null>>({ max: 20_000 });

  constructor(
    private readonly ds: DataSource,
    private readonly defs: AssessmentDefs,
    private readonly pools: BankPools,
    private readonly grader: AttemptGrader,
  ) {}

  async start(
    user: AuthUser,
    assessmentId: string,
    lang: Lang,
  ): Promise<{ created: boolean; attempt: AttemptStarted }> {
    const asked = await this.defs.get(assessmentId);
    if (!asked) throw new DomainError('NOT_FOUND');
    const [enrollment] = await this.ds.query(
      `SELECT e.id, e.version_id,
              coalesce((SELECT json_agg(json_build_object(
                         'id', t.id, 'status', t.status,
                         'expired', t.deadline IS NOT NULL AND t.deadline <= now()))
                          FROM attempts t
                         WHERE t.enrollment_id = e.id AND t.assessment_key = $3), '[]') AS attempts
         FROM enrollments e
        WHERE e.user_id = $1 AND e.course_id = $2 AND e.status IN ('active', 'completed')`,
      [user.id, asked.courseId, asked.key],
    );
    if (!enrollment) throw new DomainError('NOT_ENROLLED');
    // The teacher takes the assessment of the version they are enrolled in.
    const def =
      enrollment.version_id === asked.versionId
        ? asked
        : await this.defs.inVersion(enrollment.version_id, asked.key);
    if (!def) throw new DomainError('NOT_FOUND');

    const attempts: { id: string; status: string; expired: boolean }[] = enrollment.attempts;
    const open = attempts.find((a) => a.status === 'in_progress');
    if (open && !open.expired) {
      return { created: false, attempt: await this.view(open.id, user, lang) };
    }
    if (open) await this.grader.close(open.id, 'deadline', null);

    const now = Date.now();
    if (
      (def.availableFrom && now < new Date(def.availableFrom).getTime()) ||
      (def.availableUntil && now >= new Date(def.availableUntil).getTime())
    ) {
      throw new DomainError('ASSESSMENT_NOT_AVAILABLE', {
        from: def.availableFrom ? new Date(def.availableFrom).toISOString() : '—',
        until: def.availableUntil ? new Date(def.availableUntil).toISOString() : '—',
      });
    }
    if (def.attemptsAllowed !== null && attempts.length >= def.attemptsAllowed) {
      throw new DomainError('NO_ATTEMPTS_LEFT', { allowed: def.attemptsAllowed });
    }
    if (def.sections.length === 0) throw new DomainError('ASSESSMENT_NOT_READY');

    const id = randomUUID();
    const random = seededRandom(id);
    const pools = await this.pools.get(banksOf(def.sections));
    const plan = planSections(def.sections, pools, random, def.shuffleItems);
    if (plan.problems.length > 0 || plan.items.length === 0) {
      throw new DomainError('ASSESSMENT_NOT_READY');
    }
    const items = plan.items.map((p, position) => ({
      id: p.item.versionId,
      position,
      section: p.section,
      points: itemMaxPoints(p.item.definition),
      presentation: makePresentation(p.item.definition, random, def.shuffleOptions),
      definition: p.item.definition,
    }));
    const maxScore = items.reduce((s, i) => s + i.points, 0);
    const [row] = await this.ds.query(
      `WITH a AS (
         INSERT INTO attempts (id, user_id, enrollment_id, assessment_id, assessment_key, number,
                               status, started_at, deadline, max_score)
         VALUES ($1, $2, $3, $4, $5, $6, 'in_progress', now(),
                 least(now() + make_interval(mins => $7::int), $8::timestamptz), $9)
         ON CONFLICT (enrollment_id, assessment_key) WHERE status = 'in_progress' DO NOTHING
         RETURNING id, started_at, deadline, now() AS server_time
       ), i AS (
         INSERT INTO attempt_items (attempt_id, item_version_id, position, section_key, points,
                                    presentation)
         SELECT a.id, x.id, x.position, x.section, x.points, x.presentation
           FROM a, jsonb_to_recordset($10::jsonb)
                AS x(id uuid, position int, section text, points numeric, presentation jsonb)
       )
       SELECT * FROM a`,
      [
        id,
        user.id,
        enrollment.id,
        def.id,
        def.key,
        attempts.length + 1,
        def.timeLimitMinutes,
        def.availableUntil,
        maxScore,
        JSON.stringify(items.map(({ definition: _d, ...rest }) => rest)),
      ],
    );
    if (!row) {
      // A start at the same moment (a double click, a second tab) won: resume that one.
      const [other] = await this.ds.query(
        `SELECT id FROM attempts WHERE enrollment_id = $1 AND assessment_key = $2
            AND status = 'in_progress'`,
        [enrollment.id, def.key],
      );
      if (!other) throw new DomainError('ATTEMPT_CLOSED');
      return { created: false, attempt: await this.view(other.id, user, lang) };
    }
    for (const i of items) this.versions.set(i.id, Promise.resolve(i.definition));
    return {
      created: true,
      attempt: {
        id,
        assessmentId: def.id,
        number: attempts.length + 1,
        status: 'in_progress',
        startedAt: new Date(row.started_at).toISOString(),
        deadline: row.deadline ? new Date(row.deadline).toISOString() : null,
        serverTime: new Date(row.server_time).toISOString(),
        layout: def.layout,
        lang,
        items: items.map((i) =>
          teacherItemView(i.definition, i.id, i.presentation, lang, i.section),
        ),
        responses: {},
      },
    };
  }

  /** Autosave (see SAVE_RESPONSE); the item's shape check needs no database read. */
  async save(
    user: AuthUser,
    attemptId: string,
    itemId: string,
    body: unknown,
  ): Promise<{ savedAt: string }> {
    const response = readResponseBody(body);
    const definition = await this.definition(itemId);
    if (!definition) throw new DomainError('NOT_FOUND');
    const problem = responseProblem(definition, response);
    if (problem) {
      throw new DomainError('VALIDATION_FAILED', {}, [
        {
          field: 'response',
          rule: problem.rule,
          params: problem.params,
          message: RESPONSE_RULE_MESSAGES[problem.rule as keyof typeof RESPONSE_RULE_MESSAGES],
        },
      ]);
    }
    const { rows } = await pgPool(this.ds).query<{ saved_at: Date }>({
      name: 'attempts.save-response',
      text: SAVE_RESPONSE,
      values: [attemptId, user.id, itemId, JSON.stringify(response)],
    });
    if (rows.length > 0) return { savedAt: new Date(rows[0].saved_at).toISOString() };

    // Not saved: say why (the slow path only).
    const [a] = await this.ds.query(
      `SELECT a.status, a.deadline IS NOT NULL AND a.deadline <= now() AS expired,
              EXISTS (SELECT 1 FROM attempt_items ai
                       WHERE ai.attempt_id = a.id AND ai.item_version_id = $3) AS has_item
         FROM attempts a WHERE a.id = $1 AND a.user_id = $2`,
      [attemptId, user.id, itemId],
    );
    if (!a || !a.has_item) throw new DomainError('NOT_FOUND');
    if (a.status === 'in_progress' && a.expired) {
      await this.grader.close(attemptId, 'deadline', null);
    }
    throw new DomainError('ATTEMPT_CLOSED');
  }

  /** Submitting twice, or after the deadline closed it, answers with the same result. */
  async submit(user: AuthUser, attemptId: string): Promise<AttemptResult> {
    const closed = await this.grader.close(attemptId, 'teacher', user.id);
    if (closed) return resultOf(closed);
    const [a] = await this.ds.query(
      `SELECT ${ATTEMPT_COLUMNS} FROM attempts WHERE id = $1 AND user_id = $2`,
      [attemptId, user.id],
    );
    if (!a) throw new DomainError('NOT_FOUND');
    return resultOf(a as AttemptRow);
  }

  /** The attempt for its owner (or an admin): items, saved answers, result and review. */
  async view(attemptId: string, user: AuthUser, lang: Lang): Promise<AttemptView> {
    const admin = user.roles.includes('admin');
    let [a] = await this.ds.query(
      `SELECT *, deadline IS NOT NULL AND deadline <= now() AS expired, now() AS server_time
         FROM attempts WHERE id = $1 AND (user_id = $2 OR $3)`,
      [attemptId, user.id, admin],
    );
    if (!a) throw new DomainError('NOT_FOUND');
    if (a.status === 'in_progress' && a.expired) {
      await this.grader.close(attemptId, 'deadline', null);
      [a] = await this.ds.query(`SELECT *, now() AS server_time FROM attempts WHERE id = $1`, [
        attemptId,
      ]);
    }
    const def = (await this.defs.get(a.assessment_id))!;
    const rows: AttemptItemRow[] = await this.ds.query(
      `SELECT ai.item_version_id, ai.section_key, ai.points, ai.presentation, v.definition,
              r.response, r.saved_at, r.fraction, r.comment
         FROM attempt_items ai
         JOIN item_versions v ON v.id = ai.item_version_id
         LEFT JOIN responses r ON r.attempt_id = ai.attempt_id
                              AND r.item_version_id = ai.item_version_id
        WHERE ai.attempt_id = $1
        ORDER BY ai.position`,
      [attemptId],
    );
    const responses: AttemptView['responses'] = {};
    for (const r of rows) {
      if (r.saved_at) {
        responses[r.item_version_id] = {
          response: r.response ?? null,
          savedAt: new Date(r.saved_at).toISOString(),
        };
      }
    }
    const items: AttemptItemView[] = rows.map((r) =>
      teacherItemView(r.definition, r.item_version_id, r.presentation, lang, r.section_key),
    );
    const view: AttemptView = {
      id: a.id,
      assessmentId: a.assessment_id,
      number: a.number,
      startedAt: new Date(a.started_at).toISOString(),
      deadline: a.deadline ? new Date(a.deadline).toISOString() : null,
      serverTime: new Date(a.server_time).toISOString(),
      layout: def.layout,
      lang,
      items,
      responses,
      ...resultOf(a),
      submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
      closedBy: a.closed_by,
    };
    const shows = this.reviewShows(def, a.status, admin);
    if (shows) view.review = { shows, items: rows.map((r) => reviewItem(r, shows, lang)) };
    return view;
  }

  /** What the review shows now, or null while it is not open. Admins always see all of it. */
  private reviewShows(def: AssessmentDef, status: string, admin: boolean) {
    if (status === 'in_progress') return null;
    if (admin) return 'feedback' as const;
    if (def.reviewFrom === 'never') return null;
    if (def.reviewFrom === 'close') {
      // Others may still be taking it until the test closes; without a closing time it never does.
      if (!def.availableUntil || Date.now() < new Date(def.availableUntil).getTime()) return null;
    }
    return def.reviewShows;
  }

  private definition(versionId: string): Promise<ItemDefinition | null> {
    let p = this.versions.get(versionId);
    if (!p) {
      p = this.ds
        .query(`SELECT definition FROM item_versions WHERE id = $1`, [versionId])
        .then((rows: { definition: ItemDefinition }[]) => rows[0]?.definition ?? null);
      p.catch(() => this.versions.delete(versionId));
      this.versions.set(versionId, p);
    }
    return p;
  }
}

function reviewItem(
  r: AttemptItemRow,
  shows: 'score' | 'answers' | 'feedback',
  lang: Lang,
): ReviewItem {
  const points = Number(r.points);
  const fraction = r.fraction === null ? null : Number(r.fraction);
  const item: ReviewItem = {
    id: r.item_version_id,
    score: fraction === null ? null : Math.round(fraction * points * 1000) / 1000,
    maxScore: points,
  };
  if (r.comment) item.comment = r.comment;
  if (shows === 'score') return item;
  item.correct = fraction === 1;
  item.correctResponse = correctResponse(r.definition);
  if (shows === 'feedback') {
    const text = itemFeedback(r.definition, r.response ?? null, fraction ?? 0, lang);
    if (text) item.feedback = text;
  }
  return item;
}

/**
 * `{ response }` and nothing else. Checked here rather than by a DTO class: this is the hottest
 * route of an exam day, and the validation pipe's transform would cost more than the check.
 */
function readResponseBody(body: unknown): ItemResponse {
  if (!body || typeof body !== 'object' || Array.isArray(body) || !('response' in body)) {
    throw DomainError.invalid('response', 'isDefined');
  }
  const extra = Object.keys(body).find((k) => k !== 'response');
  if (extra) throw DomainError.invalid(extra, 'whitelistValidation');
  return (body as { response: ItemResponse }).response;
}
