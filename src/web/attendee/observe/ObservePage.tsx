import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Shell } from '../components/Shell.js';
import { formatDay } from '../format.js';
import { useTranslation } from '../i18n.js';
import { useInstallable } from '../install.js';
import { DimensionsPanel } from './components/DimensionsPanel.js';
import { MinePanel } from './components/MinePanel.js';
import { NoteSheet } from './components/NoteSheet.js';
import { SharedPanel } from './components/SharedPanel.js';
import { StopsPanel } from './components/StopsPanel.js';
import { SyncBanner } from './components/SyncBanner.js';
import { type NoteTarget, ObserveContext, type ObserveContextValue } from './context.js';
import { pointsById } from './progress.js';
import { mergeView, type PhotoRecord } from './records.js';
import { ObserveStore } from './store.js';
import './observe.css';

type Tab = 'route' | 'dimensions' | 'mine' | 'shared';
const TABS: Tab[] = ['route', 'dimensions', 'mine', 'shared'];

/** Object URLs for photos still on the phone, made once per record and revoked when it leaves. */
function usePhotoUrls(records: { id: string; type: string }[]) {
  const urls = useRef(new Map<string, string>());
  useEffect(() => {
    const live = new Set(records.filter((r) => r.type === 'photo').map((r) => r.id));
    for (const [id, url] of urls.current)
      if (!live.has(id)) {
        URL.revokeObjectURL(url);
        urls.current.delete(id);
      }
  }, [records]);
  return useCallback((record: PhotoRecord) => {
    let url = urls.current.get(record.id);
    if (!url) {
      url = URL.createObjectURL(record.blob);
      urls.current.set(record.id, url);
    }
    return url;
  }, []);
}

/** 观察记录: the attendee's phone scorecard, offline-first (see store.ts). */
export default function ObservePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const store = useMemo(() => new ObserveStore(token), [token]);
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const [tab, setTab] = useState<Tab>('route');
  const [note, setNote] = useState<NoteTarget | null>(null);
  const [focusPointId, setFocusPointId] = useState<string | null>(null);
  const photoUrl = usePhotoUrls(state.records);

  useInstallable(token);
  useEffect(() => {
    void store.start();
    return () => store.stop();
  }, [store]);

  // Leaving with unsent items: the browser asks first (they stay on the phone either way).
  useEffect(() => {
    if (!state.records.length) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.records.length]);

  const card = state.card;
  const value = useMemo<ObserveContextValue | null>(() => {
    if (!card) return null;
    const view = mergeView(card, state.records, photoUrl);
    return {
      store,
      card,
      view,
      points: pointsById(card),
      readOnly: card.event.readOnly,
      openNote: setNote,
    };
  }, [card, state.records, store, photoUrl]);

  const back = { href: `/p/${encodeURIComponent(token)}`, label: t('attendee.observe.backToPass') };
  if (!value) {
    return (
      <Shell title={t('attendee.observe.title')} back={back}>
        {state.loadError ? (
          <div className="alert error-box" data-testid="observe-error">
            <p style={{ margin: 0 }}>{state.loadError}</p>
            {!state.online ? (
              <p style={{ margin: '8px 0 0' }}>{t('attendee.observe.firstLoadOnline')}</p>
            ) : null}
            <button
              type="button"
              className="btn"
              style={{ marginTop: 8 }}
              onClick={() => void store.refresh()}
            >
              {t('attendee.observe.retry')}
            </button>
          </div>
        ) : (
          <p className="loading">{t('attendee.loading')}</p>
        )}
      </Shell>
    );
  }

  const goToPoint = (pointId: string) => {
    setFocusPointId(pointId);
    setTab('dimensions');
    requestAnimationFrame(() =>
      document.querySelector(`[data-point-id="${pointId}"]`)?.scrollIntoView({ block: 'center' }),
    );
  };
  const progress = value.card.template.dimensions
    .flatMap((d) => d.points)
    .filter((p) => p.scheme !== 'unscored');
  const answered = progress.filter((p) => {
    const o = value.view.observations.get(p.id);
    return o && (o.na || o.score !== null);
  }).length;

  return (
    <ObserveContext.Provider value={value}>
      <Shell
        title={t('attendee.observe.title')}
        meta={`${value.card.registration.siteName} · ${formatDay(value.card.event.eventDate)}`}
        back={back}
      >
        <div className="observe" data-testid="observe">
          <SyncBanner state={state} store={store} />
          {value.readOnly ? <p className="alert info">{t('attendee.observe.readOnly')}</p> : null}
          <div className="overall">
            <span>{t('attendee.observe.overall', { done: answered, total: progress.length })}</span>
            <span>{t('attendee.observe.noteCount', { count: value.view.notes.length })}</span>
          </div>
          <div className="tabs" role="tablist">
            {TABS.map((key) => (
              <button
                key={key}
                type="button"
                role="tab"
                aria-selected={tab === key}
                className={tab === key ? 'on' : ''}
                onClick={() => setTab(key)}
              >
                {t(`attendee.observe.tabs.${key}`)}
              </button>
            ))}
          </div>
          {tab === 'route' ? <StopsPanel /> : null}
          {tab === 'dimensions' ? <DimensionsPanel focusPointId={focusPointId} /> : null}
          {tab === 'mine' ? <MinePanel goTo={goToPoint} /> : null}
          {tab === 'shared' ? <SharedPanel shared={state.shared} online={state.online} /> : null}
        </div>
      </Shell>
      {note ? <NoteSheet key={JSON.stringify(note)} target={note} onClose={() => setNote(null)} /> : null}
    </ObserveContext.Provider>
  );
}
