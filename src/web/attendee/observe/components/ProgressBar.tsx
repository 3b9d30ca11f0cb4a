import type { Progress } from '../progress.js';

export function ProgressBar({ progress }: { progress: Progress }) {
  const percent = progress.total ? Math.round((progress.answered / progress.total) * 100) : 0;
  return (
    <div
      className="bar thin"
      role="progressbar"
      aria-valuenow={percent}
      aria-valuemin={0}
      aria-valuemax={100}
    >
      <span style={{ width: `${percent}%` }} />
    </div>
  );
}
