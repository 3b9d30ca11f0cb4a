import {
  BarChartOutlined,
  LeftOutlined,
  LockOutlined,
  MobileOutlined,
  PlayCircleOutlined,
  QrcodeOutlined,
  ReloadOutlined,
  SaveOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Popconfirm,
  Radio,
  Result,
  Space,
  Spin,
  Steps,
  Switch,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Lang } from '../../../../contract/common.js';
import {
  type SendResult,
  SURVEY_AUDIENCES,
  type SurveyAudience,
  type SurveyDefinition,
  type SurveyDetail,
} from '../../../../contract/surveys.js';
import { ApiError } from '../../../app/api.js';
import { useApiError } from '../../../components/useApiError.js';
import { eventKey, getEvent } from '../../events/api.js';
import {
  closeSurvey,
  getSurvey,
  openSurvey,
  resetSurvey,
  resultsKey,
  saveSurvey,
  sendSurvey,
  surveyKey,
  validateSurvey,
} from '../api.js';
import { DefinitionEditor } from '../components/DefinitionEditor.js';
import { definitionPath, locksOf, type Problem } from '../components/editorModel.js';
import { formatTime } from '../components/format.js';
import { SendModal } from '../components/SendModal.js';
import { StatusTag } from '../components/StatusTag.js';
import { SurveyPreview } from '../components/SurveyPreview.js';
import '../components/surveys.css';

const STEP = { draft: 0, open: 1, closed: 2 } as const;

/** 满意度调查: the builder of the event's survey, its state (draft → open → closed) and the preview. */
export default function SurveyBuilderPage() {
  const eventId = useParams().id!;
  const survey = useQuery({ queryKey: surveyKey(eventId), queryFn: () => getSurvey(eventId) });
  if (survey.isPending) return <Spin />;
  if (survey.isError) {
    const missing = survey.error instanceof ApiError && survey.error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={survey.error.message} />;
  }
  return <Builder key={survey.data.id} eventId={eventId} detail={survey.data} />;
}

function Builder({ eventId, detail }: { eventId: string; detail: SurveyDetail }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const event = useQuery({ queryKey: eventKey(eventId), queryFn: () => getEvent(eventId) });
  const [definition, setDefinition] = useState<SurveyDefinition>(detail.definition);
  const [anonymous, setAnonymous] = useState(detail.anonymous);
  const [audience, setAudience] = useState<SurveyAudience>(detail.audience);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState<'save' | 'send' | 'state' | 'reset' | null>(null);
  const [sending, setSending] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const locks = useMemo(
    () => locksOf(detail.definition, detail.responses),
    [detail.definition, detail.responses],
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Live feedback while editing: the server's own rules, a moment after the last change.
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => {
      validateSurvey(eventId, definition)
        .then((r) => setProblems(r.errors.map((e) => ({ path: definitionPath(e.path), message: e.message }))))
        .catch(() => undefined);
    }, 700);
    return () => clearTimeout(timer);
  }, [definition, dirty, eventId]);

  const change = (
    next: Partial<{ definition: SurveyDefinition; anonymous: boolean; audience: SurveyAudience }>,
  ) => {
    if (next.definition) setDefinition(next.definition);
    if (next.anonymous !== undefined) setAnonymous(next.anonymous);
    if (next.audience) setAudience(next.audience);
    setDirty(true);
  };

  const adopt = (saved: SurveyDetail, resetLocal = false) => {
    queryClient.setQueryData(surveyKey(eventId), saved);
    void queryClient.invalidateQueries({ queryKey: resultsKey(eventId) });
    if (resetLocal) {
      setDefinition(saved.definition);
      setAnonymous(saved.anonymous);
      setAudience(saved.audience);
      setDirty(false);
      setProblems([]);
    }
  };

  const report = (error: unknown) => {
    if (error instanceof ApiError && error.errors.length) {
      setProblems(error.errors.map((e) => ({ path: definitionPath(e.path), message: e.message })));
      message.error(error.detail);
    } else showError(error);
  };

  const save = async () => {
    const saved = await saveSurvey(eventId, { definition, anonymous, audience });
    adopt(saved, true);
    return saved;
  };

  const run = async (kind: NonNullable<typeof busy>, action: () => Promise<void>) => {
    setBusy(kind);
    try {
      await action();
    } catch (error) {
      report(error);
    } finally {
      setBusy(null);
    }
  };

  const onSave = () =>
    run('save', async () => {
      await save();
      message.success(t('surveys.builder.saved'));
    });

  const onSend = (to: SurveyAudience) =>
    run('send', async () => {
      if (dirty) await save();
      const result: SendResult = await sendSurvey(eventId, { audience: to });
      setSending(false);
      adopt(await getSurvey(eventId));
      setAudience(to);
      modal.success({
        title: t('surveys.send.done'),
        content: (
          <div data-testid="survey-send-result">
            <p>{t('surveys.send.queued', { count: result.queued, audience: result.audience })}</p>
            {result.skipped ? <p>{t('surveys.send.skipped', { count: result.skipped })}</p> : null}
            {result.unreachable ? (
              <p>{t('surveys.send.unreachable', { count: result.unreachable })}</p>
            ) : null}
          </div>
        ),
      });
    });

  const onState = (to: 'open' | 'close') =>
    run('state', async () => {
      if (dirty) await save();
      adopt(to === 'open' ? await openSurvey(eventId) : await closeSurvey(eventId));
      message.success(to === 'open' ? t('surveys.state.opened') : t('surveys.state.closed'));
    });

  const onReset = () =>
    run('reset', async () => {
      adopt(
        await resetSurvey(eventId, { lang: (i18n.language === 'en-US' ? 'en-US' : 'zh-CN') as Lang }),
        true,
      );
      message.success(t('surveys.builder.resetDone'));
    });

  const status = detail.status;
  const anonymityLocked = detail.anonymous && detail.responses > 0;

  return (
    <>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Link to={`/events/${eventId}`}>
          <Button icon={<LeftOutlined />} aria-label={t('surveys.backToEvent')} />
        </Link>
        <Typography.Title
          level={3}
          style={{ margin: 0, flex: 1, minWidth: 0 }}
          ellipsis
          data-testid="survey-heading"
        >
          {t('surveys.builder.title')} · {event.data?.theme ?? ''}
        </Typography.Title>
        <StatusTag status={status} />
        {dirty ? <Tag color="orange">{t('surveys.builder.unsaved')}</Tag> : null}
        <Space wrap>
          <Link to={`/events/${eventId}/survey/results`}>
            <Button icon={<BarChartOutlined />} data-testid="survey-link-results">
              {t('surveys.links.results')}
            </Button>
          </Link>
          <Button
            className="gm-sv-preview-button"
            icon={<MobileOutlined />}
            onClick={() => setPreviewing(true)}
            data-testid="survey-preview-open"
          >
            {t('surveys.preview.open')}
          </Button>
          <Tooltip title={status === 'draft' ? t('surveys.links.slideDraft') : undefined}>
            <Button
              icon={<QrcodeOutlined />}
              disabled={status === 'draft'}
              href={`/events/${eventId}/survey/slide`}
              target="_blank"
              data-testid="survey-link-slide"
            >
              {t('surveys.links.slide')}
            </Button>
          </Tooltip>
          <Button
            icon={<SaveOutlined />}
            disabled={!dirty}
            loading={busy === 'save'}
            onClick={() => void onSave()}
            data-testid="survey-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      </Flex>

      <Card size="small" style={{ marginBottom: 16 }} data-testid="survey-state">
        <Flex gap={24} wrap align="center" justify="space-between">
          <div style={{ flex: '1 1 420px', minWidth: 0 }}>
            <Steps
              size="small"
              current={STEP[status]}
              items={[
                { title: t('surveys.status.draft'), content: t('surveys.state.draftHint') },
                { title: t('surveys.status.open'), content: t('surveys.state.openHint') },
                { title: t('surveys.status.closed'), content: t('surveys.state.closedHint') },
              ]}
            />
          </div>
          <Space wrap>
            {status === 'draft' ? (
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={busy === 'send'}
                onClick={() => setSending(true)}
                data-testid="survey-open-send"
              >
                {t('surveys.state.openAndSend')}
              </Button>
            ) : null}
            {status === 'open' ? (
              <>
                <Button
                  icon={<SendOutlined />}
                  onClick={() => setSending(true)}
                  data-testid="survey-send-again"
                >
                  {t('surveys.state.sendAgain')}
                </Button>
                <Popconfirm title={t('surveys.state.closeConfirm')} onConfirm={() => void onState('close')}>
                  <Button
                    danger
                    icon={<StopOutlined />}
                    loading={busy === 'state'}
                    data-testid="survey-close"
                  >
                    {t('surveys.state.close')}
                  </Button>
                </Popconfirm>
              </>
            ) : null}
            {status === 'closed' ? (
              <Popconfirm title={t('surveys.state.reopenConfirm')} onConfirm={() => void onState('open')}>
                <Button
                  type="primary"
                  icon={<PlayCircleOutlined />}
                  loading={busy === 'state'}
                  data-testid="survey-reopen"
                >
                  {t('surveys.state.reopen')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }} data-testid="survey-counts">
          {t('surveys.state.counts', { responses: detail.responses, invited: detail.invited })}
          {detail.sentAt
            ? ` · ${t('surveys.state.sentAt', { time: formatTime(detail.sentAt, i18n.language) })}`
            : ''}
        </Typography.Paragraph>
      </Card>

      <Card size="small" title={t('surveys.settings.title')} style={{ marginBottom: 16 }}>
        <Flex gap={32} wrap>
          <div>
            <Space align="center">
              <Tooltip title={anonymityLocked ? t('surveys.settings.anonymousLocked') : undefined}>
                <Switch
                  checked={anonymous}
                  disabled={anonymityLocked}
                  onChange={(v) => change({ anonymous: v })}
                  data-testid="survey-anonymous"
                />
              </Tooltip>
              <Typography.Text strong>{t('surveys.settings.anonymous')}</Typography.Text>
              {anonymityLocked ? <LockOutlined /> : null}
            </Space>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', maxWidth: 420 }}>
              {anonymous ? t('surveys.settings.anonymousOn') : t('surveys.settings.anonymousOff')}
            </Typography.Paragraph>
          </div>
          <div>
            <Typography.Text strong>{t('surveys.settings.audience')}</Typography.Text>
            <div style={{ marginTop: 4 }}>
              <Radio.Group
                value={audience}
                onChange={(e) => change({ audience: e.target.value })}
                options={SURVEY_AUDIENCES.map((a) => ({ value: a, label: t(`surveys.audience.${a}`) }))}
                data-testid="survey-audience"
              />
            </div>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', maxWidth: 420 }}>
              {t(`surveys.audience.${audience}Hint`)}
            </Typography.Paragraph>
          </div>
        </Flex>
      </Card>

      {locks.active ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('surveys.builder.lockedInfo', { count: detail.responses })}
        />
      ) : null}
      {problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('surveys.builder.problems', { count: problems.length })}
          data-testid="survey-problems"
        />
      ) : null}

      <div className="gm-sv-layout">
        <div className="gm-sv-main">
          <DefinitionEditor
            definition={definition}
            locks={locks}
            problems={problems}
            onChange={(next) => change({ definition: next })}
          />
          {detail.responses === 0 ? (
            <Popconfirm title={t('surveys.builder.resetConfirm')} onConfirm={() => void onReset()}>
              <Button
                type="link"
                icon={<ReloadOutlined />}
                loading={busy === 'reset'}
                style={{ marginTop: 12 }}
                data-testid="survey-reset"
              >
                {t('surveys.builder.reset')}
              </Button>
            </Popconfirm>
          ) : null}
        </div>
        <div className="gm-sv-side">
          <Typography.Paragraph type="secondary" style={{ width: 390, marginBottom: 8 }}>
            {t('surveys.preview.help')}
          </Typography.Paragraph>
          <SurveyPreview definition={definition} anonymous={anonymous} />
        </div>
      </div>

      <Drawer
        open={previewing}
        onClose={() => setPreviewing(false)}
        title={t('surveys.preview.open')}
        size={440}
        styles={{ body: { padding: 12 } }}
      >
        {previewing ? (
          <SurveyPreview definition={definition} anonymous={anonymous} testId="survey-preview-drawer" />
        ) : null}
      </Drawer>
      <SendModal
        open={sending}
        status={status}
        audience={audience}
        dirty={dirty}
        problems={problems.length}
        busy={busy === 'send'}
        onSend={(to) => void onSend(to)}
        onCancel={() => setSending(false)}
      />
    </>
  );
}
