import type { Routes } from '@angular/router';
import { adminOnly, staffOnly, withRole } from '../core/staff.guard';
import { StaffHome, StaffShell } from './staff-shell';

const authors = withRole('author', 'admin');

/** The staff console: one lazy chunk per area, each behind the roles the API requires. */
export const routes: Routes = [
  {
    path: '',
    canActivate: [staffOnly],
    component: StaffShell,
    children: [
      { path: '', pathMatch: 'full', component: StaffHome },
      {
        path: 'authoring',
        canActivate: [authors],
        loadChildren: () => import('../authoring/authoring.routes').then((m) => m.routes),
      },
      {
        path: 'banks',
        canActivate: [authors],
        loadChildren: () => import('../banks/banks.routes').then((m) => m.routes),
      },
      {
        path: 'grading',
        canActivate: [withRole('admin', 'assessor')],
        loadChildren: () => import('../grading/grading.routes').then((m) => m.routes),
      },
      {
        path: 'admin',
        canActivate: [adminOnly],
        loadChildren: () => import('../admin/admin.routes').then((m) => m.routes),
      },
    ],
  },
];
