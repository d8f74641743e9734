import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { LadderLevel, Lang, TranslatableText } from '@qadam/contracts';
import { DataSource } from 'typeorm';
import {
  buildOpenBadgeCredential,
  signEddsaRdfc2022,
} from '../../backend/src/certificates/credential';
import { certificateUrls } from '../../backend/src/certificates/certificate-urls';
import { pickText } from '../../backend/src/courses/text';
import { IssuerIdentity } from '../../backend/src/certificates/issuer-identity';
import type { Env } from '../../backend/src/config/env';
import { certificateJobId } from '../../backend/src/outbox/events';
import { IssuerProfile, loadIssuerProfile } from './issuer-profile';
import { renderCertificatePdf } from './pdf/render-certificate';

interface PendingRow {
  id: string;
  number: string;
  status: string;
  generation: number;
  level: LadderLevel;
  languages: Lang[];
  status_index: number;
  holder_salt: string;
  full_name: string;
  email: string;
  slug: string;
  title: TranslatableText;
  description: TranslatableText;
  hours: number | null;
  competencies: string[];
}

interface CompetencyLabel {
  code: string;
  name: { kk: string; ru: string; en: string };
  framework: string;
  url: string;
}

const LABELS_TTL_MS = 5 * 60_000;

/** Where the issuing time went, summed over this process's life; logged when it stops. */
export interface IssueTotals {
  issued: number;
  totalMs: number;
  renderMs: number;
  canonicalizeMs: number;
  signMs: number;
  storeMs: number;
}

/** Every language filled, each by the catalogue's own fallback order (`pickText`). */
const text = (t: TranslatableText, fallback = ''): { kk: string; ru: string; en: string } => ({
  kk: pickText(t, 'kk') || fallback,
  ru: pickText(t, 'ru') || fallback,
  en: pickText(t, 'en') || fallback,
});

const CRITERIA: Record<LadderLevel, string> = {
  acquire: 'Completed the MOOC and passed its final test at or above the pass mark.',
  deepen: 'Completed the cohort course and passed its final assessment, graded against rubrics.',
  create: 'Completed the profile program and passed its assessed capstone project.',
};

/**
 * Issues one certificate: renders the PDF, builds and signs the Open Badges credential, and
 * only then, in one transaction, stores both and marks the certificate issued. The update is
 * conditional on the certificate still being pending at this generation, so a job run twice
 * (a worker killed after committing, a re-enqueued job) issues once: the second run finds it
 * issued and does nothing.
 */
@Injectable()
export class CertificateIssuer implements OnApplicationShutdown {
  private readonly log = new Logger(CertificateIssuer.name);
  readonly totals: IssueTotals = {
    issued: 0,
    totalMs: 0,
    renderMs: 0,
    canonicalizeMs: 0,
    signMs: 0,
    storeMs: 0,
  };
  private readonly profile: IssuerProfile;
  private readonly publicUrl: string;
  private readonly templatesDir: string | undefined;
  private labels?: { at: number; byCode: Map<string, CompetencyLabel> };

  constructor(
    private readonly ds: DataSource,
    private readonly issuer: IssuerIdentity,
    config: ConfigService<Env, true>,
  ) {
    this.templatesDir = config.get('CERT_TEMPLATES_DIR', { infer: true });
    this.profile = loadIssuerProfile(this.templatesDir);
    this.publicUrl = config.get('PUBLIC_URL', { infer: true });
  }

  onApplicationShutdown(): void {
    const rounded = Object.fromEntries(
      Object.entries(this.totals).map(([k, v]) => [k, Math.round(v)]),
    );
    this.log.log(`issue totals ${JSON.stringify(rounded)}`);
  }

  async issue(certificateId: string, generation: number): Promise<'issued' | 'skipped'> {
    const started = process.hrtime.bigint();
    const jobId = certificateJobId(certificateId, generation);
    const [row]: PendingRow[] = await this.ds.query(
      `SELECT c.id, c.number, c.status, c.generation, c.level, c.languages, c.status_index,
              c.holder_salt, u.full_name, u.email, co.slug, co.title, co.description, co.hours,
              co.competencies
         FROM certificates c
         JOIN users u ON u.id = c.user_id
         JOIN courses co ON co.id = c.course_id
        WHERE c.id = $1`,
      [certificateId],
    );
    if (!row || row.status !== 'pending' || row.generation !== generation) {
      // Already issued, revoked, or superseded by a retry: nothing to do, and nothing to redo.
      await this.ds.query(
        `UPDATE outbox SET processed_at = now() WHERE dedupe_key = $1 AND processed_at IS NULL`,
        [jobId],
      );
      return 'skipped';
    }

    // Whole seconds: the date printed, signed and stored is the same instant.
    const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const urls = certificateUrls(this.publicUrl, row.id);
    const title = text(row.title, row.slug);
    const labels = await this.labelsFor(row.competencies);
    // Kazakh first, then Russian, then English when asked for.
    const languages: Lang[] = row.languages.includes('en') ? ['kk', 'ru', 'en'] : ['kk', 'ru'];
    // The credential is read by systems worldwide: English when the certificate has it.
    const primary: Lang = languages.includes('en') ? 'en' : 'ru';

    const unsigned = buildOpenBadgeCredential({
      credentialId: urls.credentialUrl,
      issuer: { did: this.issuer.did, name: this.profile.name[primary], url: this.profile.url },
      name: `${title[primary]} (${row.number})`,
      validFrom: issuedAt,
      holder: { email: row.email, salt: row.holder_salt },
      achievement: {
        id: `${this.publicUrl}/api/courses/${row.slug}`,
        name: title[primary],
        description: text(row.description)[primary],
        criteria: CRITERIA[row.level],
        level: row.level,
        hours: row.hours ?? 0,
        alignments: labels.map((l) => ({
          code: l.code,
          name: l.name.en,
          url: l.url,
          framework: l.framework,
        })),
      },
      status: { listUrl: urls.statusListUrl(row.status_index), index: row.status_index },
    });
    const signTimings = { canonicalizeMs: 0, signMs: 0 };
    const credential = await signEddsaRdfc2022(unsigned, {
      verificationMethod: this.issuer.verificationMethod,
      privateKey: this.issuer.key.privateKey,
      created: issuedAt,
      timings: signTimings,
    });

    let t = process.hrtime.bigint();
    const pdf = await renderCertificatePdf(
      {
        level: row.level,
        languages,
        number: row.number,
        holderName: row.full_name,
        course: { title, hours: row.hours ?? 0 },
        issuedAt,
        competencies: labels.map((l) => ({ code: l.code, name: l.name })),
        issuer: {
          name: this.profile.name,
          signatoryName: this.profile.signatory.name,
          signatoryTitle: this.profile.signatory.title,
        },
        verifyUrl: urls.verifyUrl,
      },
      { templatesDir: this.templatesDir },
    );
    const renderMs = ms(t);

    t = process.hrtime.bigint();
    // One statement, atomic: mark issued (only if still pending at this generation), record the
    // competency evidence, store what was issued, settle the outbox row. The commit does not wait for the disk: if the database
    // crashed before it got there, the certificate would be pending again with its outbox row
    // unprocessed, so it would be dispatched and issued again: never lost, never doubled.
    const done = await this.ds.transaction(async (m) => {
      await m.query(`SET LOCAL synchronous_commit = off`);
      const [stored] = await m.query(
        `WITH marked AS (
           UPDATE certificates
              SET status = 'issued', issued_at = $3, holder_name = $4, course_title = $5,
                  hours = $6, competencies = $7, error = NULL, failed_at = NULL
            WHERE id = $1 AND status = 'pending' AND generation = $2
            RETURNING id, user_id, level
         ), evidence AS (
           -- (c) An issued certificate evidences every competency of its course.
           INSERT INTO competency_evidence (user_id, competency_code, level, source_type,
                                            source_id)
           SELECT marked.user_id, c.code, marked.level, 'certificate', marked.id::text
             FROM marked JOIN competencies c ON c.code = ANY($7::text[])
           ON CONFLICT (user_id, competency_code, source_type, source_id) DO NOTHING
         ), stored AS (
           INSERT INTO certificate_documents (certificate_id, pdf, credential)
           SELECT id, $8, $9 FROM marked
           RETURNING certificate_id
         ), settled AS (
           UPDATE outbox SET processed_at = now()
            WHERE dedupe_key = $10 AND EXISTS (SELECT 1 FROM marked)
           RETURNING id
         )
         SELECT EXISTS (SELECT 1 FROM stored) AS done, (SELECT count(*) FROM settled) AS settled`,
        [
          row.id,
          generation,
          issuedAt,
          row.full_name,
          row.title,
          row.hours,
          row.competencies,
          pdf,
          credential,
          jobId,
        ],
      );
      return stored.done === true;
    });
    if (done) {
      const totals = this.totals;
      totals.issued += 1;
      totals.totalMs += ms(started);
      totals.renderMs += renderMs;
      totals.canonicalizeMs += signTimings.canonicalizeMs;
      totals.signMs += signTimings.signMs;
      totals.storeMs += ms(t);
    }
    return done ? 'issued' : 'skipped';
  }

  /**
   * The competencies' names (kk/ru/en) and their frameworks, from the frameworks loaded in the
   * database; read once every few minutes, not per certificate.
   */
  private async labelsFor(codes: string[]): Promise<CompetencyLabel[]> {
    if (!this.labels || Date.now() - this.labels.at > LABELS_TTL_MS) {
      const rows: CompetencyLabel[] = await this.ds.query(
        `SELECT c.code, c.name, f.title ->> 'en' AS framework, f.url
           FROM competencies c JOIN frameworks f ON f.code = c.framework_code`,
      );
      this.labels = { at: Date.now(), byCode: new Map(rows.map((r) => [r.code, r])) };
    }
    const byCode = this.labels.byCode;
    return codes.map(
      (code) =>
        byCode.get(code) ?? {
          code,
          name: { kk: code, ru: code, en: code },
          framework: '',
          url: '',
        },
    );
  }

  /** The last try failed: park the certificate as `failed`, with why, for an admin to retry. */
  async park(certificateId: string, generation: number, error: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(
        `UPDATE certificates SET status = 'failed', error = $3, failed_at = now()
          WHERE id = $1 AND status = 'pending' AND generation = $2`,
        [certificateId, generation, error.slice(0, 2000)],
      );
      await m.query(`UPDATE outbox SET processed_at = now() WHERE dedupe_key = $1`, [
        certificateJobId(certificateId, generation),
      ]);
    });
    this.log.error(`certificate ${certificateId} failed for good: ${error}`);
  }
}

function ms(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}
