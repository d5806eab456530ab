/** What shows while the board's code, session or documents are still on their way. */
export function OpeningBoard() {
  return (
    <main className="page" aria-busy="true">
      <p className="muted">Opening the board…</p>
    </main>
  );
}
