import type { AuditEntry, AuditQuery } from '../../../contract/audit.js';
import type { Page } from '../../../contract/common.js';
import { api } from '../../app/api.js';

export type AuditFilters = Partial<Omit<AuditQuery, 'page' | 'pageSize'>>;

export const listAudit = (query: AuditFilters & { page: number; pageSize: number }) =>
  api.get<Page<AuditEntry>>('/audit', query);
