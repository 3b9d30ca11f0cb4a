import { CloudSyncOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** Offline state and the scans waiting for upload; gone once online with an empty queue. */
export function OfflineBanner({
  online,
  queued,
  syncing,
  syncError,
  onSync,
}: {
  online: boolean;
  queued: number;
  syncing: boolean;
  syncError: string | null;
  onSync: () => void;
}) {
  const { t } = useTranslation();
  if (online && queued === 0 && !syncError) return null;
  return (
    <Alert
      className="ck-banner"
      data-testid="offline-banner"
      type={online ? (syncError ? 'error' : 'info') : 'warning'}
      showIcon
      icon={online ? <CloudSyncOutlined /> : <DisconnectOutlined />}
      title={
        <span>
          {online ? t('checkin.offline.online') : t('checkin.offline.banner')}
          {queued > 0 && (
            <strong className="ck-queued" data-testid="queued-count">
              {' '}
              {t('checkin.offline.queued', { count: queued })}
            </strong>
          )}
        </span>
      }
      description={syncError ?? undefined}
      action={
        queued > 0 && online ? (
          <Button size="small" loading={syncing} onClick={onSync}>
            {t('checkin.offline.syncNow')}
          </Button>
        ) : undefined
      }
    />
  );
}
