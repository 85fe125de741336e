import type { ReactNode } from 'react';

/**
 * A table that may be wider than the page, scrolled sideways in its own box. The box takes the
 * keyboard focus (and is a named region), so that arrow keys scroll it for people without a mouse
 * (axe: scrollable-region-focusable).
 */
export function TableScroll({
  label,
  className = '',
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls sideways; focusable, the keyboard can scroll it too
    <section className={`table-scroll ${className}`.trim()} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
