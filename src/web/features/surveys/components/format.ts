/** 11月27日 20:30 / Nov 27, 20:30 in China time (events happen there). */
export function formatTime(iso: string | null, lang: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  }).format(date);
}

export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);
export const round1 = (v: number | null) => (v === null ? '—' : String(Math.round(v * 10) / 10));
export const round2 = (v: number | null) => (v === null ? '—' : v.toFixed(2));
