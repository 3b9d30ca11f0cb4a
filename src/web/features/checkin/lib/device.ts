const DEVICE_KEY = 'guanmo_checkin_device';
const SITE_KEY = 'guanmo_checkin_site';
const CAMERA_KEY = 'guanmo_checkin_camera';

/** A random id; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newNonce(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** This browser's scanner id, the same on every visit (the scan log tells devices apart by it). */
export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = `web-${newNonce().slice(0, 8)}`;
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

/** SHA-256 hex of a pass token, as the server puts it in the check-in list. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The site list this device scans for, per event ('' = every site). */
export const rememberedSite = (eventId: string) => localStorage.getItem(`${SITE_KEY}:${eventId}`);
export const rememberSite = (eventId: string, eventSiteId: string) =>
  localStorage.setItem(`${SITE_KEY}:${eventId}`, eventSiteId);

/** Whether the camera was on last time (it starts again by itself then). */
export const cameraWanted = () => localStorage.getItem(CAMERA_KEY) === '1';
export const setCameraWanted = (on: boolean) => localStorage.setItem(CAMERA_KEY, on ? '1' : '0');

/** A short beep and a buzz: high for a check-in, low for anything else. */
export function signal(ok: boolean) {
  navigator.vibrate?.(ok ? 80 : [60, 60, 60]);
  try {
    const Ctor =
      window.AudioContext ??
      (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    const audio = new Ctor();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = ok ? 1320 : 330;
    gain.gain.value = 0.08;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + (ok ? 0.12 : 0.3));
    osc.onended = () => void audio.close();
  } catch {
    // Sound is a nicety; some browsers refuse audio before a tap.
  }
}
