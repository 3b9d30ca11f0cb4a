import { useCallback, useEffect, useState } from 'react';
import type { PublicEvent } from '../../../contract/documents.js';
import { ApiError } from '../../app/api.js';
import { cancelPass, erasePass, getPass, getPublicEvent, passLinks } from '../api.js';
import { Dialog } from '../components/Dialog.js';
import { LiveSection } from '../components/LiveSection.js';
import { PassEditForm } from '../components/PassEditForm.js';
import { PassQrCard } from '../components/PassQrCard.js';
import { Shell } from '../components/Shell.js';
import { formatDateTime, formatDay, store } from '../format.js';
import { useTranslation } from '../i18n.js';
import { useInstallable } from '../install.js';
import { checkinTimeText, passDay } from '../pass-day.js';
import { navigate } from '../router.js';
import type { Pass } from '../types.js';

const cacheKey = (token: string) => `guanmo_pass_${token}`;
type Cached = { pass: Pass; event: PublicEvent | null; savedAt: string };

function StatusBanner({ pass }: { pass: Pass }) {
  const { t, lang } = useTranslation();
  const { status, waitlistPosition, checkedInAt } = pass.registration;
  const running = pass.event.status === 'in_progress';
  if (passDay(pass).checkedIn && checkedInAt) {
    return (
      <div className="status checkedin" data-testid="pass-status" role="status">
        {t('attendee.pass.checkedInAt', { time: checkinTimeText(checkedInAt, lang) })}
        {running ? <small>{t('attendee.pass.statusText.checkedIn')}</small> : null}
      </div>
    );
  }
  const detail =
    status === 'waitlisted'
      ? t('attendee.pass.waitlistPosition', { position: waitlistPosition ?? '-' })
      : status === 'confirmed' && running
        ? t('attendee.pass.statusText.today')
        : t(`attendee.pass.statusText.${status}`);
  return (
    <div className={`status ${status}`} data-testid="pass-status" role="status">
      {t(`attendee.pass.status.${status}`)}
      <small>{detail}</small>
    </div>
  );
}

/** 参会凭证: the QR pass with the event's practical details and self-service actions. */
export default function PassPage({ token, edit }: { token: string; edit: boolean }) {
  const { t } = useTranslation();
  useInstallable(token);
  const cached = store.get<Cached>(cacheKey(token));
  const [pass, setPass] = useState<Pass | null>(cached?.pass ?? null);
  const [event, setEvent] = useState<PublicEvent | null>(cached?.event ?? null);
  const [offline, setOffline] = useState(false);
  const [missing, setMissing] = useState(false);
  const [erased, setErased] = useState(false);
  const [dialog, setDialog] = useState<'cancel' | 'erase' | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const remember = useCallback(
    (p: Pass, e: PublicEvent | null) => {
      setPass(p);
      store.set(cacheKey(token), { pass: p, event: e, savedAt: new Date().toISOString() } satisfies Cached);
    },
    [token],
  );

  useEffect(() => {
    let live = true;
    getPass(token)
      .then(async (p) => {
        const e = await getPublicEvent(p.event.slug).catch(() => null);
        if (!live) return;
        setEvent(e);
        remember(p, e);
        setOffline(false);
      })
      .catch((error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 404) {
          store.remove(cacheKey(token));
          setMissing(true);
        } else setOffline(true);
      });
    return () => {
      live = false;
    };
  }, [token, remember]);

  if (erased) {
    return (
      <Shell title={t('attendee.pass.erasedTitle')}>
        <div className="alert ok" role="status" data-testid="pass-erased">
          {t('attendee.pass.erasedText')}
        </div>
      </Shell>
    );
  }
  if (missing) {
    return (
      <Shell title={t('attendee.pass.title')}>
        <div className="alert error-box" role="alert">
          {t('attendee.pass.notFound')}
        </div>
      </Shell>
    );
  }
  if (!pass) {
    return offline ? (
      <Shell title={t('attendee.pass.title')}>
        <div className="alert error-box" role="alert">
          {t('attendee.errors.network')}
        </div>
      </Shell>
    ) : (
      <p className="loading">{t('attendee.loading')}</p>
    );
  }

  const r = pass.registration;
  const ev = pass.event;
  const links = passLinks(token);
  const route =
    event?.route.find((x) => x.siteName === r.siteName) ??
    (event?.route.length === 1 ? event.route[0] : null);
  const when = event
    ? `${event.dateText}${event.timeSpan ? ` ${event.timeSpan}` : ''}`
    : formatDay(ev.eventDate);
  const active = r.status !== 'cancelled';
  const day = passDay(pass);

  async function act(kind: 'cancel' | 'erase') {
    setBusy(true);
    setActionError(null);
    try {
      if (kind === 'cancel') {
        remember(await cancelPass(token), event);
        setNotice(t('attendee.pass.cancelled'));
      } else {
        await erasePass(token);
        store.remove(cacheKey(token));
        setErased(true);
      }
      setDialog(null);
    } catch (error) {
      setActionError(error instanceof ApiError ? error.detail : t('attendee.errors.network'));
      setDialog(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Shell title={ev.theme} meta={when}>
      <StatusBanner pass={pass} />
      {offline ? (
        <div className="alert info" role="status" data-testid="pass-offline">
          {t('attendee.pass.offline', { time: cached ? formatDateTime(cached.savedAt) : '' })}
        </div>
      ) : null}
      {notice ? (
        <div className="alert ok" role="status">
          {notice}
        </div>
      ) : null}
      {actionError ? (
        <div className="alert error-box" role="alert">
          {actionError}
        </div>
      ) : null}

      {edit && pass.canChange ? (
        <PassEditForm
          pass={pass}
          token={token}
          onCancel={() => navigate(`/p/${encodeURIComponent(token)}`)}
          onSaved={(p) => {
            remember(p, event);
            setNotice(t('attendee.pass.saved'));
            navigate(`/p/${encodeURIComponent(token)}`);
          }}
        />
      ) : (
        <>
          {day.liveFirst ? <LiveSection pass={pass} token={token} /> : null}

          <PassQrCard pass={pass} url={links.url} compact={day.compactQr} />

          {r.groupName || r.guideName ? (
            <section className="card" data-testid="pass-group">
              <h2>{t('attendee.pass.onSite')}</h2>
              <dl className="facts">
                {r.groupName ? (
                  <>
                    <dt>{t('attendee.pass.group')}</dt>
                    <dd>{r.groupName}</dd>
                  </>
                ) : null}
                {r.guideName ? (
                  <>
                    <dt>{t('attendee.pass.guide')}</dt>
                    <dd>{r.guideName}</dd>
                  </>
                ) : null}
              </dl>
            </section>
          ) : null}

          {day.liveFirst ? null : <LiveSection pass={pass} token={token} />}

          <section className="card">
            <h2>{t('attendee.pass.event')}</h2>
            <dl className="facts">
              <dt>{t('attendee.pass.time')}</dt>
              <dd>{when}</dd>
              <dt>{t('attendee.pass.site')}</dt>
              <dd>
                {r.siteName}
                {r.siteAddress ? `（${r.siteAddress}）` : ''}
              </dd>
              {ev.meetingPoint ? (
                <>
                  <dt>{t('attendee.pass.meetingPoint')}</dt>
                  <dd>{ev.meetingPoint}</dd>
                </>
              ) : null}
              {ev.contactName || ev.contactPhone ? (
                <>
                  <dt>{t('attendee.pass.contact')}</dt>
                  <dd>
                    {ev.contactName}{' '}
                    {ev.contactPhone ? <a href={`tel:${ev.contactPhone}`}>{ev.contactPhone}</a> : null}
                  </dd>
                </>
              ) : null}
            </dl>
            {ev.notes ? (
              <p className="muted" style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>
                {ev.notes}
              </p>
            ) : null}
          </section>

          {event?.agenda.length ? (
            <section className="card">
              <h2>{t('attendee.pass.agenda')}</h2>
              <ul className="agenda">
                {event.agenda.map((line) => (
                  <li key={`${line.start}-${line.title}`}>
                    <span className="time">
                      {line.start}–{line.end}
                    </span>
                    <span>
                      {line.title}
                      {line.detail ? <span className="muted"> · {line.detail}</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {route?.stops.length ? (
            <section className="card">
              <h2>{t('attendee.pass.route')}</h2>
              <ol className="route">
                {route.stops.map((stop) => (
                  <li key={stop.name}>
                    {stop.name}{' '}
                    <span className="muted">{t('attendee.pass.minutes', { n: stop.minutes })}</span>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}

          <section className="card">
            <h2>{t('attendee.pass.actions')}</h2>
            <div className="actions">
              {event ? (
                <a className="btn" href={event.links.noticePdf} data-testid="pass-notice">
                  {t('attendee.pass.notice')}
                </a>
              ) : null}
              <a className="btn" href={links.calendar} data-testid="pass-calendar">
                {t('attendee.pass.calendar')}
              </a>
              {pass.canChange ? (
                <>
                  <button
                    type="button"
                    className="btn"
                    data-testid="pass-edit"
                    onClick={() => navigate(`/p/${encodeURIComponent(token)}/edit`)}
                  >
                    {t('attendee.pass.edit')}
                  </button>
                  <button
                    type="button"
                    className="btn danger"
                    data-testid="pass-cancel"
                    onClick={() => setDialog('cancel')}
                  >
                    {t('attendee.pass.cancel')}
                  </button>
                </>
              ) : null}
            </div>
            {!pass.canChange && active ? (
              <p className="hint">
                {t('attendee.pass.locked', { time: formatDateTime(ev.registrationDeadline) })}
              </p>
            ) : null}
          </section>

          <section className="card">
            <h2>{t('attendee.pass.myData')}</h2>
            <p className="muted" style={{ marginTop: 0 }}>
              {t('attendee.pass.myDataText', { days: pass.retentionDays })}
            </p>
            <div className="actions">
              <a className="btn" href={links.export} download="guanmo-my-data.json" data-testid="pass-export">
                {t('attendee.pass.export')}
              </a>
              <button
                type="button"
                className="btn danger"
                data-testid="pass-erase"
                onClick={() => setDialog('erase')}
              >
                {t('attendee.pass.erase')}
              </button>
            </div>
          </section>
        </>
      )}

      {dialog === 'cancel' ? (
        <Dialog
          title={t('attendee.pass.cancelTitle')}
          confirmLabel={t('attendee.pass.cancelConfirm')}
          danger
          busy={busy}
          onConfirm={() => void act('cancel')}
          onClose={() => setDialog(null)}
        >
          <p>{t('attendee.pass.cancelText')}</p>
        </Dialog>
      ) : null}
      {dialog === 'erase' ? (
        <Dialog
          title={t('attendee.pass.eraseTitle')}
          confirmLabel={t('attendee.pass.eraseConfirm')}
          danger
          busy={busy}
          onConfirm={() => void act('erase')}
          onClose={() => setDialog(null)}
        >
          <p>{t('attendee.pass.eraseText')}</p>
        </Dialog>
      ) : null}
    </Shell>
  );
}
