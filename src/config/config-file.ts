import { FAILSAFE_SCHEMA, loadAll } from 'js-yaml';
import { closestName } from './closest-name.ts';
import { ConfigError } from './errors.ts';
import type { AnyFlag } from './flags.ts';

// YAML 1.1 booleans (what k3s' yaml.v2 reads) spelt the way Go's ParseBool understands.
const YAML11_BOOLEANS: Readonly<Record<string, string>> = {
  yes: 'true', Yes: 'true', YES: 'true', y: 'true', Y: 'true', on: 'true', On: 'true', ON: 'true',
  no: 'false', No: 'false', NO: 'false', n: 'false', N: 'false', off: 'false', Off: 'false', OFF: 'false',
};

/**
 * Reads a k3s-style YAML config file into raw flag texts by flag name. Keys are the long
 * flag names; lists stand for repeated flags (`tls-san: [a, b]`); `key+` appends to `key`
 * (k3s' value merging). Keys known only to the other command are skipped, as k3s does,
 * so one /etc/skiff/config.yaml serves both `skiff server` and `skiff agent`.
 *
 * The YAML is read with the failsafe schema so every scalar keeps its text: `0644` stays
 * octal text for --write-kubeconfig-mode instead of turning into the number 644.
 */
export function readConfigFileValues(options: {
  text: string;
  path: string;
  flags: readonly AnyFlag[];
  knownNames: ReadonlySet<string>;
}): ReadonlyMap<string, readonly string[]> {
  const { path } = options;
  let documents: unknown[];
  try {
    // loadAll, because js-yaml's load refuses an empty or comment-only file, which k3s accepts.
    documents = loadAll(options.text, { schema: FAILSAFE_SCHEMA });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(path, `cannot parse config file ${path}: ${reason}`);
  }
  if (documents.length > 1) {
    throw new ConfigError(path, `config file ${path} must hold one YAML document, not ${documents.length}`);
  }
  const document = documents[0];
  if (document === undefined || document === null || document === '') return new Map();
  if (typeof document !== 'object' || Array.isArray(document)) {
    throw new ConfigError(path, `config file ${path} must be a YAML mapping of flag names to values`);
  }

  const flagsByName = new Map(options.flags.map((flag) => [flag.name, flag]));
  const base = new Map<string, string[]>();
  const appended = new Map<string, string[]>();
  for (const [rawKey, rawValue] of Object.entries(document as Record<string, unknown>)) {
    const appends = rawKey.endsWith('+');
    const key = appends ? rawKey.slice(0, -1) : rawKey;
    if (!options.knownNames.has(key)) {
      const hint = closestName(key, options.knownNames);
      throw new ConfigError(
        rawKey,
        `unknown key "${rawKey}" in config file ${path}` + (hint ? ` (did you mean "${hint}"?)` : '') +
          '; keys are the long flag names of skiff server and skiff agent',
      );
    }
    const flag = flagsByName.get(key);
    if (!flag) continue;
    const texts = valueTexts({ key: rawKey, value: rawValue, path, flag });
    if (texts.length === 0) continue;
    (appends ? appended : base).set(key, texts);
  }
  for (const [key, texts] of appended) base.set(key, [...(base.get(key) ?? []), ...texts]);
  return base;
}

function valueTexts(options: { key: string; value: unknown; path: string; flag: AnyFlag }): string[] {
  const { key, value, path, flag } = options;
  const items = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && !flag.kind.repeatable && value.length > 1) {
    throw new ConfigError(key, `invalid value for ${key} in config file ${path}: expected a single value, not a list`);
  }
  return items
    .map((item) => {
      if (typeof item !== 'string') {
        throw new ConfigError(key, `invalid value for ${key} in config file ${path}: expected a string or a list of strings`);
      }
      return flag.kind.isBoolean ? (YAML11_BOOLEANS[item] ?? item) : item;
    })
    .filter((text) => text !== '');
}
