/** The "Show hidden" checkbox: where the focus goes when a hidden item leaves the page. */
export const SHOW_HIDDEN = 'show-hidden-categories';

/** After hiding: the focus goes to "Show hidden" when the item has left the page. */
export function hiddenFocus(): HTMLElement | false {
  const toggle = document.getElementById(SHOW_HIDDEN) as HTMLInputElement | null;
  return toggle && !toggle.checked ? toggle : false;
}
