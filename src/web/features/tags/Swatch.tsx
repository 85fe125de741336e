/** A tag's colour as a small square (a hollow one when it has none). */
export function Swatch({ color }: { color: string | null }) {
  return (
    <span
      className={`tag-swatch${color ? '' : ' none'}`}
      style={color ? { backgroundColor: color } : undefined}
      aria-hidden="true"
    />
  );
}
