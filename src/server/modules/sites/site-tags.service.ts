import { asc } from 'drizzle-orm';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { ensureSiteDefaults } from './site-defaults.js';
import { sitesPolicy } from './sites.policy.js';
import { normaliseTags } from './sites.service.js';
import { siteTags } from './sites.table.js';

/** The association's tag suggestions, in their order (the seed's five on a new installation). */
export async function listSiteTags(ctx: Ctx): Promise<string[]> {
  authorize(ctx, sitesPolicy, 'read');
  await ensureSiteDefaults(ctx);
  const rows = await ctx.db.select({ name: siteTags.name }).from(siteTags).orderBy(asc(siteTags.position));
  return rows.map((r) => r.name);
}

/** Replaces the suggestion list. Tags already on sites stay on them. */
export async function replaceSiteTags(ctx: Ctx, tags: string[]): Promise<string[]> {
  authorize(ctx, sitesPolicy, 'write');
  await ensureSiteDefaults(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await listSiteTags(tx);
    const after = normaliseTags(tags);
    await tx.db.delete(siteTags);
    if (after.length)
      await tx.db.insert(siteTags).values(after.map((name, position) => ({ name, position })));
    await recordAudit(tx, { action: 'site.tags_replace', entityType: 'site_tags', before, after });
    return after;
  });
}
