import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SurveyStatus } from '../../../../contract/surveys.js';

const COLORS: Record<SurveyStatus, string> = { draft: 'default', open: 'green', closed: 'blue' };

export function StatusTag({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="survey-status">
      {t(`surveys.status.${status}`)}
    </Tag>
  );
}
