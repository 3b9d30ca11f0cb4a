import type {
  Note,
  NoteInput,
  Observation,
  ObservationInput,
  Scorecard,
} from '../../../contract/observations.js';

/**
 * The outbox: every change made on the phone is a record first (IndexedDB), sent later. Its `id`
 * is the item's client UUID, which the server keeps as the item's id, so a record sent twice is
 * stored once. `rev` grows on each local edit: a reply to an older revision does not clear a newer
 * edit. A record leaves the outbox once the server has taken it (its reply goes into the cached
 * scorecard), or when the attendee discards it.
 */
export type RecordState = 'pending' | 'error';

type Base = {
  id: string;
  token: string;
  /** Creation order: the outbox is sent oldest first. */
  seq: number;
  rev: number;
  state: RecordState;
  /** The server's message for a refused record (it stays until retried or discarded). */
  error?: string;
  attempts: number;
};

export type ObservationRecord = Base & { type: 'observation'; body: ObservationInput };
export type NoteRecord = Base & { type: 'note'; body: NoteInput; deleted: boolean; createdAt: string };
export type PhotoRecord = Base & {
  type: 'photo';
  noteId: string;
  /** What is shown (annotated when marked up), JPEG. */
  blob: Blob;
  /** The unannotated image, only when the photo was marked up. */
  original: Blob | null;
  width: number;
  height: number;
  createdAt: string;
};
export type VoteRecord = Base & { type: 'vote'; noteId: string; on: boolean };
export type SubmitRecord = Base & { type: 'submit' };
export type LocalRecord = ObservationRecord | NoteRecord | PhotoRecord | VoteRecord | SubmitRecord;

export const voteRecordId = (noteId: string) => `vote-${noteId}`;
export const submitRecordId = (token: string) => `submit-${token}`;

/** A photo as the page shows it: from the server, or still on the phone (object URL). */
export type ViewPhoto = {
  id: string;
  thumbUrl: string;
  url: string;
  local: boolean;
  error?: string;
};

export type ViewNote = Omit<Note, 'photos'> & {
  photos: ViewPhoto[];
  /** Not yet on the server (or changed since). */
  unsent: boolean;
  error?: string;
};

export type ScorecardView = {
  observations: Map<string, Observation & { unsent: boolean; error?: string }>;
  notes: ViewNote[];
  /** Records waiting to be sent (stuck ones included). */
  pending: number;
  stuck: LocalRecord[];
  submitted: boolean;
};

/**
 * The scorecard as the attendee sees it: the server's last answer with every local change on top.
 * `photoUrl` gives an object URL for a local photo blob (kept by the caller, revoked on change).
 */
export function mergeView(
  card: Scorecard,
  records: LocalRecord[],
  photoUrl: (record: PhotoRecord) => string,
): ScorecardView {
  const observations = new Map<string, Observation & { unsent: boolean; error?: string }>();
  const dimensionOf = new Map<string, string>();
  for (const d of card.template.dimensions) for (const p of d.points) dimensionOf.set(p.id, d.id);
  for (const o of card.observations) observations.set(o.pointId, { ...o, unsent: false });

  const notes = new Map<string, ViewNote>();
  for (const n of card.notes) notes.set(n.id, { ...n, photos: n.photos.map(serverPhoto), unsent: false });

  let submitted = !!card.submittedAt;
  for (const r of records) {
    if (r.type === 'observation') {
      const stored = observations.get(r.body.pointId);
      observations.set(r.body.pointId, {
        id: stored?.id ?? r.id,
        pointId: r.body.pointId,
        dimensionId: dimensionOf.get(r.body.pointId) ?? '',
        score: r.body.na ? null : r.body.score,
        na: r.body.na,
        answers: r.body.answers.map((a) => ({ ...a, sentToQa: a.sentToQa ?? false })),
        updatedAt: r.body.updatedAt,
        createdAt: stored?.createdAt ?? r.body.updatedAt,
        unsent: true,
        error: r.error,
      });
    } else if (r.type === 'note') {
      if (r.deleted) {
        notes.delete(r.id);
        continue;
      }
      const stored = notes.get(r.id);
      notes.set(r.id, {
        id: r.id,
        kind: r.body.kind,
        text: r.body.text,
        shared: r.body.shared,
        pointId: r.body.pointId,
        dimensionId: r.body.pointId ? (dimensionOf.get(r.body.pointId) ?? null) : null,
        routeStopId: r.body.routeStopId,
        sentToQa: r.body.sentToQa,
        votes: stored?.votes ?? 0,
        votedByMe: stored?.votedByMe ?? false,
        mine: true,
        photos: stored?.photos ?? [],
        updatedAt: r.body.updatedAt,
        createdAt: stored?.createdAt ?? r.createdAt,
        unsent: true,
        error: r.error,
      });
    } else if (r.type === 'submit') submitted = true;
  }
  for (const r of records) {
    if (r.type !== 'photo') continue;
    const note = notes.get(r.noteId);
    if (!note || note.photos.some((p) => p.id === r.id)) continue;
    const url = photoUrl(r);
    note.photos = [...note.photos, { id: r.id, url, thumbUrl: url, local: true, error: r.error }];
    note.unsent = true;
  }
  const sorted = [...notes.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    observations,
    notes: sorted,
    pending: records.length,
    stuck: records.filter((r) => r.state === 'error'),
    submitted,
  };
}

const serverPhoto = (p: Note['photos'][number]): ViewPhoto => ({
  id: p.id,
  url: p.url,
  thumbUrl: p.thumbUrl,
  local: false,
});

/** A point counts as done when it has a score or is marked N/A. */
export const isAnswered = (o: { score: number | null; na: boolean } | undefined) =>
  !!o && (o.na || o.score !== null);

/** Applies a server reply to the cached scorecard (so the record can leave the outbox). */
export function applyObservation(card: Scorecard, saved: Observation): Scorecard {
  const others = card.observations.filter((o) => o.pointId !== saved.pointId && o.id !== saved.id);
  return { ...card, observations: [...others, saved] };
}

export function applyNote(card: Scorecard, saved: Note): Scorecard {
  const others = card.notes.filter((n) => n.id !== saved.id);
  return { ...card, notes: [saved, ...others] };
}

export function removeNote(card: Scorecard, noteId: string): Scorecard {
  return { ...card, notes: card.notes.filter((n) => n.id !== noteId) };
}
