import { useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useParams } from 'react-router';
import type { Wall } from '../../../../contract/observations.js';
import { isStaff, useMe, useSetupStatus } from '../../../app/session.js';
import { getWall, OBSERVATION_STREAM_EVENTS, observationStreamUrl, wallKey } from '../api.js';
import { RadarChart } from '../components/RadarChart.js';
import { useLiveRefetch } from '../hooks/useLiveRefetch.js';
import './wall.css';

const ROTATE_MS = 20_000;
const TOP = 5;

type WallNote = Wall['sites'][number]['topHighlights'][number];

/**
 * 观察墙 for the big screen at the sharing session (经验分享会): per site, the radar of the
 * dimensions and the most seconded highlights (取经) and problems (挑刺) with their photos, live.
 * With two sites, the screen switches between them.
 */
export default function ObservationWallPage() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const eventId = useParams().id!;
  const allowed = isStaff(me.data?.role);
  const { data: setup } = useSetupStatus();
  const wall = useQuery({ queryKey: wallKey(eventId), queryFn: () => getWall(eventId), enabled: allowed });
  const live = useLiveRefetch(observationStreamUrl(eventId), OBSERVATION_STREAM_EVENTS, [wallKey(eventId)]);
  const [index, setIndex] = useState(0);
  const sites = wall.data?.sites ?? [];

  useEffect(() => {
    if (sites.length < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % sites.length), ROTATE_MS);
    return () => clearInterval(timer);
  }, [sites.length]);

  const site = sites[index % Math.max(1, sites.length)];
  const radar = useMemo(
    () =>
      site
        ? {
            indicators: site.radar.map((r) => r.name),
            series: [{ name: site.siteName, values: site.radar.map((r) => r.value), color: '#ffd666' }],
          }
        : null,
    [site],
  );

  if (me.isPending) return <Spin />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!allowed) return <div className="owall owall-message">{t('common.forbidden')}</div>;

  return (
    <div className="owall" data-testid="observation-wall">
      <header className="owall-head">
        <div>
          <div className="owall-association">
            {setup?.associationName ?? t('common.appName')} · {t('observations.wall.kicker')}
          </div>
          <h1 className="owall-theme">{wall.data?.theme ?? ''}</h1>
        </div>
        <div className="owall-live">
          <span className={`owall-dot${live ? ' on' : ''}`} />
          {live ? t('observations.wall.live') : t('observations.wall.reconnecting')}
        </div>
      </header>
      {!site ? (
        <div className="owall-message">{wall.isPending ? '' : t('observations.wall.empty')}</div>
      ) : (
        <main className="owall-body">
          <section className="owall-radar">
            <h2>
              {site.siteName}
              {sites.length > 1 ? <small>{` ${(index % sites.length) + 1}/${sites.length}`}</small> : null}
            </h2>
            <div className="owall-stats">
              <span>
                <b>{site.raters}</b> {t('observations.wall.raters')}
              </span>
              <span>
                <b>{site.total === null ? '—' : Math.round(site.total)}</b> {t('observations.wall.total')}
              </span>
              <span>
                <b>{site.notes.highlight}</b> {t('observations.kinds.highlight')}
              </span>
              <span>
                <b>{site.notes.problem}</b> {t('observations.kinds.problem')}
              </span>
            </div>
            {radar && radar.indicators.length >= 3 ? (
              <RadarChart
                indicators={radar.indicators}
                series={radar.series}
                dark
                height="64vh"
                testId="wall-radar"
              />
            ) : null}
          </section>
          <NoteColumn
            title={t('observations.wall.highlights')}
            kind="highlight"
            notes={site.topHighlights.slice(0, TOP)}
            empty={t('observations.wall.noNotes')}
          />
          <NoteColumn
            title={t('observations.wall.problems')}
            kind="problem"
            notes={site.topProblems.slice(0, TOP)}
            empty={t('observations.wall.noNotes')}
          />
        </main>
      )}
    </div>
  );
}

function NoteColumn({
  title,
  kind,
  notes,
  empty,
}: {
  title: string;
  kind: 'highlight' | 'problem';
  notes: WallNote[];
  empty: string;
}) {
  return (
    <section className={`owall-col owall-${kind}`}>
      <h2>{title}</h2>
      {notes.length ? (
        <ol>
          {notes.map((n) => (
            <li key={n.id} className="owall-note" data-testid={`wall-${kind}`}>
              {n.photos[0] ? <img src={n.photos[0].thumbUrl} alt="" /> : null}
              <div className="owall-note-body">
                <p>{n.text}</p>
                <span className="owall-note-meta">
                  {n.authorUnit}
                  {n.photos.length > 1 ? ` · ${n.photos.length} 📷` : ''}
                </span>
              </div>
              {n.votes ? (
                <span className="owall-votes" title="+1">
                  +{n.votes}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="owall-empty">{empty}</p>
      )}
    </section>
  );
}
