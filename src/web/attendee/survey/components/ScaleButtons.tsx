/**
 * A row of numbered buttons (1–5, 1–10, 0–10), wrapped into two rows on a phone when there are
 * more than six. Tapping the chosen value again clears it (an optional question can be left).
 */
export function ScaleButtons({
  min,
  max,
  value,
  disabled,
  label,
  tone,
  onChange,
  testId,
}: {
  min: number;
  max: number;
  value: number | null;
  disabled?: boolean;
  /** The accessible name of one button, e.g. "3 分". */
  label: (n: number) => string;
  /** NPS colours its ends: detractors, passives, promoters. */
  tone?: (n: number) => string;
  onChange: (value: number | null) => void;
  testId: string;
}) {
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const layout = values.length === 11 ? 'sv-scale-11' : values.length === 10 ? 'sv-scale-10' : 'sv-scale-5';
  return (
    <div className={`sv-scale ${layout}`}>
      {values.map((n) => (
        <button
          key={n}
          type="button"
          className={`sv-num${tone ? ` ${tone(n)}` : ''}${value === n ? ' on' : ''}`}
          aria-pressed={value === n}
          aria-label={label(n)}
          disabled={disabled}
          onClick={() => onChange(value === n ? null : n)}
          data-testid={`${testId}-${n}`}
        >
          {n}
        </button>
      ))}
    </div>
  );
}

/** The words under both ends of a scale (非常不满意 … 非常满意). */
export function ScaleEnds({ low, high }: { low: string | null; high: string | null }) {
  if (!low && !high) return null;
  return (
    <div className="sv-ends" aria-hidden="true">
      <span>{low}</span>
      <span>{high}</span>
    </div>
  );
}
