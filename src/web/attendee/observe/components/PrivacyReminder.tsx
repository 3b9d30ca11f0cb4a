import { Dialog } from '../../components/Dialog.js';
import { useTranslation } from '../../i18n.js';

/** Shown once before the first photo: 拍照时注意保护业主隐私. */
export function PrivacyReminder({ onOk, onClose }: { onOk: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('attendee.observe.privacy.title')}
      confirmLabel={t('attendee.observe.privacy.ok')}
      onConfirm={onOk}
      onClose={onClose}
    >
      <p>{t('attendee.observe.privacy.text')}</p>
      <ul className="privacy-list">
        <li>{t('attendee.observe.privacy.faces')}</li>
        <li>{t('attendee.observe.privacy.plates')}</li>
        <li>{t('attendee.observe.privacy.doors')}</li>
      </ul>
    </Dialog>
  );
}
