/**
 * Which transactions are picked for a bulk change, and how a click, a shift-click or Space changes
 * that. Pure: the page keeps the state, the tests check the rules.
 */
export interface Selection {
  readonly ids: ReadonlySet<number>;
  /** The row last clicked (or toggled with Space): where a shift-click's range starts. */
  readonly anchor: number | null;
}

export const NO_SELECTION: Selection = { ids: new Set(), anchor: null };

/** One row in or out; it becomes the anchor. */
export function toggle(selection: Selection, id: number): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/**
 * Every row from the anchor to this one (in the order shown) takes the state of the row clicked
 * after the click, as a file manager does; without an anchor on the page, it is a plain toggle.
 */
export function extend(selection: Selection, id: number, order: readonly number[]): Selection {
  const from = selection.anchor === null ? -1 : order.indexOf(selection.anchor);
  const to = order.indexOf(id);
  if (from < 0 || to < 0) return toggle(selection, id);
  const on = !selection.ids.has(id);
  const ids = new Set(selection.ids);
  for (const row of order.slice(Math.min(from, to), Math.max(from, to) + 1)) {
    if (on) ids.add(row);
    else ids.delete(row);
  }
  return { ids, anchor: id };
}

/** All the rows shown in, or (when they all are) out. */
export function toggleAll(selection: Selection, order: readonly number[]): Selection {
  const all = order.length > 0 && order.every((id) => selection.ids.has(id));
  const ids = new Set(selection.ids);
  for (const id of order) {
    if (all) ids.delete(id);
    else ids.add(id);
  }
  return { ids, anchor: selection.anchor };
}

/** Only the rows still shown: a change or a refetch can take rows out of the filtered list. */
export function keepShown(selection: Selection, order: readonly number[]): Selection {
  const shown = new Set(order);
  if ([...selection.ids].every((id) => shown.has(id))) return selection;
  return {
    ids: new Set([...selection.ids].filter((id) => shown.has(id))),
    anchor: selection.anchor !== null && shown.has(selection.anchor) ? selection.anchor : null,
  };
}

/** The selected ids in the order shown: how a bulk request names them (and its refusals point back). */
export function selectedInOrder(selection: Selection, order: readonly number[]): number[] {
  return order.filter((id) => selection.ids.has(id));
}
