import { Alert, type ButtonProps, Modal, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffQuestion } from '../../../../contract/qa.js';
import { sortQuestions } from '../questions.js';

/** 合并重复问题: pick the question this one duplicates; its votes move there. */
export function MergeModal({
  question,
  questions,
  busy,
  onSubmit,
  onClose,
}: {
  question: StaffQuestion | null;
  questions: StaffQuestion[];
  busy: boolean;
  onSubmit: (targetId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<string | null>(null);
  // A new question to merge starts with no target picked.
  useEffect(() => {
    if (question) setTarget(null);
  }, [question]);
  const options = useMemo(
    () =>
      sortQuestions(
        questions.filter((q) => q.id !== question?.id && q.status !== 'merged' && q.status !== 'hidden'),
        'votes',
      ).map((q) => ({
        value: q.id,
        label: `${q.text}（${q.votes} ${t('qa.votes')}）`,
        text: q.text,
      })),
    [questions, question, t],
  );

  return (
    <Modal
      open={question !== null}
      title={t('qa.merge.title')}
      okText={t('qa.merge.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ disabled: !target, 'data-testid': 'qa-merge-submit' } as ButtonProps}
      onOk={() => target && onSubmit(target)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph className="qa-modal-question">{question?.text}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('qa.merge.help')}</Typography.Paragraph>
      {options.length ? (
        <Select
          showSearch={{ optionFilterProp: 'text' }}
          style={{ width: '100%' }}
          value={target}
          onChange={setTarget}
          options={options}
          placeholder={t('qa.merge.placeholder')}
          aria-label={t('qa.merge.target')}
          data-testid="qa-merge-target"
        />
      ) : (
        <Alert type="info" title={t('qa.merge.noTarget')} />
      )}
    </Modal>
  );
}
