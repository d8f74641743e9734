import type { UserProfile } from '@qadam/contracts';
import { User } from './entities/user.entity';

/** The account as its owner (or an admin) sees it; never the password hash. */
export function toProfile(u: User): UserProfile {
  return {
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    iin: u.iin,
    region: u.region,
    school: u.schoolName,
    schoolKind: u.schoolKind,
    subjects: u.subjects,
    grades: u.grades,
    language: u.language,
    roles: u.roles,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
