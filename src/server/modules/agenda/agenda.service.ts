import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import {
  type Agenda,
  type AgendaItem,
  type AgendaItemInput,
  type AgendaItemShift,
  type AgendaTemplate,
  type AgendaVersion,
  toMinutes,
  toTime,
} from '../../../contract/agenda.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertPlanEditable, loadEvent, touchEvent } from '../events/events.guard.js';
import { eventsPolicy } from '../events/events.policy.js';
import { notifyAgendaChanged } from '../registrations/registrations.notify.js';
import { users } from '../users/users.table.js';
import { agendaChanges, agendaWarnings, byTime, shiftPlan } from './agenda.rules.js';
import { agendaItems, agendaVersions } from './agenda.table.js';
import { agendaTemplate } from './agenda.templates.js';

type ItemRow = typeof agendaItems.$inferSelect;
const DAY_MINUTES = 24 * 60;

export function presentItem(row: ItemRow): AgendaItem {
  return {
    id: row.id,
    position: row.position,
    start: toTime(row.startMinute),
    end: toTime(row.endMinute),
    durationMinutes: row.endMinute - row.startMinute,
    type: row.type,
    title: row.title,
    speaker: row.speaker,
    place: row.place,
    notes: row.notes,
  };
}

export async function itemRows(ctx: Ctx, eventId: string): Promise<ItemRow[]> {
  const rows = await ctx.db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.eventId, eventId))
    .orderBy(asc(agendaItems.position));
  return byTime(rows);
}

export async function latestVersion(ctx: Ctx, eventId: string) {
  const [row] = await ctx.db
    .select()
    .from(agendaVersions)
    .where(eq(agendaVersions.eventId, eventId))
    .orderBy(desc(agendaVersions.version))
    .limit(1);
  return row ?? null;
}

/** Minutes of the agenda's tour item(s): the slot the route has to fit in. */
export function tourMinutes(rows: ItemRow[]): number {
  return rows.filter((r) => r.type === 'tour').reduce((sum, r) => sum + r.endMinute - r.startMinute, 0);
}

/** The agenda with its warnings and the changes since the last published version. */
export async function agendaOf(ctx: Ctx, eventId: string): Promise<Agenda> {
  const event = await loadEvent(ctx, eventId);
  const rows = await itemRows(ctx, eventId);
  const items = rows.map(presentItem);
  const published = await latestVersion(ctx, eventId);
  return {
    eventId,
    items,
    warnings: agendaWarnings(rows, event.format),
    publishedVersion: published?.version ?? null,
    publishedAt: published?.publishedAt.toISOString() ?? null,
    changes: agendaChanges(published?.items ?? [], items),
  };
}

export async function getAgenda(ctx: Ctx, eventId: string): Promise<Agenda> {
  authorize(ctx, eventsPolicy, 'read');
  return agendaOf(ctx, eventId);
}

/** Renumbers positions in time order after a write. */
async function renumber(ctx: Ctx, eventId: string) {
  const rows = await itemRows(ctx, eventId);
  for (const [index, row] of rows.entries()) {
    if (row.position !== index) {
      await ctx.db.update(agendaItems).set({ position: index }).where(eq(agendaItems.id, row.id));
    }
  }
}

const columns = (input: AgendaItemInput) => ({
  startMinute: toMinutes(input.start),
  endMinute: toMinutes(input.end),
  type: input.type,
  title: input.title,
  speaker: input.speaker ?? null,
  place: input.place ?? null,
  notes: input.notes ?? null,
});

/** Runs an agenda write: access, lock, the change, renumbering, audit; answers the new agenda. */
async function agendaWrite(
  ctx: Ctx,
  eventId: string,
  action: string,
  change: (tx: Ctx) => Promise<unknown>,
): Promise<Agenda> {
  authorize(ctx, eventsPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    assertPlanEditable(await loadEvent(tx, eventId, true));
    const detail = await change(tx);
    await renumber(tx, eventId);
    await touchEvent(tx, eventId);
    await recordAudit(tx, { action, entityType: 'event', entityId: eventId, after: detail });
    return agendaOf(tx, eventId);
  });
}

/** Replaces every item with the half-day (the seed's flow) or full-day template. */
export function applyAgendaTemplate(ctx: Ctx, eventId: string, template: AgendaTemplate) {
  return agendaWrite(ctx, eventId, 'agenda.apply_template', async (tx) => {
    await tx.db.delete(agendaItems).where(eq(agendaItems.eventId, eventId));
    const items = agendaTemplate(template, tx.lang);
    await tx.db
      .insert(agendaItems)
      .values(items.map((item, position) => ({ ...columns(item), eventId, position })));
    return { template };
  });
}

export function addAgendaItem(ctx: Ctx, eventId: string, input: AgendaItemInput) {
  return agendaWrite(ctx, eventId, 'agenda.add_item', async (tx) => {
    const [row] = await tx.db
      .insert(agendaItems)
      .values({ ...columns(input), eventId, position: 100000 })
      .returning();
    return presentItem(row);
  });
}

async function loadItem(ctx: Ctx, eventId: string, itemId: string) {
  const [row] = await ctx.db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.eventId, eventId)));
  if (!row) throw notFound('@entities.agenda_item');
  return row;
}

export function updateAgendaItem(ctx: Ctx, eventId: string, itemId: string, input: AgendaItemInput) {
  return agendaWrite(ctx, eventId, 'agenda.update_item', async (tx) => {
    const before = presentItem(await loadItem(tx, eventId, itemId));
    const [row] = await tx.db
      .update(agendaItems)
      .set({ ...columns(input), updatedAt: tx.clock.now() })
      .where(eq(agendaItems.id, itemId))
      .returning();
    return { before, after: presentItem(row) };
  });
}

/** Moves or lengthens one item; with shiftFollowing the later items keep their distance to it. */
export function shiftAgendaItem(ctx: Ctx, eventId: string, itemId: string, shift: AgendaItemShift) {
  return agendaWrite(ctx, eventId, 'agenda.shift_item', async (tx) => {
    await loadItem(tx, eventId, itemId);
    const plan = shiftPlan(await itemRows(tx, eventId), itemId, shift);
    for (const moved of plan.values()) {
      if (moved.startMinute < 0 || moved.endMinute > DAY_MINUTES - 1) throw invalid('agenda.out_of_day');
    }
    for (const [id, moved] of plan) {
      await tx.db
        .update(agendaItems)
        .set({ ...moved, updatedAt: tx.clock.now() })
        .where(eq(agendaItems.id, id));
    }
    return { itemId, ...shift, moved: plan.size };
  });
}

export function deleteAgendaItem(ctx: Ctx, eventId: string, itemId: string) {
  return agendaWrite(ctx, eventId, 'agenda.delete_item', async (tx) => {
    const before = presentItem(await loadItem(tx, eventId, itemId));
    await tx.db.delete(agendaItems).where(eq(agendaItems.id, itemId));
    return { removed: before };
  });
}

/**
 * Stores the current items as the next published version. Returns null when nothing changed
 * since the last version (no empty versions are made).
 */
export async function snapshotAgenda(tx: Ctx, eventId: string): Promise<number | null> {
  const rows = await itemRows(tx, eventId);
  if (!rows.length) throw conflict('agenda.empty');
  const items = rows.map(presentItem);
  const last = await latestVersion(tx, eventId);
  const changes = last ? agendaChanges(last.items, items) : [];
  if (last && changes.length === 0) return null;
  const version = (last?.version ?? 0) + 1;
  await tx.db.insert(agendaVersions).values({
    eventId,
    version,
    items,
    publishedAt: tx.clock.now(),
    publishedBy: tx.actor?.userId ?? null,
  });
  // A changed agenda after the first publication reaches everyone already registered.
  if (last) await notifyAgendaChanged(tx, await loadEvent(tx, eventId), changes);
  return version;
}

export function publishAgenda(ctx: Ctx, eventId: string) {
  return agendaWrite(ctx, eventId, 'agenda.publish', async (tx) => {
    const version = await snapshotAgenda(tx, eventId);
    if (version === null) throw conflict('agenda.unchanged');
    return { version };
  });
}

export async function listAgendaVersions(ctx: Ctx, eventId: string): Promise<AgendaVersion[]> {
  authorize(ctx, eventsPolicy, 'read');
  await loadEvent(ctx, eventId);
  const rows = await ctx.db
    .select()
    .from(agendaVersions)
    .where(eq(agendaVersions.eventId, eventId))
    .orderBy(desc(agendaVersions.version));
  const authorIds = [...new Set(rows.map((r) => r.publishedBy).filter((x): x is string => !!x))];
  const authors = authorIds.length
    ? await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, authorIds))
    : [];
  const nameOf = new Map(authors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    publishedAt: r.publishedAt.toISOString(),
    publishedByName: r.publishedBy ? (nameOf.get(r.publishedBy) ?? null) : null,
    items: r.items,
  }));
}
