import { useQuery } from '@tanstack/react-query';
import { Alert, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../app/api.js';
import { listHostEvents } from '../api.js';

/** Host: the events visiting its own site, each linking to the brief and to the run of show (现场控制). */
export default function HostEventsPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['host-events'], queryFn: listHostEvents });
  const errorText =
    query.error instanceof ApiError ? query.error.detail : query.error ? String(query.error) : null;
  return (
    <>
      <Typography.Title level={3}>{t('documents.host_page.my_events')}</Typography.Title>
      {errorText && <Alert type="error" title={errorText} showIcon />}
      <List
        loading={query.isLoading}
        dataSource={query.data ?? []}
        locale={{ emptyText: t('documents.host_page.no_events') }}
        renderItem={(event) => (
          <List.Item
            actions={[
              <Link key="ros" to={`/events/${event.id}/run-of-show`} data-testid="host-run-of-show">
                {t('runOfShow.title')}
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={<Link to={`/host/events/${event.id}`}>{event.theme}</Link>}
              description={event.eventDate}
            />
            <Tag>{t(`enums.eventStatus.${event.status}`)}</Tag>
          </List.Item>
        )}
      />
    </>
  );
}
