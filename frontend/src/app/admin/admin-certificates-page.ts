import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import type { AdminCertificate, CertificateBatchProgress, CourseSummary } from '@qadam/contracts';
import { ApiClient } from '../core/api-client';
import { injectText } from '../i18n/dictionary';
import { I18n } from '../i18n/i18n';
import { ADMIN_TEXT } from './admin.text';

/** Certificates: a batch for a course with its live progress, the list, and revocation. */
@Component({
  selector: 'q-admin-certificates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t('admin.certificates') }}</h1>
    <section class="q-card form">
      <label>
        <span>{{ t('admin.course') }}</span>
        <select name="course" (change)="selectCourse($any($event.target).value)">
          <option value="">{{ i18n.t('auth.choose') }}</option>
          @for (c of courses(); track c.slug) {
            <option [value]="c.slug">{{ c.title }}</option>
          }
        </select>
      </label>
      <button type="button" [disabled]="!course() || busy()" (click)="startBatch()">
        {{ t('admin.runBatch') }}
      </button>
      @if (batch(); as b) {
        <p class="progress" role="status" aria-live="polite" data-testid="batch-progress">
          {{
            t('admin.batchProgress', {
              issued: b.issued,
              total: b.total,
              pending: b.pending,
              failed: b.failed,
              skipped: b.skipped,
            })
          }}
          — {{ t(b.status === 'running' ? 'admin.batchRunning' : 'admin.batchDone') }}
        </p>
      }
      @if (error()) {
        <p class="q-error" role="alert">{{ error() }}</p>
      }
    </section>

    <div class="q-scroll">
      <table class="q-table">
        <caption class="q-visually-hidden">
          {{
            t('admin.certificates')
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">№</th>
            <th scope="col">{{ t('admin.holder') }}</th>
            <th scope="col">{{ t('admin.status') }}</th>
            <th scope="col">
              <span class="q-visually-hidden">{{ t('admin.actions') }}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          @for (c of certificates(); track c.id) {
            <tr [attr.data-email]="c.holderEmail">
              <td>{{ c.number }}</td>
              <td>
                {{ c.holderName }}<br /><small>{{ c.holderEmail }}</small>
              </td>
              <td class="status">{{ t(statusKey(c.status)) }}</td>
              <td>
                @if (c.status === 'issued') {
                  @if (revoking() === c.id) {
                    <label
                      ><span>{{ t('admin.reason') }}</span>
                      <input
                        name="reason"
                        [value]="reason()"
                        (input)="reason.set($any($event.target).value)"
                    /></label>
                    <button type="button" [disabled]="!reason().trim()" (click)="revoke(c)">
                      {{ t('admin.confirmRevoke') }}
                    </button>
                  } @else {
                    <button
                      type="button"
                      class="secondary"
                      (click)="revoking.set(c.id); reason.set('')"
                    >
                      {{ t('admin.revoke') }}
                    </button>
                  }
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styleUrl: './admin.css',
})
export class AdminCertificatesPage {
  protected readonly i18n = inject(I18n);
  protected readonly t = injectText(ADMIN_TEXT);
  private readonly api = inject(ApiClient);
  protected readonly courses = signal<CourseSummary[]>([]);
  protected readonly course = signal('');
  protected readonly certificates = signal<AdminCertificate[]>([]);
  protected readonly batch = signal<CertificateBatchProgress | null>(null);
  protected readonly revoking = signal<string | null>(null);
  protected readonly reason = signal('');
  protected readonly error = signal('');
  protected readonly busy = signal(false);

  constructor() {
    this.api.catalog({ pageSize: 50 }).then(
      (p) => this.courses.set(p.items),
      (e: unknown) => this.error.set(this.i18n.errorText(e)),
    );
    // A running batch is followed every 2 s until it is done.
    const timer = setInterval(() => void this.follow(), 2000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected async selectCourse(slug: string): Promise<void> {
    this.course.set(slug);
    this.batch.set(null);
    await this.list();
  }

  protected async startBatch(): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      const { id } = await this.api.startBatch(this.course());
      this.batch.set(await this.api.batch(id));
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected async revoke(c: AdminCertificate): Promise<void> {
    try {
      await this.api.revokeCertificate(c.id, this.reason().trim());
      this.revoking.set(null);
      await this.list();
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }

  protected statusKey(s: string) {
    return `admin.cert.${s as 'pending' | 'issued' | 'revoked' | 'failed'}` as const;
  }

  private async follow(): Promise<void> {
    const b = this.batch();
    if (!b || b.status !== 'running') return;
    this.batch.set(await this.api.batch(b.id));
    await this.list();
  }

  private async list(): Promise<void> {
    if (!this.course()) return this.certificates.set([]);
    try {
      this.certificates.set(
        (await this.api.adminCertificates({ courseSlug: this.course() })).items,
      );
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }
}
