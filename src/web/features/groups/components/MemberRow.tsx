import { CheckCircleFilled, HolderOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Member } from '../api.js';

export const DRAG_TYPE = 'application/x-guanmo-registration';

/** One member: draggable to another group, or moved with the "move to…" select (phones, keyboard). */
export function MemberRow({
  member,
  groupId,
  targets,
  onMove,
}: {
  member: Member;
  groupId: string | null;
  targets: { value: string; label: string }[];
  onMove: (groupId: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <li
      className="grp-member"
      draggable
      data-testid="group-member"
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, member.registrationId);
        e.dataTransfer.setData('text/plain', member.registrationId);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <HolderOutlined className="grp-handle grp-no-print" aria-hidden />
      <div className="grp-member-who">
        <div className="grp-member-name">
          {member.name}
          {member.checkedIn && (
            <CheckCircleFilled
              className="grp-checked"
              aria-label={t('groups.checkedIn')}
              title={t('groups.checkedIn')}
            />
          )}
        </div>
        <div className="grp-member-unit">
          {member.unitName}
          {member.position ? ` · ${member.position}` : ''}
        </div>
      </div>
      <Select
        size="small"
        className="grp-move grp-no-print"
        placeholder={t('groups.moveTo')}
        aria-label={t('groups.moveToFor', { name: member.name })}
        value={null}
        popupMatchSelectWidth={false}
        onChange={(value: string) => onMove(value === '' ? null : value)}
        options={[
          ...(groupId ? [{ value: '', label: t('groups.ungrouped') }] : []),
          ...targets.filter((o) => o.value !== groupId),
        ]}
      />
    </li>
  );
}
