import { CameraOutlined, PoweroffOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { loadDecoder, useQrCamera } from '../hooks/useQrCamera.js';
import { cameraWanted, setCameraWanted } from '../lib/device.js';

/** The camera view with its on/off switch; turns itself on when it was on last time. */
export function CameraPanel({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation();
  const camera = useQrCamera(onCode);
  const { start } = camera;

  useEffect(() => {
    void loadDecoder();
    if (cameraWanted()) void start();
  }, [start]);

  const on = camera.state === 'on' || camera.state === 'starting';
  return (
    <div className="ck-camera">
      <div className={`ck-video-box${on ? ' ck-video-on' : ''}`}>
        <video ref={camera.videoRef} muted playsInline className="ck-video" data-testid="camera-video" />
        {on && <div className="ck-aim" aria-hidden />}
        {!on && <div className="ck-video-hint">{t('checkin.camera.off')}</div>}
      </div>
      {camera.state === 'denied' && <Alert type="error" showIcon title={t('checkin.camera.denied')} />}
      {camera.state === 'unavailable' && (
        <Alert type="warning" showIcon title={t('checkin.camera.unavailable')} />
      )}
      {on ? (
        <Button
          block
          size="large"
          icon={<PoweroffOutlined />}
          onClick={() => {
            setCameraWanted(false);
            camera.stop();
          }}
        >
          {t('checkin.camera.stop')}
        </Button>
      ) : (
        <Button
          block
          size="large"
          type="primary"
          icon={<CameraOutlined />}
          data-testid="camera-start"
          onClick={() => {
            setCameraWanted(true);
            void camera.start();
          }}
        >
          {t('checkin.camera.start')}
        </Button>
      )}
    </div>
  );
}
