/**
 * The custom part of the protocol between the VS Code client and the server: command ids and the
 * shapes they carry. Imported by both sides (types and constants only), so they cannot drift.
 */
export const Commands = {
  /** Server command: check every card and config in the workspace folders. */
  checkWorkspace: 'cardwright.server.checkWorkspace',
} as const;

export interface CheckWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
}

/** What the client tells the server at start (`initializationOptions`). */
export interface InitializationOptions {
  /** Workspace Trust: false means limited mode (bundled schemas only, nothing written). */
  trusted: boolean;
}

/** The `cardwright` settings section, as VS Code sends it. */
export interface CardwrightSettings {
  validate?: { enable?: boolean };
  profile?: string;
  rules?: Record<string, string>;
  schemas?: { schema: string; files: string[] }[];
}
