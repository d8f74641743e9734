import { sign, verify } from 'node:crypto';
import * as jsonld from 'jsonld';
import { documentLoader } from './contexts';
import {
  didDocument,
  didKey,
  didKeyVerificationMethod,
  didWeb,
  didWebVerificationMethod,
  generateIssuerKey,
  issuerKeyFromSecret,
  publicKeyFromMultibase,
  publicKeyMultibase,
  resolveDidKeyVerificationMethod,
  secretKeyMultibase,
} from './keys';

// W3C vc-di-eddsa test key pair (TestVectors/keyPair.json).
const W3C_SECRET = 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq';
const W3C_PUBLIC = 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
// W3C did:key specification, Ed25519 example.
const DID_KEY_SPEC_EXAMPLE = 'z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp';

describe('issuer keys', () => {
  it('derives the published public key and did:key from the W3C test secret', () => {
    const key = issuerKeyFromSecret(W3C_SECRET);
    expect(key.publicKeyMultibase).toBe(W3C_PUBLIC);
    expect(key.secretKeyMultibase).toBe(W3C_SECRET);
    expect(didKey(key.publicKeyMultibase)).toBe(`did:key:${W3C_PUBLIC}`);
    expect(didKeyVerificationMethod(key.publicKeyMultibase)).toBe(
      `did:key:${W3C_PUBLIC}#${W3C_PUBLIC}`,
    );
  });

  it('round-trips the did:key specification example key', () => {
    const publicKey = publicKeyFromMultibase(DID_KEY_SPEC_EXAMPLE);
    expect(publicKey.asymmetricKeyType).toBe('ed25519');
    expect(publicKeyMultibase(publicKey)).toBe(DID_KEY_SPEC_EXAMPLE);
    expect(didKey(DID_KEY_SPEC_EXAMPLE)).toBe(`did:key:${DID_KEY_SPEC_EXAMPLE}`);
    const vm = didKeyVerificationMethod(DID_KEY_SPEC_EXAMPLE);
    expect(resolveDidKeyVerificationMethod(vm)?.equals(publicKey)).toBe(true);
  });

  it('generates keys whose secret restores the same key pair', () => {
    const key = generateIssuerKey();
    expect(key.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(key.secretKeyMultibase).toMatch(/^z3u2/);
    const restored = issuerKeyFromSecret(key.secretKeyMultibase);
    expect(restored.publicKeyMultibase).toBe(key.publicKeyMultibase);
    expect(secretKeyMultibase(restored.privateKey)).toBe(key.secretKeyMultibase);
    const message = Buffer.from('qadam');
    expect(verify(null, message, key.publicKey, sign(null, message, restored.privateKey))).toBe(
      true,
    );
  });

  it('accepts a PKCS#8 PEM secret', () => {
    const key = generateIssuerKey();
    const pem = key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(issuerKeyFromSecret(`\n${pem}\n`).publicKeyMultibase).toBe(key.publicKeyMultibase);
  });

  it('rejects malformed secrets and public keys', () => {
    expect(() => issuerKeyFromSecret('3u2en7t5LR2W')).toThrow(/multibase/);
    expect(() => issuerKeyFromSecret('z0OIl')).toThrow(/base58/);
    expect(() => issuerKeyFromSecret(W3C_PUBLIC)).toThrow(/not an Ed25519 multikey/);
    expect(() => publicKeyFromMultibase(W3C_SECRET)).toThrow(/not an Ed25519 multikey/);
    expect(() => didKey('z6Mk')).toThrow();
  });

  it('resolves only well-formed did:key verification methods', () => {
    expect(resolveDidKeyVerificationMethod(`did:key:${W3C_PUBLIC}`)).toBeUndefined();
    expect(
      resolveDidKeyVerificationMethod(`did:key:${W3C_PUBLIC}#${DID_KEY_SPEC_EXAMPLE}`),
    ).toBeUndefined();
    expect(resolveDidKeyVerificationMethod('did:web:example.org#key-1')).toBeUndefined();
  });
});

describe('did:web', () => {
  it('percent-encodes the port and names key-1', () => {
    expect(didWeb('example.org:3000')).toBe('did:web:example.org%3A3000');
    expect(didWeb('Qadam.Example.kz')).toBe('did:web:qadam.example.kz');
    expect(didWeb('example.org', ['issuers', 'qadam'])).toBe('did:web:example.org:issuers:qadam');
    expect(didWebVerificationMethod('did:web:example.org')).toBe('did:web:example.org#key-1');
    expect(() => didWeb('https://example.org')).toThrow(/Invalid did:web host/);
  });
});

describe('DID document', () => {
  const key = issuerKeyFromSecret(W3C_SECRET);
  const did = didWeb('qadam.example');
  const vm = didWebVerificationMethod(did);
  const doc = didDocument(did, vm, key.publicKeyMultibase);

  it('publishes the key as a Multikey for assertion and authentication', () => {
    expect(doc).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [
        { id: vm, type: 'Multikey', controller: did, publicKeyMultibase: W3C_PUBLIC },
      ],
      assertionMethod: [vm],
      authentication: [vm],
    });
  });

  it('is valid JSON-LD with the bundled contexts (safe mode)', async () => {
    const nquads = await (
      jsonld.canonize as unknown as (doc: unknown, opts: object) => Promise<string>
    )(doc, { documentLoader, safe: true });
    expect(nquads).toContain(
      `<${vm}> <https://w3id.org/security#publicKeyMultibase> "${W3C_PUBLIC}"^^<https://w3id.org/security#multibase>`,
    );
    expect(nquads).toContain(`<${did}> <https://w3id.org/security#assertionMethod> <${vm}>`);
  });
});
