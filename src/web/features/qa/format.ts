const zone = 'Asia/Shanghai';
const day = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: zone,
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const monthDay = new Intl.DateTimeFormat('en-CA', { timeZone: zone, month: '2-digit', day: '2-digit' });

/** 14:05 for a time today (China time), 12-17 14:05 for another day. No words: any language reads it. */
export function formatClock(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const time = clock.format(date);
  return day.format(date) === day.format(now) ? time : `${monthDay.format(date)} ${time}`;
}
