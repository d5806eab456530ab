import type { CommandError } from '../../session/useCommand.ts';
import { AI_ERROR_ADVICE } from './AiLaneModel.ts';

/** What a person can do about a refused AI command, beside the server's message. */
function adviceFor(code: string): string | undefined {
  if (code === 'TL_ERR_RATE_LIMITED') return AI_ERROR_ADVICE['rate-limited'];
  if (code === 'TL_ERR_AI_UNAVAILABLE') return AI_ERROR_ADVICE.unavailable;
  if (code === 'NETWORK') return 'Check your connection and try again.';
  return undefined;
}

/** A refused AI command under the control that sent it, with advice; nothing when there is none. */
export function AiProblem({ error }: { error: CommandError | null }) {
  if (!error) return null;
  const advice = adviceFor(error.code);
  return (
    <p className="ai-error" role="alert" data-testid="ai-error" data-code={error.code}>
      {error.message}
      {advice && <span className="ai-error-advice">{advice}</span>}
    </p>
  );
}
