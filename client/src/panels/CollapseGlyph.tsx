/**
 * The mark on a panel's collapse button: an arrow towards its edge on a
 * desktop, a close cross on a phone, where the panel is a bottom sheet
 * (styles/phone.css swaps them). The button itself carries the name.
 */
export function CollapseGlyph({ side }: { side: '«' | '»' }) {
  return (
    <>
      <span className="glyph-side" aria-hidden="true">
        {side}
      </span>
      <span className="glyph-sheet" aria-hidden="true">
        ✕
      </span>
    </>
  );
}
