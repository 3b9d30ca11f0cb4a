import { type FormEvent, useEffect, useState } from 'react';
import type { RegistrationForm } from '../../../contract/registrations.js';
import { ApiError } from '../../app/api.js';
import { getForm, updatePass } from '../api.js';
import {
  type Answers,
  answersToSend,
  EMAIL_RE,
  type FieldErrors,
  missingAnswers,
  serverFieldErrors,
  visibleFields,
} from '../form-logic.js';
import { useTranslation } from '../i18n.js';
import type { Pass } from '../types.js';
import { CustomFieldInput } from './CustomFieldInput.js';
import { FieldRow } from './FieldRow.js';

/** 修改我的报名信息: the fields a registrant may change through the pass until the deadline. */
export function PassEditForm({
  pass,
  token,
  onSaved,
  onCancel,
}: {
  pass: Pass;
  token: string;
  onSaved: (pass: Pass) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const r = pass.registration;
  const [form, setForm] = useState<RegistrationForm | null>(null);
  const [position, setPosition] = useState(r.position ?? '');
  const [email, setEmail] = useState(r.email ?? '');
  const [focus, setFocus] = useState<string[]>(r.focusDimensionIds);
  const [questions, setQuestions] = useState(r.questions ?? '');
  const [answers, setAnswers] = useState<Answers>(r.answers);
  const [siteId, setSiteId] = useState(r.eventSiteId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getForm(pass.event.slug)
      .then(setForm)
      .catch((e: unknown) => setAlert(e instanceof ApiError ? e.detail : t('attendee.errors.network')));
  }, [pass.event.slug, t]);

  if (!form) return <p className="loading">{alert ?? t('attendee.loading')}</p>;

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const local: FieldErrors = { ...missingAnswers(form.fields, answers) };
    if (!position.trim()) local.position = 'attendee.errors.required';
    if (email.trim() && !EMAIL_RE.test(email.trim())) local.email = 'attendee.errors.email';
    setErrors(local);
    setAlert(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      onSaved(
        await updatePass(token, {
          position: position.trim(),
          email: email.trim() || null,
          focusDimensionIds: focus,
          questions: questions.trim() || null,
          answers: answersToSend(form.fields, answers),
          ...(siteId !== r.eventSiteId ? { eventSiteId: siteId } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) setErrors(serverFieldErrors(error.errors));
      else setAlert(error instanceof ApiError ? error.detail : t('attendee.errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" noValidate onSubmit={save} aria-label={t('attendee.pass.editTitle')}>
      <h2>{t('attendee.pass.editTitle')}</h2>
      <p className="muted" style={{ marginTop: 0 }}>
        {t('attendee.pass.editNote')}
      </p>
      {form.sites.length > 1 ? (
        <FieldRow id="eventSiteId" label={t('attendee.register.site')} error={errors.eventSiteId} group>
          <div className="sites">
            {form.sites.map((site) => (
              <label key={site.eventSiteId} className={`site${siteId === site.eventSiteId ? ' on' : ''}`}>
                <input
                  type="radio"
                  name="site"
                  checked={siteId === site.eventSiteId}
                  onChange={() => setSiteId(site.eventSiteId)}
                />
                <span>
                  <b>{site.siteName}</b>
                  <span className={`seats${site.remaining > 0 ? '' : ' full'}`}>
                    {site.remaining > 0
                      ? t('attendee.register.siteRemaining', { n: site.remaining, capacity: site.capacity })
                      : t('attendee.register.siteFull')}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </FieldRow>
      ) : null}
      <FieldRow id="position" label={t('attendee.register.position')} required error={errors.position}>
        <input
          id="position"
          className="input"
          maxLength={50}
          value={position}
          onChange={(e) => setPosition(e.target.value)}
        />
      </FieldRow>
      <FieldRow id="email" label={t('attendee.register.email')} error={errors.email}>
        <input
          id="email"
          className="input"
          type="email"
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </FieldRow>
      {form.dimensions.length ? (
        <FieldRow
          id="focusDimensionIds"
          label={t('attendee.register.focus')}
          error={errors.focusDimensionIds}
          group
        >
          <div className="choices">
            {form.dimensions.map((d) => {
              const on = focus.includes(d.id);
              return (
                <label key={d.id} className={`choice${on ? ' on' : ''}`}>
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={() => setFocus(on ? focus.filter((x) => x !== d.id) : [...focus, d.id])}
                  />
                  {d.name}
                </label>
              );
            })}
          </div>
        </FieldRow>
      ) : null}
      {visibleFields(form.fields, answers).map((field) => (
        <CustomFieldInput
          key={field.id}
          field={field}
          value={answers[field.id]}
          error={errors[`answers.${field.id}`]}
          onChange={(value) => setAnswers({ ...answers, [field.id]: value })}
        />
      ))}
      <FieldRow id="questions" label={t('attendee.register.questions')} error={errors.questions}>
        <textarea
          id="questions"
          className="input"
          maxLength={1000}
          value={questions}
          onChange={(e) => setQuestions(e.target.value)}
        />
      </FieldRow>
      {alert ? (
        <div className="alert error-box" role="alert">
          {alert}
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {t('attendee.actions.back')}
        </button>
        <button type="submit" className="btn primary" disabled={busy} data-testid="pass-save">
          {t('attendee.actions.save')}
        </button>
      </div>
    </form>
  );
}
