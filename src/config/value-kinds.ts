import ipaddr from 'ipaddr.js';
import { InvalidValue } from './errors.ts';

/**
 * How one flag's text becomes a typed value. A kind knows what it expects and says so
 * in its InvalidValue; it does not know which flag it serves (the resolver adds that).
 */
export interface ValueKind<T> {
  /** The word shown after the flag in help (`--cluster-cidr cidr`); empty for booleans. */
  readonly placeholder: string;
  /** Booleans take no separate argument: `--disable-agent` or `--disable-agent=false`, as Go's flag package. */
  readonly isBoolean: boolean;
  /** Repeatable flags collect every occurrence (`--tls-san a --tls-san b`). */
  readonly repeatable: boolean;
  /** Every text given by the winning source, in order; scalars keep the last one, as Go's flag package. */
  parse(texts: readonly string[]): T;
  /** The value as help prints it after `default:`. */
  format(value: T): string;
}

function scalar<T>(spec: {
  placeholder: string;
  isBoolean?: boolean;
  parseOne: (text: string) => T;
  format?: (value: T) => string;
}): ValueKind<T> {
  return {
    placeholder: spec.placeholder,
    isBoolean: spec.isBoolean ?? false,
    repeatable: false,
    parse: (texts) => spec.parseOne(texts[texts.length - 1] ?? ''),
    format: spec.format ?? ((value) => String(value)),
  };
}

export const stringKind: ValueKind<string> = scalar({ placeholder: 'string', parseOne: (text) => text });

/** A file or folder path; empty would silently mean the working directory, so it is refused. */
export const pathKind: ValueKind<string> = scalar({
  placeholder: 'path',
  parseOne: (text) => {
    if (text.trim() === '') throw new InvalidValue('expected a non-empty path');
    return text;
  },
});

/** An optional string: empty text means "not set", so a computed fallback applies later. */
export const optionalStringKind: ValueKind<string | undefined> = scalar({
  placeholder: 'string',
  parseOne: (text) => (text === '' ? undefined : text),
  format: (value) => value ?? '',
});

// Go's strconv.ParseBool, which urfave/cli uses for k3s' boolean flags and their env vars.
const TRUE_TEXTS = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE_TEXTS = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

export const booleanKind: ValueKind<boolean> = scalar({
  placeholder: '',
  isBoolean: true,
  parseOne: (text) => {
    if (TRUE_TEXTS.has(text)) return true;
    if (FALSE_TEXTS.has(text)) return false;
    throw new InvalidValue('expected a boolean (true or false)');
  },
});

function integerKind(range: { min: number; max: number; placeholder?: string }): ValueKind<number> {
  return scalar({
    placeholder: range.placeholder ?? 'int',
    parseOne: (text) => {
      const value = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
        throw new InvalidValue(`expected an integer from ${range.min} to ${range.max}`);
      }
      return value;
    },
  });
}

export const portKind: ValueKind<number> = integerKind({ min: 1, max: 65535, placeholder: 'port' });

/** IPv4 in four-part dotted decimal only: ipaddr.js would also accept `10` or `0x0a.1`, which Go's net.ParseIP rejects. */
function isIpAddress(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text) || (text.includes(':') && ipaddr.IPv6.isValid(text));
}

export const ipKind: ValueKind<string> = scalar({
  placeholder: 'ip',
  parseOne: (text) => {
    if (!isIpAddress(text)) throw new InvalidValue('expected an IPv4 or IPv6 address such as 10.43.0.10');
    return ipaddr.parse(text).toString();
  },
});

export const optionalIpKind: ValueKind<string | undefined> = scalar({
  placeholder: 'ip',
  parseOne: (text) => (text === '' ? undefined : ipKind.parse([text])),
  format: (value) => value ?? '',
});

/**
 * A CIDR, normalised to its network address: kube-apiserver parses its ranges with
 * Go's net.ParseCIDR, which accepts host bits and masks them away.
 */
export const cidrKind: ValueKind<string> = scalar({
  placeholder: 'cidr',
  parseOne: (text) => {
    const [address = '', bits] = text.split('/');
    const validAddress = isIpAddress(address);
    if (!validAddress || bits === undefined || !ipaddr.isValidCIDR(text)) {
      throw new InvalidValue('expected a CIDR such as 10.42.0.0/16');
    }
    const [ip, prefix] = ipaddr.parseCIDR(text);
    const network = ip.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(text)
      : ipaddr.IPv6.networkAddressFromCIDR(text);
    return `${network.toString()}/${prefix}`;
  },
});

/**
 * File permission bits written as octal text, as k3s' --write-kubeconfig-mode
 * (strconv.ParseInt(mode, 8, 32)): `0644`, `644` and `0o644` all mean rw-r--r--.
 */
export const fileModeKind: ValueKind<number> = scalar({
  placeholder: 'mode',
  parseOne: (text) => {
    const digits = text.replace(/^0o/i, '');
    if (!/^[0-7]{1,4}$/.test(digits) || Number.parseInt(digits, 8) > 0o777) {
      throw new InvalidValue('expected an octal file mode from 0000 to 0777 such as 0644');
    }
    return Number.parseInt(digits, 8);
  },
  format: (value) => `0${value.toString(8).padStart(3, '0')}`,
});

export function enumKind<const T extends string>(choices: readonly T[]): ValueKind<T> {
  return scalar({
    placeholder: choices.join('|'),
    parseOne: (text) => {
      if (!(choices as readonly string[]).includes(text)) {
        throw new InvalidValue(`expected one of ${choices.join(', ')}`);
      }
      return text as T;
    },
  });
}

export interface PortRange {
  readonly min: number;
  readonly max: number;
}

/** `30000-32767`, as kube-apiserver's --service-node-port-range (a single port is a range of one). */
export const portRangeKind: ValueKind<PortRange> = scalar({
  placeholder: 'range',
  parseOne: (text) => {
    const match = /^([0-9]+)(?:-([0-9]+))?$/.exec(text.trim());
    const min = match ? Number(match[1]) : Number.NaN;
    const max = match ? Number(match[2] ?? match[1]) : Number.NaN;
    if (!(min >= 1 && max <= 65535 && min <= max)) {
      throw new InvalidValue('expected a port range MIN-MAX within 1-65535 such as 30000-32767');
    }
    return { min, max };
  },
  format: (range) => `${range.min}-${range.max}`,
});

// DNS-1123 subdomain, the rule for Node names and the cluster domain.
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function isDnsSubdomain(text: string): boolean {
  return text.length <= 253 && DNS_SUBDOMAIN.test(text);
}

export const dnsSubdomainKind: ValueKind<string> = scalar({
  placeholder: 'name',
  parseOne: (text) => {
    if (!isDnsSubdomain(text)) {
      throw new InvalidValue('expected a lowercase DNS-1123 subdomain (letters, digits, "-" and ".", at most 253 characters)');
    }
    return text;
  },
});

/** The server a node joins: k3s requires https (`--server https://HOST:6443`). */
export const serverUrlKind: ValueKind<string | undefined> = scalar({
  placeholder: 'url',
  parseOne: (text) => {
    if (text === '') return undefined;
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== 'https:' || url.hostname === '') {
      throw new InvalidValue('expected an https URL such as https://10.0.0.1:6443');
    }
    return text.replace(/\/+$/, '');
  },
  format: (value) => value ?? '',
});

/**
 * A repeatable flag. Each occurrence may also hold a comma-separated list, as urfave/cli's
 * StringSlice reads environment variables; labels, taints and SANs never contain commas.
 */
export function listKind<T>(item: { placeholder: string; parseItem: (text: string) => T; formatItem: (value: T) => string }): ValueKind<T[]> {
  return {
    placeholder: item.placeholder,
    isBoolean: false,
    repeatable: true,
    parse: (texts) =>
      texts
        .flatMap((text) => text.split(','))
        .map((text) => text.trim())
        .filter((text) => text !== '')
        .map(item.parseItem),
    format: (values) => values.map(item.formatItem).join(','),
  };
}

const DURATION_UNITS_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * A duration as Go's time.ParseDuration reads it (kube-controller-manager's duration flags):
 * `40s`, `5m`, `1h30m`, `1.5s`, `300ms`, or a bare `0`. The value is in milliseconds;
 * negative durations are refused, as no Skiff duration flag means anything by one.
 */
export function parseDurationMs(text: string): number {
  const fail = () => new InvalidValue('expected a duration such as 40s, 5m or 1h30m (units ns, us, ms, s, m, h)');
  let rest = text.trim();
  if (rest.startsWith('+')) rest = rest.slice(1);
  if (rest === '0') return 0;
  if (rest === '' || rest.startsWith('-')) throw fail();
  let total = 0;
  const part = /^([0-9]*(?:\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)/;
  while (rest !== '') {
    const match = part.exec(rest);
    if (!match || match[1] === '' || match[1] === '.') throw fail();
    total += Number(match[1]) * DURATION_UNITS_MS[match[2]!]!;
    rest = rest.slice(match[0].length);
  }
  return total;
}

/** Formats milliseconds as Go's Duration.String does for whole units: `40s`, `5m0s`, `1h30m0s`. */
export function formatDurationMs(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  if (hours > 0) return `${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}

export const durationKind: ValueKind<number> = scalar({ placeholder: 'duration', parseOne: parseDurationMs, format: formatDurationMs });
