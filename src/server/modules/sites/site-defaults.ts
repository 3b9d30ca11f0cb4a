import { DEFAULT_SCREENING_CRITERIA, DEFAULT_SITE_TAGS } from '../../../contract/sites.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { appState } from '../association/association.table.js';
import { screeningCriteria } from './screening.table.js';
import { siteTags } from './sites.table.js';

const SEEDED_KEY = 'sites.defaults_seeded';

/**
 * Gives a new installation the seed's tag suggestions and screening criteria, once: a marker in
 * app_state records that it happened, so criteria an admin deletes later do not come back. The
 * marker and the rows land in one transaction; a concurrent first call waits on the marker's
 * unique key and then finds it present.
 */
export async function ensureSiteDefaults(ctx: Ctx) {
  await inTransaction(ctx, async (tx) => {
    const marked = await tx.db
      .insert(appState)
      .values({ key: SEEDED_KEY, value: tx.clock.now().toISOString() })
      .onConflictDoNothing()
      .returning();
    if (!marked.length) return;
    await tx.db
      .insert(siteTags)
      .values(DEFAULT_SITE_TAGS.map((name, position) => ({ name, position })))
      .onConflictDoNothing();
    await tx.db.insert(screeningCriteria).values(
      DEFAULT_SCREENING_CRITERIA.map((c, position) => ({
        name: c.name,
        weight: c.weight,
        description: c.description,
        position,
      })),
    );
  });
}
