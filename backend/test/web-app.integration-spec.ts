import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useTestApp } from './support/app';

/** A stand-in for `ng build` output: what matters here is how the API serves it. */
const dir = mkdtempSync(path.join(tmpdir(), 'qadam-web-'));
mkdirSync(dir, { recursive: true });
writeFileSync(
  path.join(dir, 'index.html'),
  '<!doctype html><html lang="kk"><q-root></q-root></html>',
);
writeFileSync(path.join(dir, 'main-ABCDEFGH.js'), 'console.log("qadam");\n'.repeat(500));
writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
writeFileSync(path.join(dir, 'chunk-PRECOMPR.js'), 'export const x = "qadam";\n'.repeat(400));
// As `npm start` does after `ng build`.
execFileSync(process.execPath, [path.join(__dirname, '../../scripts/precompress.js'), dir]);

describe('the web app served by the API (npm start)', () => {
  const ctx = useTestApp({ WEB_APP_DIR: dir });

  it('serves the app at / and at any page address, so deep links and reloads work', async () => {
    for (const url of [
      '/',
      '/courses',
      '/courses/ai-in-teachers-work?lang=ru',
      '/me/certificates',
    ]) {
      const res = await ctx.api.get(url);
      expect([url, res.status, String(res.headers['content-type'])]).toEqual([
        url,
        200,
        'text/html; charset=utf-8',
      ]);
      expect(res.body).toContain('<q-root>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed bundles for good and other files revalidated', async () => {
    const js = await ctx.api.get('/main-ABCDEFGH.js');
    expect(js.status).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    // Compressed for browsers that ask (all do): a slow line carries a fraction of the bytes.
    const gz = await ctx.app.inject({
      url: '/main-ABCDEFGH.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBeLessThan(js.body.length / 10);
    const icon = await ctx.api.get('/favicon.svg');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('sends the files precompressed at build time (brotli 11, gzip 9) instead of compressing on the fly', async () => {
    const file = path.join(dir, 'chunk-PRECOMPR.js');
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      const res = await ctx.app.inject({
        url: '/chunk-PRECOMPR.js',
        headers: { 'accept-encoding': encoding },
      });
      expect([encoding, res.statusCode, res.headers['content-encoding']]).toEqual([
        encoding,
        200,
        encoding,
      ]);
      expect(res.rawPayload.equals(readFileSync(file + suffix))).toBe(true);
      expect(res.headers['content-type']).toContain('javascript');
    }
    const plain = await ctx.app.inject({ url: '/chunk-PRECOMPR.js' });
    expect(plain.rawPayload.equals(readFileSync(file))).toBe(true);
  });

  it('leaves the API, verification and missing files their own 404s', async () => {
    const api = await ctx.api.get('/api/no-such-thing', { lang: 'ru' });
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const missing = await ctx.api.get('/chunk-NOPE.js');
    expect(missing.status).toBe(404);
    expect((await ctx.api.get('/api/courses?lang=kk')).status).toBe(200);
    expect((await ctx.api.get('/api/health')).status).toBe(200);
  });
});
