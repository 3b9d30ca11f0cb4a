import { CopyOutlined, DesktopOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Switch, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type QaSettings, type QaSettingsInput, qaJoinPath, qaScreenPath } from '../../../../contract/qa.js';

const absolute = (path: string) => `${window.location.origin}${path}`;

/** Pre-moderation and "accepting questions" switches, and the presenter screen's link. */
export function SettingsBar({
  slug,
  settings,
  saving,
  rotating,
  onChange,
  onRotate,
}: {
  slug: string | null;
  settings: QaSettings;
  saving: keyof QaSettingsInput | null;
  rotating: boolean;
  onChange: (input: QaSettingsInput) => void;
  onRotate: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screenUrl = slug ? absolute(qaScreenPath(slug, settings.screenKey)) : null;
  const joinUrl = slug ? absolute(qaJoinPath(slug)) : null;
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => message.success(t('common.copied')),
      () => message.error(text),
    );

  return (
    <Flex gap={24} wrap align="center" className="qa-settings" data-testid="qa-settings">
      <div className="qa-switch">
        <Switch
          checked={settings.preModeration}
          loading={saving === 'preModeration'}
          onChange={(preModeration) => onChange({ preModeration })}
          aria-label={t('qa.settings.preModeration')}
          data-testid="qa-premoderation"
        />
        <span>
          <b>{t('qa.settings.preModeration')}</b>
          <Typography.Text type="secondary">{t('qa.settings.preModerationHelp')}</Typography.Text>
        </span>
      </div>
      <div className="qa-switch">
        <Switch
          checked={settings.open}
          loading={saving === 'open'}
          onChange={(open) => onChange({ open })}
          aria-label={t('qa.settings.open')}
          data-testid="qa-open"
        />
        <span>
          <b>{t('qa.settings.open')}</b>
          <Typography.Text type="secondary">{t('qa.settings.openHelp')}</Typography.Text>
        </span>
      </div>
      <Flex gap={6} wrap align="center" className="qa-links">
        <Tooltip title={screenUrl ? null : t('qa.settings.noSlug')}>
          <Button
            type="primary"
            icon={<DesktopOutlined />}
            disabled={!screenUrl}
            onClick={() => screenUrl && window.open(screenUrl, 'guanmo-qa-screen')}
            data-testid="qa-open-screen"
          >
            {t('qa.settings.openScreen')}
          </Button>
        </Tooltip>
        <Button
          icon={<CopyOutlined />}
          disabled={!screenUrl}
          onClick={() => screenUrl && void copy(screenUrl)}
          data-testid="qa-copy-screen"
        >
          {t('qa.settings.copyScreen')}
        </Button>
        <Popconfirm
          title={t('qa.settings.rotateConfirm')}
          okText={t('qa.settings.rotate')}
          cancelText={t('common.cancel')}
          onConfirm={onRotate}
        >
          <Button icon={<ReloadOutlined />} loading={rotating} data-testid="qa-rotate-screen">
            {t('qa.settings.rotate')}
          </Button>
        </Popconfirm>
        <Button
          icon={<CopyOutlined />}
          disabled={!joinUrl}
          onClick={() => joinUrl && void copy(joinUrl)}
          data-testid="qa-copy-join"
        >
          {t('qa.settings.copyJoin')}
        </Button>
      </Flex>
    </Flex>
  );
}
