import type { Routes } from '@angular/router';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'cohorts' },
  {
    path: 'cohorts',
    loadComponent: () => import('./admin-cohorts-page').then((m) => m.AdminCohortsPage),
  },
  {
    path: 'certificates',
    loadComponent: () =>
      import('./admin-certificates-page').then((m) => m.AdminCertificatesPage),
  },
];
