import { setFlagsFromString } from 'node:v8';

/**
 * Imported first by the CLI (not by the language server, which runs for hours and wants its hot
 * code optimised early). Node 20's V8 (11.x) hands a function to its optimising compiler after a
 * small budget of bytecode; a `cardwright check` run executes a great deal of code a few hundred
 * times, so much of that compiling happens for functions whose run is nearly over, on the second
 * core the check itself could use. Four times the budget (V8's default: 66 KB of bytecode) cut a
 * run over the 226 corpus cards from 2.6 s to 2.2 s, and its CPU time by a fifth (interleaved runs
 * with `node --interrupt-budget`, 2026-12-07, 2-core machine); one card's check was unchanged.
 * Only V8 11 (Node 20 and 21) is tuned: Node 24's V8 rejects the flag ("unrecognized flag" on
 * stderr, checked) and Node 22's tiering, which adds Maglev, was not measured.
 */
if (process.versions.v8.startsWith('11.')) setFlagsFromString('--interrupt-budget=270336');
