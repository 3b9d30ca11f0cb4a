import type { EventFormat } from '../../../contract/events.js';
import type { Retrospective } from '../../../contract/retrospectives.js';
import { authorize } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { t } from '../../core/i18n.js';
import { getAssociation } from '../association/association.service.js';
import { loadEvent } from '../events/events.guard.js';
import { eventById } from '../events/events.service.js';
import { buildRetrospectiveDocument, retrospectiveTitle } from './retrospectives.document.js';
import { retrospectivesPolicy } from './retrospectives.policy.js';
import { retrospectiveOf } from './retrospectives.service.js';

export type RetrospectiveDocumentData = {
  retro: Retrospective;
  associationName: string;
  seriesLabel: string | null;
  format: EventFormat;
  siteNames: string[];
  capacity: number;
};

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `GET /events/:id/retrospective.docx` — the retrospective as it stands now, as a Word file. */
export async function retrospectiveDocx(ctx: Ctx, eventId: string) {
  authorize(ctx, retrospectivesPolicy, 'read');
  const row = await loadEvent(ctx, eventId);
  const [retro, event, association] = await Promise.all([
    retrospectiveOf(ctx, row),
    eventById(ctx, eventId),
    getAssociation(ctx),
  ]);
  const data: RetrospectiveDocumentData = {
    retro,
    associationName: association?.name ?? '',
    seriesLabel:
      event.seriesName && event.issueNumber
        ? t(ctx.lang, 'documents.series_label', { series: event.seriesName, n: event.issueNumber })
        : null,
    format: event.format,
    siteNames: event.sites.map((s) => s.siteName),
    capacity: event.capacity,
  };
  // docx loads with the first document, not at server start.
  const { officialDocumentDocx } = await import('../../core/documents/docx.js');
  const body = await officialDocumentDocx(buildRetrospectiveDocument(ctx.lang, data));
  return { body, title: retrospectiveTitle(ctx.lang, retro.theme), slug: event.slug };
}
