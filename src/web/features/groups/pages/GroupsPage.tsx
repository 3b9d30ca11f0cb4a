import { LeftOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, Modal, Result, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Event } from '../../../../contract/events.js';
import { useApiError } from '../../../components/useApiError.js';
import { eventKey, getEvent } from '../../events/api.js';
import {
  autoGroup,
  createGroup,
  deleteGroup,
  type GroupPatch,
  type GroupsOverview,
  getGroups,
  groupsKey,
  moveMembers,
  updateGroup,
} from '../api.js';
import { AutoGroupForm } from '../components/AutoGroupForm.js';
import { DropColumn } from '../components/DropColumn.js';
import { GroupCard } from '../components/GroupCard.js';
import { MemberRow } from '../components/MemberRow.js';
import '../groups.css';

/** 分组: per site, automatic grouping, guides, and moving people between groups. */
export default function GroupsPage() {
  const { t } = useTranslation();
  const eventId = useParams().id!;
  const event = useQuery({ queryKey: eventKey(eventId), queryFn: () => getEvent(eventId) });
  const overview = useQuery({ queryKey: groupsKey(eventId), queryFn: () => getGroups(eventId) });
  const [siteId, setSiteId] = useState<string | null>(null);

  if (event.isPending || overview.isPending) return <Spin />;
  if (event.isError) return <Result status="error" title={event.error.message} />;
  if (overview.isError) return <Result status="error" title={overview.error.message} />;
  const e = event.data;
  const active = siteId ?? e.sites[0]?.id;

  return (
    <Flex vertical gap={12} className="grp-page">
      <Flex align="center" gap={8} className="grp-no-print">
        <Link to={`/events/${eventId}`} aria-label={t('checkin.backToEvent')}>
          <LeftOutlined />
        </Link>
        <Typography.Title level={3} style={{ margin: 0, flex: 1, minWidth: 0 }} ellipsis>
          {t('groups.title')} · {e.theme}
        </Typography.Title>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('groups.print')}
        </Button>
      </Flex>
      <h2 className="grp-print-only">
        {e.theme} · {e.eventDate}
      </h2>
      {e.sites.length > 1 ? (
        <Tabs
          activeKey={active}
          onChange={setSiteId}
          items={e.sites.map((s) => ({
            key: s.id,
            label: s.siteName,
            children: <SiteGroups event={e} eventSiteId={s.id} data={overview.data} />,
          }))}
        />
      ) : active ? (
        <SiteGroups event={e} eventSiteId={active} data={overview.data} />
      ) : null}
    </Flex>
  );
}

function SiteGroups({
  event,
  eventSiteId,
  data,
}: {
  event: Event;
  eventSiteId: string;
  data: GroupsOverview;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useApiError();
  const [naming, setNaming] = useState<string | null>(null);
  const groups = data.groups.filter((g) => g.eventSiteId === eventSiteId);
  const ungrouped = data.ungrouped.filter((m) => m.eventSiteId === eventSiteId);
  const people = groups.reduce((n, g) => n + g.members.length, 0) + ungrouped.length;
  const targets = groups.map((g) => ({ value: g.id, label: g.name }));
  const siteName = event.sites.find((s) => s.id === eventSiteId)?.siteName ?? '';

  const change = useMutation({
    mutationFn: (run: () => Promise<GroupsOverview>) => run(),
    onSuccess: (next) => queryClient.setQueryData(groupsKey(event.id), next),
    onError: (error) => showError(error),
  });
  const move = (registrationId: string, groupId: string | null) => {
    const current =
      groups.find((g) => g.members.some((m) => m.registrationId === registrationId))?.id ?? null;
    if (current === groupId) return;
    change.mutate(() => moveMembers(event.id, [registrationId], groupId));
  };
  const patch = (groupId: string, body: GroupPatch) =>
    change.mutate(() => updateGroup(groupId, body), { onSuccess: () => message.success(t('groups.saved')) });

  return (
    <Flex vertical gap={12}>
      <AutoGroupForm
        hasGroups={groups.length > 0}
        people={people}
        pending={change.isPending}
        onRun={(values) =>
          change.mutate(() => autoGroup(event.id, { ...values, eventSiteId }), {
            onSuccess: () => message.success(t('groups.auto.done')),
          })
        }
      />
      {people === 0 && <Alert type="info" showIcon title={t('groups.nobody')} className="grp-no-print" />}
      <Flex gap={8} align="center" className="grp-no-print">
        <Typography.Text type="secondary" style={{ flex: 1 }}>
          {t('groups.summary', { groups: groups.length, people, ungrouped: ungrouped.length })}
        </Typography.Text>
        <Button
          icon={<PlusOutlined />}
          onClick={() => setNaming(t('groups.defaultName', { n: groups.length + 1 }))}
        >
          {t('groups.create')}
        </Button>
      </Flex>
      <div className="grp-print-only grp-site-title">{siteName}</div>
      <div className="grp-board">
        <DropColumn
          className="grp-card grp-ungrouped grp-no-print"
          testId="group-ungrouped"
          label={t('groups.ungrouped')}
          onDropMember={(id) => move(id, null)}
        >
          <Typography.Title level={5} className="grp-card-title">
            {t('groups.ungrouped')} ({ungrouped.length})
          </Typography.Title>
          <ul className="grp-members">
            {ungrouped.map((m) => (
              <MemberRow
                key={m.registrationId}
                member={m}
                groupId={null}
                targets={targets}
                onMove={(to) => move(m.registrationId, to)}
              />
            ))}
            {ungrouped.length === 0 && <li className="grp-empty">{t('groups.dropHere')}</li>}
          </ul>
        </DropColumn>
        {groups.map((g) => (
          <GroupCard
            key={g.id}
            group={g}
            guides={data.guides}
            targets={targets}
            onPatch={(body) => patch(g.id, body)}
            onDelete={() => change.mutate(() => deleteGroup(g.id))}
            onMove={move}
          />
        ))}
      </div>
      <Modal
        open={naming !== null}
        title={t('groups.create')}
        okButtonProps={{ disabled: !naming?.trim() }}
        onCancel={() => setNaming(null)}
        onOk={() =>
          change.mutate(() => createGroup(event.id, eventSiteId, naming!.trim()), {
            onSuccess: () => setNaming(null),
          })
        }
      >
        <Input
          aria-label={t('groups.name')}
          value={naming ?? ''}
          maxLength={50}
          onChange={(e) => setNaming(e.target.value)}
        />
      </Modal>
    </Flex>
  );
}
