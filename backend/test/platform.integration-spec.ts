import { Controller, Get, Module } from '@nestjs/common';
import { Public } from '../src/common/access/access.decorators';
import { useTestApp } from './support/app';

@Controller('test-boom')
class BoomController {
  @Get()
  @Public()
  boom(): never {
    throw new Error('relation "secret_table" does not exist at /srv/qadam/internal.ts:42');
  }
}

describe('platform', () => {
  const ctx = useTestApp({}, async () => {
    const { AppModule } = await import('../src/app.module');
    @Module({ imports: [AppModule], controllers: [BoomController] })
    class AppWithBoom {}
    return AppWithBoom;
  });

  it('GET /api/health checks the database and Redis', async () => {
    const res = await ctx.api.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('a 500 says what to do and gives a request id, never the error or a stack', async () => {
    const res = await ctx.api.get('/api/test-boom', { lang: 'en' });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: expect.stringContaining(res.body.requestId),
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/secret_table|internal\.ts|stack/);
    expect(res.headers['x-request-id']).toBe(res.body.requestId);
  });

  it('keeps a sane X-Request-Id from the caller and replaces an unsafe one', async () => {
    const kept = await ctx.api.get('/api/health', { headers: { 'x-request-id': 'proxy-abc.123' } });
    expect(kept.headers['x-request-id']).toBe('proxy-abc.123');
    const replaced = await ctx.api.get('/api/health', {
      headers: { 'x-request-id': 'bad id\u0000<script>' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI description generated from the code, and its UI', async () => {
    const json = await ctx.api.get('/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/auth/register',
      '/api/auth/login',
      '/api/auth/refresh',
      '/api/me',
      '/api/health',
      '/api/admin/users/{id}/roles',
    ]) {
      expect(Object.keys(json.body.paths)).toContain(path);
    }
    expect(json.body.components.schemas.RegisterDto.required).toEqual(
      expect.arrayContaining(['email', 'password', 'fullName']),
    );
    const login = json.body.paths['/api/auth/login'].post.responses;
    expect(login['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/AuthResultSchema',
    );
    expect(login['429'].description).toBe('TOO_MANY_ATTEMPTS');
    expect(login['429'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ErrorBodySchema',
    );
    expect(json.body.components.schemas.UserProfileSchema.required).toEqual(
      expect.arrayContaining(['id', 'email', 'roles']),
    );
    const ui = await ctx.api.get('/api/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });
});
