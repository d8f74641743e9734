import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { base58 } from '@scure/base';
import { DID_V1_CONTEXT_URL, MULTIKEY_V1_CONTEXT_URL } from './contexts';

/*
 * Ed25519 issuer keys in the Multikey encoding (W3C Controlled Identifiers, "Multikey"):
 * multibase base58-btc ('z') of a multicodec header + raw key bytes.
 */
const ED25519_PUB_HEADER = Uint8Array.of(0xed, 0x01);
const ED25519_PRIV_HEADER = Uint8Array.of(0x80, 0x26);
const KEY_LENGTH = 32;
// DER prefix of a PKCS#8 Ed25519 private key: lets node:crypto import a raw 32-byte seed.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface IssuerKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** 'z6Mk…' */
  publicKeyMultibase: string;
  /** 'z3u2…' — the secret to keep in configuration. */
  secretKeyMultibase: string;
}

/** A JSON object type (alias, not interface) so it is assignable to Record<string, unknown>. */
export type DidDocument = {
  '@context': string[];
  id: string;
  verificationMethod: {
    id: string;
    type: 'Multikey';
    controller: string;
    publicKeyMultibase: string;
  }[];
  assertionMethod: string[];
  authentication: string[];
};

function multibaseEncode(header: Uint8Array, key: Uint8Array): string {
  const bytes = new Uint8Array(header.length + key.length);
  bytes.set(header);
  bytes.set(key, header.length);
  return 'z' + base58.encode(bytes);
}

function multibaseDecode(value: string, header: Uint8Array, what: string): Buffer {
  if (!value.startsWith('z')) throw new Error(`${what}: expected multibase base58-btc ('z…')`);
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(value.slice(1));
  } catch {
    throw new Error(`${what}: invalid base58-btc`);
  }
  if (
    bytes.length !== header.length + KEY_LENGTH ||
    bytes[0] !== header[0] ||
    bytes[1] !== header[1]
  ) {
    throw new Error(`${what}: not an Ed25519 multikey`);
  }
  return Buffer.from(bytes.subarray(header.length));
}

function assertEd25519(key: KeyObject, type: 'private' | 'public'): void {
  if (key.type !== type || key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`Expected an Ed25519 ${type} key`);
  }
}

function jwkField(key: KeyObject, field: 'd' | 'x'): Buffer {
  const value = key.export({ format: 'jwk' })[field];
  if (typeof value !== 'string') throw new Error(`Ed25519 key export lacks '${field}'`);
  return Buffer.from(value, 'base64url');
}

export function publicKeyMultibase(publicKey: KeyObject): string {
  assertEd25519(publicKey, 'public');
  return multibaseEncode(ED25519_PUB_HEADER, jwkField(publicKey, 'x'));
}

export function secretKeyMultibase(privateKey: KeyObject): string {
  assertEd25519(privateKey, 'private');
  return multibaseEncode(ED25519_PRIV_HEADER, jwkField(privateKey, 'd'));
}

export function publicKeyFromMultibase(multibase: string): KeyObject {
  const raw = multibaseDecode(multibase, ED25519_PUB_HEADER, 'publicKeyMultibase');
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

function issuerKeyFromPrivateKey(privateKey: KeyObject): IssuerKey {
  assertEd25519(privateKey, 'private');
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyMultibase: publicKeyMultibase(publicKey),
    secretKeyMultibase: secretKeyMultibase(privateKey),
  };
}

export function generateIssuerKey(): IssuerKey {
  return issuerKeyFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
}

/** From a Multikey secret ('z3u2…', 0x8026 + 32-byte seed) or a PKCS#8 PEM Ed25519 key. */
export function issuerKeyFromSecret(secret: string): IssuerKey {
  const value = secret.trim();
  if (value.startsWith('-----BEGIN')) {
    return issuerKeyFromPrivateKey(createPrivateKey({ key: value, format: 'pem' }));
  }
  const seed = multibaseDecode(value, ED25519_PRIV_HEADER, 'secretKeyMultibase');
  return issuerKeyFromPrivateKey(
    createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    }),
  );
}

/** did:key for an Ed25519 multikey: `did:key:z6Mk…`. */
export function didKey(multibase: string): string {
  multibaseDecode(multibase, ED25519_PUB_HEADER, 'publicKeyMultibase');
  return `did:key:${multibase}`;
}

/** The only verification method of a did:key: `did:key:z6Mk…#z6Mk…`. */
export function didKeyVerificationMethod(multibase: string): string {
  return `${didKey(multibase)}#${multibase}`;
}

/**
 * did:web for a host (optionally with a port, `example.org:3000`) and optional path segments;
 * the DID document is then served at https://<host>[/<path>]/.well-known/did.json or …/did.json.
 */
export function didWeb(host: string, path: readonly string[] = []): string {
  const normalized = host.trim().toLowerCase();
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/.test(normalized))
    throw new Error(`Invalid did:web host: ${host}`);
  const segments = [normalized.replace(':', '%3A'), ...path.map((s) => encodeURIComponent(s))];
  return `did:web:${segments.join(':')}`;
}

/** The verification method we publish in a did:web document: `<did>#key-1`. */
export function didWebVerificationMethod(did: string): string {
  return `${did}#key-1`;
}

export function didDocument(did: string, vmId: string, multibase: string): DidDocument {
  return {
    '@context': [DID_V1_CONTEXT_URL, MULTIKEY_V1_CONTEXT_URL],
    id: did,
    verificationMethod: [
      { id: vmId, type: 'Multikey', controller: did, publicKeyMultibase: multibase },
    ],
    assertionMethod: [vmId],
    authentication: [vmId],
  };
}

/**
 * Offline resolver for did:key verification methods (`did:key:z…#z…`, both parts equal);
 * anything else is unknown. Suits `verifyEddsaRdfc2022`'s `resolvePublicKey`.
 */
export function resolveDidKeyVerificationMethod(verificationMethod: string): KeyObject | undefined {
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)#(z[1-9A-HJ-NP-Za-km-z]+)$/.exec(
    verificationMethod,
  );
  if (!match || match[1] !== match[2]) return undefined;
  try {
    return publicKeyFromMultibase(match[1]);
  } catch {
    return undefined;
  }
}
