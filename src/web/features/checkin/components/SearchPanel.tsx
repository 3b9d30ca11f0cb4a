import { SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinListEntry } from '../../../../contract/checkin.js';
import { searchEntries } from '../lib/local-match.js';

/** Check-in without a QR code: find the person in the cached list by name, unit or mobile tail. */
export function SearchPanel({
  entries,
  busy,
  onPick,
}: {
  entries: CheckinListEntry[];
  busy: boolean;
  onPick: (entry: CheckinListEntry) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const matches = useMemo(() => searchEntries(entries, query), [entries, query]);

  return (
    <div className="ck-search">
      <Input
        size="large"
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('checkin.search.placeholder')}
        aria-label={t('checkin.search.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="checkin-search"
      />
      {query.trim() && matches.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checkin.search.empty')} />
      )}
      <ul className="ck-search-list">
        {matches.map((entry) => (
          <li key={entry.registrationId} className="ck-search-item" data-testid="checkin-search-item">
            <div className="ck-search-who">
              <div className="ck-search-name">
                {entry.name}
                {entry.mobileLast4 && <span className="ck-search-tail"> ·{entry.mobileLast4}</span>}
              </div>
              <div className="ck-search-unit">
                {entry.unitName} · {entry.siteName}
              </div>
            </div>
            {entry.checkedInAt ? (
              <Tag color="green">{t('checkin.search.arrived')}</Tag>
            ) : entry.status !== 'confirmed' ? (
              <Tag color="orange">{t(`checkin.status.${entry.status}`, { defaultValue: entry.status })}</Tag>
            ) : null}
            <Button type="primary" disabled={busy} onClick={() => onPick(entry)}>
              {t('checkin.search.checkIn')}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
