/**
 * String format checks with the exact explanations of
 * k8s.io/apimachinery/pkg/util/validation (IsDNS1123Label, IsQualifiedName, ...).
 * Each returns the list of problems; an empty list means the value is valid.
 */

/** Upstream's RegexError: the explanation, examples joined by "', or '" (two spaces, as upstream), the regex. */
function regexError(message: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${format}')`;
  const shown = examples.map((e) => `'${e}', `).join(' or ');
  return `${message} (e.g. ${shown}regex used for validation is '${format}')`;
}

export function maxLengthError(length: number): string {
  return `must be no more than ${length} characters`;
}

const dns1123LabelFormat = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123LabelRegex = new RegExp(`^${dns1123LabelFormat}$`);
const dns1123SubdomainFormat = `${dns1123LabelFormat}(\\.${dns1123LabelFormat})*`;
const dns1123SubdomainRegex = new RegExp(`^${dns1123SubdomainFormat}$`);
const dns1035LabelFormat = '[a-z]([-a-z0-9]*[a-z0-9])?';
const dns1035LabelRegex = new RegExp(`^${dns1035LabelFormat}$`);

export function isDns1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLengthError(63));
  if (!dns1123LabelRegex.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        dns1123LabelFormat,
        'my-name',
        '123-abc',
      ),
    );
  }
  return errs;
}

export function isDns1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLengthError(253));
  if (!dns1123SubdomainRegex.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        dns1123SubdomainFormat,
        'example.com',
      ),
    );
  }
  return errs;
}

export function isDns1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLengthError(63));
  if (!dns1035LabelRegex.test(value)) {
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        dns1035LabelFormat,
        'my-name',
        'abc-123',
      ),
    );
  }
  return errs;
}

const qualifiedNameCharFormat = '[A-Za-z0-9]';
const qualifiedNameExtCharFormat = '[-A-Za-z0-9_.]';
const qualifiedNameFormat = `(${qualifiedNameCharFormat}${qualifiedNameExtCharFormat}*)?${qualifiedNameCharFormat}`;
const qualifiedNameRegex = new RegExp(`^${qualifiedNameFormat}$`);
const qualifiedNameErrorMessage =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** Label and annotation keys: an optional DNS subdomain prefix and '/', then a 63-character name. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0]!;
  } else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push(`prefix part must be non-empty`);
    else for (const msg of isDns1123Subdomain(prefix)) errs.push(`prefix part ${msg}`);
  } else {
    return [
      `a qualified name ${regexError(qualifiedNameErrorMessage, qualifiedNameFormat, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLengthError(63)}`);
  if (!qualifiedNameRegex.test(name)) {
    errs.push(`name part ${regexError(qualifiedNameErrorMessage, qualifiedNameFormat, 'MyName', 'my.name', '123-abc')}`);
  }
  return errs;
}

const labelValueFormat = `(${qualifiedNameFormat})?`;
const labelValueRegex = new RegExp(`^${labelValueFormat}$`);

export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLengthError(63));
  if (!labelValueRegex.test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        labelValueFormat,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  }
  return errs;
}

const configKeyFormat = '[-._a-zA-Z0-9]+';
const configKeyRegex = new RegExp(`^${configKeyFormat}$`);

/** Keys of ConfigMap and Secret data (upstream IsConfigMapKey). */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLengthError(253));
  if (!configKeyRegex.test(value)) {
    errs.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        configKeyFormat,
        'key.name',
        'KEY_NAME',
        'key-name',
      ),
    );
  }
  if (value === '.') errs.push(`must not be '.'`);
  else if (value === '..') errs.push(`must not be '..'`);
  else if (value.startsWith('..')) errs.push(`must not start with '..'`);
  return errs;
}

/** Names that appear in URL paths (RBAC objects): upstream path.IsValidPathSegmentName. */
export function isValidPathSegmentName(value: string): string[] {
  if (value === '.' || value === '..') return [`may not be '${value}'`];
  const errs: string[] = [];
  if (value.includes('/')) errs.push(`may not contain '/'`);
  if (value.includes('%')) errs.push(`may not contain '%'`);
  return errs;
}

const portNameCharsRegex = /^[-a-z0-9]+$/;
const portNameOneLetterRegex = /[a-z]/;

/** IANA_SVC_NAME, as upstream IsValidPortName. */
export function isValidPortName(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 15) errs.push(maxLengthError(15));
  if (!portNameCharsRegex.test(value)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!portNameOneLetterRegex.test(value)) errs.push('must contain at least one letter (a-z)');
  if (value.includes('--')) errs.push("must not contain consecutive hyphens");
  if (value.length > 0 && (value.startsWith('-') || value.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

export function isValidPortNumber(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** Environment variable names, as upstream IsEnvVarName (relaxed form since 1.30: any printable ASCII but '='). */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) return ['must be non-empty'];
  if (!/^[ -<>-~]+$/.test(value)) {
    errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
  }
  return errs;
}
