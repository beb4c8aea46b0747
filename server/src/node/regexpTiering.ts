import { setFlagsFromString } from 'node:v8';

/**
 * Imported first by the CLI and the language server. V8 runs a regular expression from bytecode
 * first and compiles it again to machine code on its second run ("tier-up"). The sentence
 * patterns (large Unicode classes in lookarounds) cost more to compile than a card costs to check:
 * `cardwright check` over the 226 corpus cards spent about 0.2 s compiling some 70 patterns twice.
 * Compiling each once, straight to machine code, saved about 0.3 s of a 3.3 s run (interleaved runs
 * with and without `node --no-regexp-tier-up`, 2026-12-07). V8 reads the flag whenever it compiles.
 */
setFlagsFromString('--no-regexp-tier-up');
