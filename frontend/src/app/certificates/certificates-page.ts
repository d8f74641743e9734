import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { DOCUMENT } from '@angular/common';
import type { CertificateSummary } from '@qadam/contracts';
import { toDataURL } from 'qrcode';
import { ApiClient } from '../core/api-client';
import { I18n } from '../i18n/i18n';

/** My certificates: each with its PDF, its verification link to copy, and the QR code. */
@Component({
  selector: 'q-certificates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ i18n.t('certs.title') }}</h1>
    @if (error()) {
      <p class="q-error" role="alert">{{ error() }}</p>
    } @else if (items(); as list) {
      @if (list.length === 0) {
        <p>{{ i18n.t('certs.empty') }}</p>
      }
      <ul class="q-list" aria-live="polite">
        @for (c of list; track c.id) {
          <li class="q-card" [attr.data-status]="c.status" [attr.data-course]="c.courseSlug">
            <p class="q-meta">{{ i18n.level(c.level) }} · № {{ c.number }}</p>
            <h2>{{ i18n.pick(c.courseTitle) }}</h2>
            <p class="status">{{ statusText(c) }}</p>
            @if (c.status === 'issued') {
              <div class="actions">
                <button type="button" (click)="download(c)">{{ i18n.t('certs.download') }}</button>
                <button type="button" class="secondary" (click)="copy(c)">
                  {{ i18n.t('certs.copyLink') }}
                </button>
                <button
                  type="button"
                  class="secondary"
                  [attr.aria-expanded]="qr()[c.id] ? true : false"
                  (click)="toggleQr(c)"
                >
                  {{ i18n.t('certs.showQr') }}
                </button>
                <a [href]="c.verifyUrl" target="_blank" rel="noopener">{{
                  i18n.t('certs.open')
                }}</a>
              </div>
              @if (copied() === c.id) {
                <p class="ok" role="status">{{ i18n.t('certs.copied') }}</p>
              }
              @if (qr()[c.id]; as src) {
                <img
                  class="qr"
                  [src]="src"
                  width="200"
                  height="200"
                  [alt]="i18n.t('certs.qrAlt', { number: c.number })"
                />
              }
            }
          </li>
        }
      </ul>
    } @else {
      <p>{{ i18n.t('catalog.loading') }}</p>
    }
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 0.75rem;
      align-items: center;
    }
    .ok {
      color: var(--q-ok);
    }
    .qr {
      display: block;
      margin-top: 0.75rem;
      image-rendering: pixelated;
    }
    [data-status='revoked'] .status {
      color: var(--q-error);
      font-weight: 600;
    }
  `,
})
export class CertificatesPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ApiClient);
  private readonly document = inject(DOCUMENT);
  protected readonly items = signal<CertificateSummary[] | null>(null);
  protected readonly error = signal('');
  protected readonly copied = signal<string | null>(null);
  protected readonly qr = signal<Record<string, string>>({});

  constructor() {
    void this.load();
    // A certificate being issued appears without a reload.
    const timer = setInterval(() => {
      if (this.items()?.some((c) => c.status === 'pending')) void this.load();
    }, 3000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  private async load(): Promise<void> {
    try {
      this.items.set(await this.api.myCertificates());
      this.error.set('');
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }

  protected statusText(c: CertificateSummary): string {
    if (c.status === 'issued' && c.issuedAt)
      return this.i18n.t('certs.issued', { date: this.i18n.date(c.issuedAt) });
    if (c.status === 'revoked')
      return this.i18n.t('certs.revoked', { date: c.revokedAt ? this.i18n.date(c.revokedAt) : '' });
    return this.i18n.t('certs.pending');
  }

  protected async download(c: CertificateSummary): Promise<void> {
    try {
      const blob = await this.api.download(c.pdfUrl);
      const url = URL.createObjectURL(blob);
      const a = this.document.createElement('a');
      a.href = url;
      a.download = `qadam-${c.number}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      this.error.set(this.i18n.errorText(e));
    }
  }

  protected async copy(c: CertificateSummary): Promise<void> {
    try {
      await navigator.clipboard.writeText(c.verifyUrl);
    } catch {
      // No clipboard permission (an old browser, an insecure page): select the text instead.
      this.document.defaultView?.prompt(this.i18n.t('certs.copyLink'), c.verifyUrl);
    }
    this.copied.set(c.id);
  }

  protected async toggleQr(c: CertificateSummary): Promise<void> {
    const shown = { ...this.qr() };
    if (shown[c.id]) delete shown[c.id];
    else shown[c.id] = await toDataURL(c.verifyUrl, { margin: 1, width: 200 });
    this.qr.set(shown);
  }
}
