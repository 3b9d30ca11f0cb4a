import { and, asc, eq, max } from 'drizzle-orm';
import { type MaterialInput, type Materials, materialQuantity } from '../../../contract/materials.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { expectedAttendance } from '../events/events.attendance.js';
import { assertFollowUpEditable, loadEvent, touchEvent } from '../events/events.guard.js';
import { eventsPolicy } from '../events/events.policy.js';
import { DEFAULT_MATERIALS } from './materials.defaults.js';
import { materials } from './materials.table.js';

/** The list with quantities worked out from the expected attendance. */
export async function materialsOf(ctx: Ctx, eventId: string): Promise<Materials> {
  await loadEvent(ctx, eventId);
  const attendance = await expectedAttendance(ctx, eventId);
  const rows = await ctx.db
    .select()
    .from(materials)
    .where(eq(materials.eventId, eventId))
    .orderBy(asc(materials.position));
  return {
    eventId,
    expectedAttendance: attendance,
    items: rows.map((r) => ({
      id: r.id,
      position: r.position,
      name: r.name,
      rule: r.rule,
      baseQuantity: r.baseQuantity,
      sparePercent: r.sparePercent,
      optional: r.optional,
      ready: r.ready,
      notes: r.notes,
      quantity: materialQuantity(r, attendance),
    })),
  };
}

export async function getMaterials(ctx: Ctx, eventId: string) {
  authorize(ctx, eventsPolicy, 'read');
  return materialsOf(ctx, eventId);
}

/** The seed's list for a new event, named in the caller's language. */
export async function createDefaultMaterials(tx: Ctx, eventId: string) {
  await tx.db.insert(materials).values(
    DEFAULT_MATERIALS.map((m, position) => ({
      eventId,
      position,
      name: m.name[tx.lang],
      rule: m.rule,
      baseQuantity: m.baseQuantity,
      sparePercent: m.sparePercent,
      optional: m.optional,
    })),
  );
}

const columns = (input: MaterialInput) => ({
  name: input.name,
  rule: input.rule,
  baseQuantity: input.baseQuantity,
  sparePercent: input.rule === 'per_attendee_spare' ? input.sparePercent : 0,
  optional: input.optional,
  ready: input.ready,
  notes: input.notes ?? null,
});

async function loadMaterial(ctx: Ctx, eventId: string, materialId: string) {
  const [row] = await ctx.db
    .select()
    .from(materials)
    .where(and(eq(materials.id, materialId), eq(materials.eventId, eventId)));
  if (!row) throw notFound('@entities.material');
  return row;
}

async function materialsWrite(
  ctx: Ctx,
  eventId: string,
  action: string,
  change: (tx: Ctx) => Promise<{ entityId: string; before?: unknown; after?: unknown }>,
) {
  authorize(ctx, eventsPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    assertFollowUpEditable(await loadEvent(tx, eventId, true));
    const audit = await change(tx);
    await touchEvent(tx, eventId);
    await recordAudit(tx, { action, entityType: 'material', ...audit });
    return materialsOf(tx, eventId);
  });
}

export function addMaterial(ctx: Ctx, eventId: string, input: MaterialInput) {
  return materialsWrite(ctx, eventId, 'material.add', async (tx) => {
    const [{ last }] = await tx.db
      .select({ last: max(materials.position) })
      .from(materials)
      .where(eq(materials.eventId, eventId));
    const [row] = await tx.db
      .insert(materials)
      .values({ ...columns(input), eventId, position: (last ?? -1) + 1 })
      .returning();
    return { entityId: row.id, after: row };
  });
}

export function updateMaterial(ctx: Ctx, eventId: string, materialId: string, input: MaterialInput) {
  return materialsWrite(ctx, eventId, 'material.update', async (tx) => {
    const before = await loadMaterial(tx, eventId, materialId);
    const [after] = await tx.db
      .update(materials)
      .set({ ...columns(input), updatedAt: tx.clock.now() })
      .where(eq(materials.id, materialId))
      .returning();
    return { entityId: materialId, before, after };
  });
}

/** Checks an item off as ready (or back). */
export function setMaterialReady(ctx: Ctx, eventId: string, materialId: string, ready: boolean) {
  return materialsWrite(ctx, eventId, 'material.ready', async (tx) => {
    const before = await loadMaterial(tx, eventId, materialId);
    await tx.db
      .update(materials)
      .set({ ready, updatedAt: tx.clock.now() })
      .where(eq(materials.id, materialId));
    return { entityId: materialId, before: { ready: before.ready }, after: { ready } };
  });
}

export function deleteMaterial(ctx: Ctx, eventId: string, materialId: string) {
  return materialsWrite(ctx, eventId, 'material.delete', async (tx) => {
    const before = await loadMaterial(tx, eventId, materialId);
    await tx.db.delete(materials).where(eq(materials.id, materialId));
    return { entityId: materialId, before };
  });
}
