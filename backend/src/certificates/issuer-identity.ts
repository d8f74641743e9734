import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '../config/env';
import {
  didDocument,
  didKey,
  didKeyVerificationMethod,
  didWeb,
  didWebVerificationMethod,
  generateIssuerKey,
  issuerKeyFromSecret,
  type IssuerKey,
} from './credential';

/**
 * Who signs the credentials: the institute's Ed25519 key and the DID that names it. Production
 * uses did:web (the DID document is served at /.well-known/did.json); development and tests use
 * did:key, which any verifier resolves offline. The API verifies with it, the worker signs.
 */
@Injectable()
export class IssuerIdentity {
  private readonly log = new Logger(IssuerIdentity.name);
  readonly key: IssuerKey;
  readonly did: string;
  readonly verificationMethod: string;

  constructor(config: ConfigService<Env, true>) {
    this.key = this.loadKey(config);
    const production = config.get('NODE_ENV', { infer: true }) === 'production';
    const method =
      config.get('CERT_ISSUER_DID_METHOD', { infer: true }) ?? (production ? 'web' : 'key');
    if (method === 'web') {
      const host = new URL(config.get('PUBLIC_URL', { infer: true })).host;
      this.did = didWeb(host);
      this.verificationMethod = didWebVerificationMethod(this.did);
    } else {
      this.did = didKey(this.key.publicKeyMultibase);
      this.verificationMethod = didKeyVerificationMethod(this.key.publicKeyMultibase);
    }
  }

  /** The issuer's public key for a verification method it owns; nothing for another. */
  publicKeyFor(verificationMethod: string): KeyObject | undefined {
    return verificationMethod === this.verificationMethod ? this.key.publicKey : undefined;
  }

  didDocument(): Record<string, unknown> {
    return didDocument(this.did, this.verificationMethod, this.key.publicKeyMultibase);
  }

  private loadKey(config: ConfigService<Env, true>): IssuerKey {
    const inline = config.get('CERT_SIGNING_KEY', { infer: true });
    if (inline) return issuerKeyFromSecret(inline.trim());
    const file = config.get('CERT_SIGNING_KEY_FILE', { infer: true });
    if (file) return issuerKeyFromSecret(readFileSync(file, 'utf8').trim());
    // Development and tests only (production refuses to start without a key): one key per
    // checkout, written once, so credentials issued yesterday still verify today.
    const path = resolve(config.get('CERT_DEV_KEY_FILE', { infer: true }));
    try {
      return issuerKeyFromSecret(readFileSync(path, 'utf8').trim());
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const key = generateIssuerKey();
    mkdirSync(dirname(path), { recursive: true });
    // Written aside and linked into place: of two processes starting together, one wins and
    // the other reads the winner's complete key.
    const tmp = `${path}.${process.pid}`;
    writeFileSync(tmp, `${key.secretKeyMultibase}\n`, { mode: 0o600 });
    try {
      linkSync(tmp, path);
      this.log.warn(
        `generated a DEVELOPMENT credential signing key in ${path} (not for production)`,
      );
      return key;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      return issuerKeyFromSecret(readFileSync(path, 'utf8').trim());
    } finally {
      unlinkSync(tmp);
    }
  }
}
