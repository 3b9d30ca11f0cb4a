import { type ButtonProps, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnswerInput, QA_LIMITS, type StaffQuestion } from '../../../../contract/qa.js';

const LAST_BY = 'guanmo_qa_answered_by';
const lastAnsweredBy = () => {
  try {
    return localStorage.getItem(LAST_BY) ?? '';
  } catch {
    return '';
  }
};

/** 标记已回答: the gist of the answer and who gave it (the last speaker is offered again). */
export function AnswerModal({
  question,
  busy,
  onSubmit,
  onClose,
}: {
  question: StaffQuestion | null;
  busy: boolean;
  onSubmit: (input: AnswerInput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AnswerInput>();
  useEffect(() => {
    if (question)
      form.setFieldsValue({
        answer: question.answer ?? '',
        answeredBy: question.answeredBy ?? lastAnsweredBy(),
      });
  }, [question, form]);

  return (
    <Modal
      open={question !== null}
      title={t('qa.answer.title')}
      okText={t('qa.answer.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'qa-answer-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph className="qa-modal-question">{question?.text}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          try {
            localStorage.setItem(LAST_BY, values.answeredBy ?? '');
          } catch {
            // not fatal
          }
          onSubmit({ answer: values.answer ?? '', answeredBy: values.answeredBy ?? '' });
        }}
      >
        <Form.Item name="answer" label={t('qa.answer.text')} extra={t('qa.answer.textHelp')}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={QA_LIMITS.answerText}
            showCount
            placeholder={t('qa.answer.textPlaceholder')}
            data-testid="qa-answer-input"
          />
        </Form.Item>
        <Form.Item name="answeredBy" label={t('qa.answer.by')}>
          <Input
            maxLength={QA_LIMITS.answeredBy}
            placeholder={t('qa.answer.byPlaceholder')}
            data-testid="qa-answered-by-input"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
