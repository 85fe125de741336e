import type { ReactNode } from 'react';

/** What an empty page says: what is missing, and the next step. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty-state">
      <h2>{title}</h2>
      <div>{children}</div>
    </section>
  );
}
