import type { Pass } from './types.js';

const zone = 'Asia/Shanghai';
const chinaDay = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(date);

/**
 * How the pass page is laid out on the event day: once checked in (or while the event runs) the
 * 活动中 links come first and, once checked in, the QR shrinks (staff may still scan it, e.g. for a
 * group, so it stays one tap away).
 */
export function passDay(pass: Pass) {
  const confirmed = pass.registration.status === 'confirmed';
  const checkedIn = confirmed && !!pass.registration.checkedInAt;
  return {
    checkedIn,
    liveFirst: checkedIn || (confirmed && pass.event.status === 'in_progress'),
    compactQr: checkedIn,
  };
}

/** The check-in time in China: `14:05` on the same day as `now`, with the date otherwise. */
export function checkinTimeText(iso: string, lang: string, now = new Date()) {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const sameDay = chinaDay(at) === chinaDay(now);
  return new Intl.DateTimeFormat(lang, {
    ...(sameDay ? {} : { month: 'long', day: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: zone,
  }).format(at);
}
