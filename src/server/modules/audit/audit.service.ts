import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { AuditEntry, AuditQuery } from '../../../contract/audit.js';
import type { Page } from '../../../contract/common.js';
import { authorize } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { auditPolicy } from './audit.policy.js';
import { auditLog } from './audit.table.js';

const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash']);

function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (key, v) => (SECRET_FIELDS.has(key) ? '[redacted]' : v)));
}

/**
 * Records a write. Call it inside the write's transaction so the log and the change land together.
 * Writes by members and hosts on their own data are not audited; admin, staff and system are.
 */
export async function recordAudit(
  ctx: Ctx,
  entry: { action: string; entityType: string; entityId?: string | null; before?: unknown; after?: unknown },
) {
  if (ctx.actor && ctx.actor.role !== 'admin' && ctx.actor.role !== 'staff') return;
  await ctx.db.insert(auditLog).values({
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.name ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: scrub(entry.before),
    after: scrub(entry.after),
    requestId: ctx.requestId ?? null,
    createdAt: ctx.clock.now(),
  });
}

export async function listAudit(ctx: Ctx, query: AuditQuery): Promise<Page<AuditEntry>> {
  authorize(ctx, auditPolicy, 'read');
  const conditions: SQL[] = [];
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId));
  if (query.actorId) conditions.push(eq(auditLog.actorId, query.actorId));
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.from) conditions.push(gte(auditLog.createdAt, new Date(query.from)));
  if (query.to) conditions.push(lte(auditLog.createdAt, new Date(query.to)));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      createdAt: r.createdAt.toISOString(),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
