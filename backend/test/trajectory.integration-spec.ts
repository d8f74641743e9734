import type { Recommendation } from '@qadam/contracts';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { giveCertificate, publishCourse } from './support/courses';
import { createAdmin, createTeacher } from './support/factories';

/**
 * The development trajectory in five teachers' situations, each recommendation with the rule
 * that made it, its reason in plain words and the data it read.
 */
describe('development trajectory', () => {
  const ctx = useTestApp();
  let admin: string;
  let mooc: { slug: string };
  let profile: { slug: string };
  beforeAll(async () => {
    admin = (await createAdmin(ctx.app)).accessToken;
    // The catalogue the rules point into: an Acquire MOOC (its lessons are tagged 3.1 and 2.1),
    // the blended-learning Deepen course for small schools, and a Create profile programme.
    mooc = await publishCourse(ctx.app, {
      level: 'acquire',
      kind: 'mooc',
      title: { kk: 'Мұғалім жұмысындағы ЖИ', ru: 'ИИ в работе учителя' },
    });
    // The shipped package may already be in this run's database (another test imports courses/).
    const [shipped] = await ctx.app.get(DataSource)
      .query(`SELECT 1 FROM courses WHERE slug = 'deepen-blended-small-schools'
                AND published_version_id IS NOT NULL`);
    if (!shipped) {
      await publishCourse(ctx.app, {
        slug: 'deepen-blended-small-schools',
        level: 'deepen',
        kind: 'cohort',
        title: {
          kk: 'Шағын жинақты мектептегі аралас оқыту',
          ru: 'Смешанное обучение в малокомплектной школе',
        },
      });
    }
    profile = await publishCourse(ctx.app, {
      level: 'create',
      kind: 'profile',
      title: { kk: 'Білім берудегі ЖИ модельдері', ru: 'Модели ИИ в образовании' },
    });
  });

  const mine = async (token: string) =>
    (await ctx.api.get('/api/me/recommendations', { token })).body as Recommendation[];
  const recognise = (userId: string, code: string) =>
    ctx.api.post(
      '/api/admin/competency-evidence',
      { userId, competencyCode: code, level: 'acquire', reason: 'Prior course, verified' },
      { token: admin },
    );

  it('lists its rules, as data, at an endpoint', async () => {
    const rules = (await ctx.api.get('/api/trajectory/rules')).body;
    expect(rules.map((r: { key: string }) => r.key)).toEqual([
      'start-ladder',
      'small-school-blended',
      'deepen-primary',
      'deepen-secondary',
      'create-informatics',
      'close-gaps',
    ]);
    for (const r of rules) {
      expect(r.because).toEqual({
        kk: expect.any(String),
        ru: expect.any(String),
        en: expect.any(String),
      });
      expect(r.uses.length).toBeGreaterThan(0);
    }
  });

  it('1. a new teacher is pointed at the Acquire MOOC, because she holds no certificate', async () => {
    const t = await createTeacher(ctx.app);
    const recs = await mine(t.accessToken);
    const first = recs.find((r) => r.courseSlug === mooc.slug && r.kind === 'course')!;
    expect(first).toMatchObject({
      id: `start-ladder/${mooc.slug}`,
      rule: 'start-ladder',
      uses: ['certificates'],
    });
    expect(first.reason.kk).toContain('Мұғалім жұмысындағы ЖИ');
    expect(first.reason.ru).toContain('У вас ещё нет сертификата');
    expect(recs[0].rule).toBe('start-ladder');
  });

  it('2. an Acquire holder in a small ungraded school is pointed at the blended-learning Deepen course', async () => {
    const t = await createTeacher(ctx.app, { schoolKind: 'small_ungraded' });
    await giveCertificate(ctx.app, t.user.id, 'acquire');
    const recs = await mine(t.accessToken);
    // First (the rule's priority), whatever else the catalogue offers her.
    expect(recs.filter((r) => r.kind === 'course')[0].id).toBe(
      'small-school-blended/deepen-blended-small-schools',
    );
    expect(recs[0].reason.en).toContain('small ungraded school');
    expect(recs[0].uses).toEqual(['certificates', 'school']);
    // An urban colleague with the same certificate is not.
    const urban = await createTeacher(ctx.app, { schoolKind: 'urban' });
    await giveCertificate(ctx.app, urban.user.id, 'acquire');
    expect((await mine(urban.accessToken)).map((r) => r.rule)).not.toContain(
      'small-school-blended',
    );
  });

  it('3. an informatics teacher with Deepen is pointed at the Create profile programme', async () => {
    const t = await createTeacher(ctx.app, { subjects: ['informatics'] });
    await giveCertificate(ctx.app, t.user.id, 'acquire');
    await giveCertificate(ctx.app, t.user.id, 'deepen');
    const recs = await mine(t.accessToken);
    const create = recs.filter((r) => r.rule === 'create-informatics');
    expect(create.map((r) => r.courseSlug)).toContain(profile.slug);
    expect(create[0].reason.ru).toContain('учитель информатики');
    const history = await createTeacher(ctx.app, { subjects: ['history'] });
    await giveCertificate(ctx.app, history.user.id, 'deepen');
    expect((await mine(history.accessToken)).map((r) => r.rule)).not.toContain(
      'create-informatics',
    );
  });

  it('4. a teacher whose only gap is ethics is given lessons on ethics, saying so', async () => {
    const t = await createTeacher(ctx.app);
    for (const code of ['unesco-cft:1.1', 'unesco-cft:3.1', 'unesco-cft:4.1', 'unesco-cft:5.1']) {
      expect((await recognise(t.user.id, code)).status).toBe(201);
    }
    const lessons = (await mine(t.accessToken)).filter((r) => r.kind === 'lesson');
    expect(lessons.length).toBeGreaterThan(0);
    for (const l of lessons) {
      expect(l).toMatchObject({ rule: 'close-gaps', gaps: ['unesco-cft:2.1'], uses: ['evidence'] });
      expect(l.reason.en).toContain('2.1 Ethical principles');
      expect(l.reason.en).not.toContain('3.1');
    }

    // An admin switches the rule off: the lessons go; back on: they return.
    const off = await ctx.api.put(
      '/api/admin/trajectory/rules/close-gaps',
      { enabled: false },
      { token: admin },
    );
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ enabled: false, source: 'admin' });
    expect((await mine(t.accessToken)).filter((r) => r.kind === 'lesson')).toEqual([]);
    await ctx.api.put(
      '/api/admin/trajectory/rules/close-gaps',
      { enabled: true },
      { token: admin },
    );
    expect((await mine(t.accessToken)).filter((r) => r.kind === 'lesson').length).toBe(
      lessons.length,
    );
    expect(
      (
        await ctx.api.put(
          '/api/admin/trajectory/rules/close-gaps',
          { enabled: false },
          {
            token: t.accessToken,
          },
        )
      ).status,
    ).toBe(403);
  });

  it('5. a recommendation the teacher dismissed is not shown again; the others stay', async () => {
    const t = await createTeacher(ctx.app);
    const before = await mine(t.accessToken);
    const target = before.find((r) => r.rule === 'start-ladder')!;
    const res = await ctx.api.post(
      '/api/me/recommendations/dismiss',
      { id: target.id },
      { token: t.accessToken },
    );
    expect(res.status).toBe(204);
    const after = await mine(t.accessToken);
    expect(after.map((r) => r.id)).toEqual(
      before.filter((r) => r.id !== target.id).map((r) => r.id),
    );
    expect(
      (
        await ctx.api.post(
          '/api/me/recommendations/dismiss',
          { id: '../etc' },
          {
            token: t.accessToken,
          },
        )
      ).status,
    ).toBe(400);
    // An admin sees what the teacher sees.
    expect(
      (await ctx.api.get(`/api/admin/users/${t.user.id}/recommendations`, { token: admin })).body,
    ).toEqual(after);
  });
});
