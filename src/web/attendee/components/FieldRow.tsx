import type { ReactNode } from 'react';
import { useTranslation } from '../i18n.js';

/** Label, required mark, the control, a hint and the error under it (client keys or server text). */
export function FieldRow({
  id,
  label,
  required,
  error,
  hint,
  group,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  error?: string;
  hint?: ReactNode;
  /** A group of choices: the label names a fieldset-like group instead of one input. */
  group?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const message = error?.startsWith('attendee.') ? t(error) : error;
  const labelInner = (
    <>
      {label}
      {required ? (
        <span className="req" aria-hidden="true">
          *
        </span>
      ) : null}
    </>
  );
  const body = (
    <>
      {group ? (
        <legend className="label" id={`${id}-label`}>
          {labelInner}
        </legend>
      ) : (
        <label htmlFor={id}>{labelInner}</label>
      )}
      {children}
      {hint ? <div className="hint">{hint}</div> : null}
      {message ? (
        <div className="error" role="alert" id={`${id}-error`}>
          {message}
        </div>
      ) : null}
    </>
  );
  const className = `field${message ? ' has-error' : ''}`;
  return group ? (
    <fieldset className={className} data-field={id}>
      {body}
    </fieldset>
  ) : (
    <div className={className} data-field={id}>
      {body}
    </div>
  );
}
