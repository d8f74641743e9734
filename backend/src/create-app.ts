import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCompress from '@fastify/compress';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { registerPublicPages } from './certificates/public-pages';
import { registerWebApp } from './web/web-app';
import { requestIdFor } from './common/http/request-id';
import type { Env } from './config/env';

export const CSV_BODY_LIMIT = 16 * 1024 * 1024;
export const BANK_FILE_LIMIT = 10 * 1024 * 1024;
export const PACKAGE_FILE_LIMIT = 32 * 1024 * 1024;

/** Builds the HTTP app exactly as production runs it; the integration tests use the same function. */
export async function createApp(
  env: Pick<Env, 'TRUST_PROXY' | 'PUBLIC_URL' | 'WEB_APP_DIR'>,
  rootModule: unknown = AppModule,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: env.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // Fastify names each request (pino-http reuses that id); access logs come from nestjs-pino.
    genReqId: requestIdFor,
    requestIdHeader: false,
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    rootModule as typeof AppModule,
    adapter,
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  // Pages, bundles and JSON compressed for the 504 schools on slow lines; small answers (an
  // autosave's) stay as they are, under the 1 KB threshold.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'] });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.header('X-Request-Id', request.id);
      done();
    });
  // CSV uploads (bulk enrolment): read as text, with room for ~100,000 rows.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );
  // Question bank files (Moodle XML, GIFT): read as text; the importers bound them again.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(
      ['application/xml', 'text/xml', 'text/plain'],
      { parseAs: 'string', bodyLimit: BANK_FILE_LIMIT },
      (req, body, done) =>
        // Only the import takes files; elsewhere these types are unsupported, as any non-JSON.
        req.routeOptions.url === '/api/banks/import'
          ? done(null, body)
          : done(
              Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 }),
              undefined,
            ),
    );
  // Course packages (a folder as .zip), uploaded from the console; bytes, for the unpacker.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(
      ['application/zip', 'application/x-zip-compressed'],
      { parseAs: 'buffer', bodyLimit: PACKAGE_FILE_LIMIT },
      (req, body, done) =>
        req.routeOptions.url === '/api/authoring/packages'
          ? done(null, body)
          : done(
              Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 }),
              undefined,
            ),
    );
  app.enableShutdownHooks();
  registerPublicPages(app);
  await registerWebApp(app, env.WEB_APP_DIR);

  const openApi = new DocumentBuilder()
    .setTitle('Qadam API')
    .setDescription(
      'Learning management for the professional development of teachers. Errors: `{ statusCode, code, message, details? }`, message in the language of Accept-Language (kk, ru, en).',
    )
    .setVersion('0.1.0')
    .addServer(env.PUBLIC_URL)
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs-json',
  });
  return app;
}
