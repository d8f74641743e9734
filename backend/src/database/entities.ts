import { AuditLog } from '../audit/entities/audit-log.entity';
import { RefreshToken } from '../auth/entities/refresh-token.entity';
import { User } from '../users/entities/user.entity';

// Every entity of the app, in one list shared by the app, the CLI and the tests.
export const ENTITIES: (new () => object)[] = [User, RefreshToken, AuditLog];
