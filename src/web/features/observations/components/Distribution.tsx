import { Tooltip } from 'antd';

/** A tiny bar per score value (how many raters gave it). */
export function Distribution({ values }: { values: { score: number; count: number }[] }) {
  if (!values.length) return <span>—</span>;
  const max = Math.max(...values.map((v) => v.count), 1);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'flex-end', gap: 3, height: 28 }}>
      {values.map((v) => (
        <Tooltip key={v.score} title={`${v.score}: ${v.count}`}>
          <span
            style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'center', fontSize: 10 }}
          >
            <span
              style={{
                width: 12,
                height: Math.max(2, Math.round((v.count / max) * 18)),
                background: '#1677ff',
                borderRadius: 2,
              }}
            />
            {v.score}
          </span>
        </Tooltip>
      ))}
    </span>
  );
}
