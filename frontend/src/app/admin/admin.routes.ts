import type { Routes } from '@angular/router';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'cohorts' },
  {
    path: 'cohorts',
    loadComponent: () => import('./admin-cohorts-page').then((m) => m.AdminCohortsPage),
  },
  {
    path: 'certificates',
    loadComponent: () => import('./admin-certificates-page').then((m) => m.AdminCertificatesPage),
  },
  {
    path: 'enrolments',
    loadComponent: () => import('./admin-enrolments-page').then((m) => m.AdminEnrolmentsPage),
  },
  {
    path: 'users',
    loadComponent: () => import('./admin-users-page').then((m) => m.AdminUsersPage),
  },
  {
    path: 'audit',
    loadComponent: () => import('./admin-audit-page').then((m) => m.AdminAuditPage),
  },
];
