import { Injectable, inject } from '@angular/core';
import type {
  ApiErrorBody,
  CohortApplication,
  AdminCertificate,
  CertificateBatchProgress,
  CertificateSummary,
  CompetencyProfile,
  Recommendation,
  AttemptResult,
  AttemptStarted,
  AttemptView,
  ItemResponse,
  AuthResult,
  Cohort,
  CourseDetail,
  EnrollmentSummary,
  LessonView,
  MyEnrollment,
  CourseKind,
  CourseSummary,
  LadderLevel,
  LoginRequest,
  MyLadder,
  Page,
  ReferenceData,
  RegisterRequest,
  UpdateProfileRequest,
  UserProfile,
} from '@qadam/contracts';
import { I18n } from '../i18n/i18n';
import { Session } from './session';

/** An API refusal (the API.md error body), or `OFFLINE` when the request never got an answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body?: ApiErrorBody,
  ) {
    super(message);
  }
}

/** A request body sent as it is (an uploaded CSV, Moodle XML, GIFT or course package). */
export class RawBody {
  constructor(
    readonly data: Blob | string,
    readonly type: string,
  ) {}
}

interface FirstCatalog {
  lang: string;
  response: Promise<Response>;
}

/** The unfiltered first page that index.html asked for early, if it is what is wanted now. */
function takeFirstCatalog(lang: string, q: CatalogQuery): Promise<Response> | null {
  const w = globalThis as { qadamFirstCatalog?: FirstCatalog };
  const first = w.qadamFirstCatalog;
  delete w.qadamFirstCatalog;
  const plain = !q.q && !q.level && !q.kind && !q.page && q.pageSize === 50;
  return first && first.lang === lang && plain ? first.response : null;
}

export interface CatalogQuery {
  q?: string;
  level?: LadderLevel;
  kind?: CourseKind;
  page?: number;
  pageSize?: number;
}

/**
 * The one way the app talks to the API. Every request carries the interface language, so error
 * messages come back in it; a failure becomes an `ApiError` whose `message` can be shown as is.
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly i18n = inject(I18n);
  private readonly session = inject(Session);
  private refreshing: Promise<boolean> | null = null;

  async catalog(query: CatalogQuery): Promise<Page<CourseSummary>> {
    const lang = this.i18n.lang();
    const early = takeFirstCatalog(lang, query);
    if (early) {
      const res = await early.catch(() => null);
      if (res?.ok) return (await res.json()) as Page<CourseSummary>;
    }
    return this.get('/api/courses', { ...query, lang });
  }

  reference(): Promise<ReferenceData> {
    return this.get('/api/reference', {});
  }

  async register(body: RegisterRequest): Promise<UserProfile> {
    const auth = await this.request<AuthResult>('POST', '/api/auth/register', body, false);
    this.session.start(auth);
    return auth.user;
  }

  async login(body: LoginRequest): Promise<UserProfile> {
    const auth = await this.request<AuthResult>('POST', '/api/auth/login', body, false);
    this.session.start(auth);
    return auth.user;
  }

  course(slug: string): Promise<CourseDetail> {
    return this.get(`/api/courses/${encodeURIComponent(slug)}`, { lang: this.i18n.lang() });
  }

  cohorts(slug: string): Promise<Cohort[]> {
    return this.get(`/api/courses/${encodeURIComponent(slug)}/cohorts`, {});
  }

  enrol(slug: string, cohortId?: string): Promise<EnrollmentSummary> {
    return this.request(
      'POST',
      `/api/courses/${encodeURIComponent(slug)}/enrollments`,
      cohortId ? { cohortId } : {},
    );
  }

  withdraw(enrollmentId: string): Promise<EnrollmentSummary> {
    return this.request('DELETE', `/api/me/enrollments/${encodeURIComponent(enrollmentId)}`);
  }

  myEnrollments(): Promise<MyEnrollment[]> {
    return this.get('/api/me/enrollments', { lang: this.i18n.lang() });
  }

  lesson(slug: string, lessonId: string): Promise<LessonView> {
    return this.get(
      `/api/courses/${encodeURIComponent(slug)}/lessons/${encodeURIComponent(lessonId)}`,
      { lang: this.i18n.lang() },
    );
  }

  completeLesson(slug: string, lessonId: string): Promise<EnrollmentSummary> {
    return this.request(
      'POST',
      `/api/courses/${encodeURIComponent(slug)}/lessons/${encodeURIComponent(lessonId)}/complete`,
      {},
    );
  }

  startAttempt(assessmentId: string): Promise<AttemptStarted> {
    return this.request(
      'POST',
      `/api/assessments/${encodeURIComponent(assessmentId)}/attempts?lang=${this.i18n.lang()}`,
      {},
    );
  }

  attempt(id: string): Promise<AttemptView> {
    return this.get(`/api/attempts/${encodeURIComponent(id)}`, { lang: this.i18n.lang() });
  }

  saveResponse(
    attemptId: string,
    itemId: string,
    response: ItemResponse,
  ): Promise<{ savedAt: string }> {
    return this.request(
      'PUT',
      `/api/attempts/${encodeURIComponent(attemptId)}/responses/${encodeURIComponent(itemId)}`,
      { response },
    );
  }

  submitAttempt(attemptId: string): Promise<AttemptResult> {
    return this.request('POST', `/api/attempts/${encodeURIComponent(attemptId)}/submit`, {});
  }

  myCertificates(): Promise<CertificateSummary[]> {
    return this.get('/api/me/certificates', {});
  }

  competencies(): Promise<CompetencyProfile> {
    return this.get('/api/me/competencies', { lang: this.i18n.lang() });
  }

  recommendations(): Promise<Recommendation[]> {
    return this.get('/api/me/recommendations', {});
  }

  dismissRecommendation(id: string): Promise<void> {
    return this.request('POST', '/api/me/recommendations/dismiss', { id });
  }

  /** A file only its owner may fetch (a certificate's PDF): with the token, as a Blob. */
  async download(url: string): Promise<Blob> {
    return (await this.respond('GET', url, undefined, true)).blob();
  }

  adminCohorts(courseSlug?: string): Promise<Page<Cohort>> {
    return this.get('/api/admin/cohorts', { courseSlug, pageSize: 100 });
  }

  createCohort(body: {
    courseSlug: string;
    code: string;
    title: string;
    startsOn: string;
    endsOn: string;
    enrolmentOpensAt: string;
    enrolmentClosesAt: string;
    seats: number;
  }): Promise<Cohort> {
    return this.request('POST', '/api/admin/cohorts', body);
  }

  applications(cohortId: string): Promise<Page<CohortApplication>> {
    return this.get(`/api/admin/cohorts/${encodeURIComponent(cohortId)}/enrollments`, {
      pageSize: 100,
    });
  }

  decide(enrollmentId: string, approve: boolean, reason?: string): Promise<CohortApplication> {
    const id = encodeURIComponent(enrollmentId);
    return approve
      ? this.request('POST', `/api/admin/enrollments/${id}/approve`, {})
      : this.request('POST', `/api/admin/enrollments/${id}/reject`, { reason });
  }

  adminCertificates(q: { courseSlug?: string; status?: string }): Promise<Page<AdminCertificate>> {
    return this.get('/api/admin/certificates', { ...q, pageSize: 100 });
  }

  startBatch(courseSlug: string): Promise<{ id: string }> {
    return this.request('POST', '/api/admin/certificates/batches', { courseSlug });
  }

  batch(id: string): Promise<CertificateBatchProgress> {
    return this.get(`/api/admin/certificates/batches/${encodeURIComponent(id)}`, {});
  }

  revokeCertificate(id: string, reason: string): Promise<AdminCertificate> {
    return this.request('POST', `/api/admin/certificates/${encodeURIComponent(id)}/revoke`, {
      reason,
    });
  }

  ladder(): Promise<MyLadder> {
    return this.get('/api/me/ladder', {});
  }

  me(): Promise<UserProfile> {
    return this.get('/api/me', {});
  }

  updateProfile(body: UpdateProfileRequest): Promise<UserProfile> {
    return this.request('PATCH', '/api/me', body);
  }

  /**
   * For feature services (staff screens keep their endpoints next to their pages, so the first
   * bundle does not carry them): a GET with query parameters, empty ones left out.
   */
  async get<T>(path: string, params: object = {}): Promise<T> {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
    }
    const qs = search.toString();
    return this.request<T>('GET', qs ? `${path}?${qs}` : path);
  }

  /** A JSON request (or a file's bytes as a `RawBody`); 204 gives `undefined`. */
  async request<T>(method: string, url: string, body?: unknown, auth = true): Promise<T> {
    const res = await this.respond(method, url, body, auth);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  /** A successful response, or the API's refusal as an `ApiError`. */
  private async respond(
    method: string,
    url: string,
    body: unknown,
    auth: boolean,
  ): Promise<Response> {
    let res = await this.send(method, url, body, auth);
    // An expired access token is renewed once, transparently, and the request repeated.
    if (res.status === 401 && auth && this.session.refreshToken() && (await this.refresh())) {
      res = await this.send(method, url, body, auth);
    }
    if (res.status === 401 && auth && this.session.signedIn()) this.session.end();
    if (res.ok) return res;
    const err = (await res.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiError(
      res.status,
      err?.code ?? 'UNKNOWN',
      err?.message ?? this.i18n.t('error.unknown'),
      err ?? undefined,
    );
  }

  private async send(method: string, url: string, body: unknown, auth: boolean): Promise<Response> {
    const token = auth ? this.session.accessToken() : null;
    const raw = body instanceof RawBody ? body : null;
    const type = raw ? raw.type : body === undefined ? null : 'application/json';
    try {
      return await fetch(url, {
        method,
        headers: {
          Accept: 'application/json',
          'Accept-Language': this.i18n.lang(),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(type ? { 'Content-Type': type } : {}),
        },
        body: raw ? raw.data : body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'OFFLINE', this.i18n.t('error.offline'));
    }
  }

  /** One refresh at a time: parallel 401s wait for the same new pair (a refresh token works once). */
  private refresh(): Promise<boolean> {
    this.refreshing ??= (async () => {
      try {
        const res = await this.send(
          'POST',
          '/api/auth/refresh',
          { refreshToken: this.session.refreshToken() },
          false,
        );
        if (!res.ok) return false;
        this.session.start((await res.json()) as AuthResult);
        return true;
      } catch {
        return false;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }
}
