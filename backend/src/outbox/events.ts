/** Outbox topics and their payloads: the contract between the engine and its consumers. */

/** A teacher passed the final test of a course: the certificate worker issues its certificate. */
export const FINAL_PASSED = 'assessment.final-passed';

export interface FinalPassedEvent {
  userId: string;
  courseId: string;
  courseSlug: string;
  enrollmentId: string;
  attemptId: string;
  assessmentKey: string;
  percent: number;
}
