import { type ReactNode, useState } from 'react';
import { DRAG_TYPE } from './MemberRow.js';

/** A column members can be dropped into (HTML5 drag and drop). */
export function DropColumn({
  className,
  onDropMember,
  children,
  testId,
  label,
}: {
  className: string;
  onDropMember: (registrationId: string) => void;
  children: ReactNode;
  testId?: string;
  label: string;
}) {
  const [over, setOver] = useState(false);
  return (
    <section
      aria-label={label}
      className={`${className}${over ? ' grp-drop-over' : ''}`}
      data-testid={testId}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const id = e.dataTransfer.getData(DRAG_TYPE);
        if (id) onDropMember(id);
      }}
    >
      {children}
    </section>
  );
}
