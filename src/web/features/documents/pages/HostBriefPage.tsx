import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  List,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../../app/api.js';
import { downloadDocument, getHostBrief } from '../api.js';

/** Host (and staff): the read-only brief for the visited site — agenda, visitors, focus, questions, route. */
export default function HostBriefPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['host-brief', id], queryFn: () => getHostBrief(id) });
  if (query.error) {
    const text = query.error instanceof ApiError ? query.error.detail : String(query.error);
    return <Alert type="error" showIcon title={text} />;
  }
  const brief = query.data;
  if (!brief) return <Card loading />;
  const save = (path: string) =>
    downloadDocument(path).catch((error: unknown) =>
      message.error(error instanceof ApiError ? error.detail : String(error)),
    );
  const { attendees } = brief;
  const counts = (rows: { label: string; count: number }[], labelKey: string) => (
    <Table
      size="small"
      pagination={false}
      rowKey="label"
      dataSource={rows}
      columns={[
        { title: t(labelKey), dataIndex: 'label' },
        { title: t('documents.host_brief.count'), dataIndex: 'count', width: 100 },
      ]}
    />
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ marginBottom: 0 }}>
        {brief.title}
      </Typography.Title>
      <Space wrap>
        <Tag>{t(`enums.eventStatus.${brief.status}`)}</Tag>
        <span>
          {brief.dateText} {brief.timeSpan}
        </span>
        {brief.siteName && <span>{brief.siteName}</span>}
      </Space>
      <Space wrap>
        <Button icon={<DownloadOutlined />} onClick={() => save(brief.links.pdf)}>
          {t('documents.host_page.download_pdf')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => save(brief.links.docx)}>
          {t('documents.host_page.download_docx')}
        </Button>
      </Space>
      <Card title={t('documents.host_page.agenda')}>
        <List
          dataSource={brief.agenda}
          locale={{ emptyText: t('documents.host_page.none') }}
          renderItem={(item) => (
            <List.Item>
              <List.Item.Meta
                title={`${item.start === item.end ? item.start : `${item.start}-${item.end}`} ${item.title}`}
                description={item.detail}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('documents.host_page.visitors')}>
        <Descriptions
          column={1}
          items={[
            { key: 'expected', label: t('documents.host_page.expected'), children: attendees.expected },
          ]}
        />
        {!attendees.registrationStarted ? (
          <Alert type="info" showIcon title={t('documents.host_page.not_started')} />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            {counts(attendees.byUnitType, 'documents.host_brief.by_unit_type')}
            {counts(attendees.byPosition, 'documents.host_brief.by_position')}
            {attendees.units.length > 0 && (
              <Typography.Paragraph>
                {t('documents.host_brief.units_label')}
                {attendees.units.join('、')}
              </Typography.Paragraph>
            )}
          </Space>
        )}
      </Card>
      <Card title={t('documents.host_page.focus')}>
        {brief.focusDimensions.length ? (
          <Space wrap>
            {brief.focusDimensions.map((d) => (
              <Tag key={d} color="blue">
                {d}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('documents.host_brief.focus_none')}</Typography.Text>
        )}
      </Card>
      <Card title={t('documents.host_page.questions')}>
        {attendees.questions.length ? (
          <List
            dataSource={attendees.questions}
            renderItem={(q, i) => <List.Item>{`${i + 1}. ${q}`}</List.Item>}
          />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('documents.host_brief.questions_none')}
          />
        )}
      </Card>
      <Card title={t('documents.host_page.route')}>
        {brief.route.length ? (
          brief.route.map((route) => (
            <Steps
              key={route.siteName}
              direction="vertical"
              size="small"
              current={-1}
              items={route.stops.map((stop) => ({
                title: stop.name,
                description: t('documents.host_page.minutes', { n: stop.minutes }),
              }))}
            />
          ))
        ) : (
          <Typography.Text type="secondary">{t('documents.host_brief.route_none')}</Typography.Text>
        )}
      </Card>
    </Space>
  );
}
