/**
 * Runs `then` once a mutation has succeeded, even when the row that started it has left the page
 * meanwhile (deleted, merged, hidden), when `mutate`'s own callbacks no longer run. A failure stays
 * on the mutation (`mutation.error`) for the page to show.
 */
export function afterSuccess<T>(promise: Promise<T>, then: (value: T) => void): void {
  promise.then(then, () => {});
}
