export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
/** A clock tests can set and move. */
export function fixedClock(start: Date | string) {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d: Date | string) => {
      current = new Date(d);
    },
    advance: (ms: number) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
