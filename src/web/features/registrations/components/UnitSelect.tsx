import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchUnits } from '../api.js';

/** A searchable member-unit select (server search by name). */
export function UnitSelect({
  value,
  onChange,
  initialName,
  allowClear,
  id,
  style,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  initialName?: string;
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const units = useQuery({ queryKey: ['member-units', 'search', q], queryFn: () => searchUnits(q) });
  const options = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (value && initialName && !options.some((o) => o.value === value))
    options.unshift({ value, label: initialName });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={units.isFetching}
      placeholder={t('registrations.filters.unit')}
      notFoundContent={t('registrations.noUnit')}
      style={style}
    />
  );
}
