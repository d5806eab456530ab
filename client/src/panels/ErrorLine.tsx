import type { CommandError } from '../session/useCommand.ts';

/** A command's refusal under the control that sent it; nothing when there is none. */
export function ErrorLine({ error }: { error: CommandError | null }) {
  if (!error) return null;
  return (
    <p className="tl-ph-error" role="alert" data-code={error.code}>
      {error.message}
    </p>
  );
}
