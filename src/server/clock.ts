/** The one place the server reads the time; the core never does. */
export function now(): string {
  return new Date().toISOString();
}

export function today(): string {
  return now().slice(0, 10);
}
