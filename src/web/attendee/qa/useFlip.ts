import { type RefObject, useLayoutEffect, useRef } from 'react';

/**
 * Animates the children of `list` (elements with `data-id`) from where they were to where they are
 * now after each render: the presenter screen's queue visibly reorders as votes come in.
 */
export function useFlip(list: RefObject<HTMLElement | null>, order: string) {
  const rects = useRef(new Map<string, number>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the order changes
  useLayoutEffect(() => {
    const root = list.current;
    if (!root) return;
    const next = new Map<string, number>();
    for (const el of root.querySelectorAll<HTMLElement>('[data-id]')) {
      const id = el.dataset.id!;
      const top = el.getBoundingClientRect().top;
      next.set(id, top);
      const before = rects.current.get(id);
      if (before === undefined || before === top) continue;
      el.style.transition = 'none';
      el.style.transform = `translateY(${before - top}px)`;
      requestAnimationFrame(() => {
        el.style.transition = 'transform 600ms cubic-bezier(0.2, 0.8, 0.2, 1)';
        el.style.transform = '';
      });
    }
    rects.current = next;
  }, [order]);
}
