import { DownloadOutlined, EditOutlined, LeftOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Progress,
  Row,
  Space,
  Spin,
  Statistic,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SurveyResults } from '../../../../contract/surveys.js';
import { useApiError } from '../../../components/useApiError.js';
import { eventKey, getEvent } from '../../events/api.js';
import { useLiveRefetch } from '../../observations/hooks/useLiveRefetch.js';
import {
  exportResults,
  getResults,
  getSurvey,
  nonRespondentsKey,
  responsesKey,
  resultsKey,
  SURVEY_STREAM_EVENTS,
  surveyKey,
  surveyStreamUrl,
} from '../api.js';
import { round1, round2 } from '../components/format.js';
import { NonRespondentsPanel } from '../components/NonRespondentsPanel.js';
import { NpsBreakdown, QuestionResultCard } from '../components/QuestionResultCard.js';
import { ResponsesPanel } from '../components/ResponsesPanel.js';
import { StatusTag } from '../components/StatusTag.js';
import '../components/surveys.css';

/** Without the live stream (a proxy that buffers it), an open survey's figures are polled. */
const POLL_MS = 15_000;

/** 调查结果: response rate, satisfaction, NPS, every question's chart, who has not answered, export. */
export default function SurveyResultsPage() {
  const { t } = useTranslation();
  const eventId = useParams().id!;
  const showError = useApiError();
  const [exporting, setExporting] = useState(false);
  const event = useQuery({ queryKey: eventKey(eventId), queryFn: () => getEvent(eventId) });
  const survey = useQuery({ queryKey: surveyKey(eventId), queryFn: () => getSurvey(eventId) });
  const live = useLiveRefetch(surveyStreamUrl(eventId), SURVEY_STREAM_EVENTS, [
    surveyKey(eventId),
    resultsKey(eventId),
    nonRespondentsKey(eventId),
    responsesKey(eventId),
  ]);
  const open = survey.data?.status === 'open';
  const poll = open && !live ? POLL_MS : false;
  const results = useQuery({
    queryKey: resultsKey(eventId),
    queryFn: () => getResults(eventId),
    refetchInterval: poll,
  });

  if (results.isPending || survey.isPending) return <Spin />;
  if (results.isError) return <Alert type="error" title={results.error.message} />;
  if (survey.isError) return <Alert type="error" title={survey.error.message} />;
  const r = results.data;

  const onExport = async () => {
    setExporting(true);
    try {
      await exportResults(eventId);
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Flex vertical gap={16} data-testid="survey-results">
      <Flex align="center" gap={8} wrap>
        <Link to={`/events/${eventId}`}>
          <Button icon={<LeftOutlined />} aria-label={t('surveys.backToEvent')} />
        </Link>
        <Typography.Title level={3} style={{ margin: 0, flex: 1, minWidth: 0 }} ellipsis>
          {t('surveys.results.title')} · {event.data?.theme ?? ''}
        </Typography.Title>
        <StatusTag status={r.status} />
        <Tag color={live ? 'green' : 'default'} data-testid="survey-live">
          {live ? t('surveys.results.live') : t('surveys.results.offline')}
        </Tag>
        <Space wrap>
          <Link to={`/events/${eventId}/survey`}>
            <Button icon={<EditOutlined />} data-testid="survey-link-builder">
              {t('surveys.links.builder')}
            </Button>
          </Link>
          <Button
            icon={<QrcodeOutlined />}
            disabled={r.status === 'draft'}
            href={`/events/${eventId}/survey/slide`}
            target="_blank"
            data-testid="survey-results-slide"
          >
            {t('surveys.links.slide')}
          </Button>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void onExport()}
            data-testid="survey-export"
          >
            {t('surveys.results.export')}
          </Button>
        </Space>
      </Flex>
      {r.status === 'draft' ? <Alert type="info" showIcon title={t('surveys.results.draft')} /> : null}
      {r.anonymous ? (
        <Alert
          type="info"
          showIcon
          title={t('surveys.results.anonymousNote')}
          data-testid="survey-results-anonymous"
        />
      ) : null}
      <Summary r={r} />
      <Tabs
        items={[
          {
            key: 'questions',
            label: <span data-testid="survey-tab-questions">{t('surveys.results.tabs.questions')}</span>,
            children: <QuestionsPanel r={r} />,
          },
          {
            key: 'non-respondents',
            label: (
              <span data-testid="survey-tab-non-respondents">{t('surveys.results.tabs.nonRespondents')}</span>
            ),
            children: <NonRespondentsPanel eventId={eventId} status={r.status} refetchInterval={poll} />,
          },
          {
            key: 'responses',
            label: (
              <span data-testid="survey-tab-responses">
                {t('surveys.results.tabs.responses', { count: r.responses })}
              </span>
            ),
            children: (
              <ResponsesPanel eventId={eventId} definition={survey.data.definition} refetchInterval={poll} />
            ),
          },
        ]}
      />
    </Flex>
  );
}

function Summary({ r }: { r: SurveyResults }) {
  const { t } = useTranslation();
  const rate = r.responseRate === null ? null : Math.round(r.responseRate * 1000) / 10;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={8}>
        <Card size="small" style={{ height: '100%' }}>
          <Flex gap={16} align="center">
            <Progress
              type="circle"
              size={84}
              percent={rate ?? 0}
              format={() => (rate === null ? '—' : `${rate}%`)}
            />
            <div>
              <Statistic
                title={t('surveys.results.responseRate')}
                value={rate === null ? '—' : `${rate}%`}
                data-testid="survey-response-rate"
              />
              <Typography.Text type="secondary">
                {t('surveys.results.responsesOf', { answered: r.answered, invited: r.invited })}
                <br />
                {r.responses > r.answered ? (
                  <>
                    {t('surveys.results.outsideAudience', { count: r.responses - r.answered })}
                    <br />
                  </>
                ) : null}
                {t(`surveys.audience.${r.audience}`)}
              </Typography.Text>
            </div>
          </Flex>
        </Card>
      </Col>
      <Col xs={12} md={8}>
        <Card size="small" style={{ height: '100%' }}>
          <Statistic
            title={t('surveys.results.satisfaction')}
            value={round2(r.satisfactionAverage)}
            suffix="/ 5"
            data-testid="survey-satisfaction"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('surveys.results.satisfactionHint')}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} md={8}>
        <Card size="small" style={{ height: '100%' }}>
          <Statistic
            title={t('surveys.results.nps')}
            value={r.nps ? round1(r.nps.score) : '—'}
            data-testid="survey-nps"
          />
          {r.nps ? (
            <NpsBreakdown nps={r.nps} prefix="survey-nps" />
          ) : (
            <Typography.Text type="secondary">{t('surveys.results.noNps')}</Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}

function QuestionsPanel({ r }: { r: SurveyResults }) {
  const { t } = useTranslation();
  if (!r.questions.length) return <Alert type="info" title={t('surveys.results.noQuestions')} />;
  let number = 0;
  return (
    <Flex vertical gap={16}>
      {r.sections.map((section) => {
        const questions = r.questions.filter((q) => q.sectionId === section.id);
        if (!questions.length) return null;
        return (
          <div key={section.id}>
            <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
              {section.title}
            </Typography.Title>
            <Flex vertical gap={12}>
              {questions.map((q) => {
                number += 1;
                return (
                  <QuestionResultCard key={q.questionId} q={q} number={number} anonymous={r.anonymous} />
                );
              })}
            </Flex>
          </div>
        );
      })}
    </Flex>
  );
}
