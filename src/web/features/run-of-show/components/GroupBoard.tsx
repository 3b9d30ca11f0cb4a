import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Empty, Flex, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../../contract/run-of-show.js';
import { useApiError } from '../../../components/useApiError.js';
import { boardKey, getBoard, reportPosition } from '../api.js';

/** Where every group is on its route; a guide reports "我们到了 X 站". */
export function GroupBoard({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const board = useQuery({
    queryKey: boardKey(eventId),
    queryFn: () => getBoard(eventId),
    refetchInterval: 60_000,
  });
  const report = useMutation({
    mutationFn: ({ groupId, routeStopId }: { groupId: string; routeStopId: string }) =>
      reportPosition(eventId, groupId, { routeStopId, clientId: crypto.randomUUID() }),
    onSuccess: (group) => {
      queryClient.setQueryData<Board>(boardKey(eventId), (old) =>
        old ? { ...old, groups: old.groups.map((g) => (g.groupId === group.groupId ? group : g)) } : old,
      );
      message.success(t('runOfShow.board.reported', { stop: group.current?.stopName ?? '' }));
    },
    onError: (error) => onError(error),
  });
  const data = board.data;
  return (
    <Card size="small" title={t('runOfShow.board.title')} loading={board.isPending} data-testid="ros-board">
      {data && !data.groups.length ? <Empty description={t('runOfShow.board.noGroups')} /> : null}
      <Flex vertical gap={12}>
        {data?.groups.map((g) => {
          const stops = data.sites.find((s) => s.eventSiteId === g.eventSiteId)?.stops ?? [];
          const current = g.current;
          return (
            <div key={g.groupId} className="ros-group" data-testid="ros-group">
              <Flex justify="space-between" align="baseline" wrap gap={4}>
                <Typography.Text strong>{g.name}</Typography.Text>
                <Typography.Text type="secondary">
                  {[g.siteName, g.guideName].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
              <div className="ros-route">
                {stops.map((s) => {
                  const visited = g.history.some((h) => h.routeStopId === s.id);
                  const here = current?.routeStopId === s.id;
                  return (
                    <span
                      key={s.id}
                      className={`ros-stop${here ? ' here' : visited ? ' visited' : ''}`}
                      title={s.name}
                    >
                      {s.position + 1}
                    </span>
                  );
                })}
              </div>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <span>
                  {current ? (
                    <>
                      {current.stopName}{' '}
                      <Typography.Text type={current.overstay ? 'danger' : 'secondary'}>
                        {t('runOfShow.board.minutesThere', {
                          n: current.minutesThere,
                          planned: current.plannedMinutes ?? '—',
                        })}
                      </Typography.Text>
                      {current.overstay ? <Tag color="red">{t('runOfShow.board.overstay')}</Tag> : null}
                    </>
                  ) : (
                    <Typography.Text type="secondary">{t('runOfShow.board.notStarted')}</Typography.Text>
                  )}
                </span>
                <Select
                  size="middle"
                  style={{ minWidth: 180 }}
                  placeholder={t('runOfShow.board.weAreAt')}
                  value={null}
                  loading={report.isPending && report.variables?.groupId === g.groupId}
                  onChange={(routeStopId: string) => report.mutate({ groupId: g.groupId, routeStopId })}
                  options={stops.map((s) => ({
                    value: s.id,
                    label: t('runOfShow.board.arrivedAt', { stop: `${s.position + 1}. ${s.name}` }),
                  }))}
                />
              </Flex>
            </div>
          );
        })}
      </Flex>
    </Card>
  );
}
