import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Lang } from '@qadam/contracts';
import { loadEnv } from '../../src/config/env';

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface RequestOptions {
  token?: string;
  lang?: Lang | string;
  ip?: string;
  headers?: Record<string, string>;
}

/**
 * The real app (real PostgreSQL, real Redis) built by the production factory. `env` overrides
 * variables for this test file: configuration is read when the app module is first loaded
 * (once per test file), so overrides only work in the file's first call, before any import of
 * the app module; the factory is required lazily for that reason.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  module?: () => Promise<unknown>,
): Promise<NestFastifyApplication> {
  Object.assign(process.env, env);
  const { createApp } = await import('../../src/create-app');
  const appModule = module ? await module() : undefined;
  const app = await createApp(loadEnv(), appModule as never);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

export interface TestContext {
  app: NestFastifyApplication;
  api: Http;
}

/**
 * One app for the enclosing describe block: built before its tests, closed after them. Read
 * `ctx.app` and `ctx.api` inside tests (they are set once the block starts).
 */
export function useTestApp(
  env: Record<string, string> = {},
  module?: () => Promise<unknown>,
): TestContext {
  const ctx = {} as TestContext;
  beforeAll(async () => {
    ctx.app = await createTestApp(env, module);
    ctx.api = http(ctx.app);
  });
  afterAll(() => ctx.app?.close());
  return ctx;
}

/** Requests through Fastify's inject: the full HTTP pipeline without a socket. */
export function http(app: NestFastifyApplication) {
  const call = async (
    method: string,
    url: string,
    body?: unknown,
    o: RequestOptions = {},
  ): Promise<TestResponse> => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.lang) headers['accept-language'] = o.lang;
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers,
      remoteAddress: o.ip ?? '127.0.0.1',
      ...(body === undefined
        ? {}
        : typeof body === 'string'
          ? { payload: body }
          : { payload: body as object }),
    });
    let parsed: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('json') && res.body)
      parsed = JSON.parse(res.body);
    return { status: res.statusCode, body: parsed, headers: res.headers };
  };
  return {
    get: (url: string, o?: RequestOptions) => call('GET', url, undefined, o),
    post: (url: string, body?: unknown, o?: RequestOptions) => call('POST', url, body ?? {}, o),
    put: (url: string, body?: unknown, o?: RequestOptions) => call('PUT', url, body ?? {}, o),
    patch: (url: string, body?: unknown, o?: RequestOptions) => call('PATCH', url, body ?? {}, o),
    raw: call,
  };
}

export type Http = ReturnType<typeof http>;
