import { Injectable, inject } from '@angular/core';
import type { AuthoringCourse, CourseDocument } from '@qadam/contracts';
import { ApiClient } from '../core/api-client';
import { CompetencyOptions, type CompetencyOption } from '../staff/competency-options';

export type { CompetencyOption } from '../staff/competency-options';

/** The authoring endpoints, kept in the staff chunk rather than the app-wide client. */
@Injectable({ providedIn: 'root' })
export class AuthoringApi {
  private readonly api = inject(ApiClient);
  private readonly competencies = inject(CompetencyOptions);

  courses(): Promise<AuthoringCourse[]> {
    return this.api.get('/api/authoring/courses');
  }

  course(slug: string): Promise<AuthoringCourse> {
    return this.api.get(this.path(slug));
  }

  create(slug: string, document: CourseDocument): Promise<AuthoringCourse> {
    return this.api.request('POST', '/api/authoring/courses', { slug, document });
  }

  save(slug: string, document: CourseDocument): Promise<AuthoringCourse> {
    return this.api.request('PUT', `${this.path(slug)}/draft`, { document });
  }

  discard(slug: string): Promise<AuthoringCourse> {
    return this.api.request('DELETE', `${this.path(slug)}/draft`);
  }

  submit(slug: string): Promise<AuthoringCourse> {
    return this.api.request('POST', `${this.path(slug)}/draft/submit`, {});
  }

  review(slug: string, decision: 'approve' | 'return', comment?: string): Promise<AuthoringCourse> {
    return this.api.request('POST', `${this.path(slug)}/draft/review`, {
      decision,
      ...(comment ? { comment } : {}),
    });
  }

  publish(slug: string): Promise<AuthoringCourse> {
    return this.api.request('POST', `${this.path(slug)}/draft/publish`, {});
  }

  /** Lesson Markdown as teachers will see it: HTML already sanitised by the server. */
  async preview(markdown: string): Promise<string> {
    return (
      await this.api.request<{ html: string }>('POST', '/api/authoring/preview', { markdown })
    ).html;
  }

  /**
   * Every taggable competency of the bundled frameworks (the only ones a course may cite), in
   * the publishers' order. Fetched once per visit: frameworks change with a release, not a click.
   */
  competencyOptions(): Promise<CompetencyOption[]> {
    return this.competencies.load();
  }

  private path(slug: string): string {
    return `/api/authoring/courses/${encodeURIComponent(slug)}`;
  }
}
