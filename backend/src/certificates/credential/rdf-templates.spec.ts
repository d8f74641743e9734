import * as jsonld from 'jsonld';
import { documentLoader } from './contexts';
import { buildOpenBadgeCredential, type OpenBadgeInput } from './open-badge';
import { canonicalizeFast } from './rdf-templates';

const slow = (doc: unknown) =>
  (jsonld.canonize as unknown as (d: unknown, o: object) => Promise<string>)(doc, {
    algorithm: 'RDFC-1.0',
    format: 'application/n-quads',
    documentLoader,
    safe: true,
  });

/** A deterministic stream of awkward values. */
function* values(seed: number): Generator<string> {
  const pool = [
    'Әйгерім Нұрланқызы Сейітқали',
    'O\'Brien "the" \\ teacher',
    'line\nbreak\ttab',
    '«Жасанды интеллект» — мұғалім жұмысында',
    'emoji 🙂 and ё',
    'x',
    'did:example:not-an-iri-here',
    '  spaces  ',
  ];
  for (let i = seed; ; i++) yield pool[i % pool.length];
}

function credential(i: number): Record<string, unknown> {
  const v = values(i);
  const next = () => v.next().value as string;
  const input: OpenBadgeInput = {
    credentialId: `https://q${i}.example/api/certificates/${i}/credential`,
    issuer: {
      did:
        i % 3 === 0
          ? `did:web:q${i}.example`
          : 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
      name: next(),
      url: i % 2 ? 'https://orleu.edu.kz' : 'http://localhost:3000',
    },
    name: next(),
    validFrom: new Date(Date.UTC(2026, i % 12, 1 + (i % 28), i % 24, i % 60, i % 60)),
    holder: { email: `t${i}@mektep.kz`, salt: `salt${i}` },
    achievement: {
      id: `https://q.example/api/courses/course-${i}`,
      name: next(),
      description: next(),
      criteria: next(),
      level: (['acquire', 'deepen', 'create'] as const)[i % 3],
      hours: [36, 72, 0, 108][i % 4],
      alignments: Array.from({ length: i % 4 }, (_, k) => ({
        code: `unesco-cft:${k + 1}.${(i % 3) + 1}`,
        name: next(),
        url: 'https://unesdoc.unesco.org/ark:/48223/pf0000391104',
        framework: next(),
      })),
    },
    status: { listUrl: `https://q.example/api/credentials/status/${1 + (i % 2)}`, index: i * 7 },
  };
  return buildOpenBadgeCredential(input) as unknown as Record<string, unknown>;
}

describe('canonicalizeFast', () => {
  it('gives exactly the N-Quads jsonld gives, credential after credential', async () => {
    let slowCalls = 0;
    const counted = (doc: unknown) => {
      slowCalls += 1;
      return slow(doc);
    };
    for (let i = 0; i < 60; i++) {
      const doc = credential(i);
      expect(await canonicalizeFast(doc, documentLoader, counted)).toBe(await slow(doc));
    }
    // Shapes are few (alignment counts, schemes, levels): most documents took the fast path.
    expect(slowCalls).toBeLessThan(30);
  });

  it('makes a value that changes more than its own text part of the shape (achievementType)', async () => {
    const a = credential(1);
    const b = structuredClone(a) as { credentialSubject: { achievement: Record<string, unknown> } };
    b.credentialSubject.achievement.achievementType = 'Certificate';
    const c = structuredClone(a) as typeof b;
    c.credentialSubject.achievement.achievementType = 'CertificateOfCompletion';
    for (const doc of [a, b, c, b, c] as Record<string, unknown>[]) {
      expect(await canonicalizeFast(doc, documentLoader, slow)).toBe(await slow(doc));
    }
  });

  it('falls back to jsonld for what it cannot template, and refuses what jsonld refuses', async () => {
    const relative = { ...credential(2), id: 'not/absolute' };
    await expect(canonicalizeFast(relative, documentLoader, slow)).rejects.toThrow();
    const undefinedTerm = { ...credential(2), notInAnyContext: 'x' };
    await expect(canonicalizeFast(undefinedTerm, documentLoader, slow)).rejects.toThrow();
  });
});
