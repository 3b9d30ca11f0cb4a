import { useEffect } from 'react';
import { API_BASE } from '../app/api.js';
import { registerAttendeeServiceWorker } from './observe/service-worker.js';

/**
 * Makes the pass installable as an app (PWA) while its page shows: links the pass's own web app
 * manifest (it opens the scorecard, /p/<token>/observe) and registers the service worker that lets
 * it start offline. The link is set here, not in attendee.html: one cached shell serves every pass.
 */
export function useInstallable(token: string) {
  useEffect(() => {
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = `${API_BASE}/passes/${encodeURIComponent(token)}/manifest`;
    document.head.append(link);
    registerAttendeeServiceWorker();
    return () => link.remove();
  }, [token]);
}
