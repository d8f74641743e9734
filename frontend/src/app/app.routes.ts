import type { Routes } from '@angular/router';
import { CatalogPage } from './catalog/catalog-page';
import { signedIn } from './core/signed-in.guard';

/**
 * One lazy chunk per feature: a teacher on a slow line downloads only the screen she opens. The
 * catalogue, where everyone lands, is in the first bundle: a lazy chunk would cost a round trip.
 */
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'courses' },
  { path: 'courses', component: CatalogPage },
  {
    path: 'courses/:slug',
    loadComponent: () => import('./course/course-page').then((m) => m.CoursePage),
  },
  {
    path: 'courses/:slug/lessons/:lessonId',
    canActivate: [signedIn],
    loadComponent: () => import('./lesson/lesson-page').then((m) => m.LessonPage),
  },
  {
    path: 'courses/:slug/tests/:assessmentId',
    canActivate: [signedIn],
    loadComponent: () => import('./player/player-page').then((m) => m.PlayerPage),
  },
  {
    path: 'certificates',
    canActivate: [signedIn],
    loadComponent: () => import('./certificates/certificates-page').then((m) => m.CertificatesPage),
  },
  {
    path: 'competencies',
    canActivate: [signedIn],
    loadComponent: () => import('./competencies/competencies-page').then((m) => m.CompetenciesPage),
  },
  {
    // Its guard travels with it (staff.routes.ts), so the first bundle carries none of it.
    path: 'staff',
    loadChildren: () => import('./staff/staff.routes').then((m) => m.routes),
  },
  // Addresses of the first console, kept so bookmarks still open.
  { path: 'admin/:section', redirectTo: 'staff/admin/:section' },
  {
    path: 'learning',
    canActivate: [signedIn],
    loadComponent: () => import('./learning/learning-page').then((m) => m.LearningPage),
  },
  {
    path: 'ladder',
    canActivate: [signedIn],
    loadComponent: () => import('./ladder/ladder-page').then((m) => m.LadderPage),
  },
  {
    path: 'profile',
    canActivate: [signedIn],
    loadComponent: () => import('./profile/profile-page').then((m) => m.ProfilePage),
  },
  {
    path: 'sign-in',
    loadComponent: () => import('./auth/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: 'sign-up',
    loadComponent: () => import('./auth/sign-up-page').then((m) => m.SignUpPage),
  },
  { path: '**', redirectTo: 'courses' },
];
