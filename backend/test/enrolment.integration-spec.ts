import { DataSource } from 'typeorm';
import { EnrollmentsService } from '../src/enrollments/enrollments.service';
import { useTestApp } from './support/app';
import { giveCertificate, publishCourse } from './support/courses';
import { createAdmin, createTeacher } from './support/factories';

const DAY = 24 * 3600 * 1000;

describe('enrolment and the ladder gates', () => {
  const ctx = useTestApp();
  let admin: string;
  beforeAll(async () => {
    admin = (await createAdmin(ctx.app)).accessToken;
  });

  /** A published cohort course with one cohort open for applications now. */
  async function cohortCourse(
    level: 'deepen' | 'create',
    seats = 2,
    waitlistLimit = 1,
    window: { opens?: Date; closes?: Date } = {},
  ) {
    const course = await publishCourse(ctx.app, {
      level,
      kind: level === 'deepen' ? 'cohort' : 'profile',
    });
    const res = await ctx.api.post(
      '/api/admin/cohorts',
      {
        courseSlug: course.slug,
        code: `C-${course.slug}`.slice(0, 60),
        title: 'Астана, қаңтар',
        startsOn: '2027-01-11',
        endsOn: '2027-02-05',
        enrolmentOpensAt: (window.opens ?? new Date(Date.now() - DAY)).toISOString(),
        enrolmentClosesAt: (window.closes ?? new Date(Date.now() + 30 * DAY)).toISOString(),
        seats,
        waitlistLimit,
      },
      { token: admin },
    );
    expect(res.status).toBe(201);
    return { ...course, cohortId: res.body.id as string, code: res.body.code as string };
  }

  describe('gates', () => {
    it('refuses Deepen without an Acquire certificate, naming it in the teacher language', async () => {
      const course = await cohortCourse('deepen');
      const t = await createTeacher(ctx.app);
      const kk = await ctx.api.post(
        `/api/courses/${course.slug}/enrollments`,
        {},
        { token: t.accessToken },
      );
      expect(kk.status).toBe(409);
      expect(kk.body.code).toBe('LADDER_PREREQUISITE');
      expect(kk.body.message).toContain('«Игеру» деңгейінің жарамды куәлігі');
      const ru = await ctx.api.post(
        `/api/courses/${course.slug}/enrollments`,
        {},
        { token: t.accessToken, lang: 'ru' },
      );
      expect(ru.body.message).toBe(
        'Чтобы записаться на этот курс, нужно: действующее свидетельство уровня «Освоение».',
      );
    });

    it('refuses a revoked or an expired Acquire certificate, and a pending one', async () => {
      const course = await cohortCourse('deepen');
      for (const o of [
        { status: 'revoked' as const },
        { status: 'issued' as const, expiresAt: new Date(Date.now() - DAY) },
        { status: 'pending' as const },
      ]) {
        const t = await createTeacher(ctx.app);
        await giveCertificate(ctx.app, t.user.id, 'acquire', o);
        const res = await ctx.api.post(
          `/api/courses/${course.slug}/enrollments`,
          {},
          { token: t.accessToken, lang: 'en' },
        );
        expect([res.status, res.body.code]).toEqual([409, 'LADDER_PREREQUISITE']);
      }
    });

    it('lets a holder of a valid Acquire certificate apply to Deepen', async () => {
      const course = await cohortCourse('deepen');
      const t = await createTeacher(ctx.app);
      await giveCertificate(ctx.app, t.user.id, 'acquire', {
        expiresAt: new Date(Date.now() + DAY),
      });
      const res = await ctx.api.post(
        `/api/courses/${course.slug}/enrollments`,
        {},
        { token: t.accessToken },
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        courseSlug: course.slug,
        status: 'pending',
        cohortId: course.cohortId,
      });
    });

    it('needs Deepen and informatics for Create, and says which is missing', async () => {
      const course = await cohortCourse('create');
      const maths = await createTeacher(ctx.app, { subjects: ['mathematics'] });
      await giveCertificate(ctx.app, maths.user.id, 'acquire');
      const both = await ctx.api.post(
        `/api/courses/${course.slug}/enrollments`,
        {},
        { token: maths.accessToken, lang: 'en' },
      );
      expect(both.status).toBe(409);
      expect(both.body.message).toBe(
        'To enrol in this course you need: a valid Deepen certificate and informatics among the subjects in your profile.',
      );
      await giveCertificate(ctx.app, maths.user.id, 'deepen');
      const subject = await ctx.api.post(
        `/api/courses/${course.slug}/enrollments`,
        {},
        { token: maths.accessToken, lang: 'en' },
      );
      expect(subject.body.message).toBe(
        'To enrol in this course you need: informatics among the subjects in your profile.',
      );
      const it = await createTeacher(ctx.app, { subjects: ['informatics'] });
      await giveCertificate(ctx.app, it.user.id, 'deepen');
      const ok = await ctx.api.post(
        `/api/courses/${course.slug}/enrollments`,
        {},
        { token: it.accessToken },
      );
      expect(ok.status).toBe(201);
    });

    it('lets a teacher in on an admin exception, recorded with its reason in the audit log', async () => {
      const course = await cohortCourse('deepen');
      const t = await createTeacher(ctx.app);
      const refused = await ctx.api.post(
        `/api/courses/${course.slug}/enrollments`,
        {},
        { token: t.accessToken },
      );
      expect(refused.status).toBe(409);
      const teacherTry = await ctx.api.post(
        '/api/admin/ladder-exceptions',
        { userId: t.user.id, courseSlug: course.slug, reason: 'x' },
        { token: t.accessToken },
      );
      expect(teacherTry.status).toBe(403);
      const granted = await ctx.api.post(
        '/api/admin/ladder-exceptions',
        {
          userId: t.user.id,
          courseSlug: course.slug,
          reason: 'Өрлеу сертификаты қағаз түрінде берілген',
        },
        { token: admin },
      );
      expect(granted.status).toBe(201);
      const ok = await ctx.api.post(
        `/api/courses/${course.slug}/enrollments`,
        {},
        { token: t.accessToken },
      );
      expect(ok.status).toBe(201);
      const audit = await ctx.api.get(
        `/api/admin/audit?action=ladder.exception.grant&targetId=${t.user.id}`,
        { token: admin },
      );
      expect(audit.body.items[0].after).toEqual({
        courseSlug: course.slug,
        reason: 'Өрлеу сертификаты қағаз түрінде берілген',
      });
    });
  });

  describe('MOOC', () => {
    it('enrols at once, and refuses a second enrolment', async () => {
      const course = await publishCourse(ctx.app);
      const t = await createTeacher(ctx.app);
      const first = await ctx.api.post(
        `/api/courses/${course.slug}/enrollments`,
        {},
        { token: t.accessToken },
      );
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ status: 'active', progress: 0, version: 1 });
      const again = await ctx.api.post(
        `/api/courses/${course.slug}/enrollments`,
        {},
        { token: t.accessToken },
      );
      expect([again.status, again.body.code]).toEqual([409, 'ALREADY_ENROLLED']);
      const mine = await ctx.api.get('/api/me/enrollments', { token: t.accessToken, lang: 'ru' });
      expect(mine.body).toEqual([
        expect.objectContaining({
          courseSlug: course.slug,
          status: 'active',
          courseTitle: 'Основы искусственного интеллекта',
        }),
      ]);
    });

    it('shows lesson bodies only to the enrolled, sanitised', async () => {
      const course = await publishCourse(ctx.app, {
        modules: [
          {
            key: 'm',
            title: { kk: 'Модуль', ru: 'Модуль' },
            lessons: [
              {
                key: 'l',
                title: { kk: 'Сабақ', ru: 'Урок' },
                minutes: 5,
                required: true,
                competencies: [],
                sources: [],
                body: { kk: 'Қауіпсіз [сілтеме](https://example.org)', ru: 'Безопасная ссылка' },
              },
            ],
          },
        ],
      });
      const outline = await ctx.api.get(`/api/courses/${course.slug}`);
      const lessonId = outline.body.modules[0].lessons[0].id;
      expect(JSON.stringify(outline.body)).not.toContain('example.org');
      const t = await createTeacher(ctx.app);
      const before = await ctx.api.get(`/api/courses/${course.slug}/lessons/${lessonId}`, {
        token: t.accessToken,
      });
      expect([before.status, before.body.code]).toEqual([403, 'NOT_ENROLLED']);
      await ctx.api.post(`/api/courses/${course.slug}/enrollments`, {}, { token: t.accessToken });
      const after = await ctx.api.get(`/api/courses/${course.slug}/lessons/${lessonId}`, {
        token: t.accessToken,
      });
      expect(after.status).toBe(200);
      expect(after.body.html).toContain('href="https://example.org"');
      expect(after.body.html).toContain('rel="noopener noreferrer"');
    });
  });

  describe('cohorts', () => {
    async function applicant(course: { slug: string }) {
      const t = await createTeacher(ctx.app);
      await giveCertificate(ctx.app, t.user.id, 'acquire');
      const res = await ctx.api.post(
        `/api/courses/${course.slug}/enrollments`,
        {},
        { token: t.accessToken },
      );
      expect(res.status).toBe(201);
      return { ...t, enrollmentId: res.body.id as string };
    }

    it('approves into seats, then the waitlist, then refuses; a freed seat goes to the head of the waitlist', async () => {
      const course = await cohortCourse('deepen', 2, 2);
      const [a, b, c, d, e] = await Promise.all([1, 2, 3, 4, 5].map(() => applicant(course)));
      const approve = (id: string) =>
        ctx.api.post(`/api/admin/enrollments/${id}/approve`, {}, { token: admin });
      const first = await approve(a.enrollmentId);
      expect(first.body).toMatchObject({ status: 'active' });
      expect((await approve(b.enrollmentId)).body.status).toBe('active');
      expect((await approve(c.enrollmentId)).body.status).toBe('waitlisted');
      expect((await approve(d.enrollmentId)).body.status).toBe('waitlisted');
      const full = await approve(e.enrollmentId);
      expect([full.status, full.body.code]).toEqual([409, 'COHORT_FULL']);
      const again = await approve(a.enrollmentId);
      expect(again.body.code).toBe('APPLICATION_DECIDED');

      const dMine = await ctx.api.get('/api/me/enrollments', { token: d.accessToken });
      expect(dMine.body[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });

      // A seat frees up: c (first on the waitlist) takes it, d moves up.
      const left = await ctx.api.raw('DELETE', `/api/me/enrollments/${b.enrollmentId}`, undefined, {
        token: b.accessToken,
      });
      expect(left.body.status).toBe('withdrawn');
      const cMine = await ctx.api.get('/api/me/enrollments', { token: c.accessToken });
      expect(cMine.body[0].status).toBe('active');
      const dNow = await ctx.api.get('/api/me/enrollments', { token: d.accessToken });
      expect(dNow.body[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

      // More seats: d moves in at once.
      const more = await ctx.api.patch(
        `/api/admin/cohorts/${course.cohortId}`,
        { seats: 3 },
        { token: admin },
      );
      expect(more.body).toMatchObject({ seats: 3, taken: 3, waitlisted: 0 });
      const audit = await ctx.api.get(`/api/admin/audit?action=enrollment.promote`, {
        token: admin,
      });
      const promoted = audit.body.items.map((i: { targetId: string }) => i.targetId);
      expect(promoted).toEqual(expect.arrayContaining([c.enrollmentId, d.enrollmentId]));
    });

    it('refuses applications when seats and waitlist are both taken', async () => {
      const course = await cohortCourse('deepen', 1, 0);
      const a = await applicant(course);
      await ctx.api.post(`/api/admin/enrollments/${a.enrollmentId}/approve`, {}, { token: admin });
      const t = await createTeacher(ctx.app);
      await giveCertificate(ctx.app, t.user.id, 'acquire');
      const res = await ctx.api.post(
        `/api/courses/${course.slug}/enrollments`,
        {},
        { token: t.accessToken },
      );
      expect([res.status, res.body.code]).toEqual([409, 'COHORT_FULL']);
    });

    it('rejects with a reason the teacher sees', async () => {
      const course = await cohortCourse('deepen');
      const a = await applicant(course);
      const noReason = await ctx.api.post(
        `/api/admin/enrollments/${a.enrollmentId}/reject`,
        {},
        { token: admin },
      );
      expect(noReason.status).toBe(400);
      expect(noReason.body.details[0].field).toBe('reason');
      const res = await ctx.api.post(
        `/api/admin/enrollments/${a.enrollmentId}/reject`,
        { reason: 'Топ тек бастауыш сынып мұғалімдеріне арналған' },
        { token: admin },
      );
      expect(res.body.status).toBe('rejected');
      const mine = await ctx.api.get('/api/me/enrollments', { token: a.accessToken });
      expect(mine.body[0]).toMatchObject({
        status: 'rejected',
        reason: 'Топ тек бастауыш сынып мұғалімдеріне арналған',
      });
    });

    it('refuses applications outside the enrolment window', async () => {
      const course = await cohortCourse('deepen', 2, 1, {
        opens: new Date(Date.now() + 10 * DAY),
        closes: new Date(Date.now() + 20 * DAY),
      });
      const t = await createTeacher(ctx.app);
      await giveCertificate(ctx.app, t.user.id, 'acquire');
      const res = await ctx.api.post(
        `/api/courses/${course.slug}/enrollments`,
        { cohortId: course.cohortId },
        { token: t.accessToken, lang: 'en' },
      );
      expect([res.status, res.body.code]).toEqual([409, 'ENROLMENT_CLOSED']);
      expect(res.body.message).toMatch(/open from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
    });
  });

  describe('progress and completion', () => {
    it('counts required lessons and assessments, per lesson, module and course, and completes', async () => {
      const course = await publishCourse(ctx.app);
      const t = await createTeacher(ctx.app);
      const enrolled = await ctx.api.post(
        `/api/courses/${course.slug}/enrollments`,
        {},
        { token: t.accessToken },
      );
      const outline = await ctx.api.get(`/api/courses/${course.slug}`, { token: t.accessToken });
      const [l1, l2] = outline.body.modules[0].lessons;
      expect(outline.body.modules[0]).toMatchObject({ progress: 0 });
      expect(l1.done).toBe(false);

      const done1 = await ctx.api.post(
        `/api/courses/${course.slug}/lessons/${l1.id}/complete`,
        {},
        { token: t.accessToken },
      );
      expect(done1.body.progress).toBeCloseTo(1 / 3);
      // Idempotent.
      const again = await ctx.api.post(
        `/api/courses/${course.slug}/lessons/${l1.id}/complete`,
        {},
        { token: t.accessToken },
      );
      expect(again.body.progress).toBeCloseTo(1 / 3);
      const done2 = await ctx.api.post(
        `/api/courses/${course.slug}/lessons/${l2.id}/complete`,
        {},
        { token: t.accessToken },
      );
      expect(done2.body).toMatchObject({ status: 'active' });
      expect(done2.body.progress).toBeCloseTo(2 / 3);
      const mid = await ctx.api.get(`/api/courses/${course.slug}`, { token: t.accessToken });
      expect(mid.body.modules[0]).toMatchObject({ progress: 1 });
      expect(mid.body.modules[0].lessons.map((l: { done: boolean }) => l.done)).toEqual([
        true,
        true,
      ]);

      // The assessment engine reports a failed, then a passed final test.
      const enrollments = ctx.app.get(EnrollmentsService);
      const ds = ctx.app.get(DataSource);
      await ds.transaction((m) =>
        enrollments.recordAssessmentResult(m, enrolled.body.id, 'final-test', 55, false),
      );
      const failed = await ctx.api.get('/api/me/enrollments', { token: t.accessToken });
      expect(failed.body[0]).toMatchObject({ status: 'active' });
      await ds.transaction((m) =>
        enrollments.recordAssessmentResult(m, enrolled.body.id, 'final-test', 85, true),
      );
      const complete = await ctx.api.get('/api/me/enrollments', { token: t.accessToken });
      expect(complete.body[0]).toMatchObject({ status: 'completed', progress: 1 });
      expect(complete.body[0].completedAt).not.toBeNull();
      const passed = await ctx.api.get(`/api/courses/${course.slug}`, { token: t.accessToken });
      expect(passed.body.assessments[0].passed).toBe(true);

      const leave = await ctx.api.raw(
        'DELETE',
        `/api/me/enrollments/${enrolled.body.id}`,
        undefined,
        { token: t.accessToken },
      );
      expect(leave.body).toMatchObject({ code: 'CANNOT_WITHDRAW' });
    });

    it('refuses to mark a lesson of a course the teacher is not in', async () => {
      const course = await publishCourse(ctx.app);
      const t = await createTeacher(ctx.app);
      const outline = await ctx.api.get(`/api/courses/${course.slug}`);
      const res = await ctx.api.post(
        `/api/courses/${course.slug}/lessons/${outline.body.modules[0].lessons[0].id}/complete`,
        {},
        { token: t.accessToken },
      );
      expect([res.status, res.body.code]).toEqual([403, 'NOT_ENROLLED']);
    });
  });
});
