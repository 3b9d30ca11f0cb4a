import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldPath } from '../app/api.js';

const sameName = (a: (string | number)[], b: (string | number)[]) =>
  a.length === b.length && a.every((part, i) => String(part) === String(b[i]));

/**
 * Returns a handler that shows an API error: field errors go onto the form's fields when the
 * form has them; everything else appears as a message with the server's translated detail.
 */
export function useApiError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        message.error(t('common.unexpectedError'));
        return;
      }
      if (form && error.errors.length) {
        const known = form.getFieldsError().map((f) => f.name as (string | number)[]);
        const onFields = error.errors.filter((e) => known.some((name) => sameName(name, fieldPath(e.path))));
        const elsewhere = error.errors.filter((e) => !onFields.includes(e));
        form.setFields(onFields.map((e) => ({ name: fieldPath(e.path), errors: [e.message] })));
        if (elsewhere.length) message.error(elsewhere.map((e) => e.message).join('；'));
        else message.error(t('common.fixFields'));
        return;
      }
      message.error(error.detail);
    },
    [message, t],
  );
}
