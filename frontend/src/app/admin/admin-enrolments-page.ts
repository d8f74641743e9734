import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import type { BulkEnrollmentReport } from '@qadam/contracts';
import { formErrors } from '../auth/field-errors';
import { injectText } from '../i18n/dictionary';
import { I18n } from '../i18n/i18n';
import { AdminApi } from './admin-api';
import { ADMIN_TEXT } from './admin.text';
import { csvFile, saveFile } from './files';

/** How often a queued file's progress is asked for. */
export const POLL_MS = 1000;
/** Larger files are not put in the textarea, which grows slow with a megabyte of text. */
const SHOWN_CHARS = 100_000;

// A valid IIN (check digit and all), so the example passes the format checks as it is.
const EXAMPLE =
  'teacher,cohort\n' +
  'aigul.sarsenova@mektep.kz,DEEPEN-PRIMARY-2026-01\n' +
  '850315400124,DEEPEN-PRIMARY-2026-01\n' +
  'erlan.ospanov@mektep.kz,ai-in-teachers-work\n';

/**
 * Bulk enrolment from CSV: the file (or pasted text), all-or-nothing or partial, the progress
 * of a queued file, then the report row by row, with the problems to download, fix and upload
 * again.
 */
@Component({
  selector: 'q-admin-enrolments-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t('bulk.title') }}</h1>
    <p>{{ t('bulk.intro') }}</p>

    <section class="q-card" aria-labelledby="bulk-format">
      <h2 id="bulk-format">{{ t('bulk.format') }}</h2>
      <ul>
        <li>{{ t('bulk.colTeacher') }}</li>
        <li>{{ t('bulk.colCohort') }}</li>
        <li>{{ t('bulk.colRules') }}</li>
      </ul>
      <pre class="sample">{{ example }}</pre>
      <button type="button" class="secondary" (click)="downloadExample()">
        {{ t('bulk.example') }}
      </button>
    </section>

    <form class="q-card q-form upload" (submit)="upload($event)" novalidate>
      <h2>{{ t('bulk.upload') }}</h2>
      <label class="q-wide">
        <span>{{ t('bulk.file') }}</span>
        <input name="file" type="file" accept=".csv,text/csv,text/plain" (change)="pick($event)" />
      </label>
      <label class="q-wide">
        <span>{{ t('bulk.paste') }}</span>
        <textarea
          name="csv"
          rows="6"
          spellcheck="false"
          [value]="csv()"
          (input)="type($any($event.target).value)"
        ></textarea>
        @if (file(); as f) {
          <small class="q-meta chosen">{{ t('bulk.chosen', { name: f.name }) }}</small>
        }
        @if (rows() > 0) {
          <small class="q-meta">{{ t('bulk.rows', { rows: rows() }) }}</small>
        }
      </label>
      <fieldset class="q-wide mode">
        <legend>{{ t('bulk.mode') }}</legend>
        <label class="choice">
          <input
            type="radio"
            name="mode"
            value="all"
            [checked]="!partial()"
            (change)="partial.set(false)"
          />
          {{ t('bulk.allOrNothing') }}
        </label>
        <label class="choice">
          <input
            type="radio"
            name="mode"
            value="partial"
            [checked]="partial()"
            (change)="partial.set(true)"
          />
          {{ t('bulk.partial') }}
        </label>
      </fieldset>
      @if (error()) {
        <p class="q-error" role="alert">{{ error() }}</p>
      }
      <button type="submit" [disabled]="busy()">{{ t('bulk.submit') }}</button>
    </form>

    <div role="status" aria-live="polite" class="progress">
      @if (report(); as r) {
        @if (r.status === 'queued') {
          <p>{{ t('bulk.queued', { total: r.total }) }}</p>
        } @else if (r.status === 'running') {
          <p>
            {{ t('bulk.progress', { processed: r.processed, total: r.total }) }}
            <progress [value]="r.processed" [max]="r.total || 1"></progress>
          </p>
        } @else if (r.status === 'done') {
          <p class="q-visually-hidden">
            {{ t('bulk.applied', { applied: r.applied, total: r.total }) }}
          </p>
        }
      }
    </div>

    @if (report(); as r) {
      @if (r.status === 'failed') {
        <p class="q-error" role="alert">{{ t('bulk.failed') }}</p>
      }
      @if (r.status === 'done') {
        <section class="q-card report" aria-labelledby="bulk-report" data-testid="bulk-report">
          <h2 id="bulk-report">{{ t('bulk.report') }}</h2>
          <p class="applied" [class.q-ok]="r.applied > 0">
            {{ t('bulk.applied', { applied: r.applied, total: r.total }) }}
          </p>
          @if (problemCount() === 0) {
            <p class="q-ok">{{ t('bulk.allGood') }}</p>
          } @else {
            @if (r.applied === 0 && r.mode === 'all-or-nothing') {
              <p class="q-warn">{{ t('bulk.nothingApplied') }}</p>
            }
            <h3>{{ t('bulk.problems', { count: problemCount() }) }}</h3>
            <div class="q-scroll">
              <!-- Focusable: on a phone it scrolls sideways and holds no button to reach it by. -->
              <table class="q-table" tabindex="0">
                <caption class="q-visually-hidden">
                  {{
                    t('bulk.problems', { count: problemCount() })
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{{ t('bulk.line') }}</th>
                    <th scope="col">{{ t('bulk.teacher') }}</th>
                    <th scope="col">{{ t('bulk.cohort') }}</th>
                    <th scope="col">{{ t('bulk.message') }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (p of r.problems; track p.line + ':' + p.code) {
                    <tr [attr.data-line]="p.line" [attr.data-code]="p.code">
                      <td>{{ p.line }}</td>
                      <td class="wrap">{{ p.teacher }}</td>
                      <td class="wrap">{{ p.cohort }}</td>
                      <td>{{ p.message }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
            @if (r.moreProblems > 0) {
              <p class="q-warn more">{{ t('bulk.more', { count: r.moreProblems }) }}</p>
            }
            <p>
              <button type="button" class="secondary" (click)="downloadProblems(r)">
                {{ t('bulk.downloadProblems') }}
              </button>
            </p>
            <p class="q-meta">{{ t('bulk.downloadHint') }}</p>
          }
        </section>
      }
    }
  `,
  styleUrls: ['./admin.css', './admin-pages.css'],
})
export class AdminEnrolmentsPage {
  protected readonly t = injectText(ADMIN_TEXT);
  private readonly i18n = inject(I18n);
  private readonly api = inject(AdminApi);
  protected readonly example = EXAMPLE;
  /** What the textarea shows: pasted text, or a chosen file small enough to read there. */
  protected readonly csv = signal('');
  /** A chosen file too large to show (tens of thousands of rows): sent as it is. */
  protected readonly file = signal<{ name: string; text: string } | null>(null);
  private readonly source = computed(() => this.file()?.text ?? this.csv());
  protected readonly partial = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly report = signal<BulkEnrollmentReport | null>(null);
  /** Data rows in the text, the header left out: what the admin is about to send. */
  protected readonly rows = computed(
    () =>
      this.source()
        .split(/\r?\n/)
        .filter((l) => l.trim()).length - 1,
  );
  protected readonly problemCount = computed(() => {
    const r = this.report();
    return r ? r.problems.length + r.moreProblems : 0;
  });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private left = false;

  constructor() {
    // Leaving the page stops following the file; the job itself goes on on the server.
    inject(DestroyRef).onDestroy(() => {
      this.left = true;
      clearTimeout(this.timer);
    });
  }

  protected async pick(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      const text = await file.text();
      const big = text.length > SHOWN_CHARS;
      this.file.set(big ? { name: file.name, text } : null);
      this.csv.set(big ? '' : text);
      this.error.set('');
    } catch {
      this.error.set(this.t('bulk.unreadable'));
    }
  }

  protected type(text: string): void {
    this.csv.set(text);
    this.file.set(null);
  }

  protected downloadExample(): void {
    saveFile(csvFile(EXAMPLE), 'qadam-enrolment-example.csv');
  }

  protected async upload(event: Event): Promise<void> {
    event.preventDefault();
    if (this.rows() < 1) {
      this.error.set(this.t('bulk.empty'));
      return;
    }
    clearTimeout(this.timer);
    this.busy.set(true);
    this.error.set('');
    this.report.set(null);
    try {
      this.follow(await this.api.bulkEnrol(this.source(), this.partial()));
    } catch (e) {
      const { form, fields } = formErrors(e, this.i18n.t('error.unknown'));
      this.error.set([form, ...Object.values(fields)].join(' '));
    } finally {
      this.busy.set(false);
    }
  }

  /** Shows the report; a queued or running one is asked for again every second until it ends. */
  private follow(r: BulkEnrollmentReport): void {
    this.report.set(r);
    if (this.left || (r.status !== 'queued' && r.status !== 'running')) return;
    this.timer = setTimeout(async () => {
      let next: BulkEnrollmentReport;
      try {
        next = await this.api.bulkReport(r.id);
      } catch (e) {
        // A dropped connection should not end the watch: the job goes on, so try again.
        this.error.set(this.i18n.errorText(e));
        return this.follow(r);
      }
      this.error.set('');
      this.follow(next);
    }, POLL_MS);
  }

  /** The problem rows as a CSV that can be fixed and uploaded again (teacher, cohort first). */
  protected downloadProblems(r: BulkEnrollmentReport): void {
    const lines = [
      ['teacher', 'cohort', 'line', 'problem'],
      ...r.problems.map((p) => [p.teacher, p.cohort, String(p.line), p.message]),
    ];
    saveFile(csvFile(toCsv(lines)), `qadam-enrolment-problems-${r.id.slice(0, 8)}.csv`);
  }
}

/** RFC 4180: a value with a comma, quote or line break is quoted, its quotes doubled. */
export function toCsv(rows: string[][]): string {
  const cell = (v: string) => (/[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
