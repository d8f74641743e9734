import { ContextNotBundledError, documentLoader, type DocumentLoader } from './contexts';
import {
  signEddsaRdfc2022,
  verifyEddsaRdfc2022,
  xsdDateTime,
  type SignTimings,
} from './data-integrity';
import {
  didKey,
  didKeyVerificationMethod,
  generateIssuerKey,
  issuerKeyFromSecret,
  resolveDidKeyVerificationMethod,
} from './keys';
import { buildOpenBadgeCredential, type OpenBadgeInput } from './open-badge';

// W3C "Data Integrity EdDSA Cryptosuites v1.0", test vectors for eddsa-rdfc-2022
// (github.com/w3c/vc-di-eddsa, TestVectors/keyPair.json and eddsa-rdfc-2022/signedDataInt.json).
const W3C_SECRET = 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq';
const W3C_UNSIGNED = {
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://www.w3.org/ns/credentials/examples/v2',
  ],
  id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
  type: ['VerifiableCredential', 'AlumniCredential'],
  name: 'Alumni Credential',
  description: 'A minimum viable example of an Alumni Credential.',
  issuer: 'https://vc.example/issuers/5678',
  validFrom: '2023-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:abcdefgh', alumniOf: 'The School of Examples' },
};
const W3C_VM = 'https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
const W3C_PROOF_VALUE =
  'z21EVs3eXERqTn4acNHT9viboqgzUaQ3kTmhPT3eA8qrVPE7CrQq78WkzctnMX5W4CrzcKnHw8V6dvy5pgWYCU5e9';
// The examples context the vector uses, served in these tests only.
const withExamplesContext: DocumentLoader = async (url) =>
  url === 'https://www.w3.org/ns/credentials/examples/v2'
    ? {
        contextUrl: null,
        documentUrl: url,
        document: { '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } },
      }
    : documentLoader(url);

function sampleInput(issuerDid: string, overrides: Partial<OpenBadgeInput> = {}): OpenBadgeInput {
  return {
    credentialId:
      'https://qadam.example/api/certificates/0b7d3f0e-1111-4222-8333-944445555666/credential',
    issuer: { did: issuerDid, name: 'Qadam Institute', url: 'https://qadam.example' },
    name: 'AI in Teaching — Deepen',
    validFrom: new Date('2025-03-01T10:20:30.456Z'),
    holder: { email: 'Teacher@School.kz', salt: '3f1c9a0b5e7d2468' },
    achievement: {
      id: 'https://qadam.example/courses/ai-in-teaching',
      name: 'Искусственный интеллект в обучении',
      description: 'Применение ИИ в преподавании.',
      criteria: 'Complete every module and pass the final assessment (70%).',
      level: 'deepen',
      hours: 72,
      alignments: [
        {
          code: 'CFT-2.1',
          name: 'Ethics of AI',
          url: 'https://unesco.example/ai-cft/2.1',
          framework: 'UNESCO AI Competency Framework for Teachers',
        },
        {
          code: 'ISTE-2.3',
          name: 'Citizen',
          url: 'https://iste.example/standards/2.3',
          framework: 'ISTE Standards for Educators',
        },
      ],
    },
    status: { listUrl: 'https://qadam.example/api/credentials/status/1', index: 42 },
    ...overrides,
  };
}

function sampleCredential(issuerDid: string) {
  return buildOpenBadgeCredential(sampleInput(issuerDid));
}

describe('eddsa-rdfc-2022 against the W3C test vector', () => {
  const key = issuerKeyFromSecret(W3C_SECRET);

  it('produces exactly the specification proofValue', async () => {
    const signed = await signEddsaRdfc2022(W3C_UNSIGNED, {
      verificationMethod: W3C_VM,
      privateKey: key.privateKey,
      created: new Date('2023-02-24T23:36:38Z'),
      documentLoader: withExamplesContext,
    });
    expect(signed.proof).toEqual({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      created: '2023-02-24T23:36:38Z',
      verificationMethod: W3C_VM,
      proofPurpose: 'assertionMethod',
      proofValue: W3C_PROOF_VALUE,
    });
    await expect(
      verifyEddsaRdfc2022(signed, () => key.publicKey, { documentLoader: withExamplesContext }),
    ).resolves.toEqual({ verified: true });
  });

  it('without the examples context the same document is refused (bundled contexts only)', async () => {
    const signed = await signEddsaRdfc2022(W3C_UNSIGNED, {
      verificationMethod: W3C_VM,
      privateKey: key.privateKey,
      documentLoader: withExamplesContext,
    });
    const result = await verifyEddsaRdfc2022(signed, () => key.publicKey);
    expect(result.verified).toBe(false);
    expect(result.reason).toMatch(/not bundled/);
  });
});

describe('sign and verify an OpenBadgeCredential', () => {
  const key = generateIssuerKey();
  const issuerDid = didKey(key.publicKeyMultibase);
  const vm = didKeyVerificationMethod(key.publicKeyMultibase);
  const resolve = (id: string) => (id === vm ? key.publicKey : undefined);
  const created = new Date('2025-03-01T10:21:00.789Z');
  let signed: Awaited<ReturnType<typeof sign>>;

  function sign() {
    return signEddsaRdfc2022(sampleCredential(issuerDid), {
      verificationMethod: vm,
      privateKey: key.privateKey,
      created,
    });
  }

  beforeAll(async () => {
    signed = await sign();
  });

  it('adds the proof and verifies', async () => {
    expect(signed.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      created: '2025-03-01T10:21:00Z',
      verificationMethod: vm,
      proofPurpose: 'assertionMethod',
    });
    expect(signed.proof.proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]{85,90}$/);
    await expect(verifyEddsaRdfc2022(signed, resolve)).resolves.toEqual({ verified: true });
    // Also with the generic offline did:key resolver.
    await expect(verifyEddsaRdfc2022(signed, resolveDidKeyVerificationMethod)).resolves.toEqual({
      verified: true,
    });
  });

  it('is deterministic and leaves the input untouched', async () => {
    const unsigned = sampleCredential(issuerDid);
    const again = await signEddsaRdfc2022(unsigned, {
      verificationMethod: vm,
      privateKey: key.privateKey,
      created,
    });
    expect(again.proof.proofValue).toBe(signed.proof.proofValue);
    expect(unsigned).not.toHaveProperty('proof');
    await expect(
      signEddsaRdfc2022(again, { verificationMethod: vm, privateKey: key.privateKey }),
    ).rejects.toThrow(/already has a proof/);
  });

  it('reports canonicalisation and signing time separately', async () => {
    const timings: SignTimings = { canonicalizeMs: 0, signMs: 0 };
    for (let i = 0; i < 3; i++) {
      await signEddsaRdfc2022(sampleCredential(issuerDid), {
        verificationMethod: vm,
        privateKey: key.privateKey,
        timings,
      });
    }
    expect(timings.canonicalizeMs).toBeGreaterThan(0);
    expect(timings.signMs).toBeGreaterThan(0);
  });

  const tampered: [string, (c: any) => void][] = [
    [
      'holder hash',
      (c) => (c.credentialSubject.identifier[0].identityHash = 'sha256$' + '0'.repeat(64)),
    ],
    ['achievement name', (c) => (c.credentialSubject.achievement.name = 'Something else')],
    ['validFrom', (c) => (c.validFrom = '2025-03-02T10:20:30Z')],
    ['alignment', (c) => c.credentialSubject.achievement.alignment.pop()],
    ['status index', (c) => (c.credentialStatus.statusListIndex = '43')],
    ['proof.created', (c) => (c.proof.created = '2025-03-01T10:21:01Z')],
    [
      'proofValue',
      (c) =>
        (c.proof.proofValue =
          c.proof.proofValue.slice(0, -2) + (c.proof.proofValue.endsWith('11') ? '22' : '11')),
    ],
  ];
  it.each(tampered)('rejects a changed %s', async (_what, change) => {
    const copy = structuredClone(signed);
    change(copy);
    const result = await verifyEddsaRdfc2022(copy, resolve);
    expect(result.verified).toBe(false);
    expect(result.reason).toEqual(expect.any(String));
  });

  it('rejects a signature by another key', async () => {
    const other = generateIssuerKey();
    await expect(verifyEddsaRdfc2022(signed, () => other.publicKey)).resolves.toEqual({
      verified: false,
      reason: 'signature does not match',
    });
    // Signed by another key under our verification method id.
    const forged = await signEddsaRdfc2022(sampleCredential(issuerDid), {
      verificationMethod: vm,
      privateKey: other.privateKey,
    });
    await expect(verifyEddsaRdfc2022(forged, resolve)).resolves.toMatchObject({ verified: false });
  });

  it('rejects an unknown verification method and one the issuer does not control', async () => {
    await expect(verifyEddsaRdfc2022(signed, () => undefined)).resolves.toEqual({
      verified: false,
      reason: `unknown verification method: ${vm}`,
    });
    const other = generateIssuerKey();
    const otherVm = didKeyVerificationMethod(other.publicKeyMultibase);
    const foreign = await signEddsaRdfc2022(sampleCredential(issuerDid), {
      verificationMethod: otherVm,
      privateKey: other.privateKey,
    });
    await expect(verifyEddsaRdfc2022(foreign, resolveDidKeyVerificationMethod)).resolves.toEqual({
      verified: false,
      reason: 'verification method is not controlled by the issuer',
    });
  });

  it.each([
    ['no proof', (c: any) => delete c.proof, /no proof/],
    ['a proof array', (c: any) => (c.proof = [c.proof]), /single object/],
    ['another cryptosuite', (c: any) => (c.proof.cryptosuite = 'eddsa-jcs-2022'), /cryptosuite/],
    ['another proof type', (c: any) => (c.proof.type = 'Ed25519Signature2020'), /proof type/],
    ['another purpose', (c: any) => (c.proof.proofPurpose = 'authentication'), /proofPurpose/],
    ['a malformed created', (c: any) => (c.proof.created = 'yesterday'), /created/],
    ['a non-multibase proofValue', (c: any) => (c.proof.proofValue = 'abc'), /multibase/],
    ['a short signature', (c: any) => (c.proof.proofValue = 'z3mJ'), /64-byte/],
  ])('rejects %s without throwing', async (_what, change, reason) => {
    const copy = structuredClone(signed);
    change(copy);
    const result = await verifyEddsaRdfc2022(copy, resolve);
    expect(result.verified).toBe(false);
    expect(result.reason).toMatch(reason);
  });

  it('rejects non-documents without throwing', async () => {
    for (const input of [null, 'x', 42, [], {}]) {
      await expect(verifyEddsaRdfc2022(input, resolve)).resolves.toMatchObject({
        verified: false,
      });
    }
  });

  it('rejects a term the contexts do not define (safe mode)', async () => {
    const copy: any = structuredClone(signed);
    copy.credentialSubject.undefinedTerm = 'dropped without safe mode';
    const result = await verifyEddsaRdfc2022(copy, resolve);
    expect(result.verified).toBe(false);
    expect(result.reason).toMatch(/canonicalization failed/);
    await expect(
      signEddsaRdfc2022(
        { ...sampleCredential(issuerDid), extra: 1 },
        { verificationMethod: vm, privateKey: key.privateKey },
      ),
    ).rejects.toThrow();
  });

  it('never fetches: an extra remote context fails verification locally', async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    try {
      const remote = 'https://evil.example/context.jsonld';
      const copy = structuredClone(signed) as any;
      copy['@context'] = [...copy['@context'], remote];
      const result = await verifyEddsaRdfc2022(copy, resolve);
      expect(result.verified).toBe(false);
      expect(result.reason).toContain(remote);
      await expect(
        signEddsaRdfc2022(
          { ...sampleCredential(issuerDid), '@context': [...signed['@context'], remote] },
          { verificationMethod: vm, privateKey: key.privateKey },
        ),
      ).rejects.toThrow(/not bundled/);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });
});

describe('xsdDateTime', () => {
  it('drops milliseconds and rejects invalid dates', () => {
    expect(xsdDateTime(new Date('2025-03-01T10:20:30.999Z'))).toBe('2025-03-01T10:20:30Z');
    expect(() => xsdDateTime(new Date('nope'))).toThrow(RangeError);
  });
});

describe('documentLoader', () => {
  it('refuses an unknown URL with a clear error', async () => {
    await expect(documentLoader('https://example.org/ctx')).rejects.toBeInstanceOf(
      ContextNotBundledError,
    );
  });
});
