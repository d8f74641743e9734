/** Outbox topics and their payloads: the contract between producers and their consumers. */

/** A pending certificate waits for the worker to render and sign it. */
export const ISSUE_CERTIFICATE = 'certificate.issue';

export interface IssueCertificateEvent {
  certificateId: string;
  /** Bumped by an admin's retry of a failed issue: each try has a job of its own. */
  generation: number;
}

/**
 * The outbox row's dedupe key and the BullMQ job id at once, so an event enqueued twice is one
 * job. Three parts: BullMQ refuses custom ids with ':' unless they have exactly three.
 */
export function certificateJobId(certificateId: string, generation: number): string {
  return `certificate:${certificateId}:${generation}`;
}
