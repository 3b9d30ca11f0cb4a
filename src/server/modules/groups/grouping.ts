/**
 * Automatic grouping (分组), a pure function so its balance can be tested directly.
 *
 * Group sizes differ by at most one. Within that, each person goes to the open group that has
 * (when spreading units) the fewest colleagues of the same unit, then (when balancing) the fewest
 * people sharing their first focus dimension, then the fewest people. When units are kept
 * together, whole units are placed largest first into the smallest group (a unit larger than a
 * group is split over the smallest groups).
 */
export type Person = { id: string; unit: string; focus: string | null };

export function planGroups(
  people: Person[],
  groupCount: number,
  opts: { spreadUnits: boolean; balanceFocus: boolean },
): string[][] {
  const k = Math.max(1, Math.min(groupCount, people.length || 1));
  const groups: Person[][] = Array.from({ length: k }, () => []);
  const capacity = (i: number) => Math.floor(people.length / k) + (i < people.length % k ? 1 : 0);
  const byUnit = new Map<string, Person[]>();
  for (const p of people) byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), p]);
  const units = [...byUnit.values()].sort(
    (a, b) => b.length - a.length || a[0].unit.localeCompare(b[0].unit),
  );

  const open = () => groups.map((g, i) => ({ g, i })).filter(({ g, i }) => g.length < capacity(i));
  // Larger groups first get the larger capacities: sort open groups by remaining room descending.
  const room = (i: number) => capacity(i) - groups[i].length;

  if (!opts.spreadUnits) {
    for (const unit of units) {
      let rest = [...unit];
      while (rest.length) {
        const target = open().sort((a, b) => room(b.i) - room(a.i) || a.i - b.i)[0];
        const take = rest.slice(0, room(target.i));
        target.g.push(...take);
        rest = rest.slice(take.length);
      }
    }
  } else {
    for (const p of units.flat()) {
      const sameUnit = (g: Person[]) => g.filter((q) => q.unit === p.unit).length;
      const sameFocus = (g: Person[]) =>
        opts.balanceFocus && p.focus ? g.filter((q) => q.focus === p.focus).length : 0;
      const target = open().sort(
        (a, b) =>
          sameUnit(a.g) - sameUnit(b.g) ||
          sameFocus(a.g) - sameFocus(b.g) ||
          a.g.length - b.g.length ||
          a.i - b.i,
      )[0];
      target.g.push(p);
    }
  }
  return groups.map((g) => g.map((p) => p.id));
}
