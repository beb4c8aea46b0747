// Types for generate.mjs, which the tests import from TypeScript.
export declare const CONFIG_SCHEMA: Record<string, unknown>;
export declare function configText(bytes: number, schemaRef?: string, scheduler?: string): string;
export declare function cardText(bytes: number, bodyWord?: string): string;
