import type { OutboxStatus } from '../../../../contract/notifications.js';

export const STATUS_COLORS: Record<OutboxStatus, string> = {
  pending: 'default',
  sending: 'processing',
  sent: 'success',
  failed: 'warning',
  dead: 'error',
};
