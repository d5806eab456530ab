import { Component, type ReactNode } from 'react';
import { ErrorPage } from './ErrorPage.tsx';

/**
 * Shows an error page instead of a blank one when a page fails to render,
 * most often because its code could not be downloaded (a flaky network, or
 * a deploy that replaced the chunk). "Try again" reloads.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode; title?: string }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <ErrorPage kind="network" title={this.props.title ?? 'The board could not be opened'} detail={error.message} />;
  }
}
