// The audit feature's public file: other features and libs import it only through here.
export { AuditEntry } from './audit-entry.entity';
export type { AuditPayload } from './audit-entry.entity';
export { auditHash, canonicalJson, GENESIS_HASH } from './audit-hash';
export { AuditModule } from './audit.module';
export { AuditRepository } from './audit.repository';
export { AuditService } from './audit.service';
export type { AuditRecord, ChainCheck } from './audit.service';
