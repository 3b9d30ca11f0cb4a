import { LeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Popconfirm, Spin, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RunOfShow, RunOfShowItem } from '../../../../contract/run-of-show.js';
import { isStaff, useMe } from '../../../app/session.js';
import { useApiError } from '../../../components/useApiError.js';
import { useLiveRefetch } from '../../observations/hooks/useLiveRefetch.js';
import {
  boardKey,
  getRunOfShow,
  markItem,
  RUN_OF_SHOW_STREAM_EVENTS,
  resetItem,
  runOfShowKey,
  runOfShowStreamUrl,
} from '../api.js';
import { Countdown } from '../components/Countdown.js';
import { GroupBoard } from '../components/GroupBoard.js';
import './run-of-show.css';

const hhmm = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat('zh-CN', {
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
        timeZone: 'Asia/Shanghai',
      }).format(new Date(iso))
    : '—';

/**
 * 现场控制 (时间控制): the current agenda item with its countdown, start/end marks, overruns, the
 * groups' positions. A host (被参观方) sees it for events at its site and reports its groups'
 * positions; marking agenda times stays with staff (run-of-show.policy.ts).
 */
export default function RunOfShowPage() {
  const { t } = useTranslation();
  const eventId = useParams().id!;
  const onError = useApiError();
  const queryClient = useQueryClient();
  const canMark = isStaff(useMe().data?.role);
  const ros = useQuery({
    queryKey: runOfShowKey(eventId),
    queryFn: () => getRunOfShow(eventId),
    refetchInterval: 60_000,
  });
  const live = useLiveRefetch(runOfShowStreamUrl(eventId), RUN_OF_SHOW_STREAM_EVENTS, [
    runOfShowKey(eventId),
    boardKey(eventId),
  ]);
  const mark = useMutation({
    mutationFn: (v: { itemId: string; action: 'start' | 'end' | 'reset' }) =>
      v.action === 'reset' ? resetItem(eventId, v.itemId) : markItem(eventId, v.itemId, v.action),
    onSuccess: (data) => queryClient.setQueryData<RunOfShow>(runOfShowKey(eventId), data),
    onError: (error) => onError(error),
  });

  if (ros.isPending) return <Spin />;
  if (ros.isError) return <Alert type="error" title={ros.error.message} />;
  const data = ros.data;
  const offsetMs = Date.parse(data.now) - (ros.dataUpdatedAt || Date.now());
  const busy = (itemId: string) => mark.isPending && mark.variables?.itemId === itemId;
  const title = (id: string) => data.items.find((i) => i.agendaItemId === id)?.title ?? '';

  const actions = (item: RunOfShowItem, primary = false) =>
    canMark ? (
      <Flex gap={6} wrap>
        {item.state === 'pending' ? (
          <Button
            type={primary ? 'primary' : 'default'}
            loading={busy(item.agendaItemId)}
            onClick={() => mark.mutate({ itemId: item.agendaItemId, action: 'start' })}
          >
            {t('runOfShow.start')}
          </Button>
        ) : null}
        {item.state === 'running' ? (
          <Button
            type={primary ? 'primary' : 'default'}
            danger={primary}
            loading={busy(item.agendaItemId)}
            onClick={() => mark.mutate({ itemId: item.agendaItemId, action: 'end' })}
          >
            {t('runOfShow.end')}
          </Button>
        ) : null}
        {item.state !== 'pending' ? (
          <Popconfirm
            title={t('runOfShow.resetConfirm')}
            onConfirm={() => mark.mutate({ itemId: item.agendaItemId, action: 'reset' })}
          >
            <Button type="text" size="small">
              {t('runOfShow.reset')}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
    ) : null;

  return (
    <Flex vertical gap={12} className="ros-page" data-testid="run-of-show">
      <Flex align="center" gap={8}>
        <Link to={canMark ? `/events/${eventId}` : `/host/events/${eventId}`}>
          <Button icon={<LeftOutlined />} aria-label={t(canMark ? 'runOfShow.back' : 'runOfShow.hostBack')} />
        </Link>
        <Typography.Title level={4} style={{ margin: 0, flex: 1, minWidth: 0 }} ellipsis>
          {t('runOfShow.title')} · {data.theme}
        </Typography.Title>
        <Tag color={live ? 'green' : 'default'}>{live ? t('runOfShow.live') : t('runOfShow.offline')}</Tag>
      </Flex>

      {canMark ? null : <Alert type="info" showIcon title={t('runOfShow.hostHint')} />}
      {/* A host is here to report their groups: the board comes first. */}
      {canMark ? null : <GroupBoard eventId={eventId} />}

      <Card size="small" className="ros-current" data-testid={data.current ? 'ros-current' : undefined}>
        {data.current ? (
          <Flex vertical gap={6}>
            <Typography.Text type="secondary">{t('runOfShow.now')}</Typography.Text>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {data.current.title}
            </Typography.Title>
            <Typography.Text>
              {t('runOfShow.planned')} {data.current.plannedStart}–{data.current.plannedEnd} ·{' '}
              {t('runOfShow.startedAt', { time: hhmm(data.current.actualStartAt) })}
            </Typography.Text>
            {data.countdown ? (
              <Countdown plannedEndAt={data.countdown.plannedEndAt} offsetMs={offsetMs} />
            ) : null}
            {actions(data.current, true)}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('runOfShow.nothingRunning')}</Typography.Text>
        )}
        {data.next ? (
          <Flex justify="space-between" align="center" wrap gap={8} className="ros-next">
            <span>
              {t('runOfShow.next')}: <b>{data.next.title}</b> ({data.next.plannedStart})
            </span>
            {data.next.state === 'pending' && canMark ? (
              <Button
                type={data.current ? 'default' : 'primary'}
                loading={busy(data.next.agendaItemId)}
                onClick={() => mark.mutate({ itemId: data.next!.agendaItemId, action: 'start' })}
              >
                {t('runOfShow.startNext')}
              </Button>
            ) : null}
          </Flex>
        ) : null}
      </Card>

      {data.warnings.map((w) => (
        <Alert
          key={`${w.code}-${w.agendaItemId}`}
          type={w.code === 'overrun' ? 'error' : 'warning'}
          showIcon
          title={t(`runOfShow.warnings.${w.code}`, { title: title(w.agendaItemId), minutes: w.minutes })}
        />
      ))}

      <Card size="small" title={t('runOfShow.timeline')}>
        <ol className="ros-timeline">
          {data.items.map((item) => (
            <li
              key={item.agendaItemId}
              className={`ros-item ${item.state}`}
              data-testid="ros-item"
              data-state={item.state}
            >
              <div className="ros-times">
                <span className="ros-planned">
                  {item.plannedStart}
                  {item.plannedEnd !== item.plannedStart ? `–${item.plannedEnd}` : ''}
                </span>
                <span className="ros-actual">
                  {item.actualStartAt ? hhmm(item.actualStartAt) : ''}
                  {item.actualEndAt ? `–${hhmm(item.actualEndAt)}` : ''}
                </span>
              </div>
              <div className="ros-main">
                <div>
                  <b>{item.title}</b> <Tag>{t(`enums.agendaItemType.${item.type}`)}</Tag>
                  {item.startDelayMinutes !== null && item.startDelayMinutes > 0 ? (
                    <Tag color="orange">{t('runOfShow.late', { n: item.startDelayMinutes })}</Tag>
                  ) : null}
                  {item.overrunMinutes ? (
                    <Tag color="red">{t('runOfShow.overrun', { n: item.overrunMinutes })}</Tag>
                  ) : null}
                  {item.onTime ? <Tag color="green">{t('runOfShow.onTime')}</Tag> : null}
                </div>
                {actions(item)}
              </div>
            </li>
          ))}
        </ol>
        <Flex gap={24} wrap className="ros-punctuality">
          <Statistic
            title={t('runOfShow.onTimeRate')}
            value={data.punctuality.onTimeRate === null ? '—' : Math.round(data.punctuality.onTimeRate * 100)}
            suffix={data.punctuality.onTimeRate === null ? '' : '%'}
          />
          <Statistic
            title={t('runOfShow.finished')}
            value={`${data.punctuality.finished}/${data.punctuality.items}`}
          />
          <Statistic
            title={t('runOfShow.totalOverrun')}
            value={data.punctuality.totalOverrunMinutes}
            suffix={t('runOfShow.min')}
          />
        </Flex>
      </Card>

      {canMark ? <GroupBoard eventId={eventId} /> : null}
    </Flex>
  );
}
