import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../contract/common.js';
import type { Me } from '../../contract/users.js';
import { api } from '../app/api.js';
import { changeLanguage, currentLang, LANG_OPTIONS } from '../app/i18n.js';
import { meKey, useMe } from '../app/session.js';

/** The language picker in the header; signed-in users also keep the choice on their account. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();

  const onChange = async (lang: Lang) => {
    await changeLanguage(lang);
    if (me) {
      try {
        const updated = await api.patch<Me>('/auth/me', { lang });
        queryClient.setQueryData(meKey, updated);
      } catch {
        // The choice still applies in this browser; the account keeps its old language.
      }
    }
  };

  return (
    <Select<Lang>
      aria-label={t('common.language')}
      data-testid="language-switch"
      value={currentLang()}
      onChange={onChange}
      options={LANG_OPTIONS}
      prefix={<GlobalOutlined />}
      variant="borderless"
      popupMatchSelectWidth={false}
      style={{ minWidth: 96 }}
    />
  );
}
