import { useCallback, useEffect, useRef, useState } from 'react';

type Decoder = typeof import('jsqr').default;

const FRAME_MS = 150;
const MAX_SIDE = 640;

/** The QR decoder is its own chunk, fetched when the scanner opens (so it is there offline too). */
let decoder: Promise<Decoder> | null = null;
export const loadDecoder = () => {
  decoder ??= import('jsqr').then((m) => m.default);
  return decoder;
};

export type CameraState = 'off' | 'starting' | 'on' | 'denied' | 'unavailable';

/**
 * Reads QR codes from the back camera: frames of a <video> are drawn (at most 640 px) into a
 * canvas and decoded with jsQR a few times a second. `onCode` gets each decoded text.
 */
export function useQrCamera(onCode: (text: string) => void) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const timerRef = useRef<ReturnType<typeof setInterval> | null>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  const [state, setState] = useState<CameraState>('off');

  const stop = useCallback(() => {
    if (timerRef.current) clearInterval(timerRef.current);
    timerRef.current = null;
    for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
    setState('off');
  }, []);

  const start = useCallback(async () => {
    if (!navigator.mediaDevices?.getUserMedia) {
      setState('unavailable');
      return;
    }
    setState('starting');
    try {
      const decode = await loadDecoder();
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
      });
      streamRef.current = stream;
      const video = videoRef.current;
      if (!video) return;
      video.srcObject = stream;
      await video.play();
      setState('on');
      const canvas = document.createElement('canvas');
      const context = canvas.getContext('2d', { willReadFrequently: true });
      timerRef.current = setInterval(() => {
        if (!context || video.readyState < 2 || !video.videoWidth) return;
        const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const found = decode(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
        if (found?.data) onCodeRef.current(found.data);
      }, FRAME_MS);
    } catch (error) {
      for (const track of streamRef.current?.getTracks() ?? []) track.stop();
      streamRef.current = null;
      const name = (error as { name?: string }).name;
      setState(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable');
    }
  }, []);

  useEffect(() => stop, [stop]);

  return { videoRef, state, start, stop };
}
