import type { MigrationInterface } from 'typeorm';
import { Initial1795540519724 } from './1795540519724-Initial';
import { AuditLogAppendOnly1795540600000 } from './1795540600000-AuditLogAppendOnly';
import { Catalog1795546572476 } from './1795546572476-Catalog';
import { CatalogSearchAndFreeze1795546600000 } from './1795546600000-CatalogSearchAndFreeze';
import { Assessments1795550233883 } from './1795550233883-Assessments';
import { Certificates1795556769477 } from './1795556769477-Certificates';
import { Competencies1795560852606 } from './1795560852606-Competencies';
import { CompetencyAggregates1795562000000 } from './1795562000000-CompetencyAggregates';
import { Trajectory1795562100000 } from './1795562100000-Trajectory';

// Listed explicitly (not globbed) so the same list works from TypeScript in tests and from the
// compiled output. Append new migrations at the end; the drift test fails if one is missing.
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795540519724,
  AuditLogAppendOnly1795540600000,
  Catalog1795546572476,
  CatalogSearchAndFreeze1795546600000,
  Assessments1795550233883,
  Certificates1795556769477,
  Competencies1795560852606,
  CompetencyAggregates1795562000000,
  Trajectory1795562100000,
];
