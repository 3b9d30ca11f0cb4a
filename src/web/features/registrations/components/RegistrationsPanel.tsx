import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../../contract/events.js';
import { FieldsEditor } from './FieldsEditor.js';
import { RegistrationList } from './RegistrationList.js';
import { SettingsForm } from './SettingsForm.js';

/** 报名管理 tab of an event: the list with its actions, the settings, and the custom fields. */
export function RegistrationsPanel({ event }: { event: Event }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState('list');
  return (
    <Tabs
      size="small"
      activeKey={tab}
      onChange={setTab}
      items={[
        { key: 'list', label: t('registrations.tabs.list'), children: <RegistrationList event={event} /> },
        {
          key: 'settings',
          label: t('registrations.tabs.settings'),
          children: <SettingsForm event={event} />,
        },
        { key: 'fields', label: t('registrations.tabs.fields'), children: <FieldsEditor event={event} /> },
      ]}
    />
  );
}
