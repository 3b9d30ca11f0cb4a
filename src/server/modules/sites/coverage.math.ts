import type { ProjectType } from '../../../contract/enums.js';

/**
 * Coverage (代表性): a member unit is covered by a set of sites when one of the project types it
 * manages is the type of a site in the set. Pure functions, tested on their own.
 */
export type CoverageUnit = { id: string; name: string; projectTypes: ProjectType[] };
export type CoverageCandidate = {
  id: string;
  name: string;
  projectType: ProjectType;
  screeningScore: number;
};

export function coveredUnits(units: CoverageUnit[], types: Iterable<ProjectType>) {
  const set = new Set(types);
  return units.filter((u) => u.projectTypes.some((t) => set.has(t)));
}

export type BestSet = { sites: CoverageCandidate[]; covered: number; screeningScore: number };

/** Is `a` a better choice than `b`? More units covered, then a higher screening score, then by name. */
function better(a: BestSet, b: BestSet | null) {
  if (!b) return true;
  if (a.covered !== b.covered) return a.covered > b.covered;
  if (a.screeningScore !== b.screeningScore) return a.screeningScore > b.screeningScore;
  const names = (s: BestSet) => s.sites.map((x) => x.name).join('\u0000');
  return names(a).localeCompare(names(b), 'zh-CN') < 0;
}

/**
 * The exact best set of `size` sites (1 or 2): every single site, or every pair, is tried — no
 * greedy shortcut, which can miss the best pair. Coverage depends only on the sites' types, so it
 * is counted once per type combination (at most 8 × 8) and the pair loop stays cheap even with
 * hundreds of candidates.
 */
export function bestSet(units: CoverageUnit[], candidates: CoverageCandidate[], size: 1 | 2): BestSet | null {
  const countCache = new Map<string, number>();
  const countFor = (types: ProjectType[]) => {
    const key = [...new Set(types)].sort().join(',');
    let n = countCache.get(key);
    if (n === undefined) {
      n = coveredUnits(units, types).length;
      countCache.set(key, n);
    }
    return n;
  };
  let best: BestSet | null = null;
  for (let i = 0; i < candidates.length; i++) {
    if (size === 1) {
      const option = {
        sites: [candidates[i]],
        covered: countFor([candidates[i].projectType]),
        screeningScore: candidates[i].screeningScore,
      };
      if (better(option, best)) best = option;
      continue;
    }
    for (let j = i + 1; j < candidates.length; j++) {
      const pair = [candidates[i], candidates[j]];
      const option = {
        sites: pair,
        covered: countFor(pair.map((s) => s.projectType)),
        screeningScore: pair[0].screeningScore + pair[1].screeningScore,
      };
      if (better(option, best)) best = option;
    }
  }
  return best;
}
