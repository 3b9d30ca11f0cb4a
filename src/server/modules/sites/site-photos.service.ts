import { and, asc, count, eq, max } from 'drizzle-orm';
import { SITE_LIMITS, type SitePhoto } from '../../../contract/sites.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { deleteFileRow, deleteStoredBytes, removeFile, storeImage } from '../files/files.service.js';
import { sitesPolicy } from './sites.policy.js';
import { photosOf, requireSite } from './sites.service.js';
import { sitePhotos } from './sites.table.js';

async function photoList(ctx: Ctx, siteId: string): Promise<SitePhoto[]> {
  return (await photosOf(ctx, [siteId])).get(siteId) ?? [];
}

/** Call before reading the upload: refuses the caller, an unknown site, or a full album early. */
export async function assertCanAddSitePhoto(ctx: Ctx, siteId: string) {
  authorize(ctx, sitesPolicy, 'write');
  await requireSite(ctx, siteId);
  const [{ n }] = await ctx.db.select({ n: count() }).from(sitePhotos).where(eq(sitePhotos.siteId, siteId));
  if (n >= SITE_LIMITS.photos) throw invalid('sites.too_many_photos', { max: SITE_LIMITS.photos });
}

/**
 * Stores the image (checked, resized, stripped of metadata) and appends it to the site's photos;
 * the first photo becomes the cover. When the photo row cannot be written, the file goes again.
 */
export async function addSitePhoto(
  ctx: Ctx,
  siteId: string,
  image: Buffer,
  caption: string | null,
): Promise<SitePhoto> {
  await assertCanAddSitePhoto(ctx, siteId);
  const file = await storeImage(ctx, image);
  try {
    return await inTransaction(ctx, async (tx) => {
      const [{ last, n }] = await tx.db
        .select({ last: max(sitePhotos.position), n: count() })
        .from(sitePhotos)
        .where(eq(sitePhotos.siteId, siteId));
      const [row] = await tx.db
        .insert(sitePhotos)
        .values({
          siteId,
          fileId: file.id,
          position: (last ?? -1) + 1,
          caption: caption?.trim().slice(0, 200) || null,
          isCover: n === 0,
          createdAt: tx.clock.now(),
        })
        .returning();
      await recordAudit(tx, {
        action: 'site.photo_add',
        entityType: 'site',
        entityId: siteId,
        after: { photoId: row.id, fileId: file.id, caption: row.caption },
      });
      return (await photoList(tx, siteId)).find((p) => p.id === row.id)!;
    });
  } catch (error) {
    await removeFile(ctx, file.id);
    throw error;
  }
}

async function requirePhoto(ctx: Ctx, siteId: string, photoId: string) {
  const [row] = await ctx.db
    .select()
    .from(sitePhotos)
    .where(and(eq(sitePhotos.id, photoId), eq(sitePhotos.siteId, siteId)));
  if (!row) throw notFound('@entities.site_photo');
  return row;
}

/** Changes the caption and/or makes the photo the site's one cover. */
export async function updateSitePhoto(
  ctx: Ctx,
  siteId: string,
  photoId: string,
  input: { caption?: string | null; isCover?: true },
): Promise<SitePhoto[]> {
  authorize(ctx, sitesPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const before = await requirePhoto(tx, siteId, photoId);
    if (input.caption !== undefined) {
      await tx.db.update(sitePhotos).set({ caption: input.caption }).where(eq(sitePhotos.id, photoId));
    }
    if (input.isCover) {
      await tx.db.update(sitePhotos).set({ isCover: false }).where(eq(sitePhotos.siteId, siteId));
      await tx.db.update(sitePhotos).set({ isCover: true }).where(eq(sitePhotos.id, photoId));
    }
    await recordAudit(tx, {
      action: 'site.photo_update',
      entityType: 'site',
      entityId: siteId,
      before: { photoId, caption: before.caption, isCover: before.isCover },
      after: { photoId, ...input },
    });
    return photoList(tx, siteId);
  });
}

/** Puts the photos in the given order; the list must name each photo of the site exactly once. */
export async function reorderSitePhotos(ctx: Ctx, siteId: string, photoIds: string[]): Promise<SitePhoto[]> {
  authorize(ctx, sitesPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    await requireSite(tx, siteId);
    const current = await tx.db
      .select({ id: sitePhotos.id })
      .from(sitePhotos)
      .where(eq(sitePhotos.siteId, siteId))
      .orderBy(asc(sitePhotos.position));
    const known = new Set(current.map((p) => p.id));
    const given = new Set(photoIds);
    if (
      given.size !== photoIds.length ||
      given.size !== known.size ||
      photoIds.some((id) => !known.has(id))
    ) {
      throw invalid('sites.photo_order_mismatch');
    }
    for (const [position, id] of photoIds.entries()) {
      await tx.db.update(sitePhotos).set({ position }).where(eq(sitePhotos.id, id));
    }
    await recordAudit(tx, {
      action: 'site.photo_reorder',
      entityType: 'site',
      entityId: siteId,
      before: current.map((p) => p.id),
      after: photoIds,
    });
    return photoList(tx, siteId);
  });
}

/** Deletes the photo and its file; when it was the cover, the first remaining photo becomes it. */
export async function deleteSitePhoto(ctx: Ctx, siteId: string, photoId: string): Promise<SitePhoto[]> {
  authorize(ctx, sitesPolicy, 'write');
  const { photos, keys } = await inTransaction(ctx, async (tx) => {
    const photo = await requirePhoto(tx, siteId, photoId);
    const keys = await deleteFileRow(tx, photo.fileId); // the photo row goes with its file (cascade)
    if (photo.isCover) {
      const [first] = await tx.db
        .select({ id: sitePhotos.id })
        .from(sitePhotos)
        .where(eq(sitePhotos.siteId, siteId))
        .orderBy(asc(sitePhotos.position))
        .limit(1);
      if (first) await tx.db.update(sitePhotos).set({ isCover: true }).where(eq(sitePhotos.id, first.id));
    }
    await recordAudit(tx, {
      action: 'site.photo_delete',
      entityType: 'site',
      entityId: siteId,
      before: { photoId, fileId: photo.fileId, caption: photo.caption },
    });
    return { photos: await photoList(tx, siteId), keys };
  });
  await deleteStoredBytes(ctx, keys);
  return photos;
}
