import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { FileAccess } from '../files/files.access.js';
import { sitePhotos, sites } from './sites.table.js';

/**
 * Photos of a site in the registry (not archived) are public: they illustrate the site on event
 * pages and notices. A host may also see the photos of its own site when it is archived.
 */
export async function sitePhotoAccess(ctx: Ctx, fileId: string): Promise<FileAccess> {
  const [row] = await ctx.db
    .select({ siteId: sitePhotos.siteId, archivedAt: sites.archivedAt })
    .from(sitePhotos)
    .innerJoin(sites, eq(sites.id, sitePhotos.siteId))
    .where(eq(sitePhotos.fileId, fileId));
  if (!row) return null;
  if (!row.archivedAt) return 'public';
  return ctx.actor?.role === 'host' && ctx.actor.siteId === row.siteId ? 'allowed' : null;
}
