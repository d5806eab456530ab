/**
 * The board's code, loaded once. Pages that lead to the board call it early
 * (the join and start pages while the person types), and a board link starts
 * it before React renders, so the board rarely waits for its own code. A
 * failed download is forgotten, so the next attempt fetches again.
 */
let loading: Promise<typeof import('./BoardPage.tsx')> | null = null;

export const loadBoardPage = () => {
  if (!loading) {
    const attempt = import('./BoardPage.tsx');
    loading = attempt;
    attempt.catch(() => {
      if (loading === attempt) loading = null;
    });
  }
  return loading;
};
