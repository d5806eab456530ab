import { lazy, Suspense } from 'react';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { JoinPage } from './pages/JoinPage.tsx';
import { loadBoardPage } from './pages/loadBoardPage.ts';
import { OpeningBoard } from './pages/OpeningBoard.tsx';
import { PageErrorBoundary } from './pages/PageErrorBoundary.tsx';
import { StartPage } from './pages/StartPage.tsx';
import { parseRoute, useRoute } from './router.ts';

// The board (canvas, sync, offline store) is most of the code; the start and join pages load without it.
const BoardPage = lazy(() => loadBoardPage().then((m) => ({ default: m.BoardPage })));
if (typeof location !== 'undefined' && parseRoute(location.pathname).page === 'board') void loadBoardPage();

/** Routes to a page; everything else lives in the pages. */
export function App() {
  const route = useRoute();
  switch (route.page) {
    case 'start':
      return <StartPage />;
    case 'join':
      return <JoinPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'board':
      return (
        <PageErrorBoundary>
          <Suspense fallback={<OpeningBoard />}>
            <BoardPage key={route.sessionId} sessionId={route.sessionId} />
          </Suspense>
        </PageErrorBoundary>
      );
    default:
      return <ErrorPage kind="notFound" title="There is no page here" />;
  }
}
