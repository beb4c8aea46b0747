import type * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient/node';

const WINDOW_MS = 3 * 60 * 1000;
const MAX_RESTARTS = 4;

/**
 * Restarts a crashed server, but not forever: after four crashes within three minutes it stops
 * and tells the user, since a server that crashes on start would otherwise loop.
 */
export class RestartPolicy {
  private crashes: number[] = [];

  reset(): void {
    this.crashes = [];
  }

  errorHandler(output: vscode.LogOutputChannel): ErrorHandler {
    return {
      error: (error) => {
        output.error(`Server connection error: ${error.message}`);
        return { action: ErrorAction.Continue };
      },
      closed: () => {
        const now = Date.now();
        this.crashes = [...this.crashes.filter((time) => now - time < WINDOW_MS), now];
        if (this.crashes.length > MAX_RESTARTS) {
          return {
            action: CloseAction.DoNotRestart,
            message:
              'The Cardwright server crashed 5 times in 3 minutes and will not be restarted. See the "Cardwright" output, then run "Cardwright: Restart Server".',
          };
        }
        output.warn(`Server stopped unexpectedly; restarting (${this.crashes.length}/${MAX_RESTARTS}).`);
        return { action: CloseAction.Restart };
      },
    };
  }
}
