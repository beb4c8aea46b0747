/**
 * Check Workspace as a `workspace/executeCommand` too, for editors that can run a server command
 * but not send a custom request (Neovim's `:lua vim.lsp.buf.execute_command`, Helix, Zed).
 * In a module of its own (re-exported by protocol.ts): the start-up bundle names these commands
 * in its answer to `initialize` without loading the protocol library.
 */
export const Commands = {
  checkWorkspace: 'cardwright.server.checkWorkspace',
} as const;
