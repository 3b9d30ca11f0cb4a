import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Event, LOCKED_STATUSES } from '../../../../contract/events.js';
import type { RoutePointOption, RouteStopInput, SiteRoute } from '../../../../contract/route-stops.js';
import { applyDefaultRoute, eventKey, getRoute, getRoutePoints, saveRoute } from '../api.js';
import { useEventMutation } from './useEventMutation.js';

/** 参观路线 per event site: ordered stops, minutes, points to observe, guide notes, total vs. tour slot. */
export function RoutePanel({ event }: { event: Event }) {
  const { t } = useTranslation();
  const route = useQuery({ queryKey: [...eventKey(event.id), 'route'], queryFn: () => getRoute(event.id) });
  const points = useQuery({
    queryKey: [...eventKey(event.id), 'route-points'],
    queryFn: () => getRoutePoints(event.id),
  });
  if (route.isPending) return <Spin />;
  if (route.isError) return <Alert type="error" message={route.error.message} />;
  return (
    <Flex vertical gap={16}>
      {!event.templateVersionId && <Alert type="info" showIcon message={t('events.route.noTemplate')} />}
      {route.data.sites.map((site) => (
        <SiteRouteEditor
          key={site.eventSiteId}
          event={event}
          site={site}
          points={points.data ?? []}
          locked={LOCKED_STATUSES.includes(event.status)}
        />
      ))}
    </Flex>
  );
}

const toInput = (site: SiteRoute): RouteStopInput[] =>
  site.stops.map((s) => ({
    name: s.name,
    minutes: s.minutes,
    pointIds: s.pointIds,
    guideNotes: s.guideNotes,
  }));

function SiteRouteEditor({
  event,
  site,
  points,
  locked,
}: {
  event: Event;
  site: SiteRoute;
  points: RoutePointOption[];
  locked: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [stops, setStops] = useState<RouteStopInput[]>(() => toInput(site));
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    setStops(toInput(site));
    setDirty(false);
  }, [site]);

  const save = useEventMutation(
    event.id,
    () => saveRoute(event.id, site.eventSiteId, stops),
    () => message.success(t('events.route.saved')),
  );
  const defaults = useEventMutation(event.id, () => applyDefaultRoute(event.id, site.eventSiteId));

  const pointOptions = useMemo(() => {
    const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
    for (const p of points) {
      const group = groups.get(p.dimensionId) ?? { label: p.dimensionName, options: [] };
      group.options.push({ value: p.id, label: p.title });
      groups.set(p.dimensionId, group);
    }
    return [...groups.values()];
  }, [points]);

  const change = (index: number, patch: Partial<RouteStopInput>) => {
    setStops((list) => list.map((s, i) => (i === index ? { ...s, ...patch } : s)));
    setDirty(true);
  };
  const move = (index: number, by: number) => {
    setStops((list) => {
      const next = [...list];
      const [stop] = next.splice(index, 1);
      next.splice(index + by, 0, stop);
      return next;
    });
    setDirty(true);
  };
  const total = stops.reduce((sum, s) => sum + (s.minutes || 0), 0);
  const exceeds = total > site.tourMinutes;

  return (
    <Card
      title={site.siteName}
      data-testid="route-site"
      extra={
        <Space wrap>
          <Popconfirm
            title={t('events.route.defaultConfirm')}
            onConfirm={() => defaults.mutate(undefined)}
            disabled={locked}
          >
            <Button disabled={locked} loading={defaults.isPending} data-testid="route-default">
              {t('events.route.applyDefault')}
            </Button>
          </Popconfirm>
          <Button
            type="primary"
            disabled={locked || !dirty}
            loading={save.isPending}
            onClick={() => save.mutate(undefined)}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Alert
        style={{ marginBottom: 12 }}
        type={exceeds ? 'warning' : stops.length ? 'success' : 'info'}
        showIcon
        data-testid="route-total"
        message={
          exceeds
            ? t('events.route.exceeds', { total, tour: site.tourMinutes })
            : t('events.route.total', { total, tour: site.tourMinutes })
        }
      />
      {stops.length === 0 && <Empty description={t('events.route.empty')} />}
      <Flex vertical gap={12}>
        {stops.map((stop, index) => (
          <Card
            // biome-ignore lint/suspicious/noArrayIndexKey: stops have no id until saved; the position is the identity
            key={index}
            size="small"
            type="inner"
            title={
              <Space>
                <Typography.Text type="secondary">{index + 1}</Typography.Text>
                <Input
                  value={stop.name}
                  maxLength={100}
                  disabled={locked}
                  onChange={(e) => change(index, { name: e.target.value })}
                  aria-label={t('events.route.name')}
                  style={{ minWidth: 160 }}
                />
              </Space>
            }
            extra={
              <Space size={0}>
                <Button
                  type="text"
                  icon={<ArrowUpOutlined />}
                  disabled={locked || index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={t('events.route.up')}
                />
                <Button
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={locked || index === stops.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={t('events.route.down')}
                />
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={locked}
                  onClick={() => {
                    setStops((list) => list.filter((_, i) => i !== index));
                    setDirty(true);
                  }}
                  aria-label={t('events.delete')}
                />
              </Space>
            }
          >
            <Flex gap={12} wrap>
              <InputNumber
                min={1}
                max={240}
                value={stop.minutes}
                disabled={locked}
                addonAfter={t('events.route.minutes')}
                onChange={(v) => change(index, { minutes: v ?? 1 })}
                style={{ width: 140 }}
              />
              <Select
                mode="multiple"
                allowClear
                disabled={locked}
                placeholder={t('events.route.points')}
                value={stop.pointIds}
                options={pointOptions}
                optionFilterProp="label"
                onChange={(pointIds) => change(index, { pointIds })}
                style={{ flex: 1, minWidth: 220 }}
              />
            </Flex>
            <Input.TextArea
              style={{ marginTop: 8 }}
              rows={2}
              maxLength={5000}
              disabled={locked}
              placeholder={t('events.route.guideNotes')}
              value={stop.guideNotes ?? ''}
              onChange={(e) => change(index, { guideNotes: e.target.value })}
            />
          </Card>
        ))}
      </Flex>
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        disabled={locked}
        style={{ marginTop: 12 }}
        onClick={() => {
          setStops((list) => [
            ...list,
            { name: t('events.route.newStop'), minutes: 10, pointIds: [], guideNotes: null },
          ]);
          setDirty(true);
        }}
      >
        {t('events.route.add')}
      </Button>
    </Card>
  );
}
