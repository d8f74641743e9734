import { signEddsaRdfc2022 } from './data-integrity';
import { didKey, didKeyVerificationMethod, generateIssuerKey } from './keys';
import { validateAchievementCredential } from './ob3-schema';
import {
  buildOpenBadgeCredential,
  newSalt,
  saltedEmailHash,
  type OpenBadgeInput,
} from './open-badge';

const ISSUER_DID = 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';

function input(overrides: Partial<OpenBadgeInput> = {}): OpenBadgeInput {
  return {
    credentialId:
      'https://qadam.example/api/certificates/0b7d3f0e-1111-4222-8333-944445555666/credential',
    issuer: { did: ISSUER_DID, name: 'Qadam Institute', url: 'https://qadam.example' },
    name: 'AI in Teaching — Create',
    validFrom: new Date('2025-03-01T10:20:30.456Z'),
    holder: { email: ' Teacher@School.KZ ', salt: 'Kosher' },
    achievement: {
      id: 'https://qadam.example/courses/ai-in-teaching',
      name: 'Искусственный интеллект в обучении',
      description: 'Применение ИИ в преподавании.',
      criteria: 'Complete every module and pass the final assessment.',
      level: 'create',
      hours: 72,
      alignments: [
        {
          code: 'CFT-2.1',
          name: 'Ethics of AI',
          url: 'https://unesco.example/ai-cft/2.1',
          framework: 'UNESCO AI Competency Framework for Teachers',
        },
      ],
    },
    status: { listUrl: 'https://qadam.example/api/credentials/status/1', index: 7 },
    ...overrides,
  };
}

describe('salted email hash', () => {
  it('matches the Open Badges IdentityHash example', () => {
    // OB 3.0 IdentityHash: 'a@example.com' salted with 'Kosher'.
    expect(saltedEmailHash('a@example.com', 'Kosher')).toBe(
      'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
    );
    expect(saltedEmailHash(' A@Example.COM ', 'Kosher')).toBe(
      saltedEmailHash('a@example.com', 'Kosher'),
    );
  });

  it('makes fresh random salts', () => {
    expect(newSalt()).toMatch(/^[0-9a-f]{32}$/);
    expect(newSalt()).not.toBe(newSalt());
  });
});

describe('buildOpenBadgeCredential', () => {
  it('builds a lean OB 3.0 OpenBadgeCredential', () => {
    expect(buildOpenBadgeCredential(input())).toEqual({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: 'https://qadam.example/api/certificates/0b7d3f0e-1111-4222-8333-944445555666/credential',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: {
        id: ISSUER_DID,
        type: ['Profile'],
        name: 'Qadam Institute',
        url: 'https://qadam.example',
      },
      name: 'AI in Teaching — Create',
      validFrom: '2025-03-01T10:20:30Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [
          {
            type: 'IdentityObject',
            identityHash: saltedEmailHash('teacher@school.kz', 'Kosher'),
            identityType: 'emailAddress',
            hashed: true,
            salt: 'Kosher',
          },
        ],
        achievement: {
          id: 'https://qadam.example/courses/ai-in-teaching',
          type: ['Achievement'],
          achievementType: 'Certificate',
          name: 'Искусственный интеллект в обучении',
          description: 'Применение ИИ в преподавании.',
          criteria: { narrative: 'Complete every module and pass the final assessment.' },
          creditsAvailable: 72,
          alignment: [
            {
              type: ['Alignment'],
              targetName: 'Ethics of AI',
              targetUrl: 'https://unesco.example/ai-cft/2.1',
              targetCode: 'CFT-2.1',
              targetFramework: 'UNESCO AI Competency Framework for Teachers',
            },
          ],
        },
      },
      credentialStatus: {
        id: 'https://qadam.example/api/credentials/status/1#7',
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '7',
        statusListCredential: 'https://qadam.example/api/credentials/status/1',
      },
    });
  });

  it('maps ladder levels to OB achievement types and keeps optional fields optional', () => {
    const base = input().achievement;
    const acquire = buildOpenBadgeCredential(
      input({
        achievement: { ...base, level: 'acquire', alignments: [], humanCode: 'AI-101' },
      }),
    );
    expect(acquire.credentialSubject.achievement).toMatchObject({
      achievementType: 'CertificateOfCompletion',
      humanCode: 'AI-101',
    });
    expect(acquire.credentialSubject.achievement).not.toHaveProperty('alignment');
    expect(acquire.credentialSubject.achievement).not.toHaveProperty('fieldOfStudy');
    const deepen = buildOpenBadgeCredential(input({ achievement: { ...base, level: 'deepen' } }));
    expect(deepen.credentialSubject.achievement.achievementType).toBe('Certificate');
  });

  it('rejects unusable input', () => {
    expect(() => buildOpenBadgeCredential(input({ credentialId: 'urn:uuid:x' }))).toThrow(/URL/);
    expect(() =>
      buildOpenBadgeCredential(input({ issuer: { ...input().issuer, did: 'https://x' } })),
    ).toThrow(/DID/);
    expect(() =>
      buildOpenBadgeCredential(input({ status: { listUrl: 'https://x.example/s/1', index: -1 } })),
    ).toThrow(RangeError);
    expect(() => buildOpenBadgeCredential(input({ holder: { email: ' ', salt: 'x' } }))).toThrow(
      /email/,
    );
    expect(() =>
      buildOpenBadgeCredential(
        input({ achievement: { ...input().achievement, level: 'master' as never } }),
      ),
    ).toThrow(/level/);
  });
});

describe('OB 3.0 JSON Schema (bundled 1EdTech schema)', () => {
  it('accepts the built credential, unsigned and signed', async () => {
    const unsigned = buildOpenBadgeCredential(input());
    expect(validateAchievementCredential(unsigned)).toEqual({ valid: true, errors: [] });
    const key = generateIssuerKey();
    const signed = await signEddsaRdfc2022(
      buildOpenBadgeCredential(
        input({ issuer: { ...input().issuer, did: didKey(key.publicKeyMultibase) } }),
      ),
      {
        verificationMethod: didKeyVerificationMethod(key.publicKeyMultibase),
        privateKey: key.privateKey,
      },
    );
    expect(validateAchievementCredential(signed)).toEqual({ valid: true, errors: [] });
  });

  it('rejects a credential without credentialSubject.achievement', () => {
    const credential: any = buildOpenBadgeCredential(input());
    delete credential.credentialSubject.achievement;
    const result = validateAchievementCredential(credential);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/achievement/);
  });

  it.each([
    ['a missing VC 2.0 context', (c: any) => (c['@context'] = [c['@context'][1]])],
    ['a missing validFrom', (c: any) => delete c.validFrom],
    ['a non-date validFrom', (c: any) => (c.validFrom = 'March 2025')],
    ['no OpenBadgeCredential type', (c: any) => (c.type = ['VerifiableCredential'])],
    [
      'an unknown achievementType',
      (c: any) => (c.credentialSubject.achievement.achievementType = 'Trophy'),
    ],
    [
      'an identity object with extra fields',
      (c: any) => (c.credentialSubject.identifier[0].email = 'x@y.z'),
    ],
  ])('rejects %s', (_what, change) => {
    const credential = buildOpenBadgeCredential(input());
    change(credential);
    expect(validateAchievementCredential(credential).valid).toBe(false);
  });
});
