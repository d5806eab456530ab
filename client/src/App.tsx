import { lazy, Suspense } from 'react';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { loadBoardPage } from './pages/loadBoardPage.ts';
import { OpeningBoard } from './pages/OpeningBoard.tsx';
import { PageErrorBoundary } from './pages/PageErrorBoundary.tsx';
import { parseRoute, useRoute } from './router.ts';

// Each page is its own download, so a board link does not fetch the start and join forms, and the
// start page does not wait for the board (canvas, sync, offline store), which is most of the code.
const BoardPage = lazy(() => loadBoardPage().then((m) => ({ default: m.BoardPage })));
const StartPage = lazy(() => import('./pages/StartPage.tsx').then((m) => ({ default: m.StartPage })));
const JoinPage = lazy(() => import('./pages/JoinPage.tsx').then((m) => ({ default: m.JoinPage })));
if (typeof location !== 'undefined' && parseRoute(location.pathname).page === 'board') void loadBoardPage();

/** What shows for the moment a form page's code is on its way. */
function OpeningPage() {
  return <main className="page" aria-busy="true" />;
}

/** Routes to a page; everything else lives in the pages. */
export function App() {
  const route = useRoute();
  switch (route.page) {
    case 'start':
      return (
        <PageErrorBoundary title="This page could not be opened">
          <Suspense fallback={<OpeningPage />}>
            <StartPage />
          </Suspense>
        </PageErrorBoundary>
      );
    case 'join':
      return (
        <PageErrorBoundary title="This page could not be opened">
          <Suspense fallback={<OpeningPage />}>
            <JoinPage key={route.sessionId} sessionId={route.sessionId} />
          </Suspense>
        </PageErrorBoundary>
      );
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
