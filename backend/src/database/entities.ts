import { AttemptItem } from '../assessments/entities/attempt-item.entity';
import { Attempt } from '../assessments/entities/attempt.entity';
import { ItemVersion } from '../assessments/entities/item-version.entity';
import { Item } from '../assessments/entities/item.entity';
import { QuestionBank } from '../assessments/entities/question-bank.entity';
import { Response } from '../assessments/entities/response.entity';
import { SectionResult } from '../assessments/entities/section-result.entity';
import { OutboxEvent } from '../outbox/entities/outbox-event.entity';
import { AuditLog } from '../audit/entities/audit-log.entity';
import { RefreshToken } from '../auth/entities/refresh-token.entity';
import { CertificateBatch } from '../certificates/entities/certificate-batch.entity';
import { CertificateDocument } from '../certificates/entities/certificate-document.entity';
import { Certificate } from '../certificates/entities/certificate.entity';
import { CompetencyEvidence } from '../competencies/entities/competency-evidence.entity';
import { CompetencyLink } from '../competencies/entities/competency-link.entity';
import { Competency } from '../competencies/entities/competency.entity';
import { Framework } from '../competencies/entities/framework.entity';
import { MaterializedRefresh } from '../competencies/entities/materialized-refresh.entity';
import { RecommendationDismissal } from '../competencies/entities/recommendation-dismissal.entity';
import { TrajectoryRuleRow } from '../competencies/entities/trajectory-rule.entity';
import { CourseAssessment } from '../courses/entities/course-assessment.entity';
import { CourseModule } from '../courses/entities/course-module.entity';
import { CourseVersion } from '../courses/entities/course-version.entity';
import { Course } from '../courses/entities/course.entity';
import { Lesson } from '../courses/entities/lesson.entity';
import { Program } from '../courses/entities/program.entity';
import { AssessmentProgress } from '../enrollments/entities/assessment-progress.entity';
import { BulkEnrollmentJob } from '../enrollments/entities/bulk-enrollment-job.entity';
import { Cohort } from '../enrollments/entities/cohort.entity';
import { Enrollment } from '../enrollments/entities/enrollment.entity';
import { LessonProgress } from '../enrollments/entities/lesson-progress.entity';
import { LadderException } from '../ladder/entities/ladder-exception.entity';
import { User } from '../users/entities/user.entity';

// Every entity of the app, in one list shared by the app, the CLI and the tests.
export const ENTITIES: (new () => object)[] = [
  User,
  RefreshToken,
  AuditLog,
  Program,
  Course,
  CourseVersion,
  CourseModule,
  Lesson,
  CourseAssessment,
  Cohort,
  Enrollment,
  LessonProgress,
  AssessmentProgress,
  BulkEnrollmentJob,
  Certificate,
  CertificateBatch,
  CertificateDocument,
  Framework,
  Competency,
  CompetencyLink,
  CompetencyEvidence,
  TrajectoryRuleRow,
  RecommendationDismissal,
  MaterializedRefresh,
  LadderException,
  QuestionBank,
  Item,
  ItemVersion,
  Attempt,
  AttemptItem,
  Response,
  SectionResult,
  OutboxEvent,
];
