import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigService } from '@nestjs/config';
import { DomainError } from '../common/errors/domain-error';
import { isLang, resolveLang } from '../common/i18n/lang';
import type { Env } from '../config/env';
import { certificateUrls } from './certificate-urls';
import { IssuerIdentity } from './issuer-identity';
import { VerificationService } from './verification.service';
import { renderVerificationPage } from './verification-page';

/**
 * Outside /api, at the addresses people and verifiers expect: the page a certificate's QR code
 * opens (/verify/:id) and the issuer's DID document (/.well-known/did.json, for did:web).
 * Registered on Fastify itself: Nest's global-prefix exclusion is by path, and /api/verify/:id
 * (the JSON answer) must keep its prefix.
 */
export function registerPublicPages(app: NestFastifyApplication): void {
  const verification = app.get(VerificationService);
  const issuer = app.get(IssuerIdentity);
  const publicUrl = app.get(ConfigService<Env, true>).get('PUBLIC_URL', { infer: true });
  const fastify = app.getHttpAdapter().getInstance();

  fastify.get<{ Params: { id: string }; Querystring: { lang?: string } }>(
    '/verify/:id',
    async (req, reply) => {
      const lang = isLang(req.query.lang)
        ? req.query.lang
        : resolveLang(req.headers['accept-language']);
      const result = await verification.verify(req.params.id).catch((e: unknown) => {
        if (e instanceof DomainError && e.code === 'NOT_FOUND') return null;
        throw e;
      });
      const urls = certificateUrls(publicUrl, req.params.id);
      return reply
        .status(result ? 200 : 404)
        .header('Content-Type', 'text/html; charset=utf-8')
        .header('Cache-Control', 'no-cache')
        .header('Vary', 'Accept-Language')
        .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(
          renderVerificationPage(result, lang, {
            self: urls.verifyUrl,
            credentialUrl: result?.issuedAt ? urls.credentialUrl : null,
          }),
        );
    },
  );

  fastify.get('/.well-known/did.json', async (_req, reply) => {
    if (!issuer.did.startsWith('did:web:')) {
      return reply.status(404).header('Content-Type', 'application/json').send({
        statusCode: 404,
        code: 'NOT_FOUND',
        message: 'This issuer is a did:key: it has no DID document to serve.',
      });
    }
    return reply
      .header('Content-Type', 'application/did+json')
      .header('Cache-Control', 'public, max-age=3600')
      .send(issuer.didDocument());
  });
}
