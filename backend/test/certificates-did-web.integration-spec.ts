import type { CertificateSummary } from '@qadam/contracts';
import { useTestApp } from './support/app';
import { startWorker, teacherWhoPassed, WorkerProcess } from './support/certificates';
import { eventually } from './support/courses';

/** Production's issuer: did:web of PUBLIC_URL, resolved through /.well-known/did.json. */
describe('certificates issued as did:web', () => {
  const ctx = useTestApp({ CERT_ISSUER_DID_METHOD: 'web' });
  let worker: WorkerProcess;
  beforeAll(async () => {
    worker = await startWorker({ CERT_ISSUER_DID_METHOD: 'web' });
  }, 90000);
  afterAll(() => worker?.stop());

  it('serves the DID document whose key verifies the credentials it signs', async () => {
    const res = await ctx.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/.well-known/did.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/did+json');
    const doc = res.json();
    expect(doc.id).toBe('did:web:localhost%3A3000');
    const [vm] = doc.verificationMethod;
    expect(vm).toMatchObject({ id: `${doc.id}#key-1`, type: 'Multikey', controller: doc.id });

    const passed = await teacherWhoPassed(ctx.app);
    const [cert] = await eventually(
      async () =>
        (await ctx.api.get('/api/me/certificates', { token: passed.teacher.token }))
          .body as CertificateSummary[],
      (l) => l[0]?.status === 'issued',
      30000,
    );
    const credential = (await ctx.api.get(`/api/certificates/${cert.id}/credential`)).body;
    expect(credential.issuer.id).toBe(doc.id);
    expect(credential.proof.verificationMethod).toBe(vm.id);
    expect((await ctx.api.get(`/api/verify/${cert.id}`)).body).toMatchObject({
      valid: true,
      status: 'issued',
    });
  }, 60000);
});
