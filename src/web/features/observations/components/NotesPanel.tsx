import { LockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Image, List, Segmented, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteKind, ObservationSummary, StaffNotesQuery } from '../../../../contract/observations.js';
import { getStaffNotes, notesKey } from '../api.js';
import { KIND_COLORS } from './KindCountTags.js';

type Filters = Pick<Partial<StaffNotesQuery>, 'kind' | 'dimensionId' | 'eventSiteId'> & {
  sort: 'votes' | 'recent';
};

/** Every note of the event (private ones included: staff see them), filtered by kind, dimension, site. */
export function NotesPanel({ eventId, summary }: { eventId: string; summary: ObservationSummary }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ sort: 'votes' });
  const notes = useQuery({
    queryKey: notesKey(eventId, filters),
    queryFn: () => getStaffNotes(eventId, filters),
  });
  const dimensions = summary.sites[0]?.dimensions ?? [];
  const pointTitle = new Map(
    summary.sites.flatMap((s) =>
      s.dimensions.flatMap((d) => d.points.map((p) => [p.pointId, p.title] as const)),
    ),
  );
  const dimensionName = new Map(dimensions.map((d) => [d.dimensionId, d.name]));

  return (
    <Card
      title={t('observations.notes.title', { count: notes.data?.length ?? 0 })}
      size="small"
      data-testid="results-notes"
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<NoteKind | undefined>
          allowClear
          placeholder={t('observations.notes.kind')}
          style={{ width: 140 }}
          value={filters.kind}
          onChange={(kind) => setFilters({ ...filters, kind })}
          options={(['highlight', 'problem', 'suggestion'] as const).map((k) => ({
            value: k,
            label: t(`observations.kinds.${k}`),
          }))}
        />
        <Select<string | undefined>
          allowClear
          placeholder={t('observations.notes.dimension')}
          style={{ width: 200 }}
          value={filters.dimensionId}
          onChange={(dimensionId) => setFilters({ ...filters, dimensionId })}
          options={dimensions.map((d) => ({ value: d.dimensionId, label: d.name }))}
        />
        {summary.sites.length > 1 ? (
          <Select<string | undefined>
            allowClear
            placeholder={t('observations.notes.site')}
            style={{ width: 180 }}
            value={filters.eventSiteId}
            onChange={(eventSiteId) => setFilters({ ...filters, eventSiteId })}
            options={summary.sites.map((s) => ({ value: s.eventSiteId, label: s.siteName }))}
          />
        ) : null}
        <Segmented<'votes' | 'recent'>
          value={filters.sort}
          onChange={(sort) => setFilters({ ...filters, sort })}
          options={[
            { value: 'votes', label: t('observations.notes.byVotes') },
            { value: 'recent', label: t('observations.notes.recent') },
          ]}
        />
      </Flex>
      {notes.data && !notes.data.length ? (
        <Empty description={t('observations.notes.empty')} />
      ) : (
        <List
          loading={notes.isPending}
          dataSource={notes.data ?? []}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              extra={n.votes ? <Typography.Text strong>+1 × {n.votes}</Typography.Text> : null}
            >
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Flex gap={4} wrap align="center">
                  <Tag color={KIND_COLORS[n.kind]}>{t(`observations.kinds.${n.kind}`)}</Tag>
                  {n.dimensionId ? <Tag>{dimensionName.get(n.dimensionId) ?? ''}</Tag> : null}
                  {n.pointId ? (
                    <Typography.Text type="secondary">{pointTitle.get(n.pointId)}</Typography.Text>
                  ) : null}
                  {!n.shared ? <Tag icon={<LockOutlined />}>{t('observations.notes.private')}</Tag> : null}
                  {n.sentToQa ? <Tag color="purple">{t('observations.notes.toQa')}</Tag> : null}
                </Flex>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {n.text}
                </Typography.Paragraph>
                {n.photos.length ? (
                  <Image.PreviewGroup>
                    <Flex gap={6} wrap>
                      {n.photos.map((p) => (
                        <Image
                          key={p.id}
                          src={p.thumbUrl}
                          preview={{ src: p.url }}
                          width={72}
                          height={72}
                          style={{ objectFit: 'cover', borderRadius: 6 }}
                        />
                      ))}
                    </Flex>
                  </Image.PreviewGroup>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {n.authorName} · {n.unitName}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
