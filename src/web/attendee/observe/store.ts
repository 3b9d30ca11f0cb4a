import type { NoteInput, NoteKind, Scorecard, SharedView } from '../../../contract/observations.js';
import { ApiError } from '../../app/api.js';
import {
  fetchScorecard,
  fetchShared,
  isTransient,
  passStreamUrl,
  sendNote,
  sendNoteDeletion,
  sendObservation,
  sendSubmit,
  sendVote,
  uploadPhoto,
} from './api.js';
import * as local from './local-db.js';
import { isNewerPosition } from './progress.js';
import {
  applyNote,
  applyObservation,
  type LocalRecord,
  type NoteRecord,
  type ObservationRecord,
  type PhotoRecord,
  removeNote,
  submitRecordId,
  voteRecordId,
} from './records.js';

export type SyncProgress = { done: number; total: number; photo: number | null };

export type ObserveState = {
  card: Scorecard | null;
  /** When the cached scorecard was fetched (shown when working offline). */
  fetchedAt: string | null;
  records: LocalRecord[];
  shared: SharedView | null;
  online: boolean;
  syncing: boolean;
  progress: SyncProgress | null;
  /** The scorecard could not be loaded and nothing is cached. */
  loadError: string | null;
  loaded: boolean;
};

const RETRY_MIN_MS = 2000;
/** Coming back to the page refetches the scorecard (the group may have moved on), at most this often. */
const REFOCUS_REFRESH_MS = 30_000;
const RETRY_MAX_MS = 60_000;
/** Typing does not send a request per key: changes are sent this long after the last one. */
const SEND_DELAY_MS = 1200;

const nowIso = () => new Date().toISOString();
let lastSeq = 0;
const nextSeq = () => {
  lastSeq = Math.max(Date.now(), lastSeq + 1);
  return lastSeq;
};
const uuid = () => crypto.randomUUID();

/**
 * The attendee's scorecard on the phone: the cached server state, the outbox, and the sync loop.
 * The page renders `getState()` (through useSyncExternalStore) and calls the actions; every action
 * writes IndexedDB first, so nothing is lost when the network, the tab or the battery goes.
 */
export class ObserveStore {
  private state: ObserveState = {
    card: null,
    fetchedAt: null,
    records: [],
    shared: null,
    online: navigator.onLine,
    syncing: false,
    progress: null,
    loadError: null,
    loaded: false,
  };
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay = RETRY_MIN_MS;
  private disposed = false;
  /** Serialises IndexedDB writes of the same record (fast typing). */
  private writes: Promise<unknown> = Promise.resolve();
  /** The group's position stream, and the group it follows. */
  private live: EventSource | null = null;
  private liveGroupId: string | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private lastRefresh = 0;

  constructor(readonly token: string) {}

  getState = () => this.state;
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  private set(patch: Partial<ObserveState>) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
    if (patch.card !== undefined) this.followGroup();
  }

  // ---- Start, refresh, stop ----

  async start() {
    // React's StrictMode (dev) stops and starts the same store once.
    this.disposed = false;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    document.addEventListener('visibilitychange', this.onVisible);
    const [cached, records, shared] = await Promise.all([
      local.loadCard(this.token).catch(() => undefined),
      local.loadRecords(this.token).catch(() => [] as LocalRecord[]),
      local.loadShared(this.token).catch(() => undefined),
    ]);
    for (const r of records) lastSeq = Math.max(lastSeq, r.seq);
    this.set({
      card: cached?.card ?? null,
      fetchedAt: cached?.fetchedAt ?? null,
      records,
      shared: shared?.shared ?? null,
      loaded: !!cached,
    });
    await this.refresh();
    void this.sync();
  }

  stop() {
    this.disposed = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    document.removeEventListener('visibilitychange', this.onVisible);
    if (this.timer) clearTimeout(this.timer);
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.live?.close();
    this.live = null;
    this.liveGroupId = null;
  }

  private onVisible = () => {
    if (document.visibilityState !== 'visible' || !navigator.onLine) return;
    if (Date.now() - this.lastRefresh >= REFOCUS_REFRESH_MS) void this.refresh();
  };

  /**
   * While the attendee has a group, listens to its guide's position reports; a report newer than
   * the scorecard's refetches it, so the route opens on the group's new stop. EventSource
   * reconnects by itself and catches up from Last-Event-ID.
   */
  private followGroup() {
    const groupId = this.state.card?.group?.id ?? null;
    if (this.disposed || groupId === this.liveGroupId || typeof EventSource === 'undefined') return;
    this.live?.close();
    this.live = null;
    this.liveGroupId = groupId;
    if (!groupId) return;
    const source = new EventSource(passStreamUrl(this.token));
    source.addEventListener('group_position', (event) => {
      let news: { groupId?: unknown; at?: unknown } = {};
      try {
        news = JSON.parse((event as MessageEvent<string>).data);
      } catch {
        return;
      }
      // A reconnect replays what was missed: one refetch for the whole burst.
      if (isNewerPosition(this.state.card, news) && !this.refreshTimer)
        this.refreshTimer = setTimeout(() => {
          this.refreshTimer = null;
          void this.refresh();
        }, 300);
    });
    this.live = source;
  }

  private onOnline = () => {
    this.set({ online: true });
    this.retryDelay = RETRY_MIN_MS;
    void this.sync().then(() => this.refresh());
  };
  private onOffline = () => {
    // No reconnect attempts every few seconds in airplane mode: the stream opens again with the
    // next scorecard fetched once online.
    this.live?.close();
    this.live = null;
    this.liveGroupId = null;
    this.set({ online: false });
  };

  /** Fetches the scorecard again; offline, the cached one stays. */
  async refresh() {
    this.lastRefresh = Date.now();
    try {
      const card = await fetchScorecard(this.token);
      await local.saveCard(this.token, card).catch(() => undefined);
      this.set({ card, fetchedAt: nowIso(), loaded: true, loadError: null, online: true });
    } catch (error) {
      if (isTransient(error)) this.set({ online: false });
      if (!this.state.card)
        this.set({ loaded: true, loadError: error instanceof ApiError ? error.detail : String(error) });
    }
  }

  async refreshShared() {
    try {
      const shared = await fetchShared(this.token);
      await local.saveShared(this.token, shared).catch(() => undefined);
      this.set({ shared, online: true });
    } catch (error) {
      if (isTransient(error)) this.set({ online: false });
    }
  }

  // ---- Local writes ----

  private get writable() {
    return !!this.state.card && !this.state.card.event.readOnly;
  }

  private async save(record: LocalRecord) {
    const records = this.state.records.filter((r) => r.id !== record.id);
    this.set({ records: [...records, record].sort((a, b) => a.seq - b.seq) });
    this.writes = this.writes.then(() => local.putRecord(record)).catch(() => undefined);
    await this.writes;
    this.scheduleSync(SEND_DELAY_MS);
  }

  private async drop(ids: string[]) {
    this.set({ records: this.state.records.filter((r) => !ids.includes(r.id)) });
    this.writes = this.writes
      .then(() => Promise.all(ids.map((id) => local.deleteRecord(id))))
      .catch(() => undefined);
    await this.writes;
  }

  private record<T extends LocalRecord['type']>(id: string, type: T) {
    const found = this.state.records.find((r) => r.id === id && r.type === type);
    return found as Extract<LocalRecord, { type: T }> | undefined;
  }

  /** The current observation of a point (local change or server copy) as an input body. */
  private observationBody(pointId: string): { id: string; body: ObservationRecord['body'] } {
    const rec = this.state.records.find(
      (r): r is ObservationRecord => r.type === 'observation' && r.body.pointId === pointId,
    );
    if (rec) return { id: rec.id, body: rec.body };
    const stored = this.state.card?.observations.find((o) => o.pointId === pointId);
    return {
      id: stored?.id ?? uuid(),
      body: {
        pointId,
        score: stored?.score ?? null,
        na: stored?.na ?? false,
        answers: stored?.answers ?? [],
        updatedAt: nowIso(),
      },
    };
  }

  private async saveObservation(pointId: string, change: (body: ObservationRecord['body']) => void) {
    if (!this.writable) return;
    const { id, body } = this.observationBody(pointId);
    const next = { ...body, answers: [...body.answers] };
    change(next);
    next.updatedAt = nowIso();
    const previous = this.record(id, 'observation');
    await this.save({
      id,
      token: this.token,
      type: 'observation',
      seq: previous?.seq ?? nextSeq(),
      rev: (previous?.rev ?? 0) + 1,
      state: 'pending',
      attempts: 0,
      body: next,
    });
  }

  setScore(pointId: string, score: number | null, na: boolean) {
    return this.saveObservation(pointId, (body) => {
      body.score = na ? null : score;
      body.na = na;
    });
  }

  setAnswer(pointId: string, questionId: string, text: string, sentToQa: boolean) {
    return this.saveObservation(pointId, (body) => {
      const others = body.answers.filter((a) => a.questionId !== questionId);
      body.answers = text.trim() || sentToQa ? [...others, { questionId, text, sentToQa }] : others;
    });
  }

  /** The note as it is on the phone (local change first), as an input body. */
  noteBody(noteId: string): NoteInput | null {
    const rec = this.record(noteId, 'note');
    if (rec) return rec.deleted ? null : rec.body;
    const n = this.state.card?.notes.find((x) => x.id === noteId);
    if (!n) return null;
    return {
      kind: n.kind,
      text: n.text,
      shared: n.shared,
      pointId: n.pointId,
      routeStopId: n.routeStopId,
      sentToQa: n.sentToQa,
      updatedAt: n.updatedAt,
    };
  }

  /** Creates (no id) or changes a note; answers its id. */
  async saveNote(
    id: string | null,
    fields: {
      kind: NoteKind;
      text: string;
      shared: boolean;
      pointId: string | null;
      routeStopId: string | null;
    },
  ) {
    const noteId = id ?? uuid();
    if (!this.writable) return noteId;
    const previous = this.record(noteId, 'note');
    const before = this.noteBody(noteId);
    await this.save({
      id: noteId,
      token: this.token,
      type: 'note',
      seq: previous?.seq ?? nextSeq(),
      rev: (previous?.rev ?? 0) + 1,
      state: 'pending',
      attempts: 0,
      deleted: false,
      createdAt: previous?.createdAt ?? nowIso(),
      body: { sentToQa: before?.sentToQa ?? false, ...fields, updatedAt: nowIso() },
    });
    return noteId;
  }

  async deleteNote(noteId: string) {
    if (!this.writable) return;
    const photos = this.state.records.filter((r) => r.type === 'photo' && r.noteId === noteId);
    const previous = this.record(noteId, 'note');
    const known =
      this.state.card?.notes.some((n) => n.id === noteId) ||
      (previous?.attempts ?? 0) > 0 ||
      photos.some((p) => p.attempts > 0);
    await this.drop(photos.map((p) => p.id));
    if (!known) {
      await this.drop([noteId]);
      return;
    }
    await this.save({
      id: noteId,
      token: this.token,
      type: 'note',
      seq: previous?.seq ?? nextSeq(),
      rev: (previous?.rev ?? 0) + 1,
      state: 'pending',
      attempts: previous?.attempts ?? 0,
      deleted: true,
      createdAt: previous?.createdAt ?? nowIso(),
      body: previous?.body ?? (this.noteBody(noteId) as NoteInput),
    });
  }

  async addPhoto(
    noteId: string,
    photo: { blob: Blob; original: Blob | null; width: number; height: number },
  ) {
    if (!this.writable) return;
    await this.save({
      id: uuid(),
      token: this.token,
      type: 'photo',
      seq: nextSeq(),
      rev: 1,
      state: 'pending',
      attempts: 0,
      noteId,
      createdAt: nowIso(),
      ...photo,
    });
  }

  /** A photo still on the phone can be taken back before it is sent. */
  removeLocalPhoto(photoId: string) {
    return this.drop([photoId]);
  }

  async vote(noteId: string, on: boolean) {
    const shared = this.state.shared;
    if (shared) {
      const notes = shared.notes.map((n) =>
        n.id === noteId && n.votedByMe !== on ? { ...n, votedByMe: on, votes: n.votes + (on ? 1 : -1) } : n,
      );
      const next = { ...shared, notes };
      this.set({ shared: next });
      void local.saveShared(this.token, next).catch(() => undefined);
    }
    const id = voteRecordId(noteId);
    const previous = this.record(id, 'vote');
    await this.save({
      id,
      token: this.token,
      type: 'vote',
      seq: previous?.seq ?? nextSeq(),
      rev: (previous?.rev ?? 0) + 1,
      state: 'pending',
      attempts: 0,
      noteId,
      on,
    });
  }

  async submit() {
    if (!this.writable) return;
    await this.save({
      id: submitRecordId(this.token),
      token: this.token,
      type: 'submit',
      seq: nextSeq(),
      rev: 1,
      state: 'pending',
      attempts: 0,
    });
    this.scheduleSync(0);
  }

  /** A refused record: send it again, or throw it away. */
  async retry(id: string) {
    const rec = this.state.records.find((r) => r.id === id);
    if (!rec) return;
    await this.save({ ...rec, state: 'pending', error: undefined, attempts: 0 });
    this.scheduleSync(0);
  }

  async discard(id: string) {
    const rec = this.state.records.find((r) => r.id === id);
    if (!rec) return;
    const photos =
      rec.type === 'note' ? this.state.records.filter((r) => r.type === 'photo' && r.noteId === id) : [];
    await this.drop([id, ...photos.map((p) => p.id)]);
  }

  // ---- Sync ----

  private scheduleSync(delay: number) {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sync();
    }, delay);
  }

  /** Sends every pending record, oldest first; stops at the first network failure and retries later. */
  async sync(): Promise<void> {
    if (this.state.syncing || this.disposed) return;
    const queue = this.state.records.filter((r) => r.state === 'pending');
    if (!queue.length || !this.state.card) return;
    this.set({ syncing: true, progress: { done: 0, total: queue.length, photo: null } });
    let sentAny = false;
    let failedTransiently = false;
    try {
      for (const [i, item] of queue.entries()) {
        const rec = this.state.records.find((r) => r.id === item.id);
        if (rec?.state !== 'pending') continue;
        if (rec.type === 'note' && !rec.deleted && this.hasPendingPhotos(rec.id)) continue;
        try {
          await this.send(rec);
          sentAny = true;
        } catch (error) {
          if (isTransient(error)) {
            failedTransiently = true;
            this.set({ online: !(error instanceof ApiError && error.status === 0) && navigator.onLine });
            break;
          }
          await this.refused(rec, error);
        }
        this.set({ progress: { done: i + 1, total: queue.length, photo: null } });
      }
    } finally {
      this.set({ syncing: false, progress: null });
    }
    if (failedTransiently) {
      this.scheduleSync(this.retryDelay);
      this.retryDelay = Math.min(RETRY_MAX_MS, this.retryDelay * 2);
      return;
    }
    this.retryDelay = RETRY_MIN_MS;
    this.set({ online: true });
    if (this.state.records.some((r) => r.state === 'pending')) this.scheduleSync(0);
    else if (sentAny) {
      await this.refresh();
      if (this.state.shared) void this.refreshShared();
    }
  }

  private hasPendingPhotos(noteId: string) {
    return this.state.records.some((r) => r.type === 'photo' && r.noteId === noteId && r.state === 'pending');
  }

  /**
   * The server took the record: its reply goes into the cached scorecard, and the record leaves
   * the outbox unless it was edited meanwhile (then the newer revision is sent next). `also` is a
   * note that travelled with its photo, done when still at the revision that was sent.
   */
  private async settle(
    rec: LocalRecord,
    apply?: (card: Scorecard) => Scorecard,
    also?: { id: string; rev: number },
  ) {
    const card = this.state.card;
    if (apply && card) {
      const next = apply(card);
      this.set({ card: next });
      await local.saveCard(this.token, next).catch(() => undefined);
    }
    const unchanged = (id: string, rev: number) => {
      const current = this.state.records.find((r) => r.id === id);
      return !!current && current.rev === rev;
    };
    const done = unchanged(rec.id, rec.rev) ? [rec.id] : [];
    if (also && unchanged(also.id, also.rev)) done.push(also.id);
    await this.drop(done);
  }

  private async send(rec: LocalRecord) {
    await this.bumpAttempts(rec);
    switch (rec.type) {
      case 'observation': {
        const saved = await sendObservation(this.token, rec.id, rec.body);
        return this.settle(rec, (card) => applyObservation(card, saved));
      }
      case 'note': {
        if (rec.deleted) {
          await sendNoteDeletion(this.token, rec.id);
          return this.settle(rec, (card) => removeNote(card, rec.id));
        }
        const saved = await sendNote(this.token, rec.id, rec.body);
        return this.settle(rec, (card) => applyNote(card, saved));
      }
      case 'photo': {
        const noteRec = this.record(rec.noteId, 'note');
        const note = this.noteBody(rec.noteId);
        if (!note) return this.drop([rec.id]);
        const saved = await uploadPhoto({
          token: this.token,
          noteId: rec.noteId,
          photoId: rec.id,
          note,
          file: rec.blob,
          original: rec.original,
          onProgress: (photo) => {
            const progress = this.state.progress;
            if (progress) this.set({ progress: { ...progress, photo } });
          },
        });
        // The note went with the photo: a note record unchanged since then is done too.
        const sentNote = noteRec && !noteRec.deleted ? { id: noteRec.id, rev: noteRec.rev } : undefined;
        return this.settle(rec, (card) => applyNote(card, saved), sentNote);
      }
      case 'vote': {
        const result = await sendVote(this.token, rec.noteId, rec.on);
        const shared = this.state.shared;
        if (shared)
          this.set({
            shared: {
              ...shared,
              notes: shared.notes.map((n) => (n.id === rec.noteId ? { ...n, ...result } : n)),
            },
          });
        return this.settle(rec);
      }
      case 'submit': {
        const result = await sendSubmit(this.token);
        return this.settle(rec, (card) => ({ ...card, submittedAt: result.submittedAt }));
      }
    }
  }

  private async bumpAttempts(rec: LocalRecord) {
    const current = this.state.records.find((r) => r.id === rec.id);
    if (!current) return;
    const next = { ...current, attempts: current.attempts + 1 };
    this.set({ records: this.state.records.map((r) => (r.id === rec.id ? next : r)) });
    await local.putRecord(next).catch(() => undefined);
  }

  /** A 4xx: the record stays, marked with the server's message, until retried or discarded. */
  private async refused(rec: LocalRecord, error: unknown) {
    const gone = error instanceof ApiError && error.status === 410;
    if (gone) {
      // The note was deleted (here or on another phone): nothing left to send for it.
      const photos = this.state.records.filter((r) => r.type === 'photo' && r.noteId === rec.id);
      await this.drop([rec.id, ...photos.map((p) => p.id)]);
      return;
    }
    const message = error instanceof ApiError ? error.detail : String(error);
    const current = this.state.records.find((r) => r.id === rec.id);
    if (!current) return;
    const next = { ...current, state: 'error' as const, error: message };
    this.set({ records: this.state.records.map((r) => (r.id === rec.id ? next : r)) });
    await local.putRecord(next).catch(() => undefined);
  }
}

export type { NoteRecord, PhotoRecord };
