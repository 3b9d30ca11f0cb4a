import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { InvitesPanel } from '../components/InvitesPanel.js';
import { UsersTable } from '../components/UsersTable.js';

/** Admin: the accounts of the association and the invites that create new ones. */
export default function UsersPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3}>{t('users.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'users', label: t('users.tabUsers'), children: <UsersTable /> },
          { key: 'invites', label: t('users.tabInvites'), children: <InvitesPanel /> },
        ]}
      />
    </>
  );
}
