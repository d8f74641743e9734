import { DataSource } from 'typeorm';
import type { AttemptStarted, ItemDefinition } from '@qadam/contracts';
import { useTestApp } from './support/app';
import { courseWithTest, createBank, enrolledTeacher, ITEMS } from './support/assessments';
import { createAdmin } from './support/factories';
import { createUserWithRoles, eventually } from './support/courses';

const HOUR = 3600 * 1000;

describe('attempt lifecycle: deadlines, limits, draws, versions, regrades', () => {
  const ctx = useTestApp({ ATTEMPT_SWEEP_SECONDS: '1' });
  let db: DataSource;
  beforeAll(() => {
    db = ctx.app.get(DataSource);
  });

  const start = (assessmentId: string, token: string) =>
    ctx.api.post(`/api/assessments/${assessmentId}/attempts`, {}, { token });
  const save = (a: AttemptStarted, index: number, response: unknown, token: string) =>
    ctx.api.put(`/api/attempts/${a.id}/responses/${a.items[index].id}`, { response }, { token });
  const singleId = (a: AttemptStarted, index: number, text: string) =>
    a.items[index].options!.find((o) => o.text === text)!.id;

  it('closes an abandoned attempt at its deadline on the server and grades what was saved', async () => {
    const { key } = await createBank(ctx.app, { single: ITEMS.single, tf: ITEMS.true_false });
    const c = await courseWithTest(ctx.app, {
      sections: [{ key: 'main', items: [`${key}/single`, `${key}/tf`] }],
      timeLimitMinutes: 1,
      passMark: 50,
    });
    const res = await start(c.assessmentId, c.teacher.token);
    const a = res.body as AttemptStarted;
    const single = a.items.findIndex((i) => i.type === 'single');
    expect(
      (await save(a, single, singleId(a, single, 'Келесі сөзді болжайды'), c.teacher.token)).status,
    ).toBe(200);

    // The browser goes away; a minute passes (moved here, rather than waited for). Nothing
    // touches the attempt any more: only the server's sweep can close it.
    await db.query(`UPDATE attempts SET deadline = now() - interval '1 second' WHERE id = $1`, [
      a.id,
    ]);
    const closed = await eventually(
      () =>
        db.query(`SELECT status, closed_by, score::float, passed FROM attempts WHERE id = $1`, [
          a.id,
        ]),
      (rows) => rows[0].status !== 'in_progress',
    );
    expect(closed[0]).toEqual({ status: 'graded', closed_by: 'deadline', score: 1, passed: true });
    const late = await save(a, 1 - single, false, c.teacher.token);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ATTEMPT_CLOSED');
    const submit = await ctx.api.post(
      `/api/attempts/${a.id}/submit`,
      {},
      { token: c.teacher.token },
    );
    expect(submit.body).toMatchObject({ score: 1, maxScore: 2, passed: true, status: 'graded' });
  });

  it('refuses a save that arrives after the deadline at once, before any sweep, keeping earlier ones', async () => {
    const { key } = await createBank(ctx.app, { single: ITEMS.single, tf: ITEMS.true_false });
    const c = await courseWithTest(ctx.app, {
      sections: [{ key: 'main', items: [`${key}/single`, `${key}/tf`] }],
    });
    const a = (await start(c.assessmentId, c.teacher.token)).body as AttemptStarted;
    const tf = a.items.findIndex((i) => i.type === 'true_false');
    expect((await save(a, tf, false, c.teacher.token)).status).toBe(200);
    await db.query(
      `UPDATE attempts SET deadline = now() - interval '1 millisecond' WHERE id = $1`,
      [a.id],
    );
    const late = await save(a, tf, true, c.teacher.token);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ATTEMPT_CLOSED');
    const [row] = await db.query(
      `SELECT r.response, a.closed_by FROM responses r JOIN attempts a ON a.id = r.attempt_id
        WHERE r.attempt_id = $1 AND r.item_version_id = $2`,
      [a.id, a.items[tf].id],
    );
    expect(row).toEqual({ response: false, closed_by: 'deadline' });
  });

  it('starts one attempt for two simultaneous starts, and counts attempts allowed', async () => {
    const { key } = await createBank(ctx.app, { single: ITEMS.single });
    const c = await courseWithTest(ctx.app, {
      sections: [{ key: 'main', items: [`${key}/single`] }],
      attemptsAllowed: 2,
    });
    const [x, y] = await Promise.all([
      start(c.assessmentId, c.teacher.token),
      start(c.assessmentId, c.teacher.token),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 201]);
    expect(x.body.id).toBe(y.body.id);
    await ctx.api.post(`/api/attempts/${x.body.id}/submit`, {}, { token: c.teacher.token });
    const second = await start(c.assessmentId, c.teacher.token);
    expect(second.status).toBe(201);
    expect(second.body.number).toBe(2);
    await ctx.api.post(`/api/attempts/${second.body.id}/submit`, {}, { token: c.teacher.token });
    const third = await start(c.assessmentId, c.teacher.token);
    expect(third.status).toBe(409);
    expect(third.body.code).toBe('NO_ATTEMPTS_LEFT');
  });

  it('refuses outside the availability window, without enrolment, and before items exist', async () => {
    const { key } = await createBank(ctx.app, { single: ITEMS.single });
    const later = await courseWithTest(ctx.app, {
      sections: [{ key: 'main', items: [`${key}/single`] }],
      availableFrom: new Date(Date.now() + 24 * HOUR).toISOString(),
      availableUntil: new Date(Date.now() + 48 * HOUR).toISOString(),
    });
    const res = await ctx.api.post(
      `/api/assessments/${later.assessmentId}/attempts`,
      {},
      {
        token: later.teacher.token,
        lang: 'ru',
      },
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ASSESSMENT_NOT_AVAILABLE');
    expect(res.body.message).toMatch(/^Тест сейчас недоступен/);

    const empty = await courseWithTest(ctx.app, { sections: [] });
    expect((await start(empty.assessmentId, empty.teacher.token)).body.code).toBe(
      'ASSESSMENT_NOT_READY',
    );

    const stranger = await createUserWithRoles(ctx.app, ['teacher']);
    expect((await start(empty.assessmentId, stranger.accessToken)).body.code).toBe('NOT_ENROLLED');
    expect((await start('00000000-0000-4000-8000-000000000000', stranger.accessToken)).status).toBe(
      404,
    );
  });

  it('ends the attempt by the closing time when that comes before the time limit', async () => {
    const { key } = await createBank(ctx.app, { single: ITEMS.single });
    const until = new Date(Date.now() + 10 * 60 * 1000);
    const c = await courseWithTest(ctx.app, {
      sections: [{ key: 'main', items: [`${key}/single`] }],
      timeLimitMinutes: 40,
      availableUntil: until.toISOString(),
    });
    const res = await start(c.assessmentId, c.teacher.token);
    expect(Date.parse(res.body.deadline)).toBe(until.getTime());
  });

  it('draws N distinct items stratified by competency, shuffled per attempt', async () => {
    const codes = [
      'unesco-cft:1.1',
      'unesco-cft:2.1',
      'unesco-cft:3.1',
      'unesco-cft:4.1',
      'unesco-cft:5.1',
    ];
    const items: Record<string, ItemDefinition> = {};
    codes.forEach((code, ci) => {
      for (let i = 0; i < 6; i += 1) {
        items[`q${ci}${i}`] = {
          ...(ITEMS.single as ItemDefinition),
          prompt: { kk: `Сұрақ ${ci}.${i}`, ru: `Вопрос ${ci}.${i}` },
          competencies: [code],
        } as ItemDefinition;
      }
    });
    const { key } = await createBank(ctx.app, items);
    const c = await courseWithTest(ctx.app, {
      sections: [{ key: 'drawn', draw: { bank: key, count: 10, stratify: true } }],
    });
    const prompts: string[][] = [];
    for (const teacher of [c.teacher, await enrolledTeacher(ctx.app, c.slug)]) {
      const a = (await start(c.assessmentId, teacher.token)).body as AttemptStarted;
      expect(a.items).toHaveLength(10);
      expect(new Set(a.items.map((i) => i.id)).size).toBe(10);
      const perBlock = new Map<string, number>();
      for (const i of a.items) {
        const block = i.prompt.replace(/^Сұрақ (\d)\..*$/, '$1');
        perBlock.set(block, (perBlock.get(block) ?? 0) + 1);
      }
      // Two from each of the five blocks.
      expect([...perBlock.values()]).toEqual([2, 2, 2, 2, 2]);
      prompts.push(a.items.map((i) => i.prompt));
    }
    expect(prompts[0]).not.toEqual(prompts[1]);
  });

  it('keeps an attempt on the item version it started with when the item is edited', async () => {
    const author = await createUserWithRoles(ctx.app, ['author']);
    const { key, id: bankId } = await createBank(ctx.app, { single: ITEMS.single });
    const c = await courseWithTest(ctx.app, {
      sections: [{ key: 'main', items: [`${key}/single`] }],
    });
    const first = (await start(c.assessmentId, c.teacher.token)).body as AttemptStarted;

    const listed = await ctx.api.get(`/api/banks/${bankId}/items`, { token: author.accessToken });
    const item = listed.body.items[0];
    const edited = {
      ...item.definition,
      prompt: { kk: 'Жаңа мәтін', ru: 'Новый текст' },
    };
    const res = await ctx.api.put(
      `/api/items/${item.id}`,
      { definition: edited },
      { token: author.accessToken },
    );
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    // The same content again makes no version.
    const same = await ctx.api.put(
      `/api/items/${item.id}`,
      { definition: edited },
      { token: author.accessToken },
    );
    expect(same.body.version).toBe(2);

    const resumed = await ctx.api.get(`/api/attempts/${first.id}`, { token: c.teacher.token });
    expect(resumed.body.items[0].prompt).toBe('Генеративті модель не істейді?');
    // A new attempt, once the bank cache has moved on, gets version 2.
    const other = await enrolledTeacher(ctx.app, c.slug);
    const fresh = await eventually(
      () => start(c.assessmentId, other.token),
      (r) => r.body.items?.[0]?.prompt === 'Жаңа мәтін',
    );
    expect(fresh.body.items[0].id).toBe(res.body.versionId);
  });

  it('regrades every closed attempt holding a corrected version, audited', async () => {
    const author = await createUserWithRoles(ctx.app, ['author']);
    const admin = await createAdmin(ctx.app);
    // The author got the key wrong: «Дерекқордан іздейді» is marked correct.
    const wrongKey = {
      ...ITEMS.single,
      options: (
        ITEMS.single as { options: { id: string; text: object; correct?: boolean }[] }
      ).options.map((o) => ({ ...o, correct: o.id === 'db' })),
    } as ItemDefinition;
    const { key, id: bankId } = await createBank(ctx.app, {
      single: wrongKey,
      tf: ITEMS.true_false,
    });
    const c = await courseWithTest(ctx.app, {
      sections: [{ key: 'main', items: [`${key}/single`, `${key}/tf`] }],
      passMark: 100,
    });
    const a = (await start(c.assessmentId, c.teacher.token)).body as AttemptStarted;
    const s = a.items.findIndex((i) => i.type === 'single');
    await save(a, s, singleId(a, s, 'Келесі сөзді болжайды'), c.teacher.token);
    await save(a, 1 - s, false, c.teacher.token);
    const before = await ctx.api.post(
      `/api/attempts/${a.id}/submit`,
      {},
      { token: c.teacher.token },
    );
    expect(before.body).toMatchObject({ score: 1, passed: false });

    const item = (
      await ctx.api.get(`/api/banks/${bankId}/items`, { token: author.accessToken })
    ).body.items.find((i: { key: string }) => i.key === 'single');
    const corrected = {
      ...item.definition,
      options: item.definition.options.map((o: { id: string; correct?: boolean }) => ({
        ...o,
        correct: o.id === 'gen',
      })),
    };
    // Changing a text is not a key correction.
    const textChange = await ctx.api.post(
      `/api/items/${item.id}/versions/1/key-correction`,
      { definition: { ...corrected, prompt: { kk: 'Басқа', ru: 'Другое' } }, reason: 'қате' },
      { token: author.accessToken },
    );
    expect(textChange.status).toBe(400);
    expect(textChange.body.details[0].rule).toBe('item.key-only');

    const fix = await ctx.api.post(
      `/api/items/${item.id}/versions/1/key-correction`,
      { definition: corrected, reason: 'Дұрыс жауап — бірінші нұсқа' },
      { token: author.accessToken },
    );
    expect(fix.status).toBe(200);
    expect(fix.body).toMatchObject({ version: 1, regraded: 1, changed: 1 });

    const after = await ctx.api.get(`/api/attempts/${a.id}`, { token: c.teacher.token });
    expect(after.body).toMatchObject({ score: 2, percent: 100, passed: true });
    const requested = await db.query(
      `SELECT 1 FROM certificates c JOIN outbox o ON o.payload ->> 'certificateId' = c.id::text
        WHERE c.attempt_id = $1`,
      [a.id],
    );
    expect(requested).toHaveLength(1);
    const audit = await ctx.api.get(`/api/admin/audit?targetId=${item.id}`, {
      token: admin.accessToken,
    });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['item.key.correct', 'item.key.regrade']),
    );
  });
});
