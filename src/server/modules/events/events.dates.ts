import type { Clock } from '../../core/clock.js';

/** Events happen in China (UTC+8, no daylight saving): calendar dates are read there. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export const todayInChina = (clock: Clock) => chinaDate(clock.now());

/** The instant the day starts in China. */
export const startOfChinaDay = (date: string) => new Date(`${date}T00:00:00+08:00`);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}
