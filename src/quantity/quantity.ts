/**
 * resource.Quantity as k8s.io/apimachinery/pkg/api/resource parses and prints it:
 * `100m`, `1Gi`, `1e3`, `0.5`. Values are exact (a BigInt mantissa and a power of ten),
 * rounded up to nano precision as upstream does, and print in upstream's canonical form
 * (`1000` -> `1k`, `0.5` -> `500m`, `1.5Gi` -> `1536Mi`, `512Ki`... `0.5Ki` -> `512`).
 *
 * @example
 * canonicalQuantity('1024Mi') // '1Gi'
 * parseQuantity('250m').milli() // 250n
 */

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

/** Upstream's ErrFormatWrong, the message kube-apiserver returns for a malformed quantity. */
export const quantityFormatError =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const quantitySuffixError = "unable to parse quantity's suffix";

export class QuantityError extends Error {}

const binarySuffixes: Record<string, number> = { '': 0, Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binaryNames = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const decimalNames = new Map(Object.entries(decimalSuffixes).map(([name, exp]) => [exp, name]));

/** The smallest unit a Quantity keeps: 1n. Finer values round up, away from zero. */
const minimumExponent = -9;

export class Quantity {
  /** value = mantissa * 10^exponent, exponent >= -9. */
  constructor(
    readonly mantissa: bigint,
    readonly exponent: number,
    readonly format: QuantityFormat,
  ) {}

  isZero(): boolean {
    return this.mantissa === 0n;
  }

  sign(): number {
    return this.mantissa === 0n ? 0 : this.mantissa < 0n ? -1 : 1;
  }

  /** The value scaled to 10^scale, rounded up (away from zero) as upstream's AsScale/RoundUp. */
  scaled(scale: number): bigint {
    const shift = this.exponent - scale;
    if (shift >= 0) return this.mantissa * 10n ** BigInt(shift);
    const divisor = 10n ** BigInt(-shift);
    const quotient = this.mantissa / divisor;
    if (quotient * divisor === this.mantissa) return quotient;
    return this.mantissa < 0n ? quotient - 1n : quotient + 1n;
  }

  /** Upstream's MilliValue: thousandths, rounded up. */
  milli(): bigint {
    return this.scaled(-3);
  }

  /** Upstream's Value: whole units, rounded up. */
  value(): bigint {
    return this.scaled(0);
  }

  compare(other: Quantity): number {
    const scale = Math.min(this.exponent, other.exponent);
    const a = this.scaled(scale);
    const b = other.scaled(scale);
    return a === b ? 0 : a < b ? -1 : 1;
  }

  /** The canonical string, as upstream's Quantity.String(). */
  toString(): string {
    if (this.mantissa === 0n) return '0';
    let format = this.format;
    if (format === 'BinarySI') {
      const magnitude = this.compare(new Quantity(1024n, 0, 'DecimalSI'));
      const negativeMagnitude = this.compare(new Quantity(-1024n, 0, 'DecimalSI'));
      // As upstream: small binary values print as decimals, and so do fractions, to avoid rounding.
      if ((magnitude < 0 && negativeMagnitude > 0) || !this.isInteger()) format = 'DecimalSI';
    }
    if (format === 'BinarySI') return this.binaryString();
    return this.decimalString(format);
  }

  private isInteger(): boolean {
    if (this.exponent >= 0) return true;
    return this.mantissa % 10n ** BigInt(-this.exponent) === 0n;
  }

  private binaryString(): string {
    let amount = this.value();
    let power = 0;
    while (power < 6 && amount % 1024n === 0n) {
      amount /= 1024n;
      power += 1;
    }
    return `${amount}${binaryNames[power]}`;
  }

  private decimalString(format: QuantityFormat): string {
    let amount = this.mantissa;
    let exponent = this.exponent;
    while (amount % 10n === 0n) {
      amount /= 10n;
      exponent += 1;
    }
    // Exponents print in multiples of three so a suffix can name them.
    const remainder = ((exponent % 3) + 3) % 3;
    if (remainder !== 0) {
      amount *= 10n ** BigInt(remainder);
      exponent -= remainder;
    }
    if (format === 'DecimalSI') {
      const name = decimalNames.get(exponent);
      if (name !== undefined) return `${amount}${name}`;
    }
    return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  }
}

const numberPattern = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/;

/** Parses a quantity string (or a JSON number, which Kubernetes also accepts). Throws QuantityError. */
export function parseQuantity(input: string | number): Quantity {
  const text = typeof input === 'number' ? String(input) : input;
  const match = numberPattern.exec(text);
  if (!text || !match) throw new QuantityError(quantityFormatError);
  const [, signText, whole = '', fraction = '', suffix = ''] = match;
  if (whole.length + fraction.length === 0) throw new QuantityError(quantityFormatError);
  let mantissa = BigInt(`${whole}${fraction}` || '0');
  if (signText === '-') mantissa = -mantissa;
  let exponent = -fraction.length;
  let format: QuantityFormat;
  if (suffix in binarySuffixes && suffix !== '') {
    format = 'BinarySI';
    mantissa *= 1024n ** BigInt(binarySuffixes[suffix]!);
  } else if (suffix in decimalSuffixes) {
    format = 'DecimalSI';
    exponent += decimalSuffixes[suffix]!;
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    format = 'DecimalExponent';
    exponent += Number.parseInt(suffix.slice(1), 10);
  } else if (/^[eEinumkKMGTP]*[-+]?[0-9]*$/.test(suffix)) {
    throw new QuantityError(quantitySuffixError);
  } else {
    throw new QuantityError(quantityFormatError);
  }
  if (exponent < minimumExponent) {
    const rounded = new Quantity(mantissa, exponent, format).scaled(minimumExponent);
    return new Quantity(rounded, minimumExponent, format);
  }
  return new Quantity(mantissa, exponent, format);
}

/** The canonical form of a quantity string, as the API server stores it. Throws QuantityError. */
export function canonicalQuantity(input: string | number): string {
  return parseQuantity(input).toString();
}
