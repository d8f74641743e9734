import { Injectable, inject } from '@angular/core';
import type {
  AuditEntry,
  BulkEnrollmentReport,
  Page,
  ReferenceData,
  Role,
  UserProfile,
} from '@qadam/contracts';
import { ApiClient, RawBody } from '../core/api-client';

export interface UserQuery {
  q?: string;
  role?: Role | '';
  page?: number;
  pageSize?: number;
}

/** The audit log's filters, as the API and the page address both name them. */
export interface AuditQuery {
  action?: string;
  targetType?: string;
  targetId?: string;
  actorId?: string;
  /** Kazakhstan days, `YYYY-MM-DD`, both inclusive. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** The admin screens' endpoints, kept in their lazy chunk rather than in the shared client. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly api = inject(ApiClient);

  /** 201 answers with the finished report, 202 with a queued one to follow by `bulkReport`. */
  bulkEnrol(csv: string, partial: boolean): Promise<BulkEnrollmentReport> {
    return this.api.request(
      'POST',
      `/api/admin/enrollments/bulk?partial=${partial}`,
      new RawBody(csv, 'text/csv'),
    );
  }

  bulkReport(id: string): Promise<BulkEnrollmentReport> {
    return this.api.get(`/api/admin/enrollments/bulk/${encodeURIComponent(id)}`);
  }

  users(q: UserQuery): Promise<Page<UserProfile>> {
    return this.api.get('/api/admin/users', q);
  }

  user(id: string): Promise<UserProfile> {
    return this.api.get(`/api/admin/users/${encodeURIComponent(id)}`);
  }

  setRoles(id: string, roles: Role[]): Promise<UserProfile> {
    return this.api.request('PUT', `/api/admin/users/${encodeURIComponent(id)}/roles`, { roles });
  }

  audit(q: AuditQuery): Promise<Page<AuditEntry>> {
    return this.api.get('/api/admin/audit', q);
  }

  reference(): Promise<ReferenceData> {
    return this.api.reference();
  }
}
