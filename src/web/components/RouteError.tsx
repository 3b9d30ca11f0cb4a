import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

const RELOADED = 'guanmo_reloaded_for_update';
const isStaleChunk = (error: unknown) =>
  error instanceof Error &&
  /dynamically imported module|Importing a module script failed|Loading chunk/i.test(error.message);

/**
 * Shown when a page fails to render. After a new version is deployed the old page's chunks are
 * gone: reload once to get the new ones, and otherwise offer a reload button.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const stale = isStaleChunk(error);

  useEffect(() => {
    if (stale && !sessionStorage.getItem(RELOADED)) {
      sessionStorage.setItem(RELOADED, '1');
      window.location.reload();
    }
  }, [stale]);

  return (
    <Result
      status={stale ? 'info' : 'error'}
      title={stale ? t('common.newVersion') : t('common.pageError')}
      subTitle={error instanceof Error && !stale ? error.message : undefined}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
