import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/cli';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { vscode: string };
  main: string;
  contributes: {
    commands: { command: string }[];
    grammars: { path: string }[];
    configuration: { properties: Record<string, { markdownDescription?: string }> };
  };
};

describe('extension manifest and package', () => {
  it('packages only the allow-listed files (vsce ls)', () => {
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    assert.equal(result.status, 0, result.stderr);
    const files = result.stdout.trim().split('\n');
    const allowed =
      /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|images\/icon\.png|dist\/(client|server|server-core|cli)\.js|dist\/sql-wasm\.wasm|schemas\/.+\.json|syntaxes\/.+\.json|docs\/rules\/.+\.md)$/;
    assert.deepEqual(
      files.filter((file) => !allowed.test(file)),
      [],
    );
    for (const required of [
      'dist/client.js',
      'dist/server.js',
      'dist/server-core.js',
      'images/icon.png',
      'syntaxes/placeholders.tmLanguage.json',
    ]) {
      assert.ok(files.includes(required), `${required} is packaged`);
    }
  });

  it('requires the VS Code version its language client needs', () => {
    const languageClient = JSON.parse(
      readFileSync(join(ROOT, 'node_modules/vscode-languageclient/package.json'), 'utf8'),
    ) as {
      engines: { vscode: string };
    };
    assert.equal(manifest.engines.vscode, languageClient.engines.vscode);
  });

  it('registers every contributed command in the client and documents every setting', () => {
    const source = readFileSync(join(ROOT, 'client/src/extension.ts'), 'utf8');
    for (const { command } of manifest.contributes.commands)
      assert.ok(source.includes(`'${command}'`), `${command} is registered`);
    for (const [name, property] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.ok(property.markdownDescription, `${name} has a markdown description`);
    }
  });

  it('ships an injection grammar whose patterns match template placeholders', () => {
    const grammar = JSON.parse(readFileSync(join(ROOT, manifest.contributes.grammars[0]!.path), 'utf8')) as {
      repository: Record<string, { match: string }>;
    };
    const patterns = Object.values(grammar.repository).map((rule) => new RegExp(rule.match));
    for (const sample of ['[More Information Needed]', '{{ model_id }}', 'TODO', 'lorem ipsum']) {
      assert.ok(
        patterns.some((pattern) => pattern.test(sample)),
        sample,
      );
    }
    assert.ok(!patterns.some((pattern) => pattern.test('Model information is complete')));
  });
});
