import type { Connection } from 'vscode-languageserver';
import { PROFILE_NAMES, type ProfileName } from '../core/conceptProfiles';
import type { ProjectConfig, RuleSetting } from '../core/projectConfig';
import type { CardwrightSettings } from './protocol';

const RULE_SETTINGS: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

/**
 * The user's `cardwright.*` settings. Read with `workspace/configuration` when the client offers
 * it, otherwise from `didChangeConfiguration` pushes.
 */
export class SettingsStore {
  private current: CardwrightSettings = {};

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
  ) {}

  get settings(): CardwrightSettings {
    return this.current;
  }

  /** What of the settings affects checking, comparable across refreshes (defaults filled in). */
  get signature(): string {
    const { rules = {}, profile = '', schemas = [] } = this.current;
    return JSON.stringify({ enable: this.validationEnabled, rules, profile, schemas });
  }

  get validationEnabled(): boolean {
    return this.current.validate?.enable !== false;
  }

  /** The summary line above each card (`cardwright.codeLens.enable`, default on). */
  get codeLensEnabled(): boolean {
    return this.current.codeLens?.enable !== false;
  }

  async refresh(pushed?: unknown): Promise<void> {
    if (this.canPull) {
      const value: unknown = await this.connection.workspace.getConfiguration('cardwright');
      this.current = isObject(value) ? (value as CardwrightSettings) : {};
    } else if (isObject(pushed) && isObject(pushed.cardwright)) {
      this.current = pushed.cardwright as CardwrightSettings;
    }
  }

  /** Project file first, then the user's settings on top (product.md §2: settings override). */
  apply(project: ProjectConfig): ProjectConfig {
    const overrides: Record<string, RuleSetting> = {};
    for (const [code, value] of Object.entries(this.current.rules ?? {})) {
      if (RULE_SETTINGS.includes(value)) overrides[code] = value as RuleSetting;
    }
    const profile = this.current.profile;
    const profileOverride = typeof profile === 'string' && (PROFILE_NAMES as readonly string[]).includes(profile);
    if (Object.keys(overrides).length === 0 && !profileOverride) return project;
    return {
      ...project,
      rules: { ...project.rules, ...overrides },
      ...(profileOverride ? { profile: profile as ProfileName } : {}),
    };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
