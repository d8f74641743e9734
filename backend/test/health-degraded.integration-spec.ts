import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from './support/ports';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The API in a process of its own, with Redis unreachable (port 1 on loopback: nothing listens
 * there). Its own process because BullMQ can emit a connection error after a queue has closed
 * (the in-flight connect fails once its listeners are gone), which would take the test runner down
 * with it; a real API process shutting down during a Redis outage is exiting anyway.
 */
describe('health when Redis is down', () => {
  let child: ChildProcess;
  let base = '';
  let output = '';

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['-r', '@swc-node/register', 'backend/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.base.json'),
        REDIS_URL: 'redis://127.0.0.1:1',
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`the API exited:\n${output}`);
      const up = await fetch(`${base}/api/health`).then(
        () => true,
        () => false,
      );
      if (up) break;
      if (i > 240) throw new Error(`the API did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 90_000);

  afterAll(async () => {
    if (child?.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
  });

  it('is 503 SERVICE_UNAVAILABLE naming Redis, in the API body', async () => {
    const res = await fetch(`${base}/api/health`, { headers: { 'Accept-Language': 'en' } });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      details: [{ field: 'redis', rule: 'service.down', problem: 'Not responding.' }],
    });
  });
});
