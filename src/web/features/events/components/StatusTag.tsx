import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventStatus } from '../../../../contract/events.js';

const COLORS: Record<EventStatus, string> = {
  draft: 'default',
  published: 'green',
  registration_closed: 'orange',
  in_progress: 'blue',
  completed: 'purple',
  archived: 'default',
};

export function StatusTag({ status }: { status: EventStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="event-status">
      {t(`enums.eventStatus.${status}`)}
    </Tag>
  );
}
