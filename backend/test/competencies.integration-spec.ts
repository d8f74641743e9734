import { DataSource } from 'typeorm';
import type {
  AttemptStarted,
  CompetencyAggregatesView,
  CompetencyProfile,
  ProfileBlock,
} from '@qadam/contracts';
import { refreshAggregates } from '../src/competencies/aggregates';
import { useTestApp } from './support/app';
import { courseWithTest, createBank, ITEMS } from './support/assessments';
import { startWorker, teacherWhoPassed } from './support/certificates';
import { createUserWithRoles, eventually } from './support/courses';
import { createAdmin, createTeacher } from './support/factories';

const block = (p: CompetencyProfile, framework: string, code: string): ProfileBlock =>
  p.frameworks.find((f) => f.code === framework)!.blocks.find((b) => b.code === code)!;

describe('competency frameworks, crosswalk, evidence and profiles', () => {
  const ctx = useTestApp();
  let db: DataSource;
  let admin: string;
  beforeAll(async () => {
    db = ctx.app.get(DataSource);
    admin = (await createAdmin(ctx.app)).accessToken;
  });
  const profileOf = async (token: string) =>
    (await ctx.api.get('/api/me/competencies', { token })).body as CompetencyProfile;

  describe('frameworks as data', () => {
    it('serves UNESCO 5 × 3 and ISTE with names in kk, ru and en and stable codes', async () => {
      const list = (await ctx.api.get('/api/frameworks')).body;
      expect(list.map((f: { code: string }) => f.code)).toEqual(
        expect.arrayContaining(['unesco-cft', 'iste-ed']),
      );
      const unesco = (await ctx.api.get('/api/frameworks/unesco-cft')).body;
      const blocks = unesco.items.filter((c: { kind: string }) => c.kind === 'block');
      expect(blocks).toHaveLength(15);
      expect(unesco.items.filter((c: { kind: string }) => c.kind === 'aspect')).toHaveLength(5);
      const b42 = blocks.find((c: { code: string }) => c.code === 'unesco-cft:4.2');
      expect(b42).toMatchObject({ level: 'deepen', parent: 'unesco-cft:4', localCode: '4.2' });
      for (const c of unesco.items) {
        expect(c.name).toEqual({
          kk: expect.any(String),
          ru: expect.any(String),
          en: expect.any(String),
        });
      }
      expect(unesco.url).toMatch(/^https:\/\/unesdoc\.unesco\.org/);
      const iste = (await ctx.api.get('/api/frameworks/iste-ed')).body;
      expect(iste.items.map((c: { code: string }) => c.code)).toEqual(
        expect.arrayContaining(['iste-ed:2.5', 'iste-ed:2.5.b']),
      );
      expect((await ctx.api.get('/api/frameworks/no-such')).status).toBe(404);
    });

    it('reads the crosswalk both ways, each link with its note', async () => {
      const there = (await ctx.api.get('/api/crosswalk?from=unesco-cft&to=iste-ed')).body;
      const back = (await ctx.api.get('/api/crosswalk?from=iste-ed&to=unesco-cft')).body;
      expect(there.length).toBeGreaterThanOrEqual(15);
      expect(back).toHaveLength(there.length);
      for (const l of there) {
        expect(l.from).toMatch(/^unesco-cft:/);
        expect(l.to).toMatch(/^iste-ed:/);
        expect(l.note.kk.length).toBeGreaterThan(0);
        expect(back).toContainEqual({ from: l.to, to: l.from, note: l.note });
      }
      const link = there[0];
      const fromSide = (await ctx.api.get(`/api/competencies/${link.from}`)).body;
      const toSide = (await ctx.api.get(`/api/competencies/${link.to}`)).body;
      expect(fromSide.crosswalk.map((x: { other: { code: string } }) => x.other.code)).toContain(
        link.to,
      );
      expect(toSide.crosswalk.map((x: { other: { code: string } }) => x.other.code)).toContain(
        link.from,
      );
    });

    it('lets an admin add a framework in the same format, and protects the bundled ones', async () => {
      const doc = {
        code: 'kz-teacher-standard',
        version: '2022',
        title: {
          kk: 'Педагогтің кәсіби стандарты',
          ru: 'Профессиональный стандарт педагога',
          en: "Teacher's professional standard",
        },
        publisher: 'Ministry of Education of Kazakhstan',
        url: 'https://example.kz/standard',
        competencies: [
          {
            code: 'A',
            kind: 'area',
            name: { kk: 'Цифрлық сауаттылық', ru: 'Цифровая грамотность', en: 'Digital literacy' },
          },
          {
            code: 'A.1',
            kind: 'item',
            parent: 'A',
            name: { kk: 'Деректерді қорғау', ru: 'Защита данных', en: 'Data protection' },
          },
        ],
      };
      const created = await ctx.api.post('/api/admin/frameworks', doc, { token: admin });
      expect(created.status).toBe(201);
      expect(created.body.items.map((c: { code: string }) => c.code)).toEqual([
        'kz-teacher-standard:A',
        'kz-teacher-standard:A.1',
      ]);
      const bad = await ctx.api.post(
        '/api/admin/frameworks',
        { ...doc, competencies: [{ code: 'B.1', kind: 'item', parent: 'B', name: doc.title }] },
        { token: admin },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('competencies.0.parent');
      const bundled = await ctx.api.post(
        '/api/admin/frameworks',
        { ...doc, code: 'unesco-cft' },
        { token: admin },
      );
      expect(bundled.status).toBe(409);
      expect(bundled.body.code).toBe('FRAMEWORK_BUNDLED');
      const teacher = await createTeacher(ctx.app);
      expect(
        (await ctx.api.post('/api/admin/frameworks', doc, { token: teacher.accessToken })).status,
      ).toBe(403);
    });
  });

  describe('evidence', () => {
    it('(a) a section at or above its threshold; the profile and the ISTE lens show it', async () => {
      const passed = await teacherWhoPassed(ctx.app);
      const rows = await db.query(
        `SELECT competency_code, source_type, source_id, score::float, level
           FROM competency_evidence WHERE user_id = $1`,
        [passed.teacher.id],
      );
      expect(rows).toEqual([
        {
          competency_code: 'unesco-cft:2.1',
          source_type: 'section',
          source_id: `${passed.attemptId}/main`,
          score: 100,
          level: 'acquire',
        },
      ]);
      const p = await profileOf(passed.teacher.token);
      const b21 = block(p, 'unesco-cft', 'unesco-cft:2.1');
      expect(b21).toMatchObject({ aspect: '2', level: 'acquire', status: 'demonstrated' });
      expect(b21.evidence[0].source).toEqual({ type: 'section', id: `${passed.attemptId}/main` });
      expect(block(p, 'unesco-cft', 'unesco-cft:5.3').status).toBe('none');
      const links = (await ctx.api.get('/api/crosswalk?from=unesco-cft&to=iste-ed')).body.filter(
        (l: { from: string }) => l.from === 'unesco-cft:2.1',
      );
      expect(links.length).toBeGreaterThan(0);
      const viaIste = block(p, 'iste-ed', links[0].to);
      expect(viaIste.status).toBe('demonstrated');
      expect(viaIste.evidence[0].via).toBe('unesco-cft:2.1');
      const total = p.frameworks.find((f) => f.code === 'unesco-cft')!.blocks;
      expect(total).toHaveLength(15);
    });

    it('(b) a rubric criterion graded at or above "meets", annulled by a regrade below it', async () => {
      const { key } = await createBank(ctx.app, { essay: ITEMS.essay });
      const c = await courseWithTest(ctx.app, {
        sections: [{ key: 'main', items: [`${key}/essay`] }],
        passMark: 50,
      });
      const token = c.teacher.token;
      const a = (await ctx.api.post(`/api/assessments/${c.assessmentId}/attempts`, {}, { token }))
        .body as AttemptStarted;
      await ctx.api.put(
        `/api/attempts/${a.id}/responses/${a.items[0].id}`,
        { response: 'Деректер қайда сақталатынын тексеремін.' },
        { token },
      );
      await ctx.api.post(`/api/attempts/${a.id}/submit`, {}, { token });
      const assessor = await createUserWithRoles(ctx.app, ['assessor']);
      const url = `/api/grading/attempts/${a.id}/items/${a.items[0].id}`;
      const grade = (levels: Record<string, string>) =>
        ctx.api.put(url, { levels }, { token: assessor.accessToken });
      expect((await grade({ argument: 'exceeds', privacy: 'none' })).status).toBe(200);
      const rubric = () =>
        db.query(
          `SELECT source_id, annulled_at IS NOT NULL AS annulled, annul_reason
             FROM competency_evidence WHERE user_id = $1 AND source_type = 'rubric'
            ORDER BY source_id`,
          [c.teacher.id],
        );
      expect(await rubric()).toEqual([
        { source_id: `${a.id}/${a.items[0].id}/argument`, annulled: false, annul_reason: null },
      ]);
      await grade({ argument: 'none', privacy: 'meets' });
      expect(await rubric()).toEqual([
        {
          source_id: `${a.id}/${a.items[0].id}/argument`,
          annulled: true,
          annul_reason: 'regraded below "meets"',
        },
        { source_id: `${a.id}/${a.items[0].id}/privacy`, annulled: false, annul_reason: null },
      ]);
    });

    it('(c) an issued certificate evidences every competency of its course; revoking it annuls them', async () => {
      const worker = await startWorker();
      try {
        const passed = await teacherWhoPassed(ctx.app);
        const [course] = await db.query(`SELECT competencies FROM courses WHERE id = $1`, [
          passed.courseId,
        ]);
        const certs = await eventually(
          () =>
            db.query(
              `SELECT c.id, (SELECT array_agg(e.competency_code ORDER BY e.competency_code)
                               FROM competency_evidence e
                              WHERE e.source_type = 'certificate' AND e.source_id = c.id::text) AS codes
                 FROM certificates c WHERE c.user_id = $1 AND c.status = 'issued'`,
              [passed.teacher.id],
            ),
          (r) => r.length === 1,
          30000,
        );
        expect(certs[0].codes).toEqual([...course.competencies].sort());
        await ctx.api.post(
          `/api/admin/certificates/${certs[0].id}/revoke`,
          { reason: 'Issued by mistake' },
          { token: admin },
        );
        const left = await db.query(
          `SELECT count(*)::int AS n FROM competency_evidence
            WHERE source_type = 'certificate' AND source_id = $1 AND annulled_at IS NULL`,
          [certs[0].id],
        );
        expect(left[0].n).toBe(0);
      } finally {
        await worker.stop();
      }
    }, 90000);

    it('(d) an admin recognises prior learning with a reason; annulling it ripples into the profile', async () => {
      const t = await createTeacher(ctx.app);
      const recognise = (body: object, token = admin) =>
        ctx.api.post('/api/admin/competency-evidence', body, { token });
      expect(
        (await recognise({ userId: t.user.id, competencyCode: 'unesco-cft:4.1', reason: 'x' }))
          .status,
      ).toBe(400);
      expect(
        (
          await recognise({
            userId: t.user.id,
            competencyCode: 'unesco-cft:9.9',
            reason: 'Diploma',
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await recognise(
            { userId: t.user.id, competencyCode: 'unesco-cft:4.1', reason: 'Diploma' },
            t.accessToken,
          )
        ).status,
      ).toBe(403);
      const rec = await recognise({
        userId: t.user.id,
        competencyCode: 'unesco-cft:4.1',
        level: 'acquire',
        reason: 'Орлеу курсы 2024, сертификат №123',
      });
      expect(rec.status).toBe(201);
      expect(rec.body).toMatchObject({
        source: { type: 'recognition' },
        reason: 'Орлеу курсы 2024, сертификат №123',
      });
      let p = await profileOf(t.accessToken);
      expect(block(p, 'unesco-cft', 'unesco-cft:4.1').status).toBe('demonstrated');
      expect(
        (await ctx.api.get(`/api/admin/users/${t.user.id}/competencies`, { token: admin })).body,
      ).toEqual(p);

      const annul = await ctx.api.post(
        `/api/admin/competency-evidence/${rec.body.id}/annul`,
        { reason: 'The certificate could not be confirmed' },
        { token: admin },
      );
      expect(annul.status).toBe(200);
      expect(annul.body).toMatchObject({ annulReason: 'The certificate could not be confirmed' });
      p = await profileOf(t.accessToken);
      expect(block(p, 'unesco-cft', 'unesco-cft:4.1')).toMatchObject({
        status: 'none',
        evidence: [],
      });
      const again = await ctx.api.post(
        `/api/admin/competency-evidence/${rec.body.id}/annul`,
        { reason: 'again' },
        { token: admin },
      );
      expect(again.body.code).toBe('EVIDENCE_ANNULLED');
      const audit = await ctx.api.get(`/api/admin/audit?targetId=${rec.body.id}`, { token: admin });
      expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
        'competency.evidence.annul',
        'competency.recognise',
      ]);
      const all = await ctx.api.get(
        `/api/admin/competency-evidence?userId=${t.user.id}&includeAnnulled=true`,
        { token: admin },
      );
      expect(all.body).toHaveLength(1);
    });

    it('counts demonstrated blocks per region, school kind and subject; an annulment ripples into them', async () => {
      const t = await createTeacher(ctx.app, {
        region: 'ulytau',
        schoolKind: 'small_ungraded',
        subjects: ['physics'],
      });
      const rec = await ctx.api.post(
        '/api/admin/competency-evidence',
        { userId: t.user.id, competencyCode: 'unesco-cft:5.2', reason: 'Regional methodist, 2023' },
        { token: admin },
      );
      await refreshAggregates(db);
      const view = async (by: string) =>
        (await ctx.api.get(`/api/admin/monitoring/competencies?by=${by}`, { token: admin })).body;
      const cell = (v: CompetencyAggregatesView, value: string) => {
        const g = v.groups.find((x) => x.value === value)!;
        return { teachers: g.teachers, ...g.blocks.find((b) => b.code === 'unesco-cft:5.2')! };
      };
      const region = await view('region');
      expect(region.blocks).toHaveLength(15);
      expect(region.refreshedAt).not.toBeNull();
      const before = cell(region, 'ulytau');
      expect(before.demonstrated).toBeGreaterThanOrEqual(1);
      expect(before.share).toBeCloseTo(before.demonstrated / before.teachers, 4);
      expect(cell(await view('school_kind'), 'small_ungraded').demonstrated).toBeGreaterThanOrEqual(
        1,
      );
      expect(cell(await view('subject'), 'physics').demonstrated).toBeGreaterThanOrEqual(1);
      expect(
        (await ctx.api.get('/api/admin/monitoring/competencies?by=iin', { token: admin })).status,
      ).toBe(400);
      expect(
        (
          await ctx.api.get('/api/admin/monitoring/competencies?by=region', {
            token: t.accessToken,
          })
        ).status,
      ).toBe(403);

      // The annulment asks for a refresh in the background; the figures follow without anyone
      // waiting for the periodic one.
      await ctx.api.post(
        `/api/admin/competency-evidence/${rec.body.id}/annul`,
        { reason: 'Not confirmed by the region' },
        { token: admin },
      );
      await eventually(
        async () => cell(await view('region'), 'ulytau').demonstrated,
        (n) => n === before.demonstrated - 1,
        20000,
      );
    });

    it('is never edited nor deleted: the database refuses it', async () => {
      const [row] = await db.query(`SELECT id FROM competency_evidence LIMIT 1`);
      await expect(
        db.query(`UPDATE competency_evidence SET score = 1 WHERE id = $1`, [row.id]),
      ).rejects.toThrow(/never edited/);
      await expect(
        db.query(`DELETE FROM competency_evidence WHERE id = $1`, [row.id]),
      ).rejects.toThrow(/never deleted/);
    });
  });
});
