import { DashboardOutlined, DesktopOutlined, LeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Flex, Result, Segmented, Select, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CheckinListEntry } from '../../../../contract/checkin.js';
import type { RegisterResult } from '../../../../contract/registrations.js';
import { useApiError } from '../../../components/useApiError.js';
import { eventKey, getEvent } from '../../events/api.js';
import { CameraPanel } from '../components/CameraPanel.js';
import { OfflineBanner } from '../components/OfflineBanner.js';
import { ScanResultCard } from '../components/ScanResultCard.js';
import { SearchPanel } from '../components/SearchPanel.js';
import { WalkInForm } from '../components/WalkInForm.js';
import { type ScanTarget, useCheckinStation } from '../hooks/useCheckinStation.js';
import { rememberedSite, rememberSite, signal } from '../lib/device.js';
import type { ScanOutcome } from '../lib/local-match.js';
import '../checkin.css';

type Mode = 'camera' | 'search' | 'walkIn';
const SAME_CODE_MS = 3000;

/** 现场签到: the phone at the gate. Camera, search and walk-in, working offline on a cached list. */
export default function ScannerPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const eventId = useParams().id!;
  const event = useQuery({ queryKey: eventKey(eventId), queryFn: () => getEvent(eventId) });
  const [siteId, setSiteId] = useState(() => rememberedSite(eventId) ?? '');
  const station = useCheckinStation(eventId, siteId || null);
  const [mode, setMode] = useState<Mode>('camera');
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const busyRef = useRef(false);
  const lastCode = useRef({ text: '', at: 0 });
  const { scan, lastSynced } = station;

  useEffect(() => {
    if (lastSynced) message.success(t('checkin.offline.synced', { count: lastSynced.count }));
  }, [lastSynced, message, t]);

  const handle = useCallback(
    async (target: ScanTarget, method: 'qr' | 'search' | 'walk_in') => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      try {
        const result = await scan(target, method);
        setOutcome(result);
        signal(result.code === 'checked_in');
      } catch (error) {
        showError(error);
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [scan, showError],
  );

  // The same code in front of the camera is read once; again only after it was away for 3 s.
  const onCode = useCallback(
    (text: string) => {
      const now = Date.now();
      const last = lastCode.current;
      lastCode.current = { text, at: now };
      if (last.text === text && now - last.at < SAME_CODE_MS) return;
      void handle({ token: text }, 'qr');
    },
    [handle],
  );

  const onUndo = async () => {
    if (!outcome) return;
    setUndoing(true);
    try {
      await station.undo(outcome);
      setOutcome(null);
      message.success(t('checkin.undone'));
    } catch (error) {
      showError(error);
    } finally {
      setUndoing(false);
    }
  };

  const onWalkIn = async (result: RegisterResult) => {
    await station.refresh();
    await handle({ registrationId: result.registrationId }, 'walk_in');
  };

  const mine = useMemo(
    () => station.entries.filter((e: CheckinListEntry) => !siteId || e.eventSiteId === siteId),
    [station.entries, siteId],
  );
  const expected = mine.filter((e) => e.status === 'confirmed' || e.checkedInAt).length;
  const arrived = mine.filter((e) => e.checkedInAt).length;

  if (event.isPending) return <Spin />;
  if (event.isError) return <Result status="error" title={event.error.message} />;
  const e = event.data;

  return (
    <div className="ck-page">
      <Flex align="center" gap={4} className="ck-head">
        <Link to={`/events/${eventId}`} aria-label={t('checkin.backToEvent')}>
          <LeftOutlined />
        </Link>
        <Typography.Title level={4} className="ck-head-title" ellipsis>
          {t('checkin.title')} · {e.theme}
        </Typography.Title>
        <Link to={`/events/${eventId}/checkin/dashboard`} aria-label={t('checkin.links.dashboard')}>
          <Button type="text" icon={<DashboardOutlined />} />
        </Link>
        <Link to={`/events/${eventId}/checkin/wall`} aria-label={t('checkin.links.wall')}>
          <Button type="text" icon={<DesktopOutlined />} />
        </Link>
      </Flex>

      {e.sites.length > 1 && (
        <Select
          className="ck-site"
          size="large"
          value={siteId}
          aria-label={t('checkin.site.label')}
          data-testid="checkin-site"
          onChange={(value: string) => {
            setSiteId(value);
            rememberSite(eventId, value);
          }}
          options={[
            { value: '', label: t('checkin.site.all') },
            ...e.sites.map((s) => ({ value: s.id, label: s.siteName })),
          ]}
        />
      )}

      <OfflineBanner
        online={station.online}
        queued={station.queued}
        syncing={station.syncing}
        syncError={station.syncError}
        onSync={() => void station.sync()}
      />

      <ScanResultCard outcome={outcome} onUndo={() => void onUndo()} undoing={undoing} />

      <Segmented<Mode>
        block
        size="large"
        value={mode}
        onChange={setMode}
        data-testid="checkin-mode"
        options={[
          { value: 'camera', label: t('checkin.modes.camera') },
          { value: 'search', label: t('checkin.modes.search') },
          { value: 'walkIn', label: t('checkin.modes.walkIn') },
        ]}
      />

      {mode === 'camera' && <CameraPanel onCode={onCode} />}
      {mode === 'search' && (
        <SearchPanel
          entries={mine}
          busy={busy}
          onPick={(entry) => void handle({ registrationId: entry.registrationId }, 'search')}
        />
      )}
      {mode === 'walkIn' && (
        <WalkInForm
          eventId={eventId}
          eventSiteId={siteId || (e.sites.length === 1 ? e.sites[0].id : null)}
          online={station.online}
          onRegistered={onWalkIn}
        />
      )}

      <Flex justify="space-between" align="center" className="ck-foot" data-testid="checkin-summary">
        <Typography.Text type="secondary">
          {t('checkin.list.summary', { expected, arrived })}
          {station.listAt
            ? ` · ${t('checkin.list.updated', { time: dayjs(station.listAt).format('HH:mm') })}`
            : ''}
        </Typography.Text>
        <Button
          type="text"
          size="small"
          icon={<ReloadOutlined />}
          aria-label={t('checkin.list.refresh')}
          onClick={() => void station.refresh()}
        />
      </Flex>
    </div>
  );
}
