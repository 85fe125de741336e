/**
 * A page while its data loads: its heading at once (screen readers and the page outline have it
 * from the start), then what is on its way.
 */
export function PageLoading({ title, what }: { title: string; what: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="loading">Loading {what}…</p>
    </>
  );
}
