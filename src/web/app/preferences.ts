import { useSyncExternalStore } from 'react';

/**
 * The person's display preferences, kept in this browser: the locale amounts and dates are shown
 * and typed in (default: the browser's), and the colour scheme (default: follow the system).
 */
export type Theme = 'system' | 'light' | 'dark';

const listeners = new Set<() => void>();
const read = (key: string) => (typeof localStorage === 'undefined' ? null : localStorage.getItem(key));

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function write(key: string, value: string | null) {
  if (value === null) localStorage.removeItem(key);
  else localStorage.setItem(key, value);
  for (const listener of listeners) listener();
}

export function currentLocale(): string {
  return (
    read('moneta.locale') ?? (typeof navigator === 'undefined' ? 'en-US' : navigator.language) ?? 'en-US'
  );
}

export function useLocale(): string {
  return useSyncExternalStore(subscribe, currentLocale, () => 'en-US');
}

export function setLocale(locale: string | null): void {
  write('moneta.locale', locale);
}

export function currentTheme(): Theme {
  return (read('moneta.theme') as Theme | null) ?? 'system';
}

export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, currentTheme, () => 'system');
}

/** Applies a theme to the document: `data-theme` overrides the system's scheme when set. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
}

export function setTheme(theme: Theme): void {
  write('moneta.theme', theme === 'system' ? null : theme);
  applyTheme(theme);
}
