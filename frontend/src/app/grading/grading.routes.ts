import type { Routes } from '@angular/router';

export const routes: Routes = [
  { path: '', loadComponent: () => import('./grading-page').then((m) => m.GradingPage) },
];
