import { Alert, type ButtonProps, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SURVEY_AUDIENCES, type SurveyAudience, type SurveyStatus } from '../../../../contract/surveys.js';

/**
 * Confirms "open and send": who receives the invitation (those who arrived, or everyone
 * confirmed). Sending again only reaches people not invited yet.
 */
export function SendModal({
  open,
  status,
  audience,
  dirty,
  problems,
  busy,
  onSend,
  onCancel,
}: {
  open: boolean;
  status: SurveyStatus;
  audience: SurveyAudience;
  dirty: boolean;
  /** Problems the builder shows: the survey cannot be saved, so it cannot be opened either. */
  problems: number;
  busy: boolean;
  onSend: (audience: SurveyAudience) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<SurveyAudience>(audience);
  const first = status !== 'open';
  return (
    <Modal
      open={open}
      title={first ? t('surveys.send.titleOpen') : t('surveys.send.titleAgain')}
      okText={first ? t('surveys.send.okOpen') : t('surveys.send.okAgain')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => onSend(choice)}
      onCancel={onCancel}
      okButtonProps={{ disabled: problems > 0, 'data-testid': 'survey-send-confirm' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {first ? t('surveys.send.textOpen') : t('surveys.send.textAgain')}
      </Typography.Paragraph>
      <Typography.Text strong>{t('surveys.settings.audience')}</Typography.Text>
      <Radio.Group
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
        style={{ display: 'block', marginTop: 8 }}
      >
        <Space orientation="vertical">
          {SURVEY_AUDIENCES.map((a) => (
            <Radio key={a} value={a} data-testid={`survey-send-audience-${a}`}>
              {t(`surveys.audience.${a}`)}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t(`surveys.audience.${a}Hint`)}
              </Typography.Text>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      {dirty ? (
        <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('surveys.send.savesFirst')} />
      ) : null}
    </Modal>
  );
}
