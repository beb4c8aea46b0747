import { iso6393 } from 'iso-639-3';

/** Values the Hub accepts in `language` besides ISO 639 codes. */
const SPECIAL_VALUES = ['code', 'multilingual'];

/**
 * Every ISO 639-1, 639-2 (B and T) and 639-3 code. Built on first use: most runs check no
 * `language` field, and 8,000 languages cost a start-up that does not need them.
 */
let codes: ReadonlySet<string> | undefined;

function allCodes(): ReadonlySet<string> {
  codes ??= new Set([
    ...SPECIAL_VALUES,
    ...iso6393.flatMap((language) =>
      [language.iso6391, language.iso6392B, language.iso6392T, language.iso6393].filter(
        (code): code is string => typeof code === 'string',
      ),
    ),
  ]);
  return codes;
}

/**
 * ISO 639-1 codes withdrawn in favour of new ones. The Hub still accepts them (Whisper's card
 * lists `jw`), so they are a warning with the current code, not an error.
 */
export const WITHDRAWN_CODES: Readonly<Record<string, string>> = {
  iw: 'he',
  ji: 'yi',
  in: 'id',
  jw: 'jv',
  mo: 'ro',
  sh: 'sr',
};

/** Names people write instead of codes, beyond the ISO names (`greek` is "Modern Greek (1453-)"). */
const NAME_ALIASES: Readonly<Record<string, string>> = { greek: 'el', farsi: 'fa', filipino: 'fil', mandarin: 'zh' };

/** Language names (lower case, qualifier dropped) to their shortest code, built on first use. */
let byName: ReadonlyMap<string, string> | undefined;

function codeByName(): ReadonlyMap<string, string> {
  byName ??= new Map([
    ...iso6393.map((language): [string, string] => [
      language.name.toLowerCase().replace(/\s*\(.*\)$/, ''),
      language.iso6391 ?? language.iso6393,
    ]),
    ...Object.entries(NAME_ALIASES),
  ]);
  return byName;
}

export function isLanguageCode(value: string): boolean {
  return allCodes().has(value);
}

/**
 * What the author probably meant by an invalid language value: `es-ES` -> `es`, `EN` -> `en`,
 * `English` -> `en`, `zh_CN` -> `zh`.
 */
export function suggestLanguageCode(value: string): string | undefined {
  const lower = value.trim().toLowerCase();
  if (allCodes().has(lower)) return lower;
  if (lower in WITHDRAWN_CODES) return WITHDRAWN_CODES[lower];
  const prefix = /^([a-z]{2,3})[-_]/.exec(lower)?.[1];
  if (prefix && allCodes().has(prefix)) return prefix;
  return codeByName().get(lower);
}

/** ISO 639-1 codes with their English names, plus the Hub's special values: what completion offers. */
export const COMMON_LANGUAGES: readonly { code: string; name: string }[] = [
  { code: 'multilingual', name: 'Many languages' },
  { code: 'code', name: 'Programming languages' },
  ...iso6393
    .filter((language) => language.iso6391 !== undefined)
    .map((language) => ({ code: language.iso6391 as string, name: language.name })),
];
