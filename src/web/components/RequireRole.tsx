import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../contract/common.js';
import { useMe } from '../app/session.js';

/** Shows the page only to the given roles (the server checks again; this just avoids a dead end). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (me && !roles.includes(me.role)) return <Result status="403" title={t('common.forbidden')} />;
  return children;
}
