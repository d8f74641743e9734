import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { I18n } from './i18n/i18n';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    // The remembered language's texts before the first page, so it never shows in another.
    provideAppInitializer(() => {
      const i18n = inject(I18n);
      return i18n.use(i18n.saved());
    }),
  ],
};
