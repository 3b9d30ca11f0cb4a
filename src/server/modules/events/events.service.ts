import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, gte, ilike, inArray, lte, or, type SQL } from 'drizzle-orm';
import type { Page } from '../../../contract/common.js';
import {
  EVENT_OBJECTIVES,
  type Event,
  type EventInput,
  type EventOptions,
  type EventQuery,
} from '../../../contract/events.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError, conflict } from '../../core/errors.js';
import { latestVersion } from '../agenda/agenda.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { createDefaultTasks } from '../checklists/checklists.service.js';
import { createDefaultMaterials } from '../materials/materials.service.js';
import { sites } from '../sites/sites.table.js';
import { templateDimensions, templateVersions } from '../templates/templates.table.js';
import { startOfChinaDay } from './events.dates.js';
import { assertPlanEditable, type EventRow, loadEvent } from './events.guard.js';
import { eventsPolicy } from './events.policy.js';
import { DEFAULT_NOTES, OBJECTIVE_TEXTS, THEME_SUGGESTIONS } from './events.seed.js';
import { eventSites, events } from './events.table.js';

export function getEventOptions(ctx: Ctx): EventOptions {
  authorize(ctx, eventsPolicy, 'read');
  return {
    themes: THEME_SUGGESTIONS[ctx.lang],
    objectives: EVENT_OBJECTIVES.map((code) => ({ code, ...OBJECTIVE_TEXTS[ctx.lang][code] })),
    defaultNotes: DEFAULT_NOTES[ctx.lang],
  };
}

async function sitesOf(ctx: Ctx, eventIds: string[]) {
  if (!eventIds.length) return [];
  return ctx.db
    .select({
      id: eventSites.id,
      eventId: eventSites.eventId,
      siteId: eventSites.siteId,
      siteName: sites.name,
      capacity: eventSites.capacity,
      position: eventSites.position,
    })
    .from(eventSites)
    .innerJoin(sites, eq(sites.id, eventSites.siteId))
    .where(inArray(eventSites.eventId, eventIds))
    .orderBy(asc(eventSites.position));
}

function present(row: EventRow, siteRows: Awaited<ReturnType<typeof sitesOf>>): Event {
  return {
    id: row.id,
    slug: row.slug,
    theme: row.theme,
    objectives: row.objectives,
    focusDimensionIds: row.focusDimensionIds,
    eventDate: row.eventDate,
    format: row.format,
    sites: siteRows.filter((s) => s.eventId === row.id).map(({ eventId: _e, ...s }) => s),
    templateVersionId: row.templateVersionId,
    capacity: row.capacity,
    fee: row.feeFen / 100,
    registrationDeadline: row.registrationDeadline.toISOString(),
    meetingPoint: row.meetingPoint,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    notes: row.notes,
    seriesName: row.seriesName,
    issueNumber: row.issueNumber,
    status: row.status,
    statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
    clonedFromId: row.clonedFromId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function eventById(ctx: Ctx, id: string): Promise<Event> {
  const row = await loadEvent(ctx, id);
  return present(row, await sitesOf(ctx, [id]));
}

export async function getEvent(ctx: Ctx, id: string): Promise<Event> {
  authorize(ctx, eventsPolicy, 'read');
  return eventById(ctx, id);
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listEvents(ctx: Ctx, query: EventQuery): Promise<Page<Event>> {
  authorize(ctx, eventsPolicy, 'read');
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(events.status, query.status));
  if (query.from) conditions.push(gte(events.eventDate, query.from));
  if (query.to) conditions.push(lte(events.eventDate, query.to));
  if (query.q) {
    const like = `%${likeEscape(query.q)}%`;
    conditions.push(or(ilike(events.theme, like), ilike(events.slug, like), ilike(events.seriesName, like))!);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(events)
      .where(where)
      .orderBy(desc(events.eventDate), desc(events.createdAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(events).where(where),
  ]);
  const siteRows = await sitesOf(
    ctx,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => present(r, siteRows)), total, page: query.page, pageSize: query.pageSize };
}

/** A short public name: the date and four random characters, e.g. 20261127-k3p9. */
export function generateSlug(eventDate: string) {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const suffix = [...randomBytes(4)].map((b) => alphabet[b % alphabet.length]).join('');
  return `${eventDate.replaceAll('-', '')}-${suffix}`;
}

async function slugTaken(ctx: Ctx, slug: string, exceptId?: string) {
  const [row] = await ctx.db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
  return !!row && row.id !== exceptId;
}

export async function freeSlug(ctx: Ctx, eventDate: string) {
  for (;;) {
    const slug = generateSlug(eventDate);
    if (!(await slugTaken(ctx, slug))) return slug;
  }
}

/** A concurrent write took the slug between our check and the insert: answer 409, never 500. */
function isSlugClash(error: unknown) {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pg = e?.cause ?? e;
  return pg?.code === '23505' && (pg.constraint ?? '').startsWith('events_slug');
}

async function guardSlug<T>(slug: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isSlugClash(error)) throw conflict('events.slug_taken', { slug });
    throw error;
  }
}

const fieldError = (code: string, path: string) =>
  new AppError(code, 400, {}, [{ path: `body.${path}`, key: `errors.${code}` }]);

/** Deadline before the day of the event (China time). */
export function assertDeadlineBeforeDate(
  deadline: string | Date,
  eventDate: string,
  path = 'registrationDeadline',
) {
  if (new Date(deadline).getTime() >= startOfChinaDay(eventDate).getTime()) {
    throw fieldError('events.deadline_not_before_date', path);
  }
}

/** Checks the input against sites and the template; returns nothing, throws the first problem. */
async function validateInput(ctx: Ctx, input: EventInput, current?: EventRow) {
  assertDeadlineBeforeDate(input.registrationDeadline, input.eventDate);
  const siteIds = input.sites.map((s) => s.siteId);
  if (new Set(siteIds).size !== siteIds.length) throw fieldError('events.duplicate_site', 'sites');
  const found = await ctx.db.select({ id: sites.id }).from(sites).where(inArray(sites.id, siteIds));
  if (found.length !== siteIds.length) throw fieldError('events.site_unknown', 'sites');
  if (input.sites.some((s) => s.capacity > input.capacity)) {
    throw fieldError('events.site_capacity_exceeds', 'sites');
  }
  const versionId = input.templateVersionId ?? null;
  if (current && current.status !== 'draft' && versionId !== current.templateVersionId) {
    throw conflict('events.template_locked');
  }
  if (versionId && versionId !== current?.templateVersionId) {
    const [version] = await ctx.db
      .select({ status: templateVersions.status })
      .from(templateVersions)
      .where(eq(templateVersions.id, versionId));
    if (version?.status !== 'published')
      throw fieldError('events.template_not_published', 'templateVersionId');
  }
  if (input.focusDimensionIds.length) {
    const dims = versionId
      ? await ctx.db
          .select({ id: templateDimensions.id })
          .from(templateDimensions)
          .where(
            and(
              eq(templateDimensions.versionId, versionId),
              inArray(templateDimensions.id, input.focusDimensionIds),
            ),
          )
      : [];
    if (dims.length !== new Set(input.focusDimensionIds).size) {
      throw fieldError('events.focus_not_in_template', 'focusDimensionIds');
    }
  }
  if (input.slug && (await slugTaken(ctx, input.slug, current?.id))) {
    throw conflict('events.slug_taken', { slug: input.slug });
  }
}

function columns(ctx: Ctx, input: EventInput) {
  return {
    theme: input.theme,
    objectives: [...new Set(input.objectives)],
    focusDimensionIds: [...new Set(input.focusDimensionIds)],
    eventDate: input.eventDate,
    format: input.format,
    templateVersionId: input.templateVersionId ?? null,
    capacity: input.capacity,
    feeFen: Math.round(input.fee * 100),
    registrationDeadline: new Date(input.registrationDeadline),
    meetingPoint: input.meetingPoint ?? null,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    notes: input.notes === undefined ? DEFAULT_NOTES[ctx.lang] : input.notes,
    seriesName: input.seriesName ?? null,
    issueNumber: input.issueNumber ?? null,
  };
}

/**
 * Makes the event's sites match the input: kept sites keep their id (and so their route), removed
 * ones go with their route, new ones are added.
 */
async function syncSites(tx: Ctx, eventId: string, wanted: EventInput['sites']) {
  const existing = await tx.db.select().from(eventSites).where(eq(eventSites.eventId, eventId));
  const wantedIds = new Set(wanted.map((s) => s.siteId));
  const removed = existing.filter((e) => !wantedIds.has(e.siteId)).map((e) => e.id);
  if (removed.length) await tx.db.delete(eventSites).where(inArray(eventSites.id, removed));
  for (const [position, site] of wanted.entries()) {
    const kept = existing.find((e) => e.siteId === site.siteId);
    if (kept) {
      await tx.db
        .update(eventSites)
        .set({ capacity: site.capacity, position })
        .where(eq(eventSites.id, kept.id));
    } else {
      await tx.db
        .insert(eventSites)
        .values({ eventId, siteId: site.siteId, capacity: site.capacity, position });
    }
  }
}

export async function createEvent(ctx: Ctx, input: EventInput): Promise<Event> {
  const actor = authorize(ctx, eventsPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    await validateInput(tx, input);
    const now = tx.clock.now();
    const slug = input.slug ?? (await freeSlug(tx, input.eventDate));
    const [row] = await guardSlug(slug, () =>
      tx.db
        .insert(events)
        .values({
          ...columns(tx, input),
          slug,
          status: 'draft',
          statusChangedAt: now,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
    );
    await syncSites(tx, row.id, input.sites);
    await createDefaultTasks(tx, row.id);
    await createDefaultMaterials(tx, row.id);
    const event = await eventById(tx, row.id);
    await recordAudit(tx, { action: 'event.create', entityType: 'event', entityId: row.id, after: event });
    return event;
  });
}

export async function updateEvent(ctx: Ctx, id: string, input: EventInput): Promise<Event> {
  authorize(ctx, eventsPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const current = await loadEvent(tx, id, true);
    assertPlanEditable(current);
    await validateInput(tx, input, current);
    const before = await eventById(tx, id);
    const slug = input.slug ?? current.slug;
    await guardSlug(slug, () =>
      tx.db
        .update(events)
        .set({ ...columns(tx, input), slug, updatedAt: tx.clock.now() })
        .where(eq(events.id, id)),
    );
    await syncSites(tx, id, input.sites);
    const after = await eventById(tx, id);
    await recordAudit(tx, { action: 'event.update', entityType: 'event', entityId: id, before, after });
    return after;
  });
}

/** Only a draft that was never published (no agenda version went out) may be deleted. */
export async function deleteEvent(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx, eventsPolicy, 'write');
  await inTransaction(ctx, async (tx) => {
    const row = await loadEvent(tx, id, true);
    if (row.status !== 'draft' || (await latestVersion(tx, id))) throw conflict('events.delete_not_draft');
    const before = await eventById(tx, id);
    await tx.db.delete(events).where(eq(events.id, id));
    await recordAudit(tx, { action: 'event.delete', entityType: 'event', entityId: id, before });
  });
}
