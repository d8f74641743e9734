import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestApp, http } from './support/app';

// Its own file: configuration is read when the app module is first loaded, once per test file.
// ioredis holds a reconnect timer for a few seconds after disconnecting from an unreachable
// server, so Jest may say it "did not exit one second after" the run; it exits on its own.
describe('health when Redis is down', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    // Port 1 on loopback: nothing listens there.
    app = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(() => app.close());

  it('is 503 SERVICE_UNAVAILABLE naming Redis, in the API body', async () => {
    const res = await http(app).get('/api/health', { lang: 'en' });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      details: [{ field: 'redis', rule: 'service.down', problem: 'Not responding.' }],
    });
  });
});
