import type { TranslatableText } from './catalog';

export type EvidenceSource = 'section' | 'rubric' | 'certificate' | 'recognition';
export type CompetencyStatus = 'none' | 'in_progress' | 'demonstrated';

export interface FrameworkSummary {
  code: string;
  version: string;
  title: TranslatableText;
  publisher: string;
  url: string;
  licence: string | null;
  source: 'bundled' | 'admin';
  competencies: number;
}

export interface CompetencyView {
  code: string;
  framework: string;
  localCode: string;
  kind: string;
  parent: string | null;
  level: string | null;
  name: TranslatableText;
  description: TranslatableText;
  aliases: string[];
  goals: ({ code: string } & TranslatableText)[];
}

export interface FrameworkView extends FrameworkSummary {
  citation: string | null;
  items: CompetencyView[];
}

/** A crosswalk link as seen from one competency. */
export interface CrosswalkLink {
  from: string;
  to: string;
  note: TranslatableText;
}

export interface CompetencyDetail extends CompetencyView {
  /** Links both ways: where this competency is `from` and where it is `to`. */
  crosswalk: (CrosswalkLink & { other: { code: string; name: TranslatableText } })[];
}

export interface EvidenceRecord {
  id: string;
  /** The competency the record is about. */
  competency: string;
  /** Set in a crosswalk lens: the competency of the other framework it came through. */
  via?: string;
  level: string | null;
  source: { type: EvidenceSource; id: string };
  score: number | null;
  recordedAt: string;
  /** A recognition's reason. */
  reason: string | null;
}

export interface AdminEvidenceRecord extends EvidenceRecord {
  userId: string;
  recordedBy: string | null;
  annulledAt: string | null;
  annulledBy: string | null;
  annulReason: string | null;
}

export interface ProfileBlock {
  code: string;
  /** UNESCO: the aspect (1–5); ISTE: the standard (2.1–2.7). */
  aspect: string | null;
  level: string | null;
  name: TranslatableText;
  status: CompetencyStatus;
  evidence: EvidenceRecord[];
}

/** `GET /api/me/competencies`: the UNESCO 5 × 3 matrix, and the ISTE view through the crosswalk. */
export interface CompetencyProfile {
  userId: string;
  frameworks: { code: string; title: TranslatableText; blocks: ProfileBlock[] }[];
}
