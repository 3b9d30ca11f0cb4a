import { DeleteOutlined, EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Dropdown,
  Flex,
  Grid,
  InputNumber,
  List,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AgendaChange,
  AgendaItem,
  AgendaItemInput,
  AgendaTemplate,
  AgendaWarning,
} from '../../../../contract/agenda.js';
import { type Event, LOCKED_STATUSES } from '../../../../contract/events.js';
import {
  addAgendaItem,
  applyAgendaTemplate,
  deleteAgendaItem,
  eventKey,
  getAgenda,
  listAgendaVersions,
  publishAgenda,
  shiftAgendaItem,
  updateAgendaItem,
} from '../api.js';
import { AgendaItemModal } from './AgendaItemModal.js';
import { useEventMutation } from './useEventMutation.js';

const TYPE_COLORS: Record<AgendaItem['type'], string> = {
  sign_in: 'cyan',
  welcome: 'geekblue',
  tour: 'green',
  sharing: 'purple',
  qa: 'orange',
  closing: 'default',
  break: 'gold',
};

/** 议程 editor: templates, items, shifting, warnings, publishing and the changelog. */
export function AgendaPanel({ event }: { event: Event }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<AgendaItem | null | undefined>(undefined);
  const [shiftFollowing, setShiftFollowing] = useState(true);
  const [history, setHistory] = useState(false);
  const locked = LOCKED_STATUSES.includes(event.status);
  const isPhone = !Grid.useBreakpoint().md;
  const agenda = useQuery({
    queryKey: [...eventKey(event.id), 'agenda'],
    queryFn: () => getAgenda(event.id),
  });
  const versions = useQuery({
    queryKey: [...eventKey(event.id), 'agenda', 'versions'],
    queryFn: () => listAgendaVersions(event.id),
    enabled: history,
  });

  const template = useEventMutation(event.id, (tpl: AgendaTemplate) => applyAgendaTemplate(event.id, tpl));
  const publish = useEventMutation(
    event.id,
    () => publishAgenda(event.id),
    () => message.success(t('events.agenda.publishedMessage')),
  );
  const remove = useEventMutation(event.id, (itemId: string) => deleteAgendaItem(event.id, itemId));
  const resize = useEventMutation(event.id, (args: { itemId: string; durationMinutes: number }) =>
    shiftAgendaItem(event.id, args.itemId, { durationMinutes: args.durationMinutes, shiftFollowing }),
  );
  const save = useEventMutation(
    event.id,
    async ({ item, input, shift }: { item: AgendaItem | null; input: AgendaItemInput; shift: boolean }) => {
      if (!item) return addAgendaItem(event.id, input);
      const [h1, m1] = input.start.split(':').map(Number);
      const [h2, m2] = input.end.split(':').map(Number);
      const timesChanged = input.start !== item.start || input.end !== item.end;
      if (shift && timesChanged) {
        await shiftAgendaItem(event.id, item.id, {
          start: input.start,
          durationMinutes: h2 * 60 + m2 - (h1 * 60 + m1),
          shiftFollowing: true,
        });
      }
      return updateAgendaItem(event.id, item.id, input);
    },
    () => setEditing(undefined),
  );

  const data = agenda.data;
  const warningFor = (id: string) => data?.warnings.filter((w) => w.itemIds.includes(id)) ?? [];

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap justify="space-between">
        <Space wrap>
          <Dropdown
            disabled={locked}
            menu={{
              items: (['half_day', 'full_day'] as const).map((key) => ({
                key,
                label: t(`events.agenda.template.${key}`),
              })),
              onClick: ({ key }) => template.mutate(key as AgendaTemplate),
            }}
          >
            <Button loading={template.isPending} data-testid="apply-template">
              {t('events.agenda.applyTemplate')}
            </Button>
          </Dropdown>
          <Button icon={<PlusOutlined />} disabled={locked} onClick={() => setEditing(null)}>
            {t('events.agenda.add')}
          </Button>
          <Space size={4}>
            <Switch size="small" checked={shiftFollowing} onChange={setShiftFollowing} id="shift-following" />
            <label htmlFor="shift-following">{t('events.agenda.shiftFollowing')}</label>
          </Space>
        </Space>
        <Space wrap>
          <Button icon={<HistoryOutlined />} onClick={() => setHistory(true)}>
            {t('events.agenda.versions')}
          </Button>
          <Popconfirm title={t('events.agenda.publishConfirm')} onConfirm={() => publish.mutate(undefined)}>
            <Button
              type="primary"
              disabled={locked || !data?.items.length || !data?.changes.length}
              loading={publish.isPending}
              data-testid="publish-agenda"
            >
              {t('events.agenda.publish')}
            </Button>
          </Popconfirm>
        </Space>
      </Flex>

      {data && data.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="agenda-warnings"
          message={t('events.agenda.warningsTitle')}
          description={
            <ul className="gm-blockers">
              {data.warnings.map((w) => (
                <li key={`${w.code}-${w.itemIds.join('-')}`}>{warningText(t, w, data.items)}</li>
              ))}
            </ul>
          }
        />
      )}

      {isPhone ? (
        <List<AgendaItem>
          loading={agenda.isPending}
          dataSource={data?.items}
          locale={{ emptyText: t('events.agenda.empty') }}
          renderItem={(item) => (
            <Card
              size="small"
              style={{ marginBottom: 8 }}
              className={warningFor(item.id).length ? 'gm-card-warning' : undefined}
              title={
                <Space>
                  <span>{item.start === item.end ? item.start : `${item.start}–${item.end}`}</span>
                  <Tag color={TYPE_COLORS[item.type]}>{t(`enums.agendaItemType.${item.type}`)}</Tag>
                </Space>
              }
              extra={
                <Space size={0}>
                  <Button
                    type="text"
                    icon={<EditOutlined />}
                    disabled={locked}
                    onClick={() => setEditing(item)}
                    aria-label={t('common.edit')}
                  />
                  <Popconfirm
                    title={t('events.agenda.deleteConfirm')}
                    onConfirm={() => remove.mutate(item.id)}
                  >
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={locked}
                      aria-label={t('events.delete')}
                    />
                  </Popconfirm>
                </Space>
              }
            >
              <Typography.Text strong>{item.title}</Typography.Text>
              {item.notes && (
                <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-line', margin: 0 }}>
                  {item.notes}
                </Typography.Paragraph>
              )}
              <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 8 }}>
                <Typography.Text type="secondary">
                  {[item.speaker, item.place].filter(Boolean).join(' · ')}
                </Typography.Text>
                <InputNumber
                  size="small"
                  min={0}
                  max={720}
                  step={5}
                  value={item.durationMinutes}
                  disabled={locked}
                  addonAfter={t('events.route.minutes')}
                  aria-label={t('events.agenda.duration')}
                  onChange={(value) =>
                    typeof value === 'number' &&
                    value !== item.durationMinutes &&
                    resize.mutate({ itemId: item.id, durationMinutes: value })
                  }
                  style={{ width: 110 }}
                />
              </Flex>
            </Card>
          )}
        />
      ) : (
        <Table<AgendaItem>
          rowKey="id"
          size="small"
          loading={agenda.isPending}
          dataSource={data?.items}
          pagination={false}
          scroll={{ x: 900 }}
          rowClassName={(item) => (warningFor(item.id).length ? 'gm-row-warning' : '')}
          locale={{ emptyText: t('events.agenda.empty') }}
          columns={[
            {
              title: t('events.agenda.time'),
              width: 120,
              render: (_, item) => (item.start === item.end ? item.start : `${item.start}–${item.end}`),
            },
            {
              title: t('events.agenda.duration'),
              width: 110,
              render: (_, item) => (
                <InputNumber
                  size="small"
                  min={0}
                  max={720}
                  step={5}
                  value={item.durationMinutes}
                  disabled={locked}
                  aria-label={t('events.agenda.duration')}
                  onChange={(value) =>
                    typeof value === 'number' &&
                    value !== item.durationMinutes &&
                    resize.mutate({ itemId: item.id, durationMinutes: value })
                  }
                  style={{ width: 80 }}
                />
              ),
            },
            {
              title: t('events.agenda.type'),
              dataIndex: 'type',
              width: 80,
              render: (type: AgendaItem['type']) => (
                <Tag color={TYPE_COLORS[type]}>{t(`enums.agendaItemType.${type}`)}</Tag>
              ),
            },
            {
              title: t('events.agenda.title'),
              render: (_, item) => (
                <>
                  <Typography.Text strong>{item.title}</Typography.Text>
                  {item.notes && (
                    <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-line', margin: 0 }}>
                      {item.notes}
                    </Typography.Paragraph>
                  )}
                </>
              ),
            },
            {
              title: t('events.agenda.speakerPlace'),
              width: 180,
              render: (_, item) => [item.speaker, item.place].filter(Boolean).join(' · '),
            },
            {
              title: '',
              width: 90,
              render: (_, item) => (
                <Space size={0}>
                  <Button
                    type="text"
                    icon={<EditOutlined />}
                    disabled={locked}
                    onClick={() => setEditing(item)}
                    aria-label={t('common.edit')}
                  />
                  <Popconfirm
                    title={t('events.agenda.deleteConfirm')}
                    onConfirm={() => remove.mutate(item.id)}
                  >
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={locked}
                      aria-label={t('events.delete')}
                    />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}

      {data && (
        <Card
          size="small"
          title={
            data.publishedVersion
              ? t('events.agenda.changesSince', { n: data.publishedVersion })
              : t('events.agenda.neverPublished')
          }
          data-testid="agenda-changelog"
        >
          {data.changes.length === 0 ? (
            <Typography.Text type="secondary">{t('events.agenda.noChanges')}</Typography.Text>
          ) : (
            <List size="small" dataSource={data.changes} renderItem={(c) => <ChangeLine change={c} />} />
          )}
        </Card>
      )}

      <AgendaItemModal
        item={editing}
        pending={save.isPending}
        onCancel={() => setEditing(undefined)}
        onSave={(input, shift) => save.mutate({ item: editing ?? null, input, shift })}
      />
      <Drawer open={history} onClose={() => setHistory(false)} title={t('events.agenda.versions')} size={480}>
        <List
          loading={versions.isPending}
          dataSource={versions.data}
          locale={{ emptyText: t('events.agenda.neverPublished') }}
          renderItem={(v) => (
            <List.Item>
              <List.Item.Meta
                title={t('events.agenda.publishedVersion', { n: v.version })}
                description={`${new Date(v.publishedAt).toLocaleString()}${v.publishedByName ? ` · ${v.publishedByName}` : ''}`}
              />
              <ol className="gm-version-items">
                {v.items.map((i) => (
                  <li key={i.id}>
                    {i.start === i.end ? i.start : `${i.start}–${i.end}`} {i.title}
                  </li>
                ))}
              </ol>
            </List.Item>
          )}
        />
      </Drawer>
    </Flex>
  );
}

function warningText(
  t: (key: string, params?: Record<string, unknown>) => string,
  w: AgendaWarning,
  items: AgendaItem[],
) {
  const titles = w.itemIds.map((id) => items.find((i) => i.id === id)?.title ?? '').join(' / ');
  return t(`events.agenda.warning.${w.code}`, { items: titles, minutes: w.minutes ?? 0 });
}

function ChangeLine({ change }: { change: AgendaChange }) {
  const { t } = useTranslation();
  const color = { added: 'green', removed: 'red', changed: 'blue' }[change.kind];
  return (
    <List.Item>
      <Space wrap>
        <Tag color={color}>{t(`events.agenda.change.${change.kind}`)}</Tag>
        <Typography.Text>{change.title}</Typography.Text>
        {change.fields.map((f) => (
          <Typography.Text key={f.field} type="secondary">
            {t(`events.agenda.field.${f.field}`)}: {f.before ?? '—'} → {f.after ?? '—'}
          </Typography.Text>
        ))}
      </Space>
    </List.Item>
  );
}
