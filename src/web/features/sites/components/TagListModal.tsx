import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../components/useApiError.js';
import { saveSiteTags, sitesKey } from '../api.js';

/** Edits the association's list of suggested feature tags. */
export function TagListModal(props: { open: boolean; tags: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<string[]>(props.tags);
  useEffect(() => {
    if (props.open) setValue(props.tags);
  }, [props.open, props.tags]);
  const save = useMutation({
    mutationFn: () => saveSiteTags(value),
    onSuccess: () => {
      message.success(t('sites.tags.saved'));
      props.onClose();
      return queryClient.invalidateQueries({ queryKey: [...sitesKey, 'tags'] });
    },
    onError: (error) => showError(error),
  });
  return (
    <Modal
      open={props.open}
      title={t('sites.tags.title')}
      onCancel={props.onClose}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Typography.Paragraph type="secondary">{t('sites.tags.hint')}</Typography.Paragraph>
      <Select
        mode="tags"
        value={value}
        onChange={setValue}
        style={{ width: '100%' }}
        open={false}
        suffixIcon={null}
        data-testid="site-tag-list"
      />
    </Modal>
  );
}
