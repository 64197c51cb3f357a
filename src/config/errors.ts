/**
 * The one error type of configuration: every message names the flag or config key
 * at fault and says what was expected (STYLE.md §9), so `skiff server` fails at start
 * with a line the user can act on, as k3s/urfave-cli does ("invalid value ... for flag -x").
 */
export class ConfigError extends Error {
  /** The flag (`--tls-san`), environment variable or config-file key the error is about. */
  readonly key: string;

  constructor(key: string, message: string) {
    super(message);
    this.name = 'ConfigError';
    this.key = key;
  }
}

/**
 * Thrown by value parsers, which know what they expected but not where the text came
 * from; the resolver turns it into a ConfigError naming the source.
 */
export class InvalidValue extends Error {
  readonly expected: string;

  constructor(expected: string) {
    super(expected);
    this.name = 'InvalidValue';
    this.expected = expected;
  }
}
