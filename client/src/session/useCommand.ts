import type { CommandInput, CommandReply } from '@throughline/shared';
import { useCallback, useState } from 'react';
import { ApiError } from '../api.ts';
import { useSession } from './SessionProvider.tsx';

/** A refusal as panels show it: the server's `TL_ERR_…` code (or `NETWORK`) and its human message. */
export interface CommandError {
  code: string;
  message: string;
}

const toCommandError = (e: unknown): CommandError =>
  e instanceof ApiError ? { code: e.code, message: e.message } : { code: 'TL_ERR_INTERNAL', message: 'Something went wrong; try again.' };

/**
 * The one way a panel sends a command. `run` resolves with the command's
 * typed answer, or `null` after a refusal, which it keeps in `error` for
 * the control to show; `busy` is true while one is in flight. One hook per
 * control, so each button shows its own busy state and refusal.
 */
export function useCommand() {
  const { send } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const run = useCallback(
    async <C extends CommandInput>(command: C): Promise<CommandReply<C['type']> | null> => {
      setBusy(true);
      setError(null);
      try {
        return await send(command);
      } catch (e) {
        setError(toCommandError(e));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [send],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
