import { FileWordOutlined, LeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Result, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../app/api.js';
import { useApiError } from '../../../components/useApiError.js';
import { downloadDocx, getRetrospective, retrospectiveKey } from '../api.js';
import { ActionsPanel } from '../components/ActionsPanel.js';
import { FigureCards } from '../components/FigureCards.js';
import { NotesEditor } from '../components/NotesEditor.js';
import './retrospectives.css';

/** 活动复盘: figures computed from the event, the organisers' notes, improvement actions, DOCX. */
export default function RetrospectivePage() {
  const { t } = useTranslation();
  const eventId = useParams().id!;
  const showError = useApiError();
  const retro = useQuery({ queryKey: retrospectiveKey(eventId), queryFn: () => getRetrospective(eventId) });
  const exportDocx = useMutation({ mutationFn: () => downloadDocx(eventId), onError: (e) => showError(e) });

  if (retro.isPending) return <Spin />;
  if (retro.isError) {
    const missing = retro.error instanceof ApiError && retro.error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={retro.error.message} />;
  }
  const r = retro.data;

  return (
    <Flex vertical gap={16} className="retro-page">
      <Flex align="center" gap={8} wrap>
        <Link to={`/events/${eventId}`}>
          <Button type="text" icon={<LeftOutlined />} aria-label={t('retrospectives.back')} />
        </Link>
        <Flex vertical style={{ flex: '1 1 240px', minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('retrospectives.title')}
          </Typography.Title>
          <Typography.Text type="secondary" ellipsis>
            {r.theme} · {r.eventDate} <Tag>{t(`enums.eventStatus.${r.status}`)}</Tag>
          </Typography.Text>
        </Flex>
        <Button
          icon={<FileWordOutlined />}
          loading={exportDocx.isPending}
          onClick={() => exportDocx.mutate()}
          data-testid="retro-export-docx"
        >
          {t('retrospectives.exportDocx')}
        </Button>
      </Flex>
      {r.editable ? null : <Alert type="info" showIcon title={t('retrospectives.readOnly')} />}
      <Typography.Text type="secondary" className="retro-small">
        {t('retrospectives.computedHint')}
      </Typography.Text>
      <FigureCards figures={r.figures} />
      <NotesEditor eventId={eventId} notes={r.notes} editable={r.editable} />
      <ActionsPanel eventId={eventId} actions={r.actions} editable={r.editable} />
    </Flex>
  );
}
