import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** mm:ss until the planned end (ticking locally, corrected by the server's clock offset). */
export function Countdown({ plannedEndAt, offsetMs }: { plannedEndAt: string; offsetMs: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const remaining = Math.round((Date.parse(plannedEndAt) - (now + offsetMs)) / 1000);
  const over = remaining < 0;
  const abs = Math.abs(remaining);
  const hours = Math.floor(abs / 3600);
  const mmss = `${String(Math.floor((abs % 3600) / 60)).padStart(hours ? 2 : 1, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const text = hours ? `${hours}:${mmss}` : mmss;
  return (
    <span className={`ros-countdown${over ? ' over' : ''}`} data-testid="ros-countdown">
      {over ? t('runOfShow.overBy', { time: text }) : t('runOfShow.left', { time: text })}
    </span>
  );
}
