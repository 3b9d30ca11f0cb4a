import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, List, Popconfirm, Select, Space, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../../contract/sites.js';
import { useApiError } from '../../../components/useApiError.js';
import { linkHost, listHostAccounts, sitesKey, unlinkHost } from '../api.js';

/** Host accounts (被参观方) linked to the site: they see its brief and feedback later. */
export function SiteHosts(props: { site: Site; canEdit: boolean; onChanged: (site: Site) => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const q = useDeferredValue(search);
  const accounts = useQuery({
    queryKey: [...sitesKey, 'host-accounts', q],
    queryFn: () => listHostAccounts(q || undefined),
    enabled: props.canEdit,
  });

  const run = async (action: () => Promise<Site>) => {
    setBusy(true);
    try {
      props.onChanged(await action());
      setPicked(undefined);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('sites.hosts.title')}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('sites.hosts.hint')}
      </Typography.Paragraph>
      {props.site.hosts.length ? (
        <List
          size="small"
          dataSource={props.site.hosts}
          renderItem={(host) => (
            <List.Item
              actions={
                props.canEdit
                  ? [
                      <Popconfirm
                        key="unlink"
                        title={t('sites.hosts.confirmUnlink', { name: host.name })}
                        onConfirm={() => run(() => unlinkHost(props.site.id, host.id))}
                      >
                        <Button size="small" type="link" danger>
                          {t('sites.hosts.unlink')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta title={host.name} description={host.email} />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sites.hosts.none')} />
      )}
      {props.canEdit && (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            value={picked}
            onChange={setPicked}
            placeholder={t('sites.hosts.pick')}
            loading={accounts.isFetching}
            style={{ flex: 1, minWidth: 0 }}
            notFoundContent={t('sites.hosts.noAccounts')}
            options={(accounts.data ?? [])
              .filter((a) => a.siteId !== props.site.id)
              .map((a) => ({
                value: a.id,
                label: a.siteName
                  ? t('sites.hosts.accountElsewhere', { name: a.name, site: a.siteName })
                  : a.name,
              }))}
            data-testid="site-host-pick"
          />
          <Button
            type="primary"
            disabled={!picked}
            loading={busy}
            onClick={() => picked && run(() => linkHost(props.site.id, picked))}
          >
            {t('sites.hosts.link')}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}
