import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type NonRespondent,
  REMINDER_COOLDOWN_MINUTES,
  type SurveyStatus,
} from '../../../../contract/surveys.js';
import { useApiError } from '../../../components/useApiError.js';
import { getNonRespondents, nonRespondentsKey, remindNonRespondents } from '../api.js';
import { reminderPlan } from '../reminders.js';
import { formatTime } from './format.js';

/** 未填写名单: who in the audience has not answered, how often they were reminded, and a reminder. */
export function NonRespondentsPanel({
  eventId,
  status,
  refetchInterval,
}: {
  eventId: string;
  status: SurveyStatus;
  refetchInterval: number | false;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  // The button wakes up when the cooldown of the people waiting has passed.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const list = useQuery({
    queryKey: nonRespondentsKey(eventId),
    queryFn: () => getNonRespondents(eventId),
    refetchInterval,
  });

  const remind = async () => {
    setBusy(true);
    try {
      const r = await remindNonRespondents(eventId);
      message.success(
        [
          t('surveys.remind.queued', { count: r.queued }),
          r.skipped
            ? t('surveys.remind.skipped', { count: r.skipped, minutes: REMINDER_COOLDOWN_MINUTES })
            : null,
          r.unreachable ? t('surveys.remind.unreachable', { count: r.unreachable }) : null,
        ]
          .filter(Boolean)
          .join('；'),
        6,
      );
      await queryClient.invalidateQueries({ queryKey: nonRespondentsKey(eventId) });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  if (list.isPending) return <Typography.Text type="secondary">{t('surveys.loading')}</Typography.Text>;
  if (list.isError) return <Alert type="error" title={list.error.message} />;
  const items = list.data.items;
  const reminded = items.filter((i) => i.reminders > 0).length;
  const noEmail = items.filter((i) => !i.hasEmail).length;
  const plan = reminderPlan(items, now);
  const minutes = REMINDER_COOLDOWN_MINUTES;
  const waiting = [
    plan.justInvited ? t('surveys.remind.justInvited', { count: plan.justInvited, minutes }) : null,
    plan.justReminded ? t('surveys.remind.justReminded', { count: plan.justReminded, minutes }) : null,
    plan.nextAt
      ? t('surveys.remind.nextAt', { time: formatTime(new Date(plan.nextAt).toISOString(), i18n.language) })
      : null,
  ].filter(Boolean);
  const canRemind = status === 'open' && plan.due > 0;

  return (
    <div data-testid="survey-non-respondents">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text data-testid="survey-non-respondents-summary">
          {t('surveys.nonRespondents.summary', { count: items.length, audience: list.data.audience })}
          {reminded ? ` · ${t('surveys.nonRespondents.reminded', { count: reminded })}` : ''}
          {noEmail ? ` · ${t('surveys.nonRespondents.noEmail', { count: noEmail })}` : ''}
        </Typography.Text>
        <Popconfirm
          title={t('surveys.remind.confirm', { count: plan.due })}
          description={t('surveys.remind.confirmHint', { minutes })}
          onConfirm={() => void remind()}
          disabled={!canRemind}
        >
          <Button
            type="primary"
            icon={<BellOutlined />}
            loading={busy}
            disabled={!canRemind}
            data-testid="survey-remind"
          >
            {t('surveys.remind.button', { count: plan.due })}
          </Button>
        </Popconfirm>
      </Flex>
      {status === 'open' && waiting.length ? (
        <Typography.Paragraph type="secondary" data-testid="survey-remind-wait" style={{ marginTop: -4 }}>
          {waiting.join(' · ')}
        </Typography.Paragraph>
      ) : null}
      {status !== 'open' ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('surveys.remind.onlyOpen')} />
      ) : null}
      <Table<NonRespondent>
        size="small"
        rowKey="registrationId"
        dataSource={items}
        pagination={items.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('surveys.nonRespondents.none') }}
        columns={[
          { title: t('surveys.nonRespondents.name'), dataIndex: 'name', key: 'name', width: 120 },
          { title: t('surveys.nonRespondents.unit'), dataIndex: 'unitName', key: 'unit' },
          {
            title: t('surveys.nonRespondents.mobile'),
            key: 'mobile',
            width: 150,
            render: (_, r) => (
              <Flex gap={4} align="center">
                {r.mobileMasked ?? '—'}
                {r.hasEmail ? null : <Tag color="orange">{t('surveys.nonRespondents.noEmailTag')}</Tag>}
              </Flex>
            ),
          },
          {
            title: t('surveys.nonRespondents.invitedAt'),
            key: 'invited',
            width: 130,
            render: (_, r) => formatTime(r.invitedAt, i18n.language),
          },
          {
            title: t('surveys.nonRespondents.reminders'),
            key: 'reminders',
            width: 190,
            render: (_, r) =>
              r.reminders
                ? t('surveys.nonRespondents.remindedTimes', {
                    count: r.reminders,
                    time: formatTime(r.lastRemindedAt, i18n.language),
                  })
                : '—',
          },
        ]}
      />
    </div>
  );
}
