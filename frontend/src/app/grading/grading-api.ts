import { Injectable, inject } from '@angular/core';
import type { AttemptResult, GradingTask, Page } from '@qadam/contracts';
import { ApiClient } from '../core/api-client';

/** The grading queue's endpoints, kept in its lazy chunk. */
@Injectable({ providedIn: 'root' })
export class GradingApi {
  private readonly api = inject(ApiClient);

  tasks(q: {
    assessmentId?: string;
    page?: number;
    pageSize?: number;
  }): Promise<Page<GradingTask>> {
    return this.api.get('/api/grading/tasks', q);
  }

  grade(
    task: Pick<GradingTask, 'attemptId' | 'itemId'>,
    levels: Record<string, string>,
    comment?: string,
  ): Promise<AttemptResult> {
    const body = comment ? { levels, comment } : { levels };
    return this.api.request(
      'PUT',
      `/api/grading/attempts/${encodeURIComponent(task.attemptId)}/items/${encodeURIComponent(task.itemId)}`,
      body,
    );
  }
}
