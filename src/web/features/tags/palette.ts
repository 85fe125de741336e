/** Colours offered to new tags in turn; any other can be picked. */
export const PALETTE = ['#3b82f6', '#16a34a', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#db2777'];

/** The colour offered to the tag made after `count` others. */
export const suggestion = (count: number) => PALETTE[count % PALETTE.length]!;
