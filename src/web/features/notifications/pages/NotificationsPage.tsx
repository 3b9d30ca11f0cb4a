import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OutboxTable } from '../components/OutboxTable.js';
import { TemplateEditor } from '../components/TemplateEditor.js';
import { WebhookSettingsForm } from '../components/WebhookSettingsForm.js';

const TABS = ['outbox', 'templates', 'robots'] as const;

/** Admin/staff: what was sent (and what failed), the message templates and the group robots. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'outbox';
  return (
    <>
      <Typography.Title level={3}>{t('notifications.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'outbox', label: t('notifications.tabs.outbox'), children: <OutboxTable /> },
          { key: 'templates', label: t('notifications.tabs.templates'), children: <TemplateEditor /> },
          { key: 'robots', label: t('notifications.tabs.robots'), children: <WebhookSettingsForm /> },
        ]}
      />
    </>
  );
}
