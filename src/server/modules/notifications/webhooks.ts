import { createHmac } from 'node:crypto';
import type { WebhookChannel } from '../../../contract/notifications.js';

/** 企业微信 and 钉钉 robots limit a markdown message to about 4 kB / 20 kB; stay under both. */
const MAX_CONTENT_BYTES = 4000;
const TIMEOUT_MS = 10_000;

export type WebhookMessage = { title: string; markdown: string };

/** The JSON each robot expects for a markdown message. */
export function webhookPayload(channel: WebhookChannel, message: WebhookMessage) {
  const content = truncateBytes(message.markdown, MAX_CONTENT_BYTES);
  if (channel === 'wecom') return { msgtype: 'markdown', markdown: { content } };
  return { msgtype: 'markdown', markdown: { title: message.title, text: content } };
}

/**
 * 钉钉 加签: sign = Base64(HMAC-SHA256(key = secret, `${timestamp}\n${secret}`)), sent as the
 * `timestamp` and url-encoded `sign` query parameters (timestamp in milliseconds).
 */
export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

export function signedDingtalkUrl(url: string, secret: string, timestamp: number): string {
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestamp));
  signed.searchParams.set('sign', dingtalkSign(secret, timestamp));
  return signed.toString();
}

/**
 * Posts the message to the robot. Resolves with the robot's answer; throws when the answer is not
 * 2xx or carries a non-zero `errcode` (both robots answer HTTP 200 with an errcode on errors).
 */
export async function postWebhook(
  channel: WebhookChannel,
  url: string,
  message: WebhookMessage,
  options: { secret?: string | null; now: Date },
): Promise<string> {
  const target =
    channel === 'dingtalk' && options.secret
      ? signedDingtalkUrl(url, options.secret, options.now.getTime())
      : url;
  const response = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(webhookPayload(channel, message)),
    signal: AbortSignal.timeout(TIMEOUT_MS),
    redirect: 'error',
  });
  const text = (await response.text()).slice(0, 2000);
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text}`);
  let answer: { errcode?: unknown; errmsg?: unknown } | null = null;
  try {
    answer = JSON.parse(text);
  } catch {
    // Not JSON: a 2xx from something that is not a robot; accept it as delivered.
  }
  if (answer && typeof answer === 'object' && answer.errcode !== undefined && Number(answer.errcode) !== 0) {
    throw new Error(`errcode ${String(answer.errcode)}: ${String(answer.errmsg ?? '')}`.trim());
  }
  return `HTTP ${response.status}: ${text}`;
}

function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > max - 3) break;
    out += ch;
    bytes += size;
  }
  return `${out}…`;
}

/** Hides the access token in a webhook URL (…?key=abcd… → …?key=****) for lists and logs. */
export function maskWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    for (const key of [...parsed.searchParams.keys()]) parsed.searchParams.set(key, '****');
    return parsed.toString().replaceAll('%2A', '*');
  } catch {
    return '****';
  }
}
