import { isStaffOrAdmin } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { sitePhotoAccess } from '../sites/site-photos.access.js';

/**
 * What a module says about one file it attaches: `public` (anyone, even signed out, may see it),
 * `allowed` (this actor may), or `null` (no opinion: the file is not one of its own).
 */
export type FileAccess = 'public' | 'allowed' | null;
export type FileAccessRule = (ctx: Ctx, fileId: string) => Promise<FileAccess>;

/** Every module that attaches files adds its rule here, so the whole access story is in one list. */
const RULES: FileAccessRule[] = [sitePhotoAccess];

/**
 * Decides who may read a file: public when a rule says so; otherwise admins, staff, the uploader
 * and whoever a rule allows. Everyone else is refused.
 */
export async function fileAccess(
  ctx: Ctx,
  file: { id: string; ownerId: string | null },
): Promise<'public' | 'allowed' | 'denied'> {
  const verdicts = await Promise.all(RULES.map((rule) => rule(ctx, file.id)));
  if (verdicts.includes('public')) return 'public';
  if (isStaffOrAdmin(ctx.actor)) return 'allowed';
  if (ctx.actor && file.ownerId === ctx.actor.userId) return 'allowed';
  if (verdicts.includes('allowed')) return 'allowed';
  return 'denied';
}
