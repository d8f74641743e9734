import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { CertificateSummary } from '@qadam/contracts';
import {
  decodeStatusList,
  isSet,
  validateAchievementCredential,
} from '../src/certificates/credential';
import { CertificateCache } from '../src/certificates/certificate-cache';
import { CERTIFICATES_QUEUE } from '../src/certificates/certificate-queue';
import { useTestApp } from './support/app';
import {
  completedEnrolments,
  independentlyVerify,
  startWorker,
  teacherWhoPassed,
  WorkerProcess,
} from './support/certificates';
import { createAdmin, createTeacher } from './support/factories';
import { eventually } from './support/courses';

const SIGNATURE_STEP = 'valid_signature';

describe('certificates: issue on a pass, verification, revocation, re-issue, batches, failures', () => {
  const ctx = useTestApp();
  let db: DataSource;
  let worker: WorkerProcess;
  let admin: string;
  beforeAll(async () => {
    db = ctx.app.get(DataSource);
    admin = (await createAdmin(ctx.app)).accessToken;
    worker = await startWorker();
  }, 90000);
  afterAll(() => worker?.stop());

  /** Verification answers are cached; a test that edits the database behind the API drops it. */
  const dropVerifyCache = (id: string) => {
    const cache = ctx.app.get(CertificateCache);
    return cache.drop(cache.verifyKey(id));
  };
  const mine = async (token: string) =>
    (await ctx.api.get('/api/me/certificates', { token })).body as CertificateSummary[];
  const issuedFor = (token: string) =>
    eventually(
      () => mine(token),
      (list) => list.some((c) => c.status === 'issued'),
      30000,
    ).then((list) => list.find((c) => c.status === 'issued')!);

  describe('a teacher who passes the final', () => {
    let passed: Awaited<ReturnType<typeof teacherWhoPassed>>;
    let cert: CertificateSummary;
    beforeAll(async () => {
      passed = await teacherWhoPassed(ctx.app);
      cert = await issuedFor(passed.teacher.token);
    }, 60000);

    it('gets an issued certificate with no one acting: PDF, credential and links', async () => {
      expect(cert).toMatchObject({
        level: 'acquire',
        courseSlug: passed.slug,
        status: 'issued',
        number: expect.stringMatching(/^QDM-\d{4}-\d{7}$/),
        verifyUrl: `http://localhost:3000/verify/${cert.id}`,
      });
      const pdf = await ctx.app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'GET',
          url: `/api/certificates/${cert.id}/pdf`,
          headers: { authorization: `Bearer ${passed.teacher.token}` },
        });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const file = join(mkdtempSync(join(tmpdir(), 'qadam-cert-')), 'c.pdf');
      writeFileSync(file, pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const [user] = await db.query(`SELECT full_name FROM users WHERE id = $1`, [
        passed.teacher.id,
      ]);
      expect(text).toContain(user.full_name);
      expect(text).toContain(cert.number);
      expect(text).toContain('unesco-cft:3.1');

      // Only the holder and admins: anyone else is told it does not exist.
      const other = await createTeacher(ctx.app);
      const res = await ctx.api.get(`/api/certificates/${cert.id}/pdf`, {
        token: other.accessToken,
      });
      expect(res.status).toBe(404);
      const adminCopy = await ctx.api.get(`/api/certificates/${cert.id}/pdf`, { token: admin });
      expect(adminCopy.status).toBe(200);
    });

    it('signs an Open Badges 3.0 credential an independent verifier accepts, and a tampered copy fails', async () => {
      const res = await ctx.api.get(`/api/certificates/${cert.id}/credential`);
      expect(res.status).toBe(200);
      const credential = res.body;
      expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
      expect(credential.proof).toMatchObject({
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
      });
      expect(credential.issuer.id).toMatch(/^did:key:z6Mk/);
      expect(validateAchievementCredential(credential)).toMatchObject({ valid: true });
      const alignments = credential.credentialSubject.achievement.alignment.map(
        (a: { targetCode: string }) => a.targetCode,
      );
      const [course] = await db.query(`SELECT competencies FROM courses WHERE id = $1`, [
        passed.courseId,
      ]);
      expect(course.competencies.length).toBeGreaterThan(0);
      expect(alignments).toEqual(course.competencies);

      const good = independentlyVerify(credential);
      expect(good.log?.find((s) => s.id === SIGNATURE_STEP)?.valid).toBe(true);
      const tampered = structuredClone(credential);
      tampered.credentialSubject.achievement.name = 'Something else';
      const bad = independentlyVerify(tampered);
      expect(bad.log?.find((s) => s.id === SIGNATURE_STEP)?.valid).not.toBe(true);
    }, 60000);

    it('verifies publicly, as JSON and as a page without JavaScript', async () => {
      const res = await ctx.api.get(`/api/verify/${cert.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        valid: true,
        status: 'issued',
        level: 'acquire',
        number: cert.number,
        issuedAt: cert.issuedAt,
      });
      const page = await ctx.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'GET', url: `/verify/${cert.id}?lang=kk` });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('Сертификат жарамды');
      expect(page.body).toContain(res.body.holderName);
      expect(page.body).not.toMatch(/<script/i);
      const ru = await ctx.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'GET', url: `/verify/${cert.id}`, headers: { 'accept-language': 'ru' } });
      expect(ru.body).toContain('Сертификат действителен');

      const missing = await ctx.api.get('/api/verify/00000000-0000-4000-8000-000000000000');
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('NOT_FOUND');
      const page404 = await ctx.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'GET', url: '/verify/not-a-certificate?lang=en' });
      expect(page404.statusCode).toBe(404);
      expect(page404.body).toContain('No such certificate was found');
    });

    it('keeps the issued certificate as it was when the holder later changes her name', async () => {
      const before = await db.query(
        `SELECT md5(pdf) AS pdf FROM certificate_documents WHERE certificate_id = $1`,
        [cert.id],
      );
      const { holderName } = (await ctx.api.get(`/api/verify/${cert.id}`)).body;
      const patch = await ctx.api.patch(
        '/api/me',
        { fullName: 'Жаңа Есім Тегі' },
        { token: passed.teacher.token },
      );
      expect(patch.status).toBe(200);
      await db.query(
        `UPDATE courses SET title = '{"kk": "Өзгерді", "ru": "Изменено"}' WHERE id = $1`,
        [passed.courseId],
      );
      const after = await db.query(
        `SELECT md5(pdf) AS pdf FROM certificate_documents WHERE certificate_id = $1`,
        [cert.id],
      );
      expect(after).toEqual(before);
      await dropVerifyCache(cert.id);
      const verified = (await ctx.api.get(`/api/verify/${cert.id}`)).body;
      expect(verified.holderName).toBe(holderName);
      expect(verified.courseTitle.kk).not.toBe('Өзгерді');
    });

    it('says a credential altered in the database does not verify', async () => {
      const other = await teacherWhoPassed(ctx.app);
      const c = await issuedFor(other.teacher.token);
      await db.query(
        `UPDATE certificate_documents
            SET credential = jsonb_set(credential, '{credentialSubject,achievement,name}', '"Forged"')
          WHERE certificate_id = $1`,
        [c.id],
      );
      await dropVerifyCache(c.id);
      const res = await ctx.api.get(`/api/verify/${c.id}`);
      expect(res.body).toMatchObject({ valid: false, status: 'issued', problem: 'signature' });
    });

    it('revokes with a reason: status list, verification and page change at once; audited', async () => {
      const revoke = (id: string, body: unknown, token = admin) =>
        ctx.api.post(`/api/admin/certificates/${id}/revoke`, body, { token });
      expect((await revoke(cert.id, { reason: 'x' })).status).toBe(400);
      expect((await revoke(cert.id, { reason: 'Plagiarism' }, passed.teacher.token)).status).toBe(
        403,
      );
      // Warm the caches first: revocation must clear them.
      expect((await ctx.api.get(`/api/verify/${cert.id}`)).body.valid).toBe(true);
      const list0 = await ctx.api.get('/api/credentials/status/1');
      expect(list0.status).toBe(200);

      const res = await revoke(cert.id, { reason: 'Жұмыс көшірілген / Работа списана' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'revoked',
        revokeReason: 'Жұмыс көшірілген / Работа списана',
      });
      const verified = (await ctx.api.get(`/api/verify/${cert.id}`)).body;
      expect(verified).toMatchObject({
        valid: false,
        status: 'revoked',
        reason: 'Жұмыс көшірілген / Работа списана',
      });
      const page = await ctx.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'GET', url: `/verify/${cert.id}?lang=en` });
      expect(page.body).toContain('The certificate has been revoked');

      const [{ status_index }] = await db.query(
        `SELECT status_index FROM certificates WHERE id = $1`,
        [cert.id],
      );
      const list = (await ctx.api.get('/api/credentials/status/1')).body;
      expect(list.type).toContain('BitstringStatusListCredential');
      expect(list.proof.cryptosuite).toBe('eddsa-rdfc-2022');
      const bits = decodeStatusList(list.credentialSubject.encodedList);
      expect(isSet(bits, status_index)).toBe(true);
      expect(isSet(bits, status_index + 1)).toBe(false);

      expect((await revoke(cert.id, { reason: 'Again' })).body.code).toBe('CERTIFICATE_REVOKED');
      const audit = await ctx.api.get(`/api/admin/audit?targetId=${cert.id}`, { token: admin });
      expect(audit.body.items.map((e: { action: string }) => e.action)).toContain(
        'certificate.revoke',
      );
    });

    it('re-issues on an admin request: the old one revoked, a new one issued with the current name', async () => {
      const other = await teacherWhoPassed(ctx.app);
      const old = await issuedFor(other.teacher.token);
      await ctx.api.patch(
        '/api/me',
        { fullName: 'Дұрысталған Есім' },
        { token: other.teacher.token },
      );
      const res = await ctx.api.post(
        `/api/admin/certificates/${old.id}/reissue`,
        { reason: 'Name corrected' },
        { token: admin },
      );
      expect(res.status).toBe(201);
      const fresh = await eventually(
        () => ctx.api.get(`/api/verify/${res.body.id}`),
        (r) => r.status === 200 && r.body.status === 'issued',
        30000,
      );
      expect(fresh.body).toMatchObject({ valid: true, holderName: 'Дұрысталған Есім' });
      expect((await ctx.api.get(`/api/verify/${old.id}`)).body.status).toBe('revoked');
      const list = await mine(other.teacher.token);
      expect(list.map((c) => c.status).sort()).toEqual(['issued', 'revoked']);
    });
  });

  describe('batches', () => {
    it('issues for every eligible enrolment once, a double click is one batch, progress counts', async () => {
      const { courseId, slug } = await teacherWhoPassed(ctx.app);
      await completedEnrolments(ctx.app, courseId, 40);
      const post = () =>
        ctx.api.post('/api/admin/certificates/batches', { courseSlug: slug }, { token: admin });
      const [a, b] = await Promise.all([post(), post()]);
      expect(a.status).toBe(202);
      expect(b.status).toBe(202);
      expect(b.body.id).toBe(a.body.id);
      const done = await eventually(
        () => ctx.api.get(`/api/admin/certificates/batches/${a.body.id}`, { token: admin }),
        (r) => r.body.status !== 'running',
        60000,
      );
      // The teacher who passed already had hers (issued on the pass): skipped, not doubled.
      expect(done.body).toMatchObject({
        courseSlug: slug,
        status: 'completed',
        total: 40,
        issued: 40,
        failed: 0,
        pending: 0,
      });
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM certificates WHERE course_id = $1`,
        [courseId],
      );
      expect(n).toBe(41);
    }, 90000);

    it('takes an uploaded list and reports who could not be given one', async () => {
      const { courseId, slug } = await teacherWhoPassed(ctx.app);
      const [one] = await completedEnrolments(ctx.app, courseId, 1);
      const [{ email }] = await db.query(`SELECT email FROM users WHERE id = $1`, [one]);
      const res = await ctx.api.post(
        '/api/admin/certificates/batches',
        { courseSlug: slug, teachers: [email, 'nobody@mektep.kz'], includeEnglish: true },
        { token: admin },
      );
      expect(res.status).toBe(202);
      const progress = await ctx.api.get(`/api/admin/certificates/batches/${res.body.id}`, {
        token: admin,
      });
      expect(progress.body).toMatchObject({
        total: 1,
        notEligible: [{ who: 'nobody@mektep.kz', code: 'UNKNOWN_TEACHER' }],
      });
      const [row] = await db.query(`SELECT languages FROM certificates WHERE user_id = $1`, [one]);
      expect(row.languages).toEqual(expect.arrayContaining(['kk', 'ru', 'en']));
      expect(
        (
          await ctx.api.post(
            '/api/admin/certificates/batches',
            { courseSlug: 'no-such-course' },
            { token: admin },
          )
        ).status,
      ).toBe(404);
    });
  });

  it('issues once when the same request is delivered twice', async () => {
    const passed = await teacherWhoPassed(ctx.app);
    const cert = await issuedFor(passed.teacher.token);
    const queue = ctx.app.get<Queue>(getQueueToken(CERTIFICATES_QUEUE));
    // The same pass event again (same job id) and a replay under another id.
    await queue.add(
      'issue',
      { certificateId: cert.id, generation: 1 },
      { jobId: `certificate:${cert.id}:1` },
    );
    await queue.add(
      'issue',
      { certificateId: cert.id, generation: 1 },
      { jobId: `replay:${cert.id}:1` },
    );
    await eventually(
      () => queue.getJobCounts('waiting', 'active'),
      (c) => c.waiting === 0 && c.active === 0,
      30000,
    );
    const rows = await db.query(
      `SELECT c.issued_at, (SELECT count(*)::int FROM certificate_documents d WHERE d.certificate_id = c.id) AS docs
         FROM certificates c WHERE c.user_id = $1`,
      [passed.teacher.id],
    );
    expect(rows).toEqual([{ issued_at: new Date(cert.issuedAt!), docs: 1 }]);
  });

  it('parks a certificate that keeps failing as failed, visible to admins, and a retry issues it', async () => {
    await worker.stop();
    // An operator broke a template: every render fails.
    const broken = mkdtempSync(join(tmpdir(), 'qadam-templates-'));
    cpSync(resolve(__dirname, '../../certificates/templates'), broken, { recursive: true });
    writeFileSync(join(broken, 'acquire.json'), '{ not json');
    const bad = await startWorker({ CERT_TEMPLATES_DIR: broken, CERT_JOB_ATTEMPTS: '2' });
    let failedId: string;
    try {
      const passed = await teacherWhoPassed(ctx.app);
      const failed = await eventually(
        () => mine(passed.teacher.token),
        (l) => l[0]?.status === 'failed',
        30000,
      );
      failedId = failed[0].id;
      const list = await ctx.api.get('/api/admin/certificates?status=failed', { token: admin });
      const row = list.body.items.find((c: { id: string }) => c.id === failedId);
      expect(row.error).toContain('acquire.json');
      const queues = await ctx.api.get('/api/admin/queues', { token: admin });
      expect(queues.body.certificates.failed).toBeGreaterThanOrEqual(1);
      expect(queues.body.queues.map((q: { name: string }) => q.name)).toContain('certificates');
    } finally {
      await bad.stop();
    }
    worker = await startWorker();
    const notFailed = await ctx.api.post(
      `/api/admin/certificates/00000000-0000-4000-8000-000000000000/retry`,
      {},
      { token: admin },
    );
    expect(notFailed.status).toBe(404);
    const retry = await ctx.api.post(
      `/api/admin/certificates/${failedId}/retry`,
      {},
      { token: admin },
    );
    expect(retry.status).toBe(200);
    expect(retry.body.status).toBe('pending');
    const issued = await eventually(
      () => ctx.api.get(`/api/verify/${failedId}`),
      (r) => r.body.status === 'issued',
      30000,
    );
    expect(issued.body.valid).toBe(true);
    const again = await ctx.api.post(
      `/api/admin/certificates/${failedId}/retry`,
      {},
      { token: admin },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CERTIFICATE_NOT_FAILED');
  }, 120000);
});
