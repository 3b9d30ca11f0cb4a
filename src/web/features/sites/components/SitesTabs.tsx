import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** Switches between the site registry, screening and coverage. */
export function SitesTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const value = pathname.startsWith('/sites/screening')
    ? '/sites/screening'
    : pathname.startsWith('/sites/coverage')
      ? '/sites/coverage'
      : '/sites';
  return (
    <Segmented
      value={value}
      onChange={(path) => navigate(path)}
      options={[
        { value: '/sites', label: t('sites.tabs.list') },
        { value: '/sites/screening', label: t('sites.tabs.screening') },
        { value: '/sites/coverage', label: t('sites.tabs.coverage') },
      ]}
      style={{ marginBottom: 16 }}
      data-testid="sites-tabs"
    />
  );
}
