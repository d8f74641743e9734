import { createHash, randomBytes } from 'node:crypto';
import { OB_V3_CONTEXT_URL, VC_V2_CONTEXT_URL } from './contexts';
import { xsdDateTime } from './data-integrity';

/*
 * Open Badges 3.0 OpenBadgeCredential (unsigned). Deliberately lean: RDFC-1.0 cost grows with
 * the graph and above all with blank nodes (subject, identity object, criteria, alignments
 * here), so only what a verifier or wallet needs is included. No `credentialSchema`: its type
 * '1EdTechJsonSchemaValidator2019' is only defined in the OB extensions context, which would be
 * one more context for every verifier to load; verifiers pick the OB schema from `type`.
 */

export type AchievementLevel = 'acquire' | 'deepen' | 'create';

export interface OpenBadgeInput {
  /** URL, e.g. https://host/api/certificates/<uuid>/credential */
  credentialId: string;
  issuer: { did: string; name: string; url: string };
  /** Credential display name. */
  name: string;
  validFrom: Date;
  holder: { email: string; salt: string };
  achievement: {
    /** URL per course. */
    id: string;
    name: string;
    description: string;
    /** Markdown allowed. */
    criteria: string;
    level: AchievementLevel;
    /** Academic hours; carried as `creditsAvailable`. */
    hours: number;
    alignments: { code: string; name: string; url: string; framework: string }[];
    fieldOfStudy?: string;
    humanCode?: string;
  };
  status: { listUrl: string; index: number };
}

// JSON shapes are type aliases (not interfaces) so they are assignable to Record<string, unknown>.
export type Alignment = {
  type: ['Alignment'];
  targetName: string;
  targetUrl: string;
  targetCode: string;
  targetFramework: string;
};

export type IdentityObject = {
  type: 'IdentityObject';
  identityHash: string;
  identityType: 'emailAddress';
  hashed: true;
  salt: string;
};

export type Achievement = {
  id: string;
  type: ['Achievement'];
  achievementType: 'Certificate' | 'CertificateOfCompletion';
  name: string;
  description: string;
  criteria: { narrative: string };
  creditsAvailable: number;
  alignment?: Alignment[];
  fieldOfStudy?: string;
  humanCode?: string;
};

export type BitstringStatusListEntry = {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation';
  statusListIndex: string;
  statusListCredential: string;
};

export type OpenBadgeCredential = {
  '@context': [typeof VC_V2_CONTEXT_URL, typeof OB_V3_CONTEXT_URL];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  issuer: { id: string; type: ['Profile']; name: string; url: string };
  name: string;
  validFrom: string;
  credentialSubject: {
    type: ['AchievementSubject'];
    identifier: [IdentityObject];
    achievement: Achievement;
  };
  credentialStatus: BitstringStatusListEntry;
};

/**
 * OB 3.0 AchievementType. 'CertificateOfCompletion' ("acknowledges completion of an assignment,
 * training or other activity") fits Acquire, which is earned by completing the course;
 * 'Certificate' ("designates requisite knowledge and skills of an occupation") fits Deepen and
 * Create, which are earned by assessed practice.
 */
export const ACHIEVEMENT_TYPE: Record<AchievementLevel, Achievement['achievementType']> = {
  acquire: 'CertificateOfCompletion',
  deepen: 'Certificate',
  create: 'Certificate',
};

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** OB IdentityHash: 'sha256$' + hex(SHA-256(identifier + salt)); emails compared lowercased. */
export function saltedEmailHash(email: string, salt: string): string {
  const normalized = email.trim().toLowerCase();
  return (
    'sha256$' +
    createHash('sha256')
      .update(normalized + salt, 'utf8')
      .digest('hex')
  );
}

function absoluteUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`${field} must be an absolute URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`${field} must be an http(s) URL: ${value}`);
  }
  return value;
}

function nonEmpty(value: string, field: string): string {
  if (value.trim() === '') throw new TypeError(`${field} must not be empty`);
  return value;
}

export function buildOpenBadgeCredential(input: OpenBadgeInput): OpenBadgeCredential {
  const { achievement: a, holder, status } = input;
  if (!input.issuer.did.startsWith('did:')) throw new TypeError('issuer.did must be a DID');
  if (!Number.isInteger(status.index) || status.index < 0) {
    throw new RangeError('status.index must be a non-negative integer');
  }
  if (!Number.isFinite(a.hours) || a.hours < 0) throw new RangeError('achievement.hours invalid');
  if (!Object.hasOwn(ACHIEVEMENT_TYPE, a.level))
    throw new TypeError(`Unknown level: ${String(a.level)}`);
  nonEmpty(holder.email, 'holder.email');
  nonEmpty(holder.salt, 'holder.salt');

  const achievement: Achievement = {
    id: absoluteUrl(a.id, 'achievement.id'),
    type: ['Achievement'],
    achievementType: ACHIEVEMENT_TYPE[a.level],
    name: nonEmpty(a.name, 'achievement.name'),
    description: nonEmpty(a.description, 'achievement.description'),
    criteria: { narrative: nonEmpty(a.criteria, 'achievement.criteria') },
    creditsAvailable: a.hours,
  };
  if (a.alignments.length > 0) {
    achievement.alignment = a.alignments.map((al) => ({
      type: ['Alignment'],
      targetName: nonEmpty(al.name, 'alignment.name'),
      targetUrl: absoluteUrl(al.url, 'alignment.url'),
      targetCode: nonEmpty(al.code, 'alignment.code'),
      targetFramework: nonEmpty(al.framework, 'alignment.framework'),
    }));
  }
  if (a.fieldOfStudy) achievement.fieldOfStudy = a.fieldOfStudy;
  if (a.humanCode) achievement.humanCode = a.humanCode;

  const listUrl = absoluteUrl(status.listUrl, 'status.listUrl');
  return {
    '@context': [VC_V2_CONTEXT_URL, OB_V3_CONTEXT_URL],
    id: absoluteUrl(input.credentialId, 'credentialId'),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {
      id: input.issuer.did,
      type: ['Profile'],
      name: nonEmpty(input.issuer.name, 'issuer.name'),
      url: absoluteUrl(input.issuer.url, 'issuer.url'),
    },
    name: nonEmpty(input.name, 'name'),
    validFrom: xsdDateTime(input.validFrom),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityHash: saltedEmailHash(holder.email, holder.salt),
          identityType: 'emailAddress',
          hashed: true,
          salt: holder.salt,
        },
      ],
      achievement,
    },
    credentialStatus: {
      id: `${listUrl}#${status.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(status.index),
      statusListCredential: listUrl,
    },
  };
}
