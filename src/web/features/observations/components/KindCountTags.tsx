import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KindCounts } from '../../../../contract/observations.js';

export const KIND_COLORS = { highlight: 'green', problem: 'red', suggestion: 'blue' } as const;

export function KindCountTags({ counts }: { counts: KindCounts }) {
  const { t } = useTranslation();
  return (
    <span>
      {(['highlight', 'problem', 'suggestion'] as const).map((kind) => (
        <Tag key={kind} color={counts[kind] ? KIND_COLORS[kind] : undefined}>
          {t(`observations.kinds.${kind}`)} {counts[kind]}
        </Tag>
      ))}
    </span>
  );
}
