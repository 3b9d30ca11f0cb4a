import { asc, inArray, isNull } from 'drizzle-orm';
import type { Coverage, CoverageSuggestion } from '../../../contract/sites.js';
import { authorize } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { memberUnits } from '../member-units/member-units.table.js';
import { type BestSet, bestSet, type CoverageUnit, coveredUnits } from './coverage.math.js';
import { computeShortlist } from './screening.service.js';
import { sitesPolicy } from './sites.policy.js';
import { sites } from './sites.table.js';

async function activeUnits(ctx: Ctx): Promise<CoverageUnit[]> {
  return ctx.db
    .select({ id: memberUnits.id, name: memberUnits.name, projectTypes: memberUnits.projectTypes })
    .from(memberUnits)
    .where(isNull(memberUnits.archivedAt))
    .orderBy(asc(memberUnits.name)) as Promise<CoverageUnit[]>;
}

const share = (covered: number, total: number) => (total ? Math.round((covered / total) * 10000) / 10000 : 0);

/**
 * The share of (non-archived) member units whose managed project types include the type of at
 * least one chosen site, and the units left out (a unit that declared no types is always left out).
 */
export async function coverageOf(ctx: Ctx, siteIds: string[]): Promise<Coverage> {
  authorize(ctx, sitesPolicy, 'coverage');
  const chosen = await ctx.db
    .select({ id: sites.id, projectType: sites.projectType })
    .from(sites)
    .where(inArray(sites.id, siteIds));
  if (chosen.length !== siteIds.length) throw notFound('@entities.site');
  const types = [...new Set(chosen.map((s) => s.projectType))];
  const units = await activeUnits(ctx);
  const covered = new Set(coveredUnits(units, types).map((u) => u.id));
  return {
    siteIds,
    projectTypes: types,
    totalUnits: units.length,
    coveredUnits: covered.size,
    share: share(covered.size, units.length),
    leftOut: units.filter((u) => !covered.has(u.id)),
  };
}

/**
 * The best single site and the best pair, found exactly over every non-archived site whose
 * managing company has not declined to host (willingness ≠ no). Ties go to the higher screening
 * score (the sum of the sites' weighted scores; unscored counts 0).
 */
export async function suggestCoverage(ctx: Ctx): Promise<CoverageSuggestion> {
  authorize(ctx, sitesPolicy, 'coverage');
  const shortlist = await computeShortlist(ctx);
  const candidates = shortlist
    .filter((s) => s.willingness !== 'no')
    .map((s) => ({
      id: s.siteId,
      name: s.siteName,
      projectType: s.projectType,
      screeningScore: s.weightedScore ?? 0,
    }));
  const units = await activeUnits(ctx);
  const present = (best: BestSet | null) =>
    best && {
      siteIds: best.sites.map((s) => s.id),
      siteNames: best.sites.map((s) => s.name),
      coveredUnits: best.covered,
      share: share(best.covered, units.length),
      screeningScore: Math.round(best.screeningScore * 100) / 100,
    };
  return {
    totalUnits: units.length,
    best1: present(bestSet(units, candidates, 1)),
    best2: present(bestSet(units, candidates, 2)),
  };
}
