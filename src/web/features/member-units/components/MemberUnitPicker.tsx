import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listMemberUnits, memberUnitsKey } from '../api.js';

/** A searchable select of active member units (by name or credit code). */
export function MemberUnitPicker(props: { value?: string | null; onChange?: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search);
  const { data, isFetching } = useQuery({
    queryKey: [...memberUnitsKey, 'picker', q],
    queryFn: () => listMemberUnits({ q: q || undefined, page: 1, pageSize: 20 }),
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={props.value ?? undefined}
      onChange={(id) => props.onChange?.(id ?? null)}
      loading={isFetching}
      placeholder={t('memberUnits.pickerPlaceholder')}
      options={data?.items.map((unit) => ({ value: unit.id, label: unit.name }))}
      notFoundContent={t('common.noData')}
    />
  );
}
