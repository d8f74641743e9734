import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { signEddsaRdfc2022 } from './data-integrity';
import { didKey, didKeyVerificationMethod, generateIssuerKey } from './keys';
import { buildOpenBadgeCredential } from './open-badge';

/*
 * Interoperability: credentials we sign must verify with an independent implementation,
 * @digitalcredentials/verifier-core (ESM-only, so run as a child process). Offline, its status
 * list and schema fetches fail; those are reported separately and the signature is still checked.
 */
const SCRIPT = join(__dirname, 'independent-verify.mjs');

interface VerifierResult {
  log?: { id: string; valid?: boolean; error?: unknown }[];
  errors?: { name: string; message: string }[];
}

function independentlyVerify(credential: unknown): VerifierResult {
  const out = execFileSync(process.execPath, [SCRIPT], {
    input: JSON.stringify(credential),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 45_000,
  });
  return JSON.parse(out) as VerifierResult;
}

function signatureStep(result: VerifierResult) {
  return result.log?.find((entry) => entry.id === 'valid_signature');
}

describe('independent verification (verifier-core)', () => {
  jest.setTimeout(60_000);
  const key = generateIssuerKey();
  const did = didKey(key.publicKeyMultibase);
  let signed: Awaited<
    ReturnType<typeof signEddsaRdfc2022<ReturnType<typeof buildOpenBadgeCredential>>>
  >;

  beforeAll(async () => {
    const unsigned = buildOpenBadgeCredential({
      credentialId:
        'https://qadam.example/api/certificates/0b7d3f0e-1111-4222-8333-944445555666/credential',
      issuer: { did, name: 'Qadam Institute', url: 'https://qadam.example' },
      name: 'AI in Teaching — Acquire',
      validFrom: new Date('2025-03-01T10:20:30Z'),
      holder: { email: 'teacher@school.kz', salt: 'b1946ac92492d2347c6235b4d2611184' },
      achievement: {
        id: 'https://qadam.example/courses/ai-in-teaching',
        name: 'Искусственный интеллект в обучении',
        description: 'Применение ИИ в преподавании.',
        criteria: 'Complete every module.',
        level: 'acquire',
        hours: 36,
        alignments: [
          {
            code: 'CFT-1.1',
            name: 'Human-centred mindset',
            url: 'https://unesco.example/ai-cft/1.1',
            framework: 'UNESCO AI Competency Framework for Teachers',
          },
        ],
      },
      status: { listUrl: 'https://qadam.example/api/credentials/status/1', index: 5 },
    });
    signed = await signEddsaRdfc2022(unsigned, {
      verificationMethod: didKeyVerificationMethod(key.publicKeyMultibase),
      privateKey: key.privateKey,
    });
  });

  it('accepts the signature of a did:key credential we signed', () => {
    const result = independentlyVerify(signed);
    expect(result.errors).toBeUndefined();
    expect(signatureStep(result)).toEqual({ id: 'valid_signature', valid: true });
  });

  it('rejects a tampered copy', () => {
    const tampered = structuredClone(signed);
    tampered.credentialSubject.achievement.name = 'Something else';
    const result = independentlyVerify(tampered);
    expect(signatureStep(result)?.valid).not.toBe(true);
    expect(result.errors?.map((e) => e.name)).toContain('invalid_signature');
  });
});
