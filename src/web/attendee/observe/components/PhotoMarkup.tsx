import { type PointerEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n.js';
import { type Picture, toJpeg } from '../image.js';

type Tool = 'arrow' | 'circle' | 'text';
type Shape =
  | { tool: 'arrow' | 'circle'; x1: number; y1: number; x2: number; y2: number }
  | { tool: 'text'; x1: number; y1: number; text: string };

const COLOR = '#ff3b30';

function draw(ctx: CanvasRenderingContext2D, shape: Shape, unit: number) {
  ctx.strokeStyle = COLOR;
  ctx.fillStyle = COLOR;
  ctx.lineWidth = unit;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  if (shape.tool === 'text') {
    ctx.font = `bold ${unit * 7}px sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.lineWidth = unit * 1.5;
    ctx.strokeStyle = '#fff';
    ctx.strokeText(shape.text, shape.x1, shape.y1);
    ctx.fillText(shape.text, shape.x1, shape.y1);
    return;
  }
  const { x1, y1, x2, y2 } = shape;
  if (shape.tool === 'circle') {
    ctx.beginPath();
    ctx.ellipse(
      (x1 + x2) / 2,
      (y1 + y2) / 2,
      Math.max(unit, Math.abs(x2 - x1) / 2),
      Math.max(unit, Math.abs(y2 - y1) / 2),
      0,
      0,
      Math.PI * 2,
    );
    ctx.stroke();
    return;
  }
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const head = unit * 5;
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x2, y2);
  ctx.lineTo(x2 - head * Math.cos(angle - Math.PI / 6), y2 - head * Math.sin(angle - Math.PI / 6));
  ctx.lineTo(x2 - head * Math.cos(angle + Math.PI / 6), y2 - head * Math.sin(angle + Math.PI / 6));
  ctx.closePath();
  ctx.fill();
}

/**
 * Simple mark-up before a photo is saved: arrows, circles and text in red. The marked-up picture
 * is what others see; the original is kept too (sent as `original`).
 */
export function PhotoMarkup({
  picture,
  onDone,
  onCancel,
}: {
  picture: Picture;
  onDone: (result: { blob: Blob; original: Blob | null }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [tool, setTool] = useState<Tool>('arrow');
  const [shapes, setShapes] = useState<Shape[]>([]);
  const [drag, setDrag] = useState<Shape | null>(null);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const unit = Math.max(2, Math.round(Math.max(picture.width, picture.height) / 250));

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    ctx.drawImage(picture.canvas, 0, 0);
    for (const s of drag ? [...shapes, drag] : shapes) draw(ctx, s, unit);
  }, [picture, shapes, drag, unit]);

  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return {
      x: ((e.clientX - rect.left) / rect.width) * picture.width,
      y: ((e.clientY - rect.top) / rect.height) * picture.height,
    };
  };

  const onDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const { x, y } = at(e);
    if (tool === 'text') {
      const text = label.trim();
      if (text) setShapes((s) => [...s, { tool: 'text', x1: x, y1: y, text }]);
      return;
    }
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ tool, x1: x, y1: y, x2: x, y2: y });
  };
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drag || drag.tool === 'text') return;
    const { x, y } = at(e);
    setDrag({ ...drag, x2: x, y2: y });
  };
  const onUp = () => {
    if (drag && drag.tool !== 'text' && Math.hypot(drag.x2 - drag.x1, drag.y2 - drag.y1) > unit * 2)
      setShapes((s) => [...s, drag]);
    setDrag(null);
  };

  const finish = async () => {
    setBusy(true);
    try {
      const original = await toJpeg(picture.canvas);
      if (!shapes.length) return onDone({ blob: original, original: null });
      const blob = await toJpeg(canvasRef.current!);
      onDone({ blob, original });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="markup" role="dialog" aria-modal="true" aria-label={t('attendee.observe.markup.title')}>
      <div className="markup-tools">
        {(['arrow', 'circle', 'text'] as const).map((k) => (
          <button
            key={k}
            type="button"
            className={`chip${tool === k ? ' on' : ''}`}
            aria-pressed={tool === k}
            onClick={() => setTool(k)}
          >
            {t(`attendee.observe.markup.${k}`)}
          </button>
        ))}
        <button
          type="button"
          className="chip"
          disabled={!shapes.length}
          onClick={() => setShapes((s) => s.slice(0, -1))}
        >
          {t('attendee.observe.markup.undo')}
        </button>
      </div>
      {tool === 'text' ? (
        <input
          className="input markup-label"
          value={label}
          maxLength={40}
          placeholder={t('attendee.observe.markup.textHint')}
          onChange={(e) => setLabel(e.target.value)}
        />
      ) : (
        <p className="markup-hint">{t(`attendee.observe.markup.${tool}Hint`)}</p>
      )}
      <div className="markup-stage">
        <canvas
          ref={canvasRef}
          width={picture.width}
          height={picture.height}
          data-testid="markup-canvas"
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={() => setDrag(null)}
        />
      </div>
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {t('attendee.observe.markup.cancel')}
        </button>
        <button
          type="button"
          className="btn primary"
          onClick={() => void finish()}
          disabled={busy}
          data-testid="markup-done"
        >
          {shapes.length ? t('attendee.observe.markup.save') : t('attendee.observe.markup.useAsIs')}
        </button>
      </div>
    </div>
  );
}
