import type { Lang } from './common';

/** `assessor`: may grade hand-graded answers (given to authors who grade). */
export type Role = 'teacher' | 'author' | 'admin' | 'assessor';
export type SchoolKind = 'urban' | 'rural' | 'small_ungraded';
export type GradeBand = 'primary' | 'secondary';

export interface UserProfile {
  id: string;
  email: string;
  fullName: string;
  iin: string | null;
  region: string | null;
  school: string | null;
  schoolKind: SchoolKind | null;
  subjects: string[];
  grades: GradeBand[];
  language: Lang;
  roles: Role[];
  createdAt: string;
  updatedAt: string;
}

export interface RegisterRequest {
  email: string;
  password: string;
  fullName: string;
  iin?: string | null;
  region?: string | null;
  school?: string | null;
  /** One subject code; `subjects` takes several. */
  subject?: string;
  subjects?: string[];
  schoolKind?: SchoolKind | null;
  grades?: GradeBand[];
  language?: Lang;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface AuthResult {
  user: UserProfile;
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

/** `PATCH /api/me`: every field optional; `null` clears an optional one. */
export interface UpdateProfileRequest {
  fullName?: string;
  iin?: string | null;
  region?: string | null;
  school?: string | null;
  schoolKind?: SchoolKind | null;
  subjects?: string[];
  grades?: GradeBand[];
  language?: Lang;
}
