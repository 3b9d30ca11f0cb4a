import { DownOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { PageLoading } from '../components/PageLoading.js';
import { api } from './api.js';
import { activeNavPath, navItemsFor } from './nav.js';
import { useMe, useSetupStatus } from './session.js';

const { Header, Sider, Content } = Layout;

/** The signed-in shell: side menu on desktop, a drawer behind a hamburger on phones. */
export default function AppLayout() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const { data: setup } = useSetupStatus();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  if (isPending) return <PageLoading />;
  if (!me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }

  const items = navItemsFor(me.role);
  const selected = activeNavPath(location.pathname, items);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={items.map((item) => ({ key: item.path, icon: item.icon, label: t(item.labelKey) }))}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const logout = async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      queryClient.clear();
      navigate('/login', { replace: true });
    }
  };

  const associationName = setup?.associationName ?? t('common.appName');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Sider
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={220}
          style={{ borderInlineEnd: '1px solid rgba(5,5,5,0.06)' }}
        >
          <div className="gm-logo">{collapsed ? t('common.appShort') : t('common.appName')}</div>
          {menu}
        </Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header className="gm-header">
          {isPhone && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.openMenu')}
              data-testid="nav-toggle"
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <Typography.Text strong ellipsis className="gm-header-title" data-testid="association-name">
            {associationName}
          </Typography.Text>
          <LanguageSwitch />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'account', icon: <UserOutlined />, label: t('nav.account') },
                { type: 'divider' },
                { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout') },
              ],
              onClick: ({ key }) => (key === 'logout' ? void logout() : navigate('/account')),
            }}
          >
            <Button type="text" data-testid="user-menu" className="gm-user-button">
              <UserOutlined />
              {!isPhone && <span className="gm-user-name">{me.name}</span>}
              <DownOutlined style={{ fontSize: 10 }} />
            </Button>
          </Dropdown>
        </Header>
        <Content className="gm-content">
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      {isPhone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('common.appName')}
          size={260}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}
