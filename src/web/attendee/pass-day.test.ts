import { describe, expect, it } from 'vitest';
import { checkinTimeText, passDay } from './pass-day.js';
import type { Pass } from './types.js';

const pass = (event: string, registration: string, checkedInAt: string | null = null): Pass => ({
  registration: { status: registration, checkedInAt } as Pass['registration'],
  event: { status: event } as Pass['event'],
  canChange: false,
  retentionDays: 180,
});

describe('pass on the event day', () => {
  it('keeps the QR first before the day', () => {
    expect(passDay(pass('registration_closed', 'confirmed'))).toEqual({
      checkedIn: false,
      liveFirst: false,
      compactQr: false,
    });
  });

  it('puts the live links first while the event runs, with the full QR until check-in', () => {
    expect(passDay(pass('in_progress', 'confirmed'))).toEqual({
      checkedIn: false,
      liveFirst: true,
      compactQr: false,
    });
  });

  it('shrinks the QR once checked in, also after the event', () => {
    const at = '2026-11-28T06:05:00.000Z';
    expect(passDay(pass('in_progress', 'confirmed', at))).toEqual({
      checkedIn: true,
      liveFirst: true,
      compactQr: true,
    });
    expect(passDay(pass('completed', 'confirmed', at)).compactQr).toBe(true);
  });

  it('leaves waitlisted and cancelled passes as they are', () => {
    expect(passDay(pass('in_progress', 'waitlisted')).liveFirst).toBe(false);
    expect(passDay(pass('in_progress', 'cancelled', '2026-11-28T06:05:00.000Z')).checkedIn).toBe(false);
  });
});

describe('check-in time', () => {
  const at = '2026-11-28T06:05:00.000Z'; // 14:05 in China
  it('is the China time of day on the same day', () => {
    expect(checkinTimeText(at, 'zh-CN', new Date('2026-11-28T10:00:00.000Z'))).toBe('14:05');
    expect(checkinTimeText(at, 'en-US', new Date('2026-11-28T15:59:00.000Z'))).toBe('14:05');
  });

  it('adds the date on another day (China calendar)', () => {
    expect(checkinTimeText(at, 'zh-CN', new Date('2026-11-28T16:00:00.000Z'))).toBe('11月28日 14:05');
    expect(checkinTimeText(at, 'en-US', new Date('2026-11-29T03:00:00.000Z'))).toBe('November 28 at 14:05');
  });
});
