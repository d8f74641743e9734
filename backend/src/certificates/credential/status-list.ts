import { gunzipSync, gzipSync } from 'node:zlib';
import { VC_V2_CONTEXT_URL } from './contexts';
import { xsdDateTime } from './data-integrity';

/*
 * W3C Bitstring Status List v1.0. encodedList = multibase base64url ('u', no padding) of the
 * GZIP-compressed bitstring; index 0 is the left-most (most significant) bit of the first byte.
 */

/** 131,072 bits (16 KiB): the spec's minimum list size, for group privacy. */
export const STATUS_LIST_SIZE = 131072;

// Far above any list we issue; stops a hostile list from inflating without bound.
const MAX_DECODED_BYTES = 16 * 1024 * 1024;

export type BitstringStatusListCredential = {
  '@context': [typeof VC_V2_CONTEXT_URL];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string;
  validFrom: string;
  validUntil?: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: 'revocation';
    encodedList: string;
  };
};

export function encodeStatusList(
  setIndices: Iterable<number>,
  size: number = STATUS_LIST_SIZE,
): string {
  if (!Number.isInteger(size) || size <= 0 || size % 8 !== 0) {
    throw new RangeError('Status list size must be a positive multiple of 8');
  }
  const bits = new Uint8Array(size / 8);
  for (const index of setIndices) {
    if (!Number.isInteger(index) || index < 0 || index >= size) {
      throw new RangeError(`Status list index out of range: ${index}`);
    }
    bits[index >> 3] |= 0x80 >> (index & 7);
  }
  return 'u' + gzipSync(bits, { level: 9 }).toString('base64url');
}

export function decodeStatusList(encoded: string): Uint8Array {
  if (!encoded.startsWith('u')) throw new Error("encodedList must be multibase base64url ('u…')");
  const compressed = Buffer.from(encoded.slice(1), 'base64url');
  return new Uint8Array(gunzipSync(compressed, { maxOutputLength: MAX_DECODED_BYTES }));
}

export function isSet(bits: Uint8Array, index: number): boolean {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8) {
    throw new RangeError(`Status list index out of range: ${index}`);
  }
  return (bits[index >> 3] & (0x80 >> (index & 7))) !== 0;
}

export function buildStatusListCredential(input: {
  /** The URL the list is served at (= `statusListCredential` in issued credentials). */
  id: string;
  issuerDid: string;
  validFrom: Date;
  /** Optional freshness bound for verifiers' caches. */
  validUntil?: Date;
  encodedList: string;
}): BitstringStatusListCredential {
  const credential: BitstringStatusListCredential = {
    '@context': [VC_V2_CONTEXT_URL],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuerDid,
    validFrom: xsdDateTime(input.validFrom),
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: input.encodedList,
    },
  };
  if (input.validUntil) credential.validUntil = xsdDateTime(input.validUntil);
  return credential;
}
