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

export type MonitoringDimension = 'region' | 'school_kind' | 'subject';

/** `GET /api/admin/monitoring/competencies?by=`: who has demonstrated each UNESCO block. */
export interface CompetencyAggregatesView {
  by: MonitoringDimension;
  /** When the figures were last computed (they are refreshed in the background). */
  refreshedAt: string | null;
  /** The UNESCO blocks, in order. */
  blocks: string[];
  groups: {
    /** A region, school kind or subject code, or `unknown` where the profile does not say. */
    value: string;
    teachers: number;
    blocks: { code: string; demonstrated: number; share: number }[];
  }[];
}

/** `GET /api/me/recommendations`: what to take next, and why, from rules anyone can read. */
export interface Recommendation {
  /** Stable (`<rule>/<course>[/<lesson>]`), so a dismissal sticks. */
  id: string;
  /** The rule that made it (`GET /api/trajectory/rules`). */
  rule: string;
  kind: 'course' | 'lesson';
  courseSlug: string;
  lessonKey: string | null;
  title: TranslatableText;
  /** The rule's reason with this teacher's facts filled in. */
  reason: TranslatableText;
  /** Which of the teacher's data the rule read: certificates, evidence, school, subjects, grades. */
  uses: string[];
  /** For lessons: the gaps (UNESCO blocks without evidence) the lesson covers. */
  gaps: string[];
}

export interface TrajectoryRuleView {
  key: string;
  priority: number;
  enabled: boolean;
  when: Record<string, unknown>;
  recommend: Record<string, unknown>;
  because: TranslatableText;
  uses: string[];
  /** `admin`: changed by an admin (a later load of the data file leaves it alone). */
  source: 'bundled' | 'admin';
  updatedAt: string;
}
