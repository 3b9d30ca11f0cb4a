import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Registration } from '../../../../contract/registrations.js';

const COLORS = { confirmed: 'green', waitlisted: 'orange', pending: 'blue', cancelled: 'default' } as const;

export function RegistrationStatusTag({
  registration,
}: {
  registration: Pick<Registration, 'status' | 'waitlistPosition'>;
}) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[registration.status]}>
      {t(`registrations.status.${registration.status}`)}
      {registration.status === 'waitlisted' && registration.waitlistPosition
        ? ` #${registration.waitlistPosition}`
        : ''}
    </Tag>
  );
}
