import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type {
  CoursePackageReport,
  Difficulty,
  FieldProblem,
  ImportProblem,
  ImportReport,
  Lang,
} from '@qadam/contracts';
import { ApiError } from '../core/api-client';
import { I18n } from '../i18n/i18n';
import { injectText } from '../i18n/dictionary';
import { BanksApi, type ImportKind, importKind } from './banks-api';
import { BANKS_TEXT } from './banks.text';
import { CompetencyPicker } from './competency-picker';
import { DIFFICULTIES, LANG_CODES } from './item-draft';

/** A refused package's problems: 400 `PACKAGE_PROBLEMS`, one detail per `file:line`. */
function packageProblems(e: unknown): FieldProblem[] | null {
  return e instanceof ApiError && e.code === 'PACKAGE_PROBLEMS' ? (e.body?.details ?? []) : null;
}

/**
 * Bringing content in: Moodle XML and GIFT files into banks (categories become banks), or a
 * course package (.zip) that becomes a course's draft. Each comes back with a per-question (or
 * per-line) report.
 */
@Component({
  selector: 'q-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, CompetencyPicker],
  template: `
    <p>
      <a routerLink="/staff/banks">← {{ t('title') }}</a>
    </p>
    <h1>{{ t('importTitle') }}</h1>
    <p>{{ t('importIntro') }}</p>
    <form class="q-card q-form" (submit)="upload($event)" novalidate>
      <label class="q-wide">
        <span>{{ t('importFile') }}</span>
        <input type="file" name="file" accept=".xml,.gift,.txt,.zip" (change)="choose($event)" />
      </label>
      @if (file(); as f) {
        <p class="q-meta" [attr.data-kind]="kind()">
          {{ kind() ? t(kindKey(kind()!), { name: f.name }) : t('unknownKind', { name: f.name }) }}
        </p>
      }
      @if (kind() === 'moodle' || kind() === 'gift') {
        <label>
          <span>{{ t('fileLang') }}</span>
          <select name="lang" (change)="lang.set($any($event.target).value)">
            @for (l of langs; track l) {
              <option [value]="l" [selected]="lang() === l">{{ t(langKey(l)) }}</option>
            }
          </select>
        </label>
        <label>
          <span>{{ t('targetBank') }}</span>
          <input name="bank" [value]="bank()" (input)="bank.set($any($event.target).value)" />
        </label>
        <label>
          <span>{{ t('defaultDifficulty') }}</span>
          <select name="difficulty" (change)="difficulty.set($any($event.target).value)">
            @for (df of difficulties; track df) {
              <option [value]="df" [selected]="difficulty() === df">
                {{ t(difficultyKey(df)) }}
              </option>
            }
          </select>
        </label>
        <p class="q-meta">{{ t('targetBankHelp') }}</p>
        <div class="q-wide">
          <q-competency-picker
            [label]="t('defaultCompetencies')"
            name="competencies"
            [selected]="competencies()"
            (changed)="competencies.set($event)"
          />
        </div>
      }
      @if (error()) {
        <p class="q-error" role="alert">{{ error() }}</p>
      }
      <button type="submit" name="upload" [disabled]="busy() || !kind()">
        {{ busy() ? t('uploading') : t('upload') }}
      </button>
    </form>

    @if (report(); as r) {
      <section class="q-card report" aria-live="polite">
        <h2>{{ t('report') }}</h2>
        <p role="status" class="counts">
          <span data-count="imported">{{ t('importedN', { count: r.imported }) }}</span> ·
          <span data-count="duplicates">{{ t('duplicatesN', { count: r.duplicates }) }}</span> ·
          <span data-count="skipped">{{ t('skippedN', { count: r.skipped }) }}</span>
        </p>
        @if (r.banks.length) {
          <h3>{{ t('banksTouched') }}</h3>
          <ul class="q-list">
            @for (b of r.banks; track b.id) {
              <li [attr.data-key]="b.key">
                <a [routerLink]="['/staff/banks', b.id]">{{ b.key }}</a>
                · {{ b.created ? t('bankNew') : t('bankUpdated') }} ·
                {{ t('itemsAdded', { count: b.items }) }}
              </li>
            }
          </ul>
        }
        @for (list of lists(r); track list.key) {
          @if (list.rows.length) {
            <h3>{{ list.title }}</h3>
            <div class="q-scroll">
              <table class="q-table" [attr.data-list]="list.key">
                <caption class="q-visually-hidden">
                  {{
                    list.title
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{{ t('position') }}</th>
                    <th scope="col">{{ t('questionName') }}</th>
                    <th scope="col">{{ t('line') }}</th>
                    <th scope="col">{{ list.key === 'problems' ? t('problem') : t('warning') }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (p of list.rows; track $index) {
                    <tr [attr.data-index]="p.index">
                      <td>{{ p.index }}</td>
                      <td>{{ p.name }}</td>
                      <td>{{ p.line ?? '—' }}</td>
                      <td>{{ p.problem }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        }
      </section>
    }

    @if (packageReport(); as p) {
      <section class="q-card report package" aria-live="polite">
        <h2>{{ t('packageReport') }}</h2>
        <p class="q-ok" role="status">
          {{ t(outcomeKey(p.outcome)) }} {{ t('draftVersion', { version: p.version }) }}
        </p>
        <p class="q-meta">{{ t('packageCounts', { lessons: p.lessons, items: p.items }) }}</p>
        <p>
          <a [routerLink]="['/staff/authoring', p.slug]">{{ t('openCourse', { slug: p.slug }) }}</a>
        </p>
        @if (p.banks.length) {
          <div class="q-scroll">
            <table class="q-table">
              <caption class="q-visually-hidden">
                {{
                  t('packageBanks')
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ t('bankKey') }}</th>
                  <th scope="col">{{ t('added') }}</th>
                  <th scope="col">{{ t('versioned') }}</th>
                  <th scope="col">{{ t('unchanged') }}</th>
                  <th scope="col">{{ t('archivedCount') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (b of p.banks; track b.key) {
                  <tr [attr.data-key]="b.key">
                    <td>
                      {{ b.key }}
                      @if (b.created) {
                        ({{ t('bankNew') }})
                      }
                    </td>
                    <td>{{ b.added }}</td>
                    <td>{{ b.versioned }}</td>
                    <td>{{ b.unchanged }}</td>
                    <td>{{ b.archived }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>
    }

    @if (packageRefused(); as problems) {
      <section class="q-card report package" aria-live="polite">
        <h2>{{ t('packageReport') }}</h2>
        <p class="q-error" role="alert">
          {{ t('packageRefused', { count: problems.length }) }}
        </p>
        <ul class="q-list problems">
          @for (x of problems; track $index) {
            <li [attr.data-rule]="x.rule">
              <code>{{ x.field }}</code> — {{ x.problem }}
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .report {
      margin-top: 1.5rem;
    }
    .report h3 {
      margin: 1rem 0 0.5rem;
    }
    .problems code {
      overflow-wrap: anywhere;
    }
  `,
})
export class ImportPage {
  protected readonly t = injectText(BANKS_TEXT);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(BanksApi);
  protected readonly langs = LANG_CODES;
  protected readonly difficulties = DIFFICULTIES;

  protected readonly file = signal<File | null>(null);
  protected readonly kind = computed<ImportKind | null>(() => {
    const f = this.file();
    return f ? importKind(f.name) : null;
  });
  protected readonly lang = signal<Lang>('kk');
  protected readonly bank = signal('');
  protected readonly difficulty = signal<Difficulty>('medium');
  protected readonly competencies = signal<string[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly report = signal<ImportReport | null>(null);
  protected readonly packageReport = signal<CoursePackageReport | null>(null);
  protected readonly packageRefused = signal<FieldProblem[] | null>(null);

  protected langKey(l: Lang) {
    return `lang.${l}` as const;
  }
  protected difficultyKey(d: Difficulty) {
    return `difficulty.${d}` as const;
  }
  protected kindKey(k: ImportKind) {
    return `kind.${k}` as const;
  }
  protected outcomeKey(o: CoursePackageReport['outcome']) {
    return `outcome.${o}` as const;
  }

  protected lists(r: ImportReport): { key: string; title: string; rows: ImportProblem[] }[] {
    return [
      {
        key: 'problems',
        title: this.t('problemsN', { count: r.problems.length }),
        rows: r.problems,
      },
      {
        key: 'warnings',
        title: this.t('warningsN', { count: r.warnings.length }),
        rows: r.warnings,
      },
    ];
  }

  protected choose(e: Event): void {
    const input = e.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
    this.error.set('');
  }

  protected async upload(event: Event): Promise<void> {
    event.preventDefault();
    const file = this.file();
    const kind = this.kind();
    if (!file || !kind) return;
    this.busy.set(true);
    this.error.set('');
    this.report.set(null);
    this.packageReport.set(null);
    this.packageRefused.set(null);
    try {
      if (kind === 'package') {
        this.packageReport.set(await this.api.importPackage(file));
      } else {
        this.report.set(
          await this.api.importQuestions(file, kind, {
            lang: this.lang(),
            bank: this.bank().trim() || undefined,
            difficulty: this.difficulty(),
            competencies: this.competencies(),
          }),
        );
      }
    } catch (e) {
      const refused = kind === 'package' ? packageProblems(e) : null;
      if (refused) this.packageRefused.set(refused);
      else this.error.set(this.i18n.errorText(e));
    } finally {
      this.busy.set(false);
    }
  }
}
