import type { AuthResult } from '@qadam/contracts';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { courseDocument, createUserWithRoles, uniqueSlug } from './support/courses';
import { createAdmin, createTeacher } from './support/factories';

describe('authoring, review and versions', () => {
  const ctx = useTestApp();
  let author: AuthResult;
  let reviewer: AuthResult;
  let admin: AuthResult;
  beforeAll(async () => {
    author = await createUserWithRoles(ctx.app, ['teacher', 'author']);
    reviewer = await createUserWithRoles(ctx.app, ['teacher', 'author']);
    admin = await createAdmin(ctx.app);
  });

  const auth = (u: AuthResult) => ({ token: u.accessToken, lang: 'en' });

  async function draftCourse(slug = uniqueSlug('draft')) {
    const res = await ctx.api.post(
      '/api/authoring/courses',
      { slug, document: courseDocument() },
      auth(author),
    );
    expect(res.status).toBe(201);
    return slug;
  }

  async function publishThroughReview(slug: string) {
    expect(
      (await ctx.api.post(`/api/authoring/courses/${slug}/draft/submit`, {}, auth(author))).status,
    ).toBe(200);
    const ok = await ctx.api.post(
      `/api/authoring/courses/${slug}/draft/review`,
      { decision: 'approve' },
      auth(reviewer),
    );
    expect(ok.status).toBe(200);
    const pub = await ctx.api.post(
      `/api/authoring/courses/${slug}/draft/publish`,
      {},
      auth(author),
    );
    expect(pub.status).toBe(200);
    return pub.body;
  }

  it('keeps authoring to authors and admins', async () => {
    const t = await createTeacher(ctx.app);
    const res = await ctx.api.post(
      '/api/authoring/courses',
      { slug: uniqueSlug(), document: courseDocument() },
      { token: t.accessToken },
    );
    expect(res.status).toBe(403);
  });

  it('runs draft → review → approve → publish, refusing shortcuts, and audits every step', async () => {
    const slug = await draftCourse();
    // Not in the catalog while a draft.
    expect((await ctx.api.get(`/api/courses/${slug}`)).status).toBe(404);
    const early = await ctx.api.post(
      `/api/authoring/courses/${slug}/draft/publish`,
      {},
      auth(author),
    );
    expect([early.status, early.body.code]).toEqual([409, 'NOT_APPROVED']);
    const notSubmitted = await ctx.api.post(
      `/api/authoring/courses/${slug}/draft/review`,
      { decision: 'approve' },
      auth(reviewer),
    );
    expect(notSubmitted.body.code).toBe('NOT_IN_REVIEW');

    await ctx.api.post(`/api/authoring/courses/${slug}/draft/submit`, {}, auth(author));
    const self = await ctx.api.post(
      `/api/authoring/courses/${slug}/draft/review`,
      { decision: 'approve' },
      auth(author),
    );
    expect([self.status, self.body.code]).toEqual([403, 'SELF_REVIEW']);
    const locked = await ctx.api.put(
      `/api/authoring/courses/${slug}/draft`,
      { document: courseDocument() },
      auth(author),
    );
    expect([locked.status, locked.body.code]).toEqual([409, 'DRAFT_LOCKED']);

    // Returned with comments (a comment is required), edited, resubmitted, approved.
    const noComment = await ctx.api.post(
      `/api/authoring/courses/${slug}/draft/review`,
      { decision: 'return' },
      auth(reviewer),
    );
    expect(noComment.status).toBe(400);
    const returned = await ctx.api.post(
      `/api/authoring/courses/${slug}/draft/review`,
      { decision: 'return', comment: 'Дереккөзді көрсетіңіз' },
      auth(reviewer),
    );
    expect(returned.body.draft).toMatchObject({
      status: 'draft',
      reviewComment: 'Дереккөзді көрсетіңіз',
    });
    const edited = await ctx.api.put(
      `/api/authoring/courses/${slug}/draft`,
      { document: courseDocument({ hours: 8 }) },
      auth(author),
    );
    expect(edited.status).toBe(200);
    expect(edited.body.document.hours).toBe(8);
    const published = await publishThroughReview(slug);
    expect(published).toMatchObject({ publishedVersion: 1, draft: null });
    // With no draft open, the editor starts from the published version, under its title.
    const after = await ctx.api.get(`/api/authoring/courses/${slug}`, auth(author));
    expect(after.body).toMatchObject({ draft: null, document: { hours: 8 } });
    expect(after.body.title.kk).toEqual(expect.any(String));
    const listed = await ctx.api.get('/api/authoring/courses', auth(author));
    expect(listed.body.find((c: { slug: string }) => c.slug === slug).title).toEqual(
      after.body.title,
    );

    const catalog = await ctx.api.get(`/api/courses/${slug}`);
    expect(catalog.body).toMatchObject({ slug, hours: 8, version: 1 });

    const audit = await ctx.api.get(
      `/api/admin/audit?targetType=course&targetId=${slug}&pageSize=50`,
      { token: admin.accessToken },
    );
    expect(audit.body.items.map((i: { action: string }) => i.action).reverse()).toEqual([
      'course.create',
      'course.draft.submit',
      'course.draft.return',
      'course.draft.update',
      'course.draft.submit',
      'course.draft.approve',
      'course.version.publish',
    ]);
  });

  it('lets an admin review, and a second author approve', async () => {
    const slug = await draftCourse();
    await ctx.api.post(`/api/authoring/courses/${slug}/draft/submit`, {}, auth(admin));
    // The admin submitted; the admin may still approve (admins review anything).
    const ok = await ctx.api.post(
      `/api/authoring/courses/${slug}/draft/review`,
      { decision: 'approve' },
      auth(admin),
    );
    expect(ok.body.draft.status).toBe('approved');
  });

  it('reports every problem of a bad document by field, in the reader language', async () => {
    const bad = courseDocument();
    bad.hours = 0;
    bad.modules[0].lessons[1].key = 'what-is-ai';
    bad.modules[0].lessons[0].competencies = ['unesco:9.9'];
    bad.modules[0].lessons[0].body = { kk: 'ok' };
    (bad.assessments[0] as { module: string | null }).module = 'nowhere';
    const res = await ctx.api.post(
      '/api/authoring/courses',
      { slug: uniqueSlug(), document: bad },
      { token: author.accessToken, lang: 'ru' },
    );
    expect(res.status).toBe(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'hours',
        'modules[0].lessons[1].key',
        'modules[0].lessons[0].competencies[0]',
        'modules[0].lessons[0].body.ru',
        'assessments[0].module',
      ]),
    );
    const hours = res.body.details.find((d: { field: string }) => d.field === 'hours');
    expect(hours.problem).toMatch(/1/);
    expect(hours.problem).not.toMatch(/[a-z]{4}/); // Russian, not English
  });

  it('sanitises lesson Markdown on the server', async () => {
    const slug = uniqueSlug('xss');
    const doc = courseDocument();
    doc.modules[0].lessons[0].body = {
      kk: 'Мәтін [басу](javascript:alert(1)) <script>alert(1)</script> <img src=x onerror=alert(1)>',
      ru: 'Текст',
    };
    const refused = await ctx.api.post(
      '/api/authoring/courses',
      { slug, document: doc },
      auth(author),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((d: { rule: string }) => d.rule)).toEqual(
      expect.arrayContaining(['markdown.html', 'markdown.unsafe-link']),
    );
    const preview = await ctx.api.post(
      '/api/authoring/preview',
      { markdown: doc.modules[0].lessons[0].body.kk },
      auth(author),
    );
    expect(preview.status).toBe(200);
    // Raw HTML is shown as text, never as tags; the unsafe link is not a link.
    expect(preview.body.html).not.toMatch(/<script|<img|href=/i);
    expect(preview.body.html).toContain('&lt;script&gt;');
  });

  it('keeps an enrolled teacher on their version until an admin migrates them', async () => {
    const slug = await draftCourse();
    await publishThroughReview(slug);
    const t = await createTeacher(ctx.app);
    expect(
      (await ctx.api.post(`/api/courses/${slug}/enrollments`, {}, { token: t.accessToken })).status,
    ).toBe(201);
    const before = await ctx.api.get(`/api/courses/${slug}`, { token: t.accessToken, lang: 'ru' });
    const lessonV1 = before.body.modules[0].lessons[0];
    const done = await ctx.api.post(
      `/api/courses/${slug}/lessons/${lessonV1.id}/complete`,
      {},
      { token: t.accessToken },
    );
    expect(done.status).toBe(200);

    // Version 2 renames a lesson and rewrites its body.
    const v2 = courseDocument();
    v2.modules[0].lessons[0].title = { kk: 'ЖИ дегеніміз не? (жаңа)', ru: 'Что такое ИИ? (новое)' };
    v2.modules[0].lessons[0].body = { kk: 'Жаңа мәтін.', ru: 'Новый текст.' };
    expect(
      (await ctx.api.put(`/api/authoring/courses/${slug}/draft`, { document: v2 }, auth(author)))
        .status,
    ).toBe(200);
    await publishThroughReview(slug);

    const anonymous = await ctx.api.get(`/api/courses/${slug}`, { lang: 'ru' });
    expect(anonymous.body).toMatchObject({ version: 2 });
    expect(anonymous.body.modules[0].lessons[0].title).toBe('Что такое ИИ? (новое)');

    const enrolled = await ctx.api.get(`/api/courses/${slug}`, {
      token: t.accessToken,
      lang: 'ru',
    });
    expect(enrolled.body.version).toBe(1);
    expect(enrolled.body.modules[0].lessons[0].title).toBe('Что такое ИИ?');
    const body = await ctx.api.get(`/api/courses/${slug}/lessons/${lessonV1.id}`, {
      token: t.accessToken,
      lang: 'ru',
    });
    expect(body.body.html).toContain('<strong>предсказывает</strong>');

    // The database itself refuses to change a published version.
    await expect(
      ctx.app.get(DataSource).query(`UPDATE lessons SET minutes = 1 WHERE id = $1`, [lessonV1.id]),
    ).rejects.toThrow(/frozen/);

    const migrated = await ctx.api.post(
      `/api/admin/courses/${slug}/migrate-enrollments`,
      {},
      { token: admin.accessToken },
    );
    expect(migrated.body).toEqual({ moved: 1, version: 2 });
    const after = await ctx.api.get(`/api/courses/${slug}`, { token: t.accessToken, lang: 'ru' });
    expect(after.body.version).toBe(2);
    expect(after.body.modules[0].lessons[0]).toMatchObject({
      title: 'Что такое ИИ? (новое)',
      done: true,
    });
  });
});
