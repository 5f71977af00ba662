import { useEffect, useRef, type ReactNode } from 'react';
import './monitor.css';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

/**
 * A modal box: focus starts on the element marked data-autofocus (the safe choice), Escape
 * closes, Tab stays inside. Not the native <dialog>, so it behaves the same in every engine and
 * in jsdom.
 */
export function Modal(props: { labelledBy: string; describedBy?: string; className?: string; onEscape(): void; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    (box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current?.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    return () => before?.focus?.();
  }, []);
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onEscape();
    } else if (e.key === 'Tab') {
      const items = [...(box.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const i = items.indexOf(document.activeElement as HTMLElement);
      const next = items[(i + (e.shiftKey ? -1 : 1) + items.length) % items.length];
      e.preventDefault();
      next?.focus();
    }
  };
  return (
    <div className="modal-backdrop">
      <div ref={box} className={`modal card ${props.className ?? ''}`} role="dialog" aria-modal="true" aria-labelledby={props.labelledBy} aria-describedby={props.describedBy} onKeyDown={onKey}>
        {props.children}
      </div>
    </div>
  );
}
