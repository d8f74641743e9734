import { createHash, KeyObject, sign, verify } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { base58 } from '@scure/base';
import * as jsonld from 'jsonld';
import {
  ContextNotBundledError,
  documentLoader as bundledLoader,
  type DocumentLoader,
} from './contexts';
import { canonicalizeFast } from './rdf-templates';

/*
 * DataIntegrityProof with the eddsa-rdfc-2022 cryptosuite, as specified in W3C "Data Integrity
 * EdDSA Cryptosuites v1.0" §3.3 (transformation, hashing, proof configuration, serialization):
 *   proofConfig = proof options without proofValue, with `@context` = the document's `@context`
 *   hashData    = SHA-256(RDFC-1.0(proofConfig)) ‖ SHA-256(RDFC-1.0(document))
 *   proofValue  = 'z' + base58btc(Ed25519-sign(hashData))
 * Reproduces the spec's test vector exactly (see data-integrity.spec.ts).
 */

export const CRYPTOSUITE = 'eddsa-rdfc-2022';

export type JsonLdContext = string | Readonly<Record<string, unknown>>;

/** Any JSON-LD document with a top-level `@context` (what can be signed). */
export interface JsonLdDocument {
  '@context': readonly JsonLdContext[] | JsonLdContext;
}

// Type aliases (not interfaces) for JSON shapes: assignable to Record<string, unknown>.
export type DataIntegrityProof = {
  type: 'DataIntegrityProof';
  cryptosuite: typeof CRYPTOSUITE;
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
  proofValue: string;
};

export type Signed<T> = T & { proof: DataIntegrityProof };

/**
 * Accumulated wall-clock time (ms); pass the same object to many calls to sum them.
 * canonicalizeMs covers both RDFC-1.0 runs (proof config + document) and the two SHA-256s;
 * signMs is the Ed25519 signature alone.
 */
export interface SignTimings {
  canonicalizeMs: number;
  signMs: number;
}

export interface SignOptions {
  verificationMethod: string;
  privateKey: KeyObject;
  /** Defaults to now. Serialised without milliseconds. */
  created?: Date;
  timings?: SignTimings;
  /** Defaults to the bundled-contexts-only loader; override only in tests. */
  documentLoader?: DocumentLoader;
}

export interface VerifyOptions {
  documentLoader?: DocumentLoader;
}

export interface VerifyResult {
  verified: boolean;
  reason?: string;
}

export type PublicKeyResolver = (
  verificationMethod: string,
) => KeyObject | undefined | Promise<KeyObject | undefined>;

/** xsd:dateTime in UTC without fractional seconds, e.g. 2025-01-31T12:00:00Z. */
export function xsdDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

interface CanonizeOptions {
  algorithm: 'RDFC-1.0';
  format: 'application/n-quads';
  documentLoader: DocumentLoader;
  safe: boolean;
  canonizeOptions: { algorithm: 'RDFC-1.0' };
}

// @types/jsonld predates jsonld 9 (no `safe`, no 'RDFC-1.0'): a narrow, honest signature instead.
const canonize = jsonld.canonize as unknown as (
  input: unknown,
  options: CanonizeOptions,
) => Promise<string>;

async function canonicalize(input: unknown, loader: DocumentLoader): Promise<string> {
  // Safe mode: a term the contexts don't define (which would silently drop out of the
  // signed N-Quads) is an error instead.
  const slow = (doc: unknown) =>
    canonize(doc, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      documentLoader: loader,
      safe: true,
      canonizeOptions: { algorithm: 'RDFC-1.0' },
    });
  try {
    return isRecord(input) ? await canonicalizeFast(input, loader, slow) : await slow(input);
  } catch (err) {
    // jsonld wraps loader failures in a generic "Dereferencing a URL…" error.
    const cause = (err as { details?: { cause?: unknown } } | null)?.details?.cause;
    throw cause instanceof ContextNotBundledError ? cause : err;
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

async function hashData(
  document: Record<string, unknown>,
  proofOptions: Record<string, unknown>,
  loader: DocumentLoader,
): Promise<Buffer> {
  const proofConfig = { ...proofOptions, '@context': document['@context'] };
  const canonicalProofConfig = await canonicalize(proofConfig, loader);
  const canonicalDocument = await canonicalize(document, loader);
  return Buffer.concat([sha256(canonicalProofConfig), sha256(canonicalDocument)]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function signEddsaRdfc2022<T extends JsonLdDocument>(
  unsigned: T,
  options: SignOptions,
): Promise<Signed<T>> {
  const { privateKey, verificationMethod, timings } = options;
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error('signEddsaRdfc2022 needs an Ed25519 private key');
  }
  if ('proof' in unsigned) throw new Error('Document already has a proof');
  const proofOptions: Omit<DataIntegrityProof, 'proofValue'> = {
    type: 'DataIntegrityProof',
    cryptosuite: CRYPTOSUITE,
    created: xsdDateTime(options.created ?? new Date()),
    verificationMethod,
    proofPurpose: 'assertionMethod',
  };

  const t0 = performance.now();
  const data = await hashData(
    unsigned as unknown as Record<string, unknown>,
    proofOptions,
    options.documentLoader ?? bundledLoader,
  );
  const t1 = performance.now();
  const signature = sign(null, data, privateKey);
  const t2 = performance.now();
  if (timings) {
    timings.canonicalizeMs += t1 - t0;
    timings.signMs += t2 - t1;
  }
  return { ...unsigned, proof: { ...proofOptions, proofValue: 'z' + base58.encode(signature) } };
}

function fail(reason: string): VerifyResult {
  return { verified: false, reason };
}

function issuerId(document: Record<string, unknown>): string | undefined {
  const issuer = document.issuer;
  if (typeof issuer === 'string') return issuer;
  if (isRecord(issuer) && typeof issuer.id === 'string') return issuer.id;
  return undefined;
}

function startsWithContexts(documentContext: unknown, proofContext: unknown): boolean {
  const doc = Array.isArray(documentContext) ? documentContext : [documentContext];
  const proof = Array.isArray(proofContext) ? proofContext : [proofContext];
  return proof.every((c, i) => JSON.stringify(c) === JSON.stringify(doc[i]));
}

/**
 * Verifies one eddsa-rdfc-2022 DataIntegrityProof. Never throws: anything wrong — a missing or
 * malformed proof, an unknown key, a key the issuer doesn't control, a document that doesn't
 * canonicalise in safe mode (e.g. an unbundled context), a bad signature — is `verified: false`.
 */
export async function verifyEddsaRdfc2022(
  signed: unknown,
  resolvePublicKey: PublicKeyResolver,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  try {
    if (!isRecord(signed) || !('@context' in signed)) return fail('not a JSON-LD document');
    const { proof, ...unsecured } = signed;
    if (proof === undefined) return fail('no proof');
    if (!isRecord(proof)) return fail('proof must be a single object');
    const { proofValue, ...proofOptions } = proof;
    if (proofOptions.type !== 'DataIntegrityProof')
      return fail('proof type is not DataIntegrityProof');
    if (proofOptions.cryptosuite !== CRYPTOSUITE) return fail(`cryptosuite is not ${CRYPTOSUITE}`);
    if (proofOptions.proofPurpose !== 'assertionMethod')
      return fail('proofPurpose is not assertionMethod');
    if (proofOptions.created !== undefined) {
      const created = proofOptions.created;
      if (
        typeof created !== 'string' ||
        !DATE_TIME.test(created) ||
        Number.isNaN(Date.parse(created))
      ) {
        return fail('proof.created is not a valid dateTime');
      }
    }
    const vm = proofOptions.verificationMethod;
    if (typeof vm !== 'string' || vm === '') return fail('proof.verificationMethod missing');
    if (typeof proofValue !== 'string' || !proofValue.startsWith('z')) {
      return fail('proofValue is not multibase base58-btc');
    }
    let signature: Uint8Array;
    try {
      signature = base58.decode(proofValue.slice(1));
    } catch {
      return fail('proofValue is not valid base58-btc');
    }
    if (signature.length !== 64) return fail('proofValue is not a 64-byte Ed25519 signature');

    // Data Integrity §4.4: a proof-level @context must be a prefix of the document's.
    if ('@context' in proofOptions) {
      if (!startsWithContexts(unsecured['@context'], proofOptions['@context'])) {
        return fail('proof @context does not match the document @context');
      }
      delete proofOptions['@context'];
    }
    const issuer = issuerId(unsecured);
    if (issuer !== undefined && vm.split('#')[0] !== issuer) {
      return fail('verification method is not controlled by the issuer');
    }

    const publicKey = await resolvePublicKey(vm);
    if (!publicKey) return fail(`unknown verification method: ${vm}`);
    if (publicKey.type !== 'public' || publicKey.asymmetricKeyType !== 'ed25519') {
      return fail('verification method is not an Ed25519 public key');
    }

    let data: Buffer;
    try {
      data = await hashData(unsecured, proofOptions, options.documentLoader ?? bundledLoader);
    } catch (err) {
      return fail(`canonicalization failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    return verify(null, data, publicKey, signature)
      ? { verified: true }
      : fail('signature does not match');
  } catch (err) {
    return fail(`verification error: ${err instanceof Error ? err.message : String(err)}`);
  }
}
