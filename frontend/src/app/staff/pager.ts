import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { injectText } from '../i18n/dictionary';
import { STAFF_TEXT } from './staff.text';

/** Previous / next through a paginated staff list, with where one stands. */
@Component({
  selector: 'q-pager',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (pages() > 1) {
      <nav class="q-row pager" [attr.aria-label]="t('pages')">
        <button
          type="button"
          class="secondary"
          [disabled]="page() <= 1"
          (click)="go.emit(page() - 1)"
        >
          {{ t('page.previous') }}
        </button>
        <span>{{ t('page.of', { page: page(), pages: pages() }) }}</span>
        <button
          type="button"
          class="secondary"
          [disabled]="page() >= pages()"
          (click)="go.emit(page() + 1)"
        >
          {{ t('page.next') }}
        </button>
      </nav>
    }
  `,
  styles: `
    .pager {
      margin-top: 0.75rem;
      align-items: center;
    }
  `,
})
export class Pager {
  protected readonly t = injectText(STAFF_TEXT);
  readonly page = input.required<number>();
  readonly pages = input.required<number>();
  readonly go = output<number>();
}
