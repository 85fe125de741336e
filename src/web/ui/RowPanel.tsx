import { type ReactNode, useId } from 'react';

/** A panel that opens under a row for one task (move, merge, delete…), with a heading of `level`. */
export function RowPanel({
  title,
  level,
  children,
}: {
  title: string;
  level: 2 | 3 | 4;
  children: ReactNode;
}) {
  const id = useId();
  const Heading = `h${level}` as const;
  return (
    <section className="row-panel" aria-labelledby={id}>
      <Heading id={id} className="row-panel-title">
        {title}
      </Heading>
      {children}
    </section>
  );
}
