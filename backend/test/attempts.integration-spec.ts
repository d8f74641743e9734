import { DataSource } from 'typeorm';
import type { AttemptStarted, AttemptView } from '@qadam/contracts';
import { useTestApp } from './support/app';
import { courseWithTest, createBank } from './support/assessments';
import { createUserWithRoles } from './support/courses';
import { createTeacher } from './support/factories';

/** Keys that carry an answer key, a correct flag or a scoring rule. */
const SECRET_KEYS = new Set([
  'correct',
  'correctResponse',
  'fraction',
  'fractions',
  'answer',
  'answers',
  'accepted',
  'tolerance',
  'scoring',
  'pairs',
  'sequence',
  'distractors',
  'definition',
  'feedback',
  'caseSensitive',
  'meets',
]);

/** Every place in a response body where a secret key appears. */
function secretsIn(body: unknown, path = '$'): string[] {
  if (Array.isArray(body)) return body.flatMap((v, i) => secretsIn(v, `${path}[${i}]`));
  if (body && typeof body === 'object') {
    return Object.entries(body).flatMap(([k, v]) => [
      ...(SECRET_KEYS.has(k) ? [`${path}.${k}`] : []),
      ...secretsIn(v, `${path}.${k}`),
    ]);
  }
  return [];
}

const ALL_TYPES = [
  'single',
  'multiple',
  'true-false',
  'matching',
  'ordering',
  'short-answer',
  'numeric',
  'essay',
];

describe('attempts', () => {
  const ctx = useTestApp({ ATTEMPT_SWEEP_SECONDS: '1' });
  let db: DataSource;
  let bank: string;
  beforeAll(async () => {
    db = ctx.app.get(DataSource);
    bank = (await createBank(ctx.app)).key;
  });

  const fixed = (keys = ALL_TYPES) => [{ key: 'main', items: keys.map((k) => `${bank}/${k}`) }];

  async function start(assessmentId: string, token: string, lang = 'kk') {
    return ctx.api.post(`/api/assessments/${assessmentId}/attempts`, {}, { token, lang });
  }

  function itemOf(a: AttemptStarted, type: string) {
    const item = a.items.find((i) => i.type === type);
    if (!item) throw new Error(`no ${type} item`);
    return item;
  }

  /** The option id whose text (kk) is this. */
  function optionId(
    a: AttemptStarted,
    type: string,
    text: string,
    list: 'options' | 'stems' = 'options',
  ) {
    const o = itemOf(a, type)[list]!.find((x) => x.text === text);
    if (!o) throw new Error(`no option ${text}`);
    return o.id;
  }

  describe('a whole attempt, every item type', () => {
    let t: { id: string; token: string };
    let assessmentId: string;
    let attempt: AttemptStarted;
    const seen: { what: string; body: unknown }[] = [];

    beforeAll(async () => {
      const c = await courseWithTest(ctx.app, {
        sections: fixed(),
        review: { shows: 'feedback', from: 'submit' },
      });
      t = c.teacher;
      assessmentId = c.assessmentId;
      const res = await start(assessmentId, t.token);
      expect(res.status).toBe(201);
      attempt = res.body;
      seen.push({ what: 'start', body: res.body });
    });

    it('starts with every item, a server deadline, and nothing of the key', async () => {
      expect(attempt.items.map((i) => i.type).sort()).toEqual([
        'essay',
        'matching',
        'multiple',
        'numeric',
        'ordering',
        'short_answer',
        'single',
        'true_false',
      ]);
      const deadline = Date.parse(attempt.deadline!) - Date.parse(attempt.startedAt);
      expect(deadline).toBe(40 * 60 * 1000);
      expect(secretsIn(attempt)).toEqual([]);
      // Option ids are the stored ones, but a text a teacher never sees is nowhere.
      expect(JSON.stringify(attempt)).not.toContain('Құнанбайұлы');
      expect(JSON.stringify(attempt)).not.toContain('3.14');
      expect(itemOf(attempt, 'essay').rubric![0].levels[1]).toEqual({
        id: 'meets',
        title: 'Жеткілікті',
      });
    });

    it('gives the unfinished attempt back on a second start (200, same id)', async () => {
      const again = await start(assessmentId, t.token);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(attempt.id);
      seen.push({ what: 'resume', body: again.body });
    });

    it('autosaves idempotently, refuses a wrong shape, and hides the attempt from others', async () => {
      const put = (itemType: string, response: unknown, token = t.token) =>
        ctx.api.put(
          `/api/attempts/${attempt.id}/responses/${itemOf(attempt, itemType).id}`,
          { response },
          { token },
        );
      const answers: [string, unknown][] = [
        ['single', optionId(attempt, 'single', 'Келесі сөзді болжайды')],
        [
          'multiple',
          [
            optionId(attempt, 'multiple', 'ЖСН'),
            optionId(attempt, 'multiple', 'Аты-жөні'),
            optionId(attempt, 'multiple', 'Ауа райы'),
          ],
        ],
        ['true_false', false],
        [
          'matching',
          {
            [optionId(attempt, 'matching', 'Промпт', 'stems')]: optionId(
              attempt,
              'matching',
              'Сұраныс',
            ),
            [optionId(attempt, 'matching', 'Галлюцинация', 'stems')]: optionId(
              attempt,
              'matching',
              'Ойдан шығарылған факт',
            ),
            [optionId(attempt, 'matching', 'Токен', 'stems')]: optionId(
              attempt,
              'matching',
              'Сурет',
            ),
          },
        ],
        [
          'ordering',
          ['Мақсат қою', 'Промпт жазу', 'Сабаққа бейімдеу', 'Жауапты тексеру'].map((x) =>
            optionId(attempt, 'ordering', x),
          ),
        ],
        // Latin A and a Cyrillic Б, upper case, extra spaces: still «Абай».
        ['short_answer', '  AБAЙ '],
        ['numeric', '3,14'],
        ['essay', 'Құралды қолданар алдында деректердің қайда сақталатынын тексеремін.'],
      ];
      for (const [type, response] of answers) {
        const res = await put(type, response);
        expect([type, res.status]).toEqual([type, 200]);
        expect(Date.parse(res.body.savedAt)).not.toBeNaN();
        seen.push({ what: `save ${type}`, body: res.body });
      }
      // Saving again changes nothing but the time: one row per item.
      const again = await put('single', optionId(attempt, 'single', 'Келесі сөзді болжайды'));
      expect(again.status).toBe(200);
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM responses WHERE attempt_id = $1`,
        [attempt.id],
      );
      expect(n).toBe(8);

      const wrong = await put('single', 'no-such-option');
      expect(wrong.status).toBe(400);
      expect(wrong.body.code).toBe('VALIDATION_FAILED');
      expect(wrong.body.details[0].field).toBe('response');
      const missing = await ctx.api.put(
        `/api/attempts/${attempt.id}/responses/${itemOf(attempt, 'single').id}`,
        {},
        { token: t.token },
      );
      expect(missing.status).toBe(400);

      const other = await createTeacher(ctx.app);
      expect((await put('single', 'gen', other.accessToken)).status).toBe(404);
      expect(
        (await ctx.api.get(`/api/attempts/${attempt.id}`, { token: other.accessToken })).status,
      ).toBe(404);
      expect(
        (await ctx.api.post(`/api/attempts/${attempt.id}/submit`, {}, { token: other.accessToken }))
          .status,
      ).toBe(404);
      const notInAttempt = await ctx.api.put(
        `/api/attempts/${attempt.id}/responses/00000000-0000-4000-8000-000000000000`,
        { response: 'x' },
        { token: t.token },
      );
      expect(notInAttempt.status).toBe(404);

      const view = await ctx.api.get(`/api/attempts/${attempt.id}`, { token: t.token });
      expect(view.status).toBe(200);
      expect(view.body.responses[itemOf(attempt, 'numeric').id].response).toBe('3,14');
      expect(view.body.review).toBeUndefined();
      seen.push({ what: 'view before submit', body: view.body });
    });

    it('grades objective items at submit, leaves the essay to a grader, and submits idempotently', async () => {
      const res = await ctx.api.post(`/api/attempts/${attempt.id}/submit`, {}, { token: t.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        score: null,
        maxScore: 13,
        percent: null,
        passed: null,
        status: 'submitted',
      });
      seen.push({ what: 'submit', body: res.body });
      const twice = await ctx.api.post(
        `/api/attempts/${attempt.id}/submit`,
        {},
        { token: t.token },
      );
      expect(twice.body).toEqual(res.body);

      const fractions: { type: string; fraction: string | null; needs_grading: boolean }[] =
        await db.query(
          `SELECT v.definition ->> 'type' AS type, r.fraction, r.needs_grading
           FROM responses r JOIN item_versions v ON v.id = r.item_version_id
          WHERE r.attempt_id = $1 ORDER BY 1`,
          [attempt.id],
        );
      expect(
        Object.fromEntries(
          fractions.map((f) => [f.type, f.fraction === null ? null : Number(f.fraction)]),
        ),
      ).toEqual({
        essay: null,
        matching: 0.6667, // 2 of 3 pairs
        multiple: 0.3333, // 2 right and 1 wrong of 3 right: (2 - 1) / 3
        numeric: 1, // "3,14" within 0.005 of 3.14
        ordering: 0.3333, // 1 of 3 adjacent pairs kept
        short_answer: 1, // normalised to «абай»
        single: 1,
        true_false: 1,
      });
      expect(fractions.find((f) => f.type === 'essay')!.needs_grading).toBe(true);
    });

    it('refuses a save after submit with ATTEMPT_CLOSED and keeps what was saved', async () => {
      const item = itemOf(attempt, 'numeric');
      const res = await ctx.api.put(
        `/api/attempts/${attempt.id}/responses/${item.id}`,
        { response: 42 },
        { token: t.token, lang: 'ru' },
      );
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('ATTEMPT_CLOSED');
      expect(res.body.message).toContain('Ответы, сохранённые раньше, остались');
      const [row] = await db.query(
        `SELECT response FROM responses WHERE attempt_id = $1 AND item_version_id = $2`,
        [attempt.id, item.id],
      );
      expect(row.response).toBe('3,14');
      seen.push({ what: 'closed save', body: res.body });
    });

    it('puts the essay in the grading queue for assessors only; the last grade makes the result final', async () => {
      const assessor = await createUserWithRoles(ctx.app, ['author', 'assessor']);
      const author = await createUserWithRoles(ctx.app, ['author']);
      expect((await ctx.api.get('/api/grading/tasks', { token: author.accessToken })).status).toBe(
        403,
      );
      expect((await ctx.api.get('/api/grading/tasks', { token: t.token })).status).toBe(403);

      const queue = await ctx.api.get(`/api/grading/tasks?assessmentId=${assessmentId}`, {
        token: assessor.accessToken,
      });
      expect(queue.status).toBe(200);
      expect(queue.body.total).toBe(1);
      const task = queue.body.items[0];
      expect(task).toMatchObject({
        attemptId: attempt.id,
        itemId: itemOf(attempt, 'essay').id,
        points: 6,
      });
      expect(task.response).toContain('деректердің қайда сақталатынын');
      // A page past the end is empty but still counts what waits.
      const past = await ctx.api.get(
        `/api/grading/tasks?assessmentId=${assessmentId}&page=2&pageSize=1`,
        { token: assessor.accessToken },
      );
      expect(past.body).toMatchObject({ items: [], total: 1, page: 2 });

      const url = `/api/grading/attempts/${attempt.id}/items/${task.itemId}`;
      const incomplete = await ctx.api.put(
        url,
        { levels: { argument: 'meets' } },
        { token: assessor.accessToken },
      );
      expect(incomplete.status).toBe(400);
      expect(incomplete.body.details[0].rule).toBe('rubric.missing-criterion');

      const graded = await ctx.api.put(
        url,
        { levels: { argument: 'meets', privacy: 'meets' }, comment: 'Жақсы' },
        { token: assessor.accessToken },
      );
      expect(graded.status).toBe(200);
      // 1 + 1/3 + 1 + 2/3 + 1/3 + 1 + 1 + 4 of 13 points.
      expect(graded.body).toEqual({
        score: 9.333,
        maxScore: 13,
        percent: 71.79,
        passed: true,
        status: 'graded',
      });
      const after = await ctx.api.get('/api/grading/tasks', { token: assessor.accessToken });
      expect(
        after.body.items.find((x: { attemptId: string }) => x.attemptId === attempt.id),
      ).toBeUndefined();

      // A passed final: its progress, its section results and one pending certificate (with
      // the outbox row that asks the worker to issue it), together.
      const [progress] = await db.query(
        `SELECT p.best_score, p.passed_at FROM assessment_progress p JOIN attempts a
            ON a.enrollment_id = p.enrollment_id WHERE a.id = $1`,
        [attempt.id],
      );
      expect(progress.best_score).toBeCloseTo(71.79, 2);
      expect(progress.passed_at).not.toBeNull();
      const sections = await db.query(
        `SELECT competency, score::float, max_score::float, threshold FROM attempt_section_results
          WHERE attempt_id = $1 ORDER BY competency`,
        [attempt.id],
      );
      expect(sections).toEqual([
        { competency: 'unesco-cft:1.1', score: 1, max_score: 1, threshold: 70 },
        { competency: 'unesco-cft:2.1', score: 5.333, max_score: 8, threshold: 70 },
        { competency: 'unesco-cft:3.1', score: 0.667, max_score: 1, threshold: 70 },
        { competency: 'unesco-cft:4.1', score: 1.333, max_score: 2, threshold: 70 },
        { competency: 'unesco-cft:5.1', score: 1, max_score: 1, threshold: 70 },
      ]);
      const certificates = await db.query(
        `SELECT c.id, c.status, c.user_id, c.generation, o.topic, o.dedupe_key
           FROM certificates c JOIN outbox o ON o.payload ->> 'certificateId' = c.id::text
          WHERE c.attempt_id = $1`,
        [attempt.id],
      );
      expect(certificates).toHaveLength(1);
      expect(certificates[0]).toMatchObject({
        status: 'pending',
        user_id: t.id,
        topic: 'certificate.issue',
        dedupe_key: `certificate:${certificates[0].id}:1`,
      });
    });

    it('shows the review the test allows once graded, and never a key before', async () => {
      const view = await ctx.api.get(`/api/attempts/${attempt.id}`, { token: t.token });
      const body = view.body as AttemptView;
      expect(body.status).toBe('graded');
      expect(body.review!.shows).toBe('feedback');
      const single = body.review!.items.find((i) => i.id === itemOf(attempt, 'single').id)!;
      expect(single).toMatchObject({
        score: 1,
        maxScore: 1,
        correct: true,
        feedback: 'Модель мәтінді болжайды.',
      });
      const essay = body.review!.items.find((i) => i.id === itemOf(attempt, 'essay').id)!;
      expect(essay).toMatchObject({ score: 4, maxScore: 6, comment: 'Жақсы' });

      // Before the review opened, no teacher-facing answer carried a key, a flag or a rule.
      for (const s of seen) expect([s.what, secretsIn(s.body)]).toEqual([s.what, []]);
      const detail = await ctx.api.get(
        `/api/courses/${
          (
            await db.query(
              `SELECT c.slug FROM attempts a JOIN enrollments e ON e.id = a.enrollment_id
           JOIN courses c ON c.id = e.course_id WHERE a.id = $1`,
              [attempt.id],
            )
          )[0].slug
        }`,
        { token: t.token },
      );
      expect(secretsIn(detail.body)).toEqual([]);
    });
  });
});
