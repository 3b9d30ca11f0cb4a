import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PublicEvent } from '../../../contract/documents.js';

/**
 * The public event page /e/:slug, rendered on the server as one small HTML document with inline
 * CSS and no JavaScript: it has to open fast on a phone with a poor signal (often in WeChat).
 */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

const CSS = readFileSync(path.join(import.meta.dirname, 'event-page.css'), 'utf8').replace(/\n/g, '');

const esc = (value: unknown) =>
  String(value ?? '').replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function page(lang: string, title: string, body: string) {
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><title>${esc(title)}</title><style>${CSS}</style></head><body>${body}</body></html>`;
}

function section(title: string, inner: string) {
  return `<section><h2>${esc(title)}</h2>${inner}</section>`;
}

function registerBar(event: PublicEvent, tr: Translate) {
  if (!event.registrationOpen)
    return `<div class="bar"><span>${esc(tr('documents.public.register_closed'))}</span></div>`;
  return `<div class="bar"><a href="${esc(event.links.register)}">${esc(tr('documents.public.register'))}</a></div>`;
}

export function renderEventPage(event: PublicEvent, lang: string, tr: Translate): string {
  const fee = event.fee > 0 ? `¥${event.fee}` : tr('documents.notice.fee_free');
  const when = `${event.dateText}${event.timeSpan ? ` ${event.timeSpan}` : ''}`;
  const facts = [
    [tr('documents.public.time'), when],
    [
      tr('documents.public.place'),
      event.sites
        .map((s) =>
          s.address ? tr('documents.site_with_address', { name: s.name, address: s.address }) : s.name,
        )
        .join(tr('documents.list_separator')),
    ],
    ...(event.meetingPoint ? [[tr('documents.public.meeting_point'), event.meetingPoint]] : []),
    [tr('documents.public.deadline'), event.deadlineText],
    [tr('documents.public.capacity'), tr('documents.public.capacity_value', { count: event.capacity })],
    [tr('documents.public.fee'), fee],
  ];
  const parts = [
    `<header><p class="org">${esc(event.associationName)}</p><p class="kind">${esc([event.seriesLabel, tr('documents.poster.subtitle')].filter(Boolean).join(' · '))}</p><h1>${esc(event.theme)}</h1><span class="badge">${esc(tr(`documents.public.status.${event.status}`))}</span></header><main>`,
    section(
      tr('documents.public.time_place'),
      `<dl>${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`,
    ),
    section(
      tr('documents.public.objectives'),
      `<ol>${event.objectives.map((o) => `<li><b>${esc(o.label)}</b>${esc(tr('documents.addressee_colon'))} ${esc(o.explanation)}</li>`).join('')}</ol>${
        event.focusDimensions.length
          ? `<p class="muted">${esc(tr('documents.public.focus'))}${esc(tr('documents.addressee_colon'))} ${esc(event.focusDimensions.join(tr('documents.list_separator')))}</p>`
          : ''
      }`,
    ),
  ];
  if (event.agenda.length) {
    parts.push(
      section(
        tr('documents.public.agenda'),
        `<ul class="agenda">${event.agenda
          .map(
            (a) =>
              `<li><time>${esc(a.start === a.end ? a.start : `${a.start}-${a.end}`)}</time><div><b>${esc(a.title)}</b>${a.detail ? `<div class="muted">${esc(a.detail)}</div>` : ''}</div></li>`,
          )
          .join('')}</ul>`,
      ),
    );
  }
  if (event.route.length) {
    parts.push(
      section(
        tr('documents.public.route'),
        event.route
          .map(
            (r) =>
              `${event.route.length > 1 ? `<p class="muted">${esc(r.siteName)}</p>` : ''}<ol class="route">${r.stops.map((s) => `<li>${esc(s.name)}</li>`).join('')}</ol>`,
          )
          .join(''),
      ),
    );
  }
  parts.push(
    section(
      tr('documents.public.sites'),
      event.sites
        .map(
          (s) =>
            `<h3>${esc(s.name)}</h3><p class="muted">${esc(s.intro)}</p>${
              s.photos.length
                ? `<div class="photos">${s.photos
                    .slice(0, 8)
                    .map(
                      (p) =>
                        `<a href="${esc(p.url)}"><img src="${esc(p.thumbUrl)}" alt="${esc(p.caption ?? s.name)}" loading="lazy" decoding="async"${p.width && p.height ? ` width="${Math.round((96 * p.width) / p.height)}" height="96"` : ''}></a>`,
                    )
                    .join('')}</div>`
                : ''
            }`,
        )
        .join(''),
    ),
  );
  if (event.notes.length) {
    parts.push(
      section(
        tr('documents.notice.h_notes'),
        `<ol>${event.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ol>`,
      ),
    );
  }
  parts.push(
    section(
      tr('documents.public.downloads'),
      `<div class="downloads"><a href="${esc(event.links.noticePdf)}">${esc(tr('documents.public.notice_pdf'))}</a><a href="${esc(event.links.noticeDocx)}">${esc(tr('documents.public.notice_docx'))}</a><a href="${esc(event.links.poster)}">${esc(tr('documents.public.poster'))}</a></div>`,
    ),
  );
  if (event.contactName || event.contactPhone) {
    const phone = event.contactPhone
      ? ` <a href="tel:${esc(event.contactPhone.replace(/[^\d+]/g, ''))}">${esc(event.contactPhone)}</a>`
      : '';
    parts.push(section(tr('documents.public.contact'), `<p>${esc(event.contactName ?? '')}${phone}</p>`));
  }
  parts.push(
    `<p class="muted lang"><a href="?lang=zh-CN" lang="zh-CN">中文</a> · <a href="?lang=en-US" lang="en">English</a></p></main>${registerBar(event, tr)}`,
  );
  return page(lang, tr('documents.public.title', { theme: event.theme }), parts.join(''));
}

export function renderNotFoundPage(lang: string, tr: Translate): string {
  return page(
    lang,
    tr('documents.public.not_found'),
    `<main><section><p>${esc(tr('documents.public.not_found'))}</p></section></main>`,
  );
}
