import {
  CheckCircleFilled,
  ClockCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  StopFilled,
  UndoOutlined,
} from '@ant-design/icons';
import { Button, Tag } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinResultCode } from '../../../../contract/checkin.js';
import type { ScanOutcome } from '../lib/local-match.js';

const ICONS: Record<CheckinResultCode, ReactNode> = {
  checked_in: <CheckCircleFilled />,
  already_checked_in: <ExclamationCircleFilled />,
  waitlisted: <ClockCircleFilled />,
  pending: <ClockCircleFilled />,
  cancelled: <StopFilled />,
  other_event: <CloseCircleFilled />,
  other_site: <ExclamationCircleFilled />,
  unknown: <CloseCircleFilled />,
};

/** Seconds left until `until`, ticking every second; 0 once it passed. */
function useSecondsLeft(until: string | null) {
  const left = () => (until ? Math.max(0, Math.ceil((new Date(until).getTime() - Date.now()) / 1000)) : 0);
  const [seconds, setSeconds] = useState(left);
  // biome-ignore lint/correctness/useExhaustiveDependencies: left() reads `until`
  useEffect(() => {
    setSeconds(left());
    if (!until) return;
    const timer = setInterval(() => setSeconds(left()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return seconds;
}

/** The answer to a scan, big and coloured by its code, readable at arm's length at the gate. */
export function ScanResultCard({
  outcome,
  onUndo,
  undoing,
}: {
  outcome: ScanOutcome | null;
  onUndo: () => void;
  undoing: boolean;
}) {
  const { t } = useTranslation();
  const seconds = useSecondsLeft(outcome?.undo ? outcome.undoUntil : null);

  if (!outcome) {
    return (
      <div className="ck-result ck-result-idle" data-testid="scan-result" data-code="idle">
        <div className="ck-result-title">{t('checkin.result.idle')}</div>
      </div>
    );
  }
  const p = outcome.person;
  const first = outcome.firstAt ? dayjs(outcome.firstAt).format('HH:mm:ss') : null;
  return (
    <div
      className={`ck-result ck-result-${outcome.code}`}
      data-testid="scan-result"
      data-code={outcome.code}
      role="status"
      aria-live="assertive"
    >
      <div className="ck-result-title">
        {ICONS[outcome.code]} {t(`checkin.result.${outcome.code}`)}
        {outcome.offline && (
          <Tag className="ck-offline-tag" data-testid="offline-tag">
            {t('checkin.offlineTag')}
          </Tag>
        )}
      </div>
      {p && (
        <>
          <div className="ck-result-name" data-testid="scan-result-name">
            {p.name}
          </div>
          <div className="ck-result-line">
            {p.unitName}
            {p.position ? ` · ${p.position}` : ''}
          </div>
        </>
      )}
      {outcome.code === 'checked_in' && p && (
        <div className="ck-result-line">
          {t('checkin.group')}：{p.groupName ?? t('checkin.noGroup')}
          {p.guideName ? ` · ${t('checkin.guide')}：${p.guideName}` : ''}
        </div>
      )}
      {outcome.code === 'already_checked_in' && first && (
        <div className="ck-result-line">
          {outcome.firstBy
            ? t('checkin.resultHint.alreadyBy', { time: first, by: outcome.firstBy })
            : t('checkin.resultHint.already', { time: first })}
        </div>
      )}
      {outcome.code === 'other_site' && p && (
        <div className="ck-result-line">{t('checkin.resultHint.otherSite', { site: p.siteName })}</div>
      )}
      {outcome.undo && seconds > 0 && (
        <Button
          size="large"
          icon={<UndoOutlined />}
          className="ck-undo"
          loading={undoing}
          onClick={onUndo}
          data-testid="scan-undo"
        >
          {t('checkin.undo', { seconds })}
        </Button>
      )}
    </div>
  );
}
