import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useParams } from 'react-router';
import { isStaff, useMe, useSetupStatus } from '../../../app/session.js';
import { eventKey, getEvent } from '../../events/api.js';
import { getCheckinStats, statsKey } from '../api.js';
import { type StreamMessage, useCheckinStream } from '../hooks/useCheckinStream.js';
import './wall.css';

type Arrival = { registrationId: string; name: string; unitName: string; at: string };
const SHOWN = 48;

/**
 * 签到墙 for the big screen: association and theme, the live count, and each arrival's name and
 * unit sliding in. Nothing else about a person is shown.
 */
export default function WallPage() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const eventId = useParams().id!;
  const allowed = isStaff(me.data?.role);
  const { data: setup } = useSetupStatus();
  const queryClient = useQueryClient();
  const event = useQuery({ queryKey: eventKey(eventId), queryFn: () => getEvent(eventId), enabled: allowed });
  const stats = useQuery({
    queryKey: statsKey(eventId),
    queryFn: () => getCheckinStats(eventId),
    enabled: allowed,
  });
  const [arrivals, setArrivals] = useState<Arrival[]>([]);
  const seeded = useRef(false);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (seeded.current || !stats.data) return;
    seeded.current = true;
    setArrivals((now) => merge(now, stats.data.recent));
  }, [stats.data]);

  const onMessage = useCallback(
    (message: StreamMessage) => {
      if (message.type === 'checkin') setArrivals((now) => merge(now, [message.data]));
      else setArrivals((now) => now.filter((a) => a.registrationId !== message.data.registrationId));
      if (pending.current) return;
      pending.current = setTimeout(() => {
        pending.current = null;
        void queryClient.invalidateQueries({ queryKey: statsKey(eventId) });
      }, 300);
    },
    [queryClient, eventId],
  );
  useCheckinStream(eventId, onMessage);

  const shown = useMemo(() => arrivals.slice(0, SHOWN), [arrivals]);

  if (me.isPending) return <Spin />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!allowed) return <div className="wall-page wall-message">{t('common.forbidden')}</div>;

  return (
    <div className="wall-page" data-testid="checkin-wall">
      <header className="wall-head">
        <div className="wall-association">{setup?.associationName ?? t('common.appName')}</div>
        <h1 className="wall-theme">{event.data?.theme ?? ''}</h1>
      </header>
      <div className="wall-count">
        <span className="wall-count-label">{t('checkin.wall.count')}</span>
        <span className="wall-count-value" data-testid="wall-count">
          {stats.data?.arrived ?? 0}
        </span>
        {stats.data ? (
          <span className="wall-count-of">/ {t('checkin.wall.people', { count: stats.data.expected })}</span>
        ) : null}
      </div>
      {shown.length === 0 ? (
        <div className="wall-message">{t('checkin.wall.welcome')}</div>
      ) : (
        <ul className="wall-grid">
          {shown.map((a) => (
            <li key={a.registrationId} className="wall-card" data-testid="wall-card">
              <div className="wall-name">{a.name}</div>
              <div className="wall-unit">{a.unitName}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Newest first, one card per person. */
function merge(now: Arrival[], incoming: Arrival[]): Arrival[] {
  const byId = new Map(now.map((a) => [a.registrationId, a]));
  for (const a of incoming)
    byId.set(a.registrationId, {
      registrationId: a.registrationId,
      name: a.name,
      unitName: a.unitName,
      at: a.at,
    });
  return [...byId.values()].sort((a, b) => b.at.localeCompare(a.at));
}
