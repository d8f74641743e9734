import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigService } from '@nestjs/config';
import { validateEnv } from '../config/env';
import { didKey, generateIssuerKey } from './credential';
import { IssuerIdentity } from './issuer-identity';

const identity = (vars: Record<string, string>) =>
  new IssuerIdentity(new ConfigService(validateEnv(vars) as unknown as Record<string, unknown>));

describe('IssuerIdentity', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qadam-issuer-'));

  it('generates a development key once, into its file, and reuses it', () => {
    const file = join(dir, 'nested', 'dev-key.txt');
    const first = identity({ CERT_DEV_KEY_FILE: file });
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0);
    const second = identity({ CERT_DEV_KEY_FILE: file });
    expect(second.did).toBe(first.did);
    expect(first.did).toBe(didKey(first.key.publicKeyMultibase));
    expect(first.verificationMethod).toBe(`${first.did}#${first.key.publicKeyMultibase}`);
  });

  it('takes the key from CERT_SIGNING_KEY or from CERT_SIGNING_KEY_FILE (multibase or PEM)', () => {
    const key = generateIssuerKey();
    expect(identity({ CERT_SIGNING_KEY: key.secretKeyMultibase }).key.publicKeyMultibase).toBe(
      key.publicKeyMultibase,
    );
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' });
    const file = join(dir, 'issuer.pem');
    writeFileSync(file, pem);
    const fromFile = identity({ CERT_SIGNING_KEY_FILE: file });
    expect(fromFile.key.privateKey.asymmetricKeyType).toBe('ed25519');
    // No development key was written when one is configured.
    expect(existsSync(join(dir, 'unused.txt'))).toBe(false);
  });

  it('is a did:web of PUBLIC_URL in production, with its DID document', () => {
    const key = generateIssuerKey();
    const web = identity({
      NODE_ENV: 'production',
      JWT_ACCESS_SECRET: 'x'.repeat(48),
      CERT_SIGNING_KEY: key.secretKeyMultibase,
      PUBLIC_URL: 'https://qadam.orleu.edu.kz',
    });
    expect(web.did).toBe('did:web:qadam.orleu.edu.kz');
    expect(web.verificationMethod).toBe('did:web:qadam.orleu.edu.kz#key-1');
    expect(web.didDocument()).toMatchObject({
      id: 'did:web:qadam.orleu.edu.kz',
      verificationMethod: [
        {
          id: 'did:web:qadam.orleu.edu.kz#key-1',
          type: 'Multikey',
          publicKeyMultibase: key.publicKeyMultibase,
        },
      ],
      assertionMethod: ['did:web:qadam.orleu.edu.kz#key-1'],
    });
    expect(web.publicKeyFor('did:web:qadam.orleu.edu.kz#key-1')).toBe(web.key.publicKey);
    expect(web.publicKeyFor('did:web:elsewhere.kz#key-1')).toBeUndefined();
  });

  it('refuses a malformed configured key, naming nothing of it', () => {
    expect(() => identity({ CERT_SIGNING_KEY: 'z-not-a-key' })).toThrow();
    expect(readFileSync(join(dir, 'nested', 'dev-key.txt'), 'utf8')).toMatch(/^z/);
  });
});
