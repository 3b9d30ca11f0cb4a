import { useRef, useState } from 'react';
import type { NoteKind } from '../../../../contract/observations.js';
import { store as kv } from '../../format.js';
import { useTranslation } from '../../i18n.js';
import { type NoteTarget, useObserve } from '../context.js';
import { downscale, type Picture } from '../image.js';
import { LIMITS } from '../limits.js';
import { PhotoMarkup } from './PhotoMarkup.js';
import { NOTE_KINDS_SHOWN } from './PointCard.js';
import { PrivacyReminder } from './PrivacyReminder.js';

const PRIVACY_KEY = 'guanmo_photo_privacy_ok';

/**
 * A note (亮点 / 问题 / 建议) with text, photos and the shared/private switch. A new note is stored
 * as soon as it has a photo (the photo needs its note) or when saved.
 */
export function NoteSheet({ target, onClose }: { target: NoteTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { store, view, points, card, readOnly } = useObserve();
  const existing = 'noteId' in target ? view.notes.find((n) => n.id === target.noteId) : undefined;
  const [noteId, setNoteId] = useState<string | null>(existing?.id ?? null);
  const [kind, setKind] = useState<NoteKind>(
    existing?.kind ?? ('kind' in target ? target.kind : 'highlight'),
  );
  const [text, setText] = useState(existing?.text ?? '');
  const [shared, setShared] = useState(existing?.shared ?? true);
  const pointId = existing ? existing.pointId : 'pointId' in target ? target.pointId : null;
  const routeStopId = existing ? existing.routeStopId : 'routeStopId' in target ? target.routeStopId : null;
  const [privacy, setPrivacy] = useState<null | { then: () => void }>(null);
  const [picture, setPicture] = useState<Picture | null>(null);
  const [working, setWorking] = useState(false);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const cameraRef = useRef<HTMLInputElement>(null);
  const galleryRef = useRef<HTMLInputElement>(null);

  const current = noteId ? view.notes.find((n) => n.id === noteId) : undefined;
  const photos = current?.photos ?? [];
  const place = [
    routeStopId ? card.stops.find((s) => s.id === routeStopId)?.name : null,
    pointId ? points.get(pointId)?.point.title : null,
  ]
    .filter(Boolean)
    .join(' · ');

  const fields = () => ({ kind, text: text.trim(), shared, pointId, routeStopId });
  const ensureNote = async () => noteId ?? setAndReturn(await store.saveNote(null, fields()));
  const setAndReturn = (id: string) => {
    setNoteId(id);
    return id;
  };

  const privacyOk = () => kv.get<boolean>(PRIVACY_KEY) === true;
  const askFirst = (then: () => void) => {
    if (privacyOk()) then();
    else setPrivacy({ then });
  };

  const onFile = (file: File | undefined) => {
    if (!file) return;
    askFirst(async () => {
      setWorking(true);
      setPhotoError(null);
      try {
        setPicture(await downscale(file));
      } catch {
        setPhotoError(t('attendee.observe.photoUnreadable'));
      } finally {
        setWorking(false);
      }
    });
  };

  const save = async () => {
    if (readOnly) return onClose();
    await store.saveNote(noteId, fields());
    onClose();
  };

  const tooMany = photos.length >= LIMITS.photosPerNote;
  const pickerButton = (which: 'camera' | 'gallery') => (
    <button
      type="button"
      className="btn"
      disabled={readOnly || tooMany || working}
      onClick={() => askFirst(() => (which === 'camera' ? cameraRef : galleryRef).current?.click())}
    >
      {t(`attendee.observe.${which}`)}
    </button>
  );

  return (
    <div className="dialog-backdrop sheet-backdrop">
      <div
        className="dialog sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="note-title"
        data-testid="note-sheet"
      >
        <h2 id="note-title">{existing ? t('attendee.observe.editNote') : t('attendee.observe.newNote')}</h2>
        {place ? <p className="muted">{place}</p> : null}
        <fieldset className="kinds">
          <legend className="sr-only">{t('attendee.observe.kind')}</legend>
          {NOTE_KINDS_SHOWN.map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={kind === k}
              className={`chip kind-${k}${kind === k ? ' on' : ''}`}
              disabled={readOnly}
              onClick={() => setKind(k)}
            >
              {t(`attendee.observe.kinds.${k}`)}
            </button>
          ))}
        </fieldset>
        <label className="field">
          <span className="sr-only">{t('attendee.observe.noteText')}</span>
          <textarea
            className="input"
            rows={4}
            value={text}
            maxLength={LIMITS.noteText}
            disabled={readOnly}
            data-testid="note-text"
            placeholder={t(`attendee.observe.placeholders.${kind}`)}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <label className="check small">
          <input
            type="checkbox"
            checked={shared}
            disabled={readOnly}
            onChange={(e) => setShared(e.target.checked)}
          />
          <span>{t('attendee.observe.shareToggle')}</span>
        </label>
        <div className="photos">
          {photos.map((p) => (
            <figure key={p.id} className={p.local ? 'local' : ''}>
              <img src={p.thumbUrl} alt="" />
              {p.local && !readOnly ? (
                <button
                  type="button"
                  className="remove"
                  aria-label={t('attendee.observe.removePhoto')}
                  onClick={() => void store.removeLocalPhoto(p.id)}
                >
                  ×
                </button>
              ) : null}
              {p.local ? <figcaption>{p.error ?? t('attendee.observe.unsentShort')}</figcaption> : null}
            </figure>
          ))}
        </div>
        <div className="actions photo-actions">
          {pickerButton('camera')}
          {pickerButton('gallery')}
        </div>
        <input
          ref={cameraRef}
          type="file"
          accept="image/*"
          capture="environment"
          hidden
          data-testid="photo-camera"
          onChange={(e) => {
            onFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <input
          ref={galleryRef}
          type="file"
          accept="image/*"
          hidden
          data-testid="photo-gallery"
          onChange={(e) => {
            onFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        {working ? <p className="muted">{t('attendee.observe.photoWorking')}</p> : null}
        {photoError ? <p className="error">{photoError}</p> : null}
        {tooMany ? (
          <p className="muted">{t('attendee.observe.photoLimit', { max: LIMITS.photosPerNote })}</p>
        ) : null}
        <div className="actions">
          {existing && !readOnly ? (
            <button
              type="button"
              className="btn danger"
              onClick={() => void store.deleteNote(existing.id).then(onClose)}
            >
              {t('attendee.observe.deleteNote')}
            </button>
          ) : (
            <button type="button" className="btn" onClick={onClose}>
              {t('attendee.actions.back')}
            </button>
          )}
          <button type="button" className="btn primary" data-testid="note-save" onClick={() => void save()}>
            {readOnly ? t('attendee.actions.back') : t('attendee.observe.saveNote')}
          </button>
        </div>
      </div>
      {privacy ? (
        <PrivacyReminder
          onOk={() => {
            kv.set(PRIVACY_KEY, true);
            const next = privacy.then;
            setPrivacy(null);
            next();
          }}
          onClose={() => setPrivacy(null)}
        />
      ) : null}
      {picture ? (
        <PhotoMarkup
          picture={picture}
          onCancel={() => setPicture(null)}
          onDone={async ({ blob, original }) => {
            const id = await ensureNote();
            await store.addPhoto(id, { blob, original, width: picture.width, height: picture.height });
            setPicture(null);
          }}
        />
      ) : null}
    </div>
  );
}
