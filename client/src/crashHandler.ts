import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient/node';
import { showErrorNotice } from './notices';
import type { RestartPolicy } from './restartPolicy';

export const RESTART_ACTION = 'Restart Server';
export const OUTPUT_ACTION = 'Show Output';

/**
 * The language client's error handler: a crashed server is restarted as the policy says; when it
 * gives up, the user gets a notification whose first button restarts the server by hand (the
 * same as the "Cardwright: Restart Server" command). Every message goes to the output channel;
 * the client's own notifications are suppressed (`handled`), so the user sees one, not one per
 * crash.
 */
export function crashHandler(
  policy: RestartPolicy,
  output: vscode.LogOutputChannel,
  onGiveUp: (message: string) => void,
): ErrorHandler {
  return {
    error: (error) => {
      output.error(`Server connection error: ${error.message}`);
      return { action: ErrorAction.Continue, handled: true };
    },
    closed: () => {
      const decision = policy.crashed();
      if (!decision.restart) {
        const message = policy.giveUpMessage();
        output.error(message);
        onGiveUp(message);
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      output.warn(`Server stopped unexpectedly; restarting (crash ${decision.crashes} of ${policy.maxCrashes}).`);
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

/** The notification: "Restart Server" runs `restartCommand`, "Show Output" reveals the log. */
export async function tellServerGaveUp(
  message: string,
  output: vscode.LogOutputChannel,
  restartCommand: string,
): Promise<void> {
  const choice = await showErrorNotice(message, RESTART_ACTION, OUTPUT_ACTION);
  if (choice === RESTART_ACTION) await vscode.commands.executeCommand(restartCommand);
  else if (choice === OUTPUT_ACTION) output.show();
}
