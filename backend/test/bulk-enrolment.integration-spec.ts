import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { eventually, giveCertificate, publishCourse } from './support/courses';
import { createAdmin, createTeacher, uniqueIin } from './support/factories';

const DAY = 24 * 3600 * 1000;

describe('bulk enrolment from CSV', () => {
  const ctx = useTestApp();
  let admin: string;
  beforeAll(async () => {
    admin = (await createAdmin(ctx.app)).accessToken;
  });

  const upload = (csv: string, partial = false, lang = 'en') =>
    ctx.api.raw('POST', `/api/admin/enrollments/bulk${partial ? '?partial=true' : ''}`, csv, {
      token: admin,
      lang,
      headers: { 'content-type': 'text/csv' },
    });

  async function deepenCohort(seats: number) {
    const course = await publishCourse(ctx.app, { level: 'deepen', kind: 'cohort' });
    const code = `BULK-${course.slug}`.slice(0, 60);
    const res = await ctx.api.post(
      '/api/admin/cohorts',
      {
        courseSlug: course.slug,
        code,
        title: 'Шымкент',
        startsOn: '2027-03-01',
        endsOn: '2027-03-20',
        enrolmentOpensAt: new Date(Date.now() - DAY).toISOString(),
        enrolmentClosesAt: new Date(Date.now() + DAY).toISOString(),
        seats,
      },
      { token: admin },
    );
    expect(res.status).toBe(201);
    return { ...course, code, cohortId: res.body.id as string };
  }

  async function certified() {
    const t = await createTeacher(ctx.app);
    await giveCertificate(ctx.app, t.user.id, 'acquire');
    return t;
  }

  const enrolledIn = async (cohortId: string) =>
    (
      await ctx.app
        .get(DataSource)
        .query(`SELECT user_id FROM enrollments WHERE cohort_id = $1 AND status = 'active'`, [
          cohortId,
        ])
    ).map((r: { user_id: string }) => r.user_id);

  it('applies nothing when any row is wrong, and reports every wrong row', async () => {
    const cohort = await deepenCohort(3);
    const [a, b, c, noCert] = await Promise.all([
      certified(),
      certified(),
      certified(),
      createTeacher(ctx.app),
    ]);
    // c is already in the cohort (applied and approved).
    const applied = await ctx.api.post(
      `/api/courses/${cohort.slug}/enrollments`,
      {},
      { token: c.accessToken },
    );
    await ctx.api.post(`/api/admin/enrollments/${applied.body.id}/approve`, {}, { token: admin });

    const good = uniqueIin();
    const badCheck = good.slice(0, 11) + String((Number(good[11]) + 1) % 10);
    const csv = [
      'teacher;cohort',
      `${a.user.email};${cohort.code}`, // 2 good
      `${b.user.iin};${cohort.code}`, // 3 good (by IIN)
      `${uniqueIin()};${cohort.code}`, // 4 unknown IIN
      `${badCheck};${cohort.code}`, // 5 bad check digit
      `${c.user.email};${cohort.code}`, // 6 already enrolled
      `${noCert.user.email};${cohort.code}`, // 7 no Acquire certificate
      `${a.user.email.toUpperCase()};${cohort.code}`, // 8 duplicate of line 2
      `${b.user.email};NO-SUCH-COHORT`, // 9 unknown cohort
      `;${cohort.code}`, // 10 missing teacher
    ].join('\r\n');
    const res = await upload(csv);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'done',
      mode: 'all-or-nothing',
      total: 9,
      applied: 0,
    });
    expect(res.body.problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [4, 'UNKNOWN_TEACHER'],
      [5, 'INVALID_IIN'],
      [6, 'ALREADY_ENROLLED'],
      [7, 'LADDER_PREREQUISITE'],
      [8, 'DUPLICATE_ROW'],
      [9, 'UNKNOWN_COHORT'],
      [10, 'MISSING_VALUE'],
    ]);
    expect(res.body.problems[1].message).toBe('Invalid IIN: the check digit does not match.');
    expect(res.body.problems[4].message).toBe(
      'This teacher is already listed for this course on line 2.',
    );
    expect(await enrolledIn(cohort.cohortId)).toEqual([c.user.id]);

    // The same file in partial mode applies the two good rows.
    const partial = await upload(csv, true, 'kk');
    expect(partial.body).toMatchObject({ mode: 'partial', applied: 2 });
    expect(partial.body.problems[0].message).toBe(
      'Мұндай e-mail немесе ЖСН бар тіркелгі табылмады.',
    );
    expect((await enrolledIn(cohort.cohortId)).sort()).toEqual(
      [a.user.id, b.user.id, c.user.id].sort(),
    );
  });

  it('reports rows beyond the seats as cohort full', async () => {
    const cohort = await deepenCohort(1);
    const [a, b] = await Promise.all([certified(), certified()]);
    const res = await upload(
      `email,cohort\n${a.user.email},${cohort.code}\n${b.user.email},${cohort.code}\n`,
    );
    expect(res.body.applied).toBe(0);
    expect(res.body.problems).toEqual([
      expect.objectContaining({
        line: 3,
        code: 'COHORT_FULL',
        message: `Cohort "${cohort.code}" has no seats left (1 seats).`,
      }),
    ]);
  });

  it('refuses a file without the needed columns, or that is not CSV', async () => {
    const res = await upload('name,group\nАйгүл,1\n');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      expect.objectContaining({ field: 'csv', rule: 'csv.header' }),
    ]);
    const json = await ctx.api.post(
      '/api/admin/enrollments/bulk',
      { teacher: 'x' },
      { token: admin },
    );
    expect([json.status, json.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const teacher = await createTeacher(ctx.app);
    const forbidden = await ctx.api.raw('POST', '/api/admin/enrollments/bulk', 'teacher,cohort\n', {
      token: teacher.accessToken,
      headers: { 'content-type': 'text/csv' },
    });
    expect(forbidden.status).toBe(403);
  });

  it('processes a large file in the background, with progress', async () => {
    const mooc = await publishCourse(ctx.app);
    const ds = ctx.app.get(DataSource);
    // Accounts straight into the table: registering 2,500 teachers through the API would
    // spend the test on password hashing.
    const n = 2500;
    const emails = Array.from({ length: n }, (_, i) => `bulk.${i}.${mooc.slug}@mektep.kz`);
    await ds.query(
      `INSERT INTO users (email, password_hash, full_name) SELECT e, 'x', 'Педагог' FROM unnest($1::text[]) e`,
      [emails],
    );
    const res = await upload(
      ['teacher,cohort', ...emails.map((e) => `${e},${mooc.slug}`)].join('\n'),
    );
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ total: n });
    const done = await eventually(
      () => ctx.api.get(`/api/admin/enrollments/bulk/${res.body.id}`, { token: admin }),
      (r) => r.body.status === 'done' || r.body.status === 'failed',
      60000,
    );
    expect(done.body).toMatchObject({ status: 'done', processed: n, applied: n, problems: [] });
    const [{ count }] = await ds.query(
      `SELECT count(*)::int AS count FROM enrollments e JOIN courses c ON c.id = e.course_id WHERE c.slug = $1`,
      [mooc.slug],
    );
    expect(count).toBe(n);
  });
});
