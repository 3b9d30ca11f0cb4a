import { Layout, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useSetupStatus } from './session.js';

/** The shell of pages used before signing in: setup, login, invite. */
export default function PublicLayout() {
  const { t } = useTranslation();
  const { data: setup } = useSetupStatus();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="gm-header">
        <Typography.Text strong ellipsis className="gm-header-title" data-testid="association-name">
          {setup?.associationName ?? t('common.appName')}
        </Typography.Text>
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content className="gm-public-content">
        <div className="gm-public-card">
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </div>
      </Layout.Content>
    </Layout>
  );
}
