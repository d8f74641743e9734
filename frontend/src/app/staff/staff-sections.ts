import type { Role } from '@qadam/contracts';

export type SectionKey =
  | 'courses'
  | 'review'
  | 'banks'
  | 'import'
  | 'grading'
  | 'cohorts'
  | 'enrolments'
  | 'certificates'
  | 'users'
  | 'audit';

export interface StaffSection {
  key: SectionKey;
  path: string;
  roles: Role[];
}

const AUTHORS: Role[] = ['author', 'admin'];

/** The console's sections and who may open them (the API enforces the same roles). */
export const STAFF_SECTIONS: StaffSection[] = [
  { key: 'courses', path: '/staff/authoring', roles: AUTHORS },
  { key: 'review', path: '/staff/authoring/review', roles: AUTHORS },
  { key: 'banks', path: '/staff/banks', roles: AUTHORS },
  { key: 'import', path: '/staff/banks/import', roles: AUTHORS },
  { key: 'grading', path: '/staff/grading', roles: ['admin', 'assessor'] },
  { key: 'cohorts', path: '/staff/admin/cohorts', roles: ['admin'] },
  { key: 'enrolments', path: '/staff/admin/enrolments', roles: ['admin'] },
  { key: 'certificates', path: '/staff/admin/certificates', roles: ['admin'] },
  { key: 'users', path: '/staff/admin/users', roles: ['admin'] },
  { key: 'audit', path: '/staff/admin/audit', roles: ['admin'] },
];

export function sectionsFor(roles: readonly Role[]): StaffSection[] {
  return STAFF_SECTIONS.filter((s) => s.roles.some((r) => roles.includes(r)));
}

export const labelKey = (s: StaffSection) => `section.${s.key}` as const;
export const aboutKey = (s: StaffSection) => `section.${s.key}.about` as const;
