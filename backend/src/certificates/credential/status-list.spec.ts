import { gunzipSync } from 'node:zlib';
import { signEddsaRdfc2022, verifyEddsaRdfc2022 } from './data-integrity';
import { didKey, didKeyVerificationMethod, generateIssuerKey } from './keys';
import {
  buildStatusListCredential,
  decodeStatusList,
  encodeStatusList,
  isSet,
  STATUS_LIST_SIZE,
} from './status-list';

describe('Bitstring Status List', () => {
  it('is 131072 bits (16 KiB), the spec minimum', () => {
    expect(STATUS_LIST_SIZE).toBe(131072);
    expect(decodeStatusList(encodeStatusList([]))).toHaveLength(16 * 1024);
  });

  it('round-trips set indices, left-most bit first', () => {
    const set = [0, 7, 8, 131071];
    const encoded = encodeStatusList(set, STATUS_LIST_SIZE);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/); // multibase base64url, no padding
    const bits = decodeStatusList(encoded);
    expect(bits[0]).toBe(0b1000_0001); // indices 0 and 7
    expect(bits[1]).toBe(0b1000_0000); // index 8
    expect(bits[bits.length - 1]).toBe(0b0000_0001); // index 131071
    for (let i = 0; i < STATUS_LIST_SIZE; i++) {
      if (isSet(bits, i) !== set.includes(i)) throw new Error(`bit ${i} wrong`);
    }
    // Plain gzip, as the spec requires.
    expect(gunzipSync(Buffer.from(encoded.slice(1), 'base64url'))).toHaveLength(16 * 1024);
  });

  it('compresses an empty list to a few dozen bytes', () => {
    const encoded = encodeStatusList([]);
    expect(encoded.length).toBeLessThan(100);
    expect(decodeStatusList(encoded).every((b) => b === 0)).toBe(true);
  });

  it('rejects bad indices, sizes and encodings', () => {
    expect(() => encodeStatusList([STATUS_LIST_SIZE])).toThrow(RangeError);
    expect(() => encodeStatusList([-1])).toThrow(RangeError);
    expect(() => encodeStatusList([1.5])).toThrow(RangeError);
    expect(() => encodeStatusList([], 12)).toThrow(RangeError);
    expect(() => isSet(new Uint8Array(1), 8)).toThrow(RangeError);
    expect(() => decodeStatusList('H4sIAAAA')).toThrow(/multibase/);
    expect(() => decodeStatusList('unot-gzip')).toThrow();
  });

  it('builds a BitstringStatusListCredential that signs and verifies', async () => {
    const key = generateIssuerKey();
    const id = 'https://qadam.example/api/credentials/status/1';
    const unsigned = buildStatusListCredential({
      id,
      issuerDid: didKey(key.publicKeyMultibase),
      validFrom: new Date('2025-03-01T00:00:00.500Z'),
      encodedList: encodeStatusList([42]),
    });
    expect(unsigned).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: didKey(key.publicKeyMultibase),
      validFrom: '2025-03-01T00:00:00Z',
      credentialSubject: {
        id: `${id}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: encodeStatusList([42]),
      },
    });
    const vm = didKeyVerificationMethod(key.publicKeyMultibase);
    const signed = await signEddsaRdfc2022(unsigned, {
      verificationMethod: vm,
      privateKey: key.privateKey,
    });
    await expect(verifyEddsaRdfc2022(signed, () => key.publicKey)).resolves.toEqual({
      verified: true,
    });
    const revokedMore = structuredClone(signed);
    revokedMore.credentialSubject.encodedList = encodeStatusList([]);
    await expect(verifyEddsaRdfc2022(revokedMore, () => key.publicKey)).resolves.toMatchObject({
      verified: false,
    });
  });
});
