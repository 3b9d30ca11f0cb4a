import { useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useParams } from 'react-router';
import { isStaff, useMe, useSetupStatus } from '../../../app/session.js';
import { eventKey, getEvent } from '../../events/api.js';
import { getSlide, slideKey } from '../api.js';
import './slide.css';

const REFRESH_MS = 10_000;

/**
 * The QR slide for the closing session's big screen: a big QR code to the survey's landing page
 * (phones holding a pass go on to their survey), three short steps, and the answers coming in.
 */
export default function SurveySlidePage() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const eventId = useParams().id!;
  const allowed = isStaff(me.data?.role);
  const { data: setup } = useSetupStatus();
  const event = useQuery({ queryKey: eventKey(eventId), queryFn: () => getEvent(eventId), enabled: allowed });
  const slug = event.data?.slug;
  const slide = useQuery({
    queryKey: slideKey(slug ?? ''),
    queryFn: () => getSlide(slug!),
    enabled: !!slug,
    refetchInterval: REFRESH_MS,
  });

  if (me.isPending) return <Spin />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!allowed) return <div className="svslide svslide-message">{t('common.forbidden')}</div>;
  if (slide.isError)
    return (
      <div className="svslide svslide-message" data-testid="survey-slide-missing">
        {t('surveys.slide.notOpen')}
      </div>
    );
  if (!slide.data) return <div className="svslide svslide-message">{t('surveys.loading')}</div>;
  const s = slide.data;
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(s.qrSvg)}`;

  return (
    <div className="svslide" data-testid="survey-slide">
      <header className="svslide-head">
        <div className="svslide-association">{setup?.associationName ?? ''}</div>
        <h1 className="svslide-theme">{s.eventTheme}</h1>
      </header>
      <main className="svslide-body">
        <div className="svslide-qr">
          <img src={qr} alt={s.joinUrl} data-testid="survey-slide-qr" />
          {s.status === 'closed' ? <div className="svslide-closed">{t('surveys.slide.closed')}</div> : null}
        </div>
        <div className="svslide-text">
          <h2>{t('surveys.slide.title')}</h2>
          <ol>
            <li>{t('surveys.slide.step1')}</li>
            <li>{t('surveys.slide.step2')}</li>
            <li>{t('surveys.slide.step3')}</li>
          </ol>
          <div className="svslide-count" data-testid="survey-slide-count">
            <b>{s.responses}</b>
            <span>{t('surveys.slide.responses', { invited: s.invited })}</span>
          </div>
          <div className="svslide-url">{s.joinUrl}</div>
        </div>
      </main>
    </div>
  );
}
