import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';

/** Whether the live stream is connected. */
export function LiveBadge({ live }: { live: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      status={live ? 'processing' : 'default'}
      text={live ? t('checkin.dashboard.live') : t('checkin.dashboard.reconnecting')}
      data-testid="live-badge"
    />
  );
}
