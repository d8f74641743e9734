import type { Routes } from '@angular/router';
import type { CourseEditorPage } from './course-editor-page';

/** Mounted at /staff/authoring, behind the author/admin guard of the staff console. */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./courses-page').then((m) => m.AuthoringCoursesPage),
  },
  // Before ':slug', or the queue would open as the editor of a course called "review".
  {
    path: 'review',
    loadComponent: () => import('./review-page').then((m) => m.ReviewQueuePage),
  },
  {
    path: ':slug',
    loadComponent: () => import('./course-editor-page').then((m) => m.CourseEditorPage),
    canDeactivate: [(page: CourseEditorPage) => page.canLeave()],
  },
];
