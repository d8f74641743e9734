import { useTestApp } from './support/app';

// Its own file: configuration is read when the app module is first loaded, once per test file.
// ioredis holds a reconnect timer for a few seconds after disconnecting from an unreachable
// server, so Jest may say it "did not exit one second after" the run; it exits on its own.
describe('health when Redis is down', () => {
  // Port 1 on loopback: nothing listens there.
  const ctx = useTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });

  it('is 503 SERVICE_UNAVAILABLE naming Redis, in the API body', async () => {
    const res = await ctx.api.get('/api/health', { lang: 'en' });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      details: [{ field: 'redis', rule: 'service.down', problem: 'Not responding.' }],
    });
  });
});
