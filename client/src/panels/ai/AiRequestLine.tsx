import type { AiRequestRecord } from '@throughline/shared';
import { useCommand } from '../../session/useCommand.ts';
import { AI_ERROR_ADVICE, progressText } from './AiLaneModel.ts';
import { AiProblem } from './AiProblem.tsx';

/** One of your AI requests: its progress, why it failed, and a cancel button while it runs. */
export function AiRequestLine({ record, canCancel }: { record: AiRequestRecord; canCancel: boolean }) {
  const { run, busy, error } = useCommand();
  const failed = record.status === 'failed' || (record.status === 'cancelled' && record.error?.kind === 'frozen');
  return (
    <li className="ai-request" data-testid="ai-status" data-status={record.status}>
      <span role="status" aria-live="polite">
        {progressText(record)}
      </span>
      {record.status === 'running' && (
        <progress className="ai-progress" max={record.requested} value={record.count} aria-label="AI progress" />
      )}
      {failed && record.error && <span className="ai-error-advice">{AI_ERROR_ADVICE[record.error.kind]}</span>}
      {canCancel && (
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={() => void run({ type: 'cancelGeneration', requestId: record.requestId })}
          data-testid="ai-cancel"
        >
          Cancel
        </button>
      )}
      <AiProblem error={error} />
    </li>
  );
}
