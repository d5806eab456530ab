/**
 * The board's code, loaded once. Pages that lead to the board call it early
 * (the join and start pages while the person types), and a board link starts
 * it before React renders, so the board rarely waits for its own code.
 */
let loading: Promise<typeof import('./BoardPage.tsx')> | null = null;

export const loadBoardPage = () => {
  loading ??= import('./BoardPage.tsx');
  return loading;
};
