import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Popconfirm, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupPatch, GroupsOverview } from '../api.js';
import { DropColumn } from './DropColumn.js';
import { MemberRow } from './MemberRow.js';

type Group = GroupsOverview['groups'][number];
const FREE_TEXT = '__free__';

/** One group: rename, guide (a staff/host account or a name and phone), delete, members. */
export function GroupCard({
  group,
  guides,
  targets,
  onPatch,
  onDelete,
  onMove,
}: {
  group: Group;
  guides: GroupsOverview['guides'];
  targets: { value: string; label: string }[];
  onPatch: (patch: GroupPatch) => void;
  onDelete: () => void;
  onMove: (registrationId: string, groupId: string | null) => void;
}) {
  const { t } = useTranslation();
  const [freeText, setFreeText] = useState(!group.guideUserId && !!group.guideName);
  const [guideName, setGuideName] = useState(group.guideUserId ? '' : (group.guideName ?? ''));
  const [guidePhone, setGuidePhone] = useState(group.guidePhone ?? '');
  useEffect(() => {
    setGuideName(group.guideUserId ? '' : (group.guideName ?? ''));
    setGuidePhone(group.guidePhone ?? '');
  }, [group.guideUserId, group.guideName, group.guidePhone]);

  const arrived = group.members.filter((m) => m.checkedIn).length;
  return (
    <DropColumn
      className="grp-card"
      testId="group-card"
      label={group.name}
      onDropMember={(id) => onMove(id, group.id)}
    >
      <Flex align="center" gap={8} className="grp-card-head">
        <Typography.Title
          level={5}
          className="grp-card-title"
          editable={{
            onChange: (name) => name.trim() && name !== group.name && onPatch({ name: name.trim() }),
            triggerType: ['icon'],
            tooltip: t('groups.rename'),
          }}
        >
          {group.name}
        </Typography.Title>
        <Typography.Text type="secondary" className="grp-count">
          {t('groups.members', { count: group.members.length })} · {t('groups.arrived', { count: arrived })}
        </Typography.Text>
        <Popconfirm title={t('groups.deleteConfirm')} onConfirm={onDelete}>
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('groups.delete')}
            className="grp-no-print"
          />
        </Popconfirm>
      </Flex>
      <div className="grp-guide-print">
        {t('groups.guide')}：{group.guideName ?? t('groups.noGuide')}
        {group.guidePhone ? ` ${group.guidePhone}` : ''}
      </div>
      <div className="grp-guide grp-no-print">
        <Select
          size="small"
          allowClear
          style={{ width: '100%' }}
          placeholder={t('groups.guidePick')}
          aria-label={t('groups.guide')}
          value={group.guideUserId ?? (freeText ? FREE_TEXT : undefined)}
          onChange={(value?: string) => {
            if (value === FREE_TEXT) return setFreeText(true);
            setFreeText(false);
            onPatch({ guideUserId: value ?? null, guideName: null, guidePhone: null });
          }}
          options={[
            ...guides.map((g) => ({ value: g.id, label: `${g.name}（${t(`enums.role.${g.role}`)}）` })),
            { value: FREE_TEXT, label: t('groups.guideFree') },
          ]}
        />
        {freeText && (
          <Flex gap={4} style={{ marginTop: 4 }}>
            <Input
              size="small"
              placeholder={t('groups.guideName')}
              aria-label={t('groups.guideName')}
              value={guideName}
              onChange={(e) => setGuideName(e.target.value)}
            />
            <Input
              size="small"
              placeholder={t('groups.guidePhone')}
              aria-label={t('groups.guidePhone')}
              inputMode="tel"
              value={guidePhone}
              onChange={(e) => setGuidePhone(e.target.value)}
            />
            <Button
              size="small"
              onClick={() =>
                onPatch({
                  guideUserId: null,
                  guideName: guideName.trim() || null,
                  guidePhone: guidePhone.trim() || null,
                })
              }
            >
              {t('common.save')}
            </Button>
          </Flex>
        )}
      </div>
      <ul className="grp-members">
        {group.members.map((m) => (
          <MemberRow
            key={m.registrationId}
            member={m}
            groupId={group.id}
            targets={targets}
            onMove={(to) => onMove(m.registrationId, to)}
          />
        ))}
        {group.members.length === 0 && <li className="grp-empty">{t('groups.dropHere')}</li>}
      </ul>
    </DropColumn>
  );
}
