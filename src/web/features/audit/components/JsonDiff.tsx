import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Change = { key: string; before: unknown; after: unknown };

const show = (value: unknown) =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2);

/** The top-level fields of an audit entry that changed, before and after side by side. */
export function changesOf(before: unknown, after: unknown): Change[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(before) && !isObject(after)) return [{ key: '—', before, after }];
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .map((key) => ({ key, before: b[key], after: a[key] }));
}

export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const changes = changesOf(before, after);
  if (!changes.length) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Table<Change>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={changes}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('audit.field'), dataIndex: 'key', width: 140 },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          render: (v) => (
            <pre className="gm-json" style={{ color: '#cf1322', maxWidth: 420 }}>
              {show(v)}
            </pre>
          ),
        },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          render: (v) => (
            <pre className="gm-json" style={{ color: '#389e0d', maxWidth: 420 }}>
              {show(v)}
            </pre>
          ),
        },
      ]}
    />
  );
}
