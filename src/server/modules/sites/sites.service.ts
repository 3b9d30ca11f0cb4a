import {
  and,
  arrayContains,
  asc,
  count,
  eq,
  exists,
  ilike,
  inArray,
  isNotNull,
  isNull,
  or,
  type SQL,
} from 'drizzle-orm';
import { maskMobile, type Page } from '../../../contract/common.js';
import { fileThumbUrl, fileUrl } from '../../../contract/files.js';
import type {
  HostAccount,
  Site,
  SiteHost,
  SiteInput,
  SitePhoto,
  SiteQuery,
  SiteSummary,
} from '../../../contract/sites.js';
import { authorize, isStaffOrAdmin } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { forbidden, invalid, notFound, unauthenticated } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { files } from '../files/files.table.js';
import { memberUnits } from '../member-units/member-units.table.js';
import { users } from '../users/users.table.js';
import { sitesPolicy } from './sites.policy.js';
import { siteHonours, sitePhotos, sites } from './sites.table.js';

type SiteRow = typeof sites.$inferSelect;
type HonourRow = typeof siteHonours.$inferSelect;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const normaliseTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

function groupBy<T>(rows: T[], key: (row: T) => string) {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

const sortHonours = (rows: HonourRow[]) =>
  [...rows].sort((a, b) => b.year - a.year || a.title.localeCompare(b.title));

/** The site's photos in order, with their files' sizes and URLs. */
export async function photosOf(ctx: Ctx, siteIds: string[]): Promise<Map<string, SitePhoto[]>> {
  if (!siteIds.length) return new Map();
  const rows = await ctx.db
    .select({ photo: sitePhotos, width: files.width, height: files.height })
    .from(sitePhotos)
    .innerJoin(files, eq(files.id, sitePhotos.fileId))
    .where(inArray(sitePhotos.siteId, siteIds))
    .orderBy(asc(sitePhotos.position), asc(sitePhotos.createdAt));
  const photos = rows.map(({ photo, width, height }) => ({
    siteId: photo.siteId,
    id: photo.id,
    fileId: photo.fileId,
    caption: photo.caption,
    isCover: photo.isCover,
    position: photo.position,
    url: fileUrl(photo.fileId),
    thumbUrl: fileThumbUrl(photo.fileId),
    width,
    height,
  }));
  const grouped = groupBy(photos, (p) => p.siteId);
  return new Map([...grouped].map(([siteId, list]) => [siteId, list.map(({ siteId: _s, ...p }) => p)]));
}

async function honoursOf(ctx: Ctx, siteIds: string[]) {
  if (!siteIds.length) return new Map<string, HonourRow[]>();
  const rows = await ctx.db.select().from(siteHonours).where(inArray(siteHonours.siteId, siteIds));
  return groupBy(rows, (r) => r.siteId);
}

async function hostsOf(ctx: Ctx, siteId: string): Promise<SiteHost[]> {
  return ctx.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.siteId, siteId), eq(users.role, 'host')))
    .orderBy(asc(users.name));
}

function presentHonours(rows: HonourRow[]) {
  return sortHonours(rows).map((h) => ({ id: h.id, level: h.level, title: h.title, year: h.year }));
}

function present(
  ctx: Ctx,
  site: SiteRow,
  unitName: string | null,
  honours: HonourRow[],
  photos: SitePhoto[],
  hosts: SiteHost[],
): Site {
  return {
    id: site.id,
    name: site.name,
    address: site.address,
    district: site.district,
    managingUnitId: site.managingUnitId,
    managingUnitName: unitName,
    managingCompany: site.managingCompany,
    projectType: site.projectType,
    areaM2: site.areaM2,
    households: site.households,
    tags: site.tags,
    willingness: site.willingness,
    contactName: site.contactName,
    contactMobile: isStaffOrAdmin(ctx.actor) ? site.contactMobile : maskMobile(site.contactMobile),
    description: site.description,
    archived: !!site.archivedAt,
    honours: presentHonours(honours),
    photos,
    hosts,
    createdAt: site.createdAt.toISOString(),
    updatedAt: site.updatedAt.toISOString(),
  };
}

function filters(ctx: Ctx, query: SiteQuery) {
  const conditions: SQL[] = [];
  if (query.archived === 'false') conditions.push(isNull(sites.archivedAt));
  if (query.archived === 'true') conditions.push(isNotNull(sites.archivedAt));
  if (query.projectType) conditions.push(eq(sites.projectType, query.projectType));
  if (query.willingness) conditions.push(eq(sites.willingness, query.willingness));
  if (query.tag) conditions.push(arrayContains(sites.tags, [query.tag]));
  if (query.honourLevel) {
    // Does the site hold at least one honour of this level?
    conditions.push(
      exists(
        ctx.db
          .select({ one: siteHonours.id })
          .from(siteHonours)
          .where(and(eq(siteHonours.siteId, sites.id), eq(siteHonours.level, query.honourLevel))),
      ),
    );
  }
  if (query.q) {
    const like = `%${likeEscape(query.q)}%`;
    conditions.push(
      or(
        ilike(sites.name, like),
        ilike(sites.address, like),
        ilike(sites.district, like),
        ilike(sites.managingCompany, like),
        ilike(memberUnits.name, like),
      )!,
    );
  }
  return conditions;
}

export async function listSites(ctx: Ctx, query: SiteQuery): Promise<Page<SiteSummary>> {
  authorize(ctx, sitesPolicy, 'read');
  const conditions = filters(ctx, query);
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select({ site: sites, unitName: memberUnits.name })
      .from(sites)
      .leftJoin(memberUnits, eq(memberUnits.id, sites.managingUnitId))
      .where(where)
      .orderBy(asc(sites.name), asc(sites.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db
      .select({ total: count() })
      .from(sites)
      .leftJoin(memberUnits, eq(memberUnits.id, sites.managingUnitId))
      .where(where),
  ]);
  const ids = rows.map((r) => r.site.id);
  const [honours, photos] = await Promise.all([honoursOf(ctx, ids), photosOf(ctx, ids)]);
  return {
    items: rows.map(({ site, unitName }) => {
      const sitePhotoList = photos.get(site.id) ?? [];
      const cover = sitePhotoList.find((p) => p.isCover) ?? sitePhotoList[0];
      return {
        id: site.id,
        name: site.name,
        district: site.district,
        managingUnitName: unitName,
        managingCompany: site.managingCompany,
        projectType: site.projectType,
        areaM2: site.areaM2,
        households: site.households,
        tags: site.tags,
        willingness: site.willingness,
        archived: !!site.archivedAt,
        honours: presentHonours(honours.get(site.id) ?? []),
        coverThumbUrl: cover?.thumbUrl ?? null,
        photoCount: sitePhotoList.length,
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Admins and staff read any site; a host reads the site it is linked to. */
function authorizeRead(ctx: Ctx, siteId: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role === 'host') {
    authorize(ctx, sitesPolicy, 'readOwn');
    if (actor.siteId !== siteId) throw forbidden();
    return;
  }
  authorize(ctx, sitesPolicy, 'read');
}

export async function getSite(ctx: Ctx, id: string): Promise<Site> {
  authorizeRead(ctx, id);
  const [row] = await ctx.db
    .select({ site: sites, unitName: memberUnits.name })
    .from(sites)
    .leftJoin(memberUnits, eq(memberUnits.id, sites.managingUnitId))
    .where(eq(sites.id, id));
  if (!row) throw notFound('@entities.site');
  const [honours, photos, hosts] = await Promise.all([
    honoursOf(ctx, [id]),
    photosOf(ctx, [id]),
    hostsOf(ctx, id),
  ]);
  return present(ctx, row.site, row.unitName, honours.get(id) ?? [], photos.get(id) ?? [], hosts);
}

/** 404 unless the site exists; returns its row. */
export async function requireSite(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(sites).where(eq(sites.id, id));
  if (!row) throw notFound('@entities.site');
  return row;
}

async function columns(ctx: Ctx, input: SiteInput) {
  if (input.managingUnitId) {
    const [unit] = await ctx.db
      .select({ id: memberUnits.id })
      .from(memberUnits)
      .where(eq(memberUnits.id, input.managingUnitId));
    if (!unit) throw invalid('sites.unknown_member_unit');
  }
  return {
    name: input.name,
    address: input.address ?? null,
    district: input.district ?? null,
    managingUnitId: input.managingUnitId ?? null,
    managingCompany: input.managingCompany ?? null,
    projectType: input.projectType,
    areaM2: input.areaM2 ?? null,
    households: input.households ?? null,
    tags: normaliseTags(input.tags),
    willingness: input.willingness,
    contactName: input.contactName ?? null,
    contactMobile: input.contactMobile ?? null,
    description: input.description ?? null,
  };
}

async function replaceHonours(ctx: Ctx, siteId: string, honours: SiteInput['honours']) {
  await ctx.db.delete(siteHonours).where(eq(siteHonours.siteId, siteId));
  if (!honours.length) return;
  await ctx.db.insert(siteHonours).values(honours.map((h) => ({ siteId, ...h })));
}

export async function createSite(ctx: Ctx, input: SiteInput): Promise<Site> {
  authorize(ctx, sitesPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(sites)
      .values({ ...(await columns(tx, input)), createdAt: now, updatedAt: now })
      .returning();
    await replaceHonours(tx, row.id, input.honours);
    const site = await getSite(tx, row.id);
    await recordAudit(tx, { action: 'site.create', entityType: 'site', entityId: row.id, after: site });
    return site;
  });
}

export async function updateSite(ctx: Ctx, id: string, input: SiteInput): Promise<Site> {
  authorize(ctx, sitesPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const before = await getSite(tx, id);
    await tx.db
      .update(sites)
      .set({ ...(await columns(tx, input)), updatedAt: tx.clock.now() })
      .where(eq(sites.id, id));
    await replaceHonours(tx, id, input.honours);
    const after = await getSite(tx, id);
    await recordAudit(tx, { action: 'site.update', entityType: 'site', entityId: id, before, after });
    return after;
  });
}

/** Archiving takes a site out of lists, screening and coverage; it can be restored. */
export async function setSiteArchived(ctx: Ctx, id: string, archived: boolean): Promise<Site> {
  authorize(ctx, sitesPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    await requireSite(tx, id);
    await tx.db
      .update(sites)
      .set({ archivedAt: archived ? tx.clock.now() : null, updatedAt: tx.clock.now() })
      .where(eq(sites.id, id));
    await recordAudit(tx, {
      action: archived ? 'site.archive' : 'site.restore',
      entityType: 'site',
      entityId: id,
      after: { archived },
    });
    return getSite(tx, id);
  });
}

// ── Host accounts linked to a site ──────────────────────────────────────────

/** Host-role accounts (to link one to a site), with the site each is linked to now. */
export async function listHostAccounts(ctx: Ctx, q?: string): Promise<HostAccount[]> {
  authorize(ctx, sitesPolicy, 'write');
  const conditions: SQL[] = [eq(users.role, 'host'), isNull(users.disabledAt)];
  if (q) {
    const like = `%${likeEscape(q)}%`;
    conditions.push(or(ilike(users.name, like), ilike(users.email, like))!);
  }
  return ctx.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      siteId: users.siteId,
      siteName: sites.name,
    })
    .from(users)
    .leftJoin(sites, eq(sites.id, users.siteId))
    .where(and(...conditions))
    .orderBy(asc(users.name))
    .limit(100);
}

/** Links a host account to the site (moving it from another site if it had one). */
export async function linkHost(ctx: Ctx, siteId: string, userId: string): Promise<Site> {
  authorize(ctx, sitesPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    await requireSite(tx, siteId);
    const [user] = await tx.db.select().from(users).where(eq(users.id, userId));
    if (!user) throw notFound('@entities.user');
    if (user.role !== 'host') throw invalid('sites.not_a_host');
    await tx.db.update(users).set({ siteId, updatedAt: tx.clock.now() }).where(eq(users.id, userId));
    await recordAudit(tx, {
      action: 'site.host_link',
      entityType: 'site',
      entityId: siteId,
      before: { userId, siteId: user.siteId },
      after: { userId, siteId },
    });
    return getSite(tx, siteId);
  });
}

export async function unlinkHost(ctx: Ctx, siteId: string, userId: string): Promise<Site> {
  authorize(ctx, sitesPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    await requireSite(tx, siteId);
    const unlinked = await tx.db
      .update(users)
      .set({ siteId: null, updatedAt: tx.clock.now() })
      .where(and(eq(users.id, userId), eq(users.siteId, siteId)))
      .returning({ id: users.id });
    if (!unlinked.length) throw notFound('@entities.site_host');
    await recordAudit(tx, {
      action: 'site.host_unlink',
      entityType: 'site',
      entityId: siteId,
      before: { userId, siteId },
      after: { userId, siteId: null },
    });
    return getSite(tx, siteId);
  });
}
