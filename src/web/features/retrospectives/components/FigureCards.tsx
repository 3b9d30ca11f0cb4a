import { Card, Col, Flex, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RetrospectiveFigures } from '../../../../contract/retrospectives.js';

const DASH = '—';
export const percentText = (rate: number | null) => (rate === null ? DASH : `${(rate * 100).toFixed(1)}%`);
const percentOf = (rate: number | null) => (rate === null ? 0 : Math.round(rate * 1000) / 10);

/** A horizontal bar of the registration funnel: width relative to the first step. */
function FunnelStep({ label, n, of, rate }: { label: string; n: number; of: number; rate?: string }) {
  return (
    <div className="retro-funnel-step">
      <span className="retro-funnel-label">{label}</span>
      <span className="retro-funnel-track">
        <span className="retro-funnel-bar" style={{ width: `${of ? Math.max(2, (n / of) * 100) : 0}%` }} />
      </span>
      <span className="retro-funnel-value">
        <strong>{n}</strong>
        {rate ? <Typography.Text type="secondary"> {rate}</Typography.Text> : null}
      </span>
    </div>
  );
}

/** NPS −100…100: red below 0, amber up to 30, green above (the usual reading of the score). */
const npsColor = (nps: number) => (nps < 0 ? '#cf1322' : nps <= 30 ? '#d48806' : '#389e0d');

/** The computed figures as statistic cards, with a funnel and rate rings as the small charts. */
export function FigureCards({ figures }: { figures: RetrospectiveFigures }) {
  const { t } = useTranslation();
  const { attendance: a, agenda, observations: o, qa, survey } = figures;
  const notSent = survey.invited === 0 && survey.responses === 0;
  const perAttendee = (n: number | null) =>
    n === null ? null : (
      <Typography.Text type="secondary">{t('retrospectives.figures.perAttendee', { n })}</Typography.Text>
    );

  return (
    <Row gutter={[16, 16]} data-testid="retro-figures">
      <Col xs={24} lg={12}>
        <Card title={t('retrospectives.figures.attendanceTitle')} size="small" className="retro-card">
          <div className="retro-funnel" role="img" aria-label={t('retrospectives.figures.funnel')}>
            <FunnelStep label={t('retrospectives.figures.registered')} n={a.registered} of={a.registered} />
            <FunnelStep
              label={t('retrospectives.figures.confirmed')}
              n={a.confirmed}
              of={a.registered}
              rate={percentText(a.confirmedRate)}
            />
            <FunnelStep
              label={t('retrospectives.figures.arrived')}
              n={a.arrived}
              of={a.registered}
              rate={percentText(a.arrivalRate)}
            />
          </div>
          <Typography.Text type="secondary" className="retro-small">
            {t('retrospectives.figures.breakdown', a)}
          </Typography.Text>
          <Row gutter={[12, 12]} className="retro-stats">
            <Col xs={8}>
              <Statistic
                title={t('retrospectives.figures.confirmedRate')}
                value={percentText(a.confirmedRate)}
              />
            </Col>
            <Col xs={8}>
              <Statistic
                title={t('retrospectives.figures.arrivalRate')}
                value={percentText(a.arrivalRate)}
                data-testid="retro-arrival-rate"
              />
            </Col>
            <Col xs={8}>
              <Statistic title={t('retrospectives.figures.late')} value={a.late ?? DASH} />
              {a.late !== null && a.lateRate !== null ? (
                <Typography.Text type="secondary" className="retro-small">
                  {t('retrospectives.figures.ofArrived', { rate: percentText(a.lateRate) })}
                </Typography.Text>
              ) : null}
            </Col>
          </Row>
          <Typography.Text type="secondary" className="retro-small">
            {a.lateAfter
              ? t('retrospectives.figures.lateAfter', { time: a.lateAfter })
              : t('retrospectives.figures.lateUnknown')}
          </Typography.Text>
        </Card>
      </Col>

      <Col xs={24} lg={12}>
        <Card title={t('retrospectives.figures.agendaTitle')} size="small" className="retro-card">
          <Flex gap={24} align="center" wrap>
            <Progress
              type="dashboard"
              size={120}
              percent={percentOf(agenda.onTimeRate)}
              format={() => percentText(agenda.onTimeRate)}
              status={
                agenda.onTimeRate === null ? 'normal' : agenda.onTimeRate < 0.6 ? 'exception' : 'normal'
              }
            />
            <Flex vertical gap={8}>
              <Statistic
                title={t('retrospectives.figures.onTimeRate')}
                value={percentText(agenda.onTimeRate)}
              />
              <Typography.Text type="secondary" className="retro-small">
                {t('retrospectives.figures.onTimeDetail', agenda)}
              </Typography.Text>
              <Statistic
                title={t('retrospectives.figures.totalOverrun')}
                value={agenda.totalOverrunMinutes}
                suffix={t('retrospectives.figures.minutes')}
                styles={{ content: agenda.totalOverrunMinutes > 0 ? { color: '#cf1322' } : undefined }}
              />
            </Flex>
          </Flex>
        </Card>
      </Col>

      <Col xs={24}>
        <Card title={t('retrospectives.figures.observationsTitle')} size="small" className="retro-card">
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Statistic title={t('retrospectives.figures.observers')} value={o.observers} />
              <Typography.Text type="secondary" className="retro-small">
                {t('retrospectives.figures.ofArrived', { rate: percentText(o.observerRate) })}
              </Typography.Text>
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('retrospectives.figures.ratings')} value={o.ratings} />
              {perAttendee(o.ratingsPerAttendee)}
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('retrospectives.figures.notes')} value={o.notes} />
              {perAttendee(o.notesPerAttendee)}
              <div className="retro-small">
                <Typography.Text type="secondary">{t('retrospectives.figures.kinds', o)}</Typography.Text>
              </div>
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('retrospectives.figures.photos')} value={o.photos} />
              {perAttendee(o.photosPerAttendee)}
            </Col>
          </Row>
        </Card>
      </Col>

      <Col xs={24} lg={12}>
        <Card title={t('retrospectives.figures.qaTitle')} size="small" className="retro-card">
          <Row gutter={[12, 12]}>
            <Col xs={8}>
              <Statistic title={t('retrospectives.figures.questionsAsked')} value={qa.asked} />
            </Col>
            <Col xs={8}>
              <Statistic title={t('retrospectives.figures.questionsAnswered')} value={qa.answered} />
            </Col>
            <Col xs={8}>
              <Statistic
                title={t('retrospectives.figures.answeredRate')}
                value={percentText(qa.answeredRate)}
              />
            </Col>
          </Row>
          <Progress percent={percentOf(qa.answeredRate)} showInfo={false} size="small" />
          <Flex gap={4} wrap className="retro-small">
            {Object.entries(qa.bySource).map(([source, n]) => (
              <Tag key={source}>
                {t(`retrospectives.figures.sources.${source}`, { defaultValue: source })} {n}
              </Tag>
            ))}
            <Tag color="blue">{t('retrospectives.figures.votes', { n: qa.votes })}</Tag>
          </Flex>
        </Card>
      </Col>

      <Col xs={24} lg={12}>
        <Card title={t('retrospectives.figures.surveyTitle')} size="small" className="retro-card">
          <Row gutter={[12, 12]}>
            <Col xs={8}>
              <Statistic
                title={t('retrospectives.figures.responseRate')}
                value={percentText(survey.responseRate)}
              />
              {notSent ? null : (
                <Typography.Text type="secondary" className="retro-small">
                  {t('retrospectives.figures.responses', { n: survey.responses, invited: survey.invited })}
                </Typography.Text>
              )}
            </Col>
            <Col xs={8}>
              <Statistic
                title={t('retrospectives.figures.satisfaction')}
                value={survey.satisfactionAverage === null ? DASH : survey.satisfactionAverage.toFixed(2)}
                suffix={survey.satisfactionAverage === null ? undefined : '/ 5'}
              />
            </Col>
            <Col xs={8}>
              <Statistic
                title={t('retrospectives.figures.nps')}
                value={survey.nps ?? DASH}
                styles={{ content: survey.nps === null ? undefined : { color: npsColor(survey.nps) } }}
              />
            </Col>
          </Row>
          {notSent ? (
            <Typography.Text type="secondary" className="retro-small" data-testid="retro-survey-not-sent">
              {t('retrospectives.figures.surveyNotSent')}
            </Typography.Text>
          ) : null}
        </Card>
      </Col>
    </Row>
  );
}
