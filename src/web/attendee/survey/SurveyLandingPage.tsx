import { useEffect, useState } from 'react';
import type { PublicEvent } from '../../../contract/documents.js';
import { ApiError } from '../../app/api.js';
import { getPublicEvent, PASSES_KEY, resendPass } from '../api.js';
import { FieldRow } from '../components/FieldRow.js';
import { Shell } from '../components/Shell.js';
import { store } from '../format.js';
import { useTranslation } from '../i18n.js';
import { navigate } from '../router.js';

/**
 * `/e/<slug>/survey`, where the QR on the closing slide points. A phone that holds a pass for the
 * event goes straight on to its survey; anyone else is asked for the pass link (it carries the
 * token that identifies them) and may have it sent again by mobile number.
 */
export default function SurveyLandingPage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const token = store.get<Record<string, string>>(PASSES_KEY)?.[slug];
  const [event, setEvent] = useState<PublicEvent | null>(null);
  const [mobile, setMobile] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  useEffect(() => {
    if (token) navigate(`/p/${encodeURIComponent(token)}/survey`, true);
    else
      getPublicEvent(slug)
        .then(setEvent)
        .catch(() => setEvent(null));
  }, [slug, token]);

  if (token) return <p className="loading">{t('attendee.loading')}</p>;

  const send = async () => {
    if (!/^1\d{10}$/.test(mobile.trim())) {
      setError('attendee.errors.mobile');
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await resendPass(slug, mobile.trim());
      setSent(true);
    } catch (e) {
      setError(e instanceof ApiError && e.status !== 0 ? e.detail : 'attendee.errors.network');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Shell title={t('attendee.survey.title')} meta={event?.theme}>
      <section className="card" data-testid="survey-landing">
        <h2>{t('attendee.survey.landing.title')}</h2>
        <p>{t('attendee.survey.landing.text')}</p>
        {sent ? (
          <p className="alert ok" role="status" data-testid="survey-landing-sent">
            {t('attendee.register.resent')}
          </p>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void send();
            }}
          >
            <FieldRow id="landing-mobile" label={t('attendee.register.mobile')} error={error}>
              <input
                id="landing-mobile"
                className="input"
                type="tel"
                inputMode="numeric"
                autoComplete="tel"
                maxLength={11}
                value={mobile}
                onChange={(e) => setMobile(e.target.value)}
                data-testid="survey-landing-mobile"
              />
            </FieldRow>
            <button
              type="submit"
              className="btn primary block"
              disabled={busy}
              data-testid="survey-landing-send"
            >
              {t('attendee.register.resend')}
            </button>
          </form>
        )}
      </section>
    </Shell>
  );
}
