/**
 * When to restart a crashed server: always, unless it crashed `maxCrashes` times within
 * `windowMs` (by default 5 times in 3 minutes), since a server that crashes on every start would
 * otherwise loop. Pure (no vscode, a clock passed in), so test/unit covers it; crashHandler.ts
 * wires it to the language client and tells the user.
 */
export interface RestartPolicyOptions {
  maxCrashes?: number;
  windowMs?: number;
  now?: () => number;
}

export interface CrashDecision {
  restart: boolean;
  /** Crashes within the window, this one included. */
  crashes: number;
}

export const MAX_CRASHES = 5;
export const CRASH_WINDOW_MS = 3 * 60 * 1000;

export class RestartPolicy {
  readonly maxCrashes: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private crashes: number[] = [];

  constructor(options: RestartPolicyOptions = {}) {
    this.maxCrashes = options.maxCrashes ?? MAX_CRASHES;
    this.windowMs = options.windowMs ?? CRASH_WINDOW_MS;
    this.now = options.now ?? Date.now;
  }

  /** A crash happened now: restart, or give up (the `maxCrashes`-th crash within the window). */
  crashed(): CrashDecision {
    const now = this.now();
    this.crashes = [...this.crashes.filter((time) => now - time < this.windowMs), now];
    return { restart: this.crashes.length < this.maxCrashes, crashes: this.crashes.length };
  }

  /** Restarted by hand (or trust granted): count from zero again. */
  reset(): void {
    this.crashes = [];
  }

  /** What the user is told when the policy gives up. */
  giveUpMessage(): string {
    const window =
      this.windowMs >= 60_000
        ? `${Math.round(this.windowMs / 60_000)} minutes`
        : `${Math.round(this.windowMs / 1000)} seconds`;
    return `The Cardwright server crashed ${this.maxCrashes} times in ${window} and will not be restarted. See the "Cardwright" output, then restart it.`;
  }
}
