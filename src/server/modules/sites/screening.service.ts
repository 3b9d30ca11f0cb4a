import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm';
import type {
  Criterion,
  CriterionInput,
  MyScore,
  ScoreInput,
  ShortlistEntry,
} from '../../../contract/sites.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { users } from '../users/users.table.js';
import { round2, screenSite } from './screening.math.js';
import { screeningCriteria, siteScores } from './screening.table.js';
import { ensureSiteDefaults } from './site-defaults.js';
import { sitesPolicy } from './sites.policy.js';
import { requireSite } from './sites.service.js';
import { sites } from './sites.table.js';

type CriterionRow = typeof screeningCriteria.$inferSelect;

const presentCriterion = (c: CriterionRow): Criterion => ({
  id: c.id,
  name: c.name,
  weight: c.weight,
  description: c.description,
  position: c.position,
});

async function criteriaRows(ctx: Ctx) {
  await ensureSiteDefaults(ctx);
  return ctx.db
    .select()
    .from(screeningCriteria)
    .orderBy(asc(screeningCriteria.position), asc(screeningCriteria.createdAt));
}

export async function listCriteria(ctx: Ctx): Promise<Criterion[]> {
  authorize(ctx, sitesPolicy, 'screen');
  return (await criteriaRows(ctx)).map(presentCriterion);
}

async function requireCriterion(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(screeningCriteria).where(eq(screeningCriteria.id, id));
  if (!row) throw notFound('@entities.screening_criterion');
  return row;
}

export async function createCriterion(ctx: Ctx, input: CriterionInput): Promise<Criterion> {
  authorize(ctx, sitesPolicy, 'screen');
  await ensureSiteDefaults(ctx);
  return inTransaction(ctx, async (tx) => {
    const [{ last }] = await tx.db.select({ last: max(screeningCriteria.position) }).from(screeningCriteria);
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(screeningCriteria)
      .values({
        name: input.name,
        weight: input.weight,
        description: input.description ?? null,
        position: (last ?? -1) + 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const created = presentCriterion(row);
    await recordAudit(tx, {
      action: 'screening.criterion_create',
      entityType: 'screening_criterion',
      entityId: row.id,
      after: created,
    });
    return created;
  });
}

export async function updateCriterion(ctx: Ctx, id: string, input: CriterionInput): Promise<Criterion> {
  authorize(ctx, sitesPolicy, 'screen');
  return inTransaction(ctx, async (tx) => {
    const before = presentCriterion(await requireCriterion(tx, id));
    const [row] = await tx.db
      .update(screeningCriteria)
      .set({
        name: input.name,
        weight: input.weight,
        description: input.description ?? null,
        updatedAt: tx.clock.now(),
      })
      .where(eq(screeningCriteria.id, id))
      .returning();
    const after = presentCriterion(row);
    await recordAudit(tx, {
      action: 'screening.criterion_update',
      entityType: 'screening_criterion',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Deletes the criterion and every score given on it. */
export async function deleteCriterion(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx, sitesPolicy, 'screen');
  await inTransaction(ctx, async (tx) => {
    const before = presentCriterion(await requireCriterion(tx, id));
    await tx.db.delete(screeningCriteria).where(eq(screeningCriteria.id, id));
    await recordAudit(tx, {
      action: 'screening.criterion_delete',
      entityType: 'screening_criterion',
      entityId: id,
      before,
    });
  });
}

/** Puts the criteria in the given order; the list must name each criterion exactly once. */
export async function reorderCriteria(ctx: Ctx, ids: string[]): Promise<Criterion[]> {
  authorize(ctx, sitesPolicy, 'screen');
  return inTransaction(ctx, async (tx) => {
    const current = await criteriaRows(tx);
    const known = new Set(current.map((c) => c.id));
    if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((id) => !known.has(id))) {
      throw invalid('screening.order_mismatch');
    }
    for (const [position, id] of ids.entries()) {
      await tx.db.update(screeningCriteria).set({ position }).where(eq(screeningCriteria.id, id));
    }
    await recordAudit(tx, {
      action: 'screening.criteria_reorder',
      entityType: 'screening_criterion',
      before: current.map((c) => c.id),
      after: ids,
    });
    return (await criteriaRows(tx)).map(presentCriterion);
  });
}

/** The signed-in scorer's own scores, for the score matrix. */
export async function listMyScores(ctx: Ctx): Promise<MyScore[]> {
  const actor = authorize(ctx, sitesPolicy, 'screen');
  const rows = await ctx.db.select().from(siteScores).where(eq(siteScores.scorerId, actor.userId));
  return rows.map((r) => ({
    siteId: r.siteId,
    criterionId: r.criterionId,
    score: r.score,
    evidence: r.evidence,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/**
 * Saves the signed-in scorer's scores of one site: one row per site × criterion × scorer, so a
 * second save replaces the first (upsert); a null score removes it.
 */
export async function saveMyScores(ctx: Ctx, siteId: string, input: ScoreInput): Promise<MyScore[]> {
  const actor = authorize(ctx, sitesPolicy, 'screen');
  return inTransaction(ctx, async (tx) => {
    await requireSite(tx, siteId);
    const criterionIds = [...new Set(input.scores.map((s) => s.criterionId))];
    if (criterionIds.length !== input.scores.length) throw invalid('screening.duplicate_criterion');
    const known = await tx.db
      .select({ id: screeningCriteria.id })
      .from(screeningCriteria)
      .where(inArray(screeningCriteria.id, criterionIds));
    if (known.length !== criterionIds.length) throw invalid('screening.unknown_criterion');
    const now = tx.clock.now();
    for (const s of input.scores) {
      const key = and(
        eq(siteScores.siteId, siteId),
        eq(siteScores.criterionId, s.criterionId),
        eq(siteScores.scorerId, actor.userId),
      );
      if (s.score === null) {
        await tx.db.delete(siteScores).where(key);
        continue;
      }
      await tx.db
        .insert(siteScores)
        .values({
          siteId,
          criterionId: s.criterionId,
          scorerId: actor.userId,
          score: s.score,
          evidence: s.evidence ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: [siteScores.siteId, siteScores.criterionId, siteScores.scorerId],
          set: { score: s.score, evidence: s.evidence ?? null, updatedAt: now },
        });
    }
    await recordAudit(tx, {
      action: 'screening.scores_save',
      entityType: 'site',
      entityId: siteId,
      after: input.scores,
    });
    return (await listMyScores(tx)).filter((s) => s.siteId === siteId);
  });
}

/**
 * Every non-archived site with its screening result (formula in screening.math.ts), best first:
 * by weighted score (unscored last), then by number of scorers, then by name.
 */
export async function screeningShortlist(ctx: Ctx): Promise<ShortlistEntry[]> {
  authorize(ctx, sitesPolicy, 'screen');
  return computeShortlist(ctx);
}

/** The shortlist without an access check, for other services of this module (coverage). */
export async function computeShortlist(ctx: Ctx): Promise<ShortlistEntry[]> {
  const criteria = await criteriaRows(ctx);
  const siteRows = await ctx.db
    .select({
      id: sites.id,
      name: sites.name,
      projectType: sites.projectType,
      willingness: sites.willingness,
    })
    .from(sites)
    .where(isNull(sites.archivedAt));
  const scoreRows = siteRows.length
    ? await ctx.db
        .select({
          siteId: siteScores.siteId,
          criterionId: siteScores.criterionId,
          scorerId: siteScores.scorerId,
          score: siteScores.score,
          scorerName: users.name,
        })
        .from(siteScores)
        .innerJoin(users, eq(users.id, siteScores.scorerId))
        .where(
          inArray(
            siteScores.siteId,
            siteRows.map((s) => s.id),
          ),
        )
    : [];
  const scorerNames = new Map(scoreRows.map((r) => [r.scorerId, r.scorerName]));
  const entries = siteRows.map((site) => {
    const result = screenSite(
      criteria,
      scoreRows.filter((r) => r.siteId === site.id),
    );
    return { site, result };
  });
  entries.sort(
    (a, b) =>
      (b.result.weightedScore ?? -1) - (a.result.weightedScore ?? -1) ||
      b.result.scorerCount - a.result.scorerCount ||
      a.site.name.localeCompare(b.site.name, 'zh-CN'),
  );
  return entries.map(({ site, result }, i) => ({
    rank: i + 1,
    siteId: site.id,
    siteName: site.name,
    projectType: site.projectType,
    willingness: site.willingness,
    weightedScore: round2(result.weightedScore),
    scorerCount: result.scorerCount,
    spread: round2(result.spread),
    scorerTotals: result.scorerTotals.map((t) => ({
      scorerId: t.scorerId,
      scorerName: scorerNames.get(t.scorerId) ?? '',
      total: round2(t.total)!,
    })),
    criteria: result.criteria.map((c) => ({
      criterionId: c.criterionId,
      mean: round2(c.mean),
      stddev: round2(c.stddev),
      count: c.count,
    })),
  }));
}
