/** What shows while the board's code, session or documents are still on their way. */
export function OpeningBoard() {
  return (
    <main className="page" aria-busy="true">
      <p style={{ color: 'var(--ink-3)' }}>Opening the board…</p>
    </main>
  );
}
