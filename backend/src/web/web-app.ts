import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

const DEFAULT_DIR = 'dist/frontend/browser';

/** The default build: walks up from this file (backend/src/web, or its copy under dist/). */
function findDefault(start = __dirname): string | null {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, DEFAULT_DIR);
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/** Paths the web app never owns: unknown ones there keep the API's JSON 404. */
const NOT_THE_APP = /^\/(api|verify|\.well-known)(\/|$)/;

/**
 * Serves the built Angular app at / in the all-in-one process (`npm start`): its files, and
 * index.html for any other page address, so a deep link or a reload of /courses/x works.
 * Without a build (API-only development, most tests) nothing is registered.
 */
export async function registerWebApp(app: NestFastifyApplication, dir?: string): Promise<boolean> {
  const root = dir ? path.resolve(dir) : findDefault();
  const indexFile = root && path.join(root, 'index.html');
  if (!root || !indexFile || !existsSync(indexFile)) {
    new Logger('WebApp').log(`No web app build (${root ?? DEFAULT_DIR}): serving the API only`);
    return false;
  }
  const index = readFileSync(indexFile);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    // Each built file gets its own route; every other address falls to the handler below.
    wildcard: false,
    index: false,
    decorateReply: false,
    // scripts/precompress.js leaves .br and .gz beside each file, made at the strongest settings.
    preCompressed: true,
    setHeaders: (reply, file) => {
      // Bundles carry a content hash in their names: cache them for good.
      reply.header(
        'Cache-Control',
        /-[A-Z0-9]{8}\.(js|css)$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const sendIndex = (reply: FastifyReply) =>
    reply
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .send(index);
  fastify.get('/', (_req, reply) => sendIndex(reply));
  fastify.get('/*', (req, reply) => {
    const url = req.url.split('?')[0];
    if (NOT_THE_APP.test(url) || path.extname(url) !== '') return reply.callNotFound();
    return sendIndex(reply);
  });
  return true;
}
