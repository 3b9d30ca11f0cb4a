import { useEffect, useState } from 'react';
import type { PublicEvent } from '../../../contract/documents.js';
import { ApiError } from '../../app/api.js';
import { getPublicEvent, PASSES_KEY, resendPass } from '../api.js';
import { Shell } from '../components/Shell.js';
import { MOBILE_RE } from '../form-logic.js';
import { store } from '../format.js';
import { useTranslation } from '../i18n.js';
import { navigate } from '../router.js';

const qaHref = (token: string) => `/p/${encodeURIComponent(token)}/qa`;

/** A pass of this event opened on this phone before: registered here, or its pass page cached. */
function knownPass(slug: string): string | null {
  const registered = store.get<Record<string, string>>(PASSES_KEY)?.[slug];
  if (registered) return registered;
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith('guanmo_pass_')) continue;
      const cached = store.get<{ pass?: { event?: { slug?: string } } }>(key);
      if (cached?.pass?.event?.slug === slug) return key.slice('guanmo_pass_'.length);
    }
  } catch {
    // storage blocked: the attendee opens the pass from the message instead
  }
  return null;
}

/**
 * /e/<slug>/qa — where the presenter screen's QR code leads. Asking needs the personal pass: a pass
 * known on this phone opens the Q&A at once; otherwise the page says where the pass is and can send
 * it again.
 */
export default function JoinPage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [event, setEvent] = useState<PublicEvent | null>(null);
  const [missing, setMissing] = useState(false);
  const [failed, setFailed] = useState(false);
  const [mobile, setMobile] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const token = knownPass(slug);

  useEffect(() => {
    if (token) {
      navigate(qaHref(token), true);
      return;
    }
    getPublicEvent(slug)
      .then(setEvent)
      .catch((e: unknown) =>
        e instanceof ApiError && e.status === 404 ? setMissing(true) : setFailed(true),
      );
  }, [slug, token]);

  if (token) return <p className="loading">{t('attendee.qa.join.found')}</p>;
  if (!event && !missing && !failed) return <p className="loading">{t('attendee.loading')}</p>;
  if (missing)
    return (
      <Shell title={t('attendee.qa.join.title')}>
        <div className="alert error-box" role="alert">
          {t('attendee.qa.join.notFound')}
        </div>
      </Shell>
    );

  async function resend(e: React.FormEvent) {
    e.preventDefault();
    if (!MOBILE_RE.test(mobile.trim())) {
      setError(t('attendee.errors.mobile'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await resendPass(slug, mobile.trim());
      setSent(true);
    } catch (err) {
      setError(err instanceof ApiError && err.status > 0 ? err.detail : t('attendee.errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Shell title={event?.theme ?? t('attendee.qa.join.title')} meta={t('attendee.qa.title')}>
      <section className="card" data-testid="qa-join">
        <h2>{t('attendee.qa.join.title')}</h2>
        <p style={{ marginTop: 0 }}>{t('attendee.qa.join.lead')}</p>
        <ol className="qa-steps">
          <li>{t('attendee.qa.join.step1')}</li>
          <li>{t('attendee.qa.join.step2')}</li>
        </ol>
      </section>
      <form className="card" onSubmit={resend} data-testid="qa-join-resend">
        <h2>{t('attendee.qa.join.lostTitle')}</h2>
        <p className="muted" style={{ marginTop: 0 }}>
          {t('attendee.qa.join.lostText')}
        </p>
        {sent ? (
          <p className="alert ok" role="status" data-testid="qa-join-sent">
            {t('attendee.register.resent')}
          </p>
        ) : (
          <>
            <div className={`field${error ? ' has-error' : ''}`}>
              <label htmlFor="qa-join-mobile">{t('attendee.register.mobile')}</label>
              <input
                id="qa-join-mobile"
                className="input"
                type="tel"
                inputMode="numeric"
                autoComplete="tel"
                maxLength={11}
                value={mobile}
                onChange={(e) => setMobile(e.target.value)}
                data-testid="qa-join-mobile"
              />
              {error ? <div className="error">{error}</div> : null}
            </div>
            <button type="submit" className="btn primary block" disabled={busy} data-testid="qa-join-send">
              {t('attendee.register.resend')}
            </button>
          </>
        )}
      </form>
    </Shell>
  );
}
