import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Honour, Willingness } from '../../../../contract/sites.js';

const WILLINGNESS_COLOURS: Record<Willingness, string> = { yes: 'green', conditional: 'gold', no: 'default' };
const HONOUR_COLOURS: Record<Honour['level'], string> = {
  national: 'red',
  provincial: 'volcano',
  municipal: 'orange',
  district: 'default',
};

export function WillingnessTag({ value }: { value: Willingness }) {
  const { t } = useTranslation();
  return <Tag color={WILLINGNESS_COLOURS[value]}>{t(`enums.willingness.${value}`)}</Tag>;
}

export function HonourTag({ honour }: { honour: Pick<Honour, 'level' | 'title' | 'year'> }) {
  const { t } = useTranslation();
  const level = t(`enums.honourLevel.${honour.level}`);
  // "省级物业管理示范项目" already says its level; "Model project" does not.
  const title = honour.title.includes(level) ? honour.title : `${level} · ${honour.title}`;
  return (
    <Tag color={HONOUR_COLOURS[honour.level]} style={{ whiteSpace: 'normal' }}>
      {honour.year} · {title}
    </Tag>
  );
}

/** 1234.5 → "1,234.5"; null → "—". */
export const formatNumber = (value: number | null | undefined, lang: string) =>
  value === null || value === undefined ? '—' : value.toLocaleString(lang);
