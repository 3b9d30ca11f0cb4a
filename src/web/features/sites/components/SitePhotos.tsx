import {
  ArrowLeftOutlined,
  ArrowRightOutlined,
  DeleteOutlined,
  EditOutlined,
  StarFilled,
  StarOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Image,
  Input,
  Popconfirm,
  Progress,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FILE_LIMITS } from '../../../../contract/files.js';
import { SITE_LIMITS, type SitePhoto } from '../../../../contract/sites.js';
import { useApiError } from '../../../components/useApiError.js';
import { deletePhoto, reorderPhotos, updatePhoto } from '../api.js';
import { uploadWithProgress } from '../upload.js';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/heic,.heic';
type Uploading = { name: string; percent: number };

/** The site's photos: upload with progress, caption, cover, order and delete. */
export function SitePhotos(props: {
  siteId: string;
  photos: SitePhoto[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<Uploading[]>([]);
  const [busy, setBusy] = useState(false);
  const { photos, siteId } = props;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      props.onChanged();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const uploadFiles = async (files: File[]) => {
    for (const file of files) {
      if (file.size > FILE_LIMITS.maxUploadBytes) {
        message.error(
          t('sites.photos.tooLarge', {
            name: file.name,
            megabytes: FILE_LIMITS.maxUploadBytes / 1024 / 1024,
          }),
        );
        continue;
      }
      setUploading((list) => [...list, { name: file.name, percent: 0 }]);
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        await uploadWithProgress<SitePhoto>(`/sites/${siteId}/photos`, form, (percent) =>
          setUploading((list) => list.map((u) => (u.name === file.name ? { ...u, percent } : u))),
        );
        props.onChanged();
      } catch (error) {
        showError(error);
      } finally {
        setUploading((list) => list.filter((u) => u.name !== file.name));
      }
    }
  };

  const move = (index: number, by: -1 | 1) => {
    const ids = photos.map((p) => p.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id);
    return run(() => reorderPhotos(siteId, ids));
  };

  const editCaption = (photo: SitePhoto) => {
    let caption = photo.caption ?? '';
    return {
      title: t('sites.photos.caption'),
      description: (
        <Input
          defaultValue={caption}
          maxLength={200}
          onChange={(e) => (caption = e.target.value)}
          autoFocus
        />
      ),
      onConfirm: () => run(() => updatePhoto(siteId, photo.id, { caption: caption.trim() || null })),
    };
  };

  return (
    <Card
      title={t('sites.photos.title', { count: photos.length })}
      extra={
        props.canEdit && (
          <Button
            icon={<UploadOutlined />}
            onClick={() => input.current?.click()}
            disabled={photos.length >= SITE_LIMITS.photos}
            data-testid="site-photo-upload"
          >
            {t('sites.photos.upload')}
          </Button>
        )
      }
    >
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        data-testid="site-photo-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void uploadFiles(files);
        }}
      />
      {props.canEdit && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('sites.photos.hint', { megabytes: FILE_LIMITS.maxUploadBytes / 1024 / 1024 })}
        </Typography.Paragraph>
      )}
      {uploading.map((u) => (
        <div key={u.name} data-testid="site-photo-progress">
          <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
            {u.name}
          </Typography.Text>
          <Progress percent={u.percent} size="small" status={u.percent < 100 ? 'active' : 'normal'} />
        </div>
      ))}
      {!photos.length && !uploading.length && <Empty description={t('sites.photos.empty')} />}
      <Image.PreviewGroup>
        <Flex wrap gap={12}>
          {photos.map((photo, index) => (
            <div key={photo.id} style={{ width: 200 }} data-testid="site-photo">
              <div style={{ position: 'relative' }}>
                <Image
                  src={photo.thumbUrl}
                  preview={{ src: photo.url }}
                  width={200}
                  height={125}
                  style={{ objectFit: 'cover', borderRadius: 6 }}
                  alt={photo.caption ?? ''}
                />
                {photo.isCover && (
                  <Tag color="gold" style={{ position: 'absolute', top: 6, left: 6 }}>
                    {t('sites.photos.cover')}
                  </Tag>
                )}
              </div>
              <Typography.Text type="secondary" ellipsis style={{ display: 'block', marginTop: 4 }}>
                {photo.caption || t('sites.photos.noCaption')}
              </Typography.Text>
              {props.canEdit && (
                <Space size={0} wrap>
                  <Tooltip title={t('sites.photos.moveLeft')}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowLeftOutlined />}
                      disabled={busy || index === 0}
                      onClick={() => move(index, -1)}
                      aria-label={t('sites.photos.moveLeft')}
                    />
                  </Tooltip>
                  <Tooltip title={t('sites.photos.moveRight')}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowRightOutlined />}
                      disabled={busy || index === photos.length - 1}
                      onClick={() => move(index, 1)}
                      aria-label={t('sites.photos.moveRight')}
                    />
                  </Tooltip>
                  <Tooltip title={t('sites.photos.setCover')}>
                    <Button
                      type="text"
                      size="small"
                      icon={photo.isCover ? <StarFilled style={{ color: '#faad14' }} /> : <StarOutlined />}
                      disabled={busy || photo.isCover}
                      onClick={() => run(() => updatePhoto(siteId, photo.id, { isCover: true }))}
                      aria-label={t('sites.photos.setCover')}
                    />
                  </Tooltip>
                  <Popconfirm {...editCaption(photo)}>
                    <Button
                      type="text"
                      size="small"
                      icon={<EditOutlined />}
                      disabled={busy}
                      aria-label={t('sites.photos.caption')}
                    />
                  </Popconfirm>
                  <Popconfirm
                    title={t('sites.photos.confirmDelete')}
                    onConfirm={() => run(() => deletePhoto(siteId, photo.id))}
                  >
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={busy}
                      aria-label={t('sites.photos.delete')}
                    />
                  </Popconfirm>
                </Space>
              )}
            </div>
          ))}
        </Flex>
      </Image.PreviewGroup>
    </Card>
  );
}
