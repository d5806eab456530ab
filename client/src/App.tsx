import { BoardPage } from './pages/BoardPage.tsx';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { JoinPage } from './pages/JoinPage.tsx';
import { StartPage } from './pages/StartPage.tsx';
import { useRoute } from './router.ts';

/** Routes to a page; everything else lives in the pages. */
export function App() {
  const route = useRoute();
  switch (route.page) {
    case 'start':
      return <StartPage />;
    case 'join':
      return <JoinPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'board':
      return <BoardPage key={route.sessionId} sessionId={route.sessionId} />;
    default:
      return <ErrorPage kind="notFound" title="There is no page here" />;
  }
}
