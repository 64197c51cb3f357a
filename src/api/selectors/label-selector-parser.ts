/**
 * The string form of label selectors (`a=b,c!=d,e in (x,y),f notin (z),g,!h,n>3`), lexed and
 * parsed as k8s.io/apimachinery/pkg/labels Parse does, with its error messages.
 */
import { invalidFieldError, isQualifiedName } from './label-validation.ts';
import { compareBytes, newRequirement, type LabelOperator, type LabelRequirement } from './label-requirement.ts';
import { SelectorError } from './selector-error.ts';

type TokenKind =
  | 'error'
  | 'end'
  | 'closePar'
  | 'comma'
  | 'doesNotExist'
  | 'doubleEquals'
  | 'equals'
  | 'greaterThan'
  | 'identifier'
  | 'in'
  | 'lessThan'
  | 'notEquals'
  | 'notIn'
  | 'openPar';

interface Token {
  kind: TokenKind;
  literal: string;
}

const literalTokens: Record<string, TokenKind> = {
  ')': 'closePar',
  ',': 'comma',
  '!': 'doesNotExist',
  '==': 'doubleEquals',
  '=': 'equals',
  '>': 'greaterThan',
  in: 'in',
  '<': 'lessThan',
  '!=': 'notEquals',
  notin: 'notIn',
  '(': 'openPar',
};

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string) => '=!(),><'.includes(ch) && ch !== '';

function lex(input: string): Token[] {
  let pos = 0;
  const read = () => (pos < input.length ? input[pos++] : '');
  const tokens: Token[] = [];
  for (;;) {
    let ch = read();
    while (ch !== '' && isWhitespace(ch)) ch = read();
    if (ch === '') {
      tokens.push({ kind: 'end', literal: '' });
      return tokens;
    }
    pos--;
    tokens.push(isSpecialSymbol(ch) ? scanSpecialSymbol() : scanIdentifierOrKeyword());
  }

  function scanIdentifierOrKeyword(): Token {
    let buffer = '';
    for (;;) {
      const ch = read();
      if (ch === '') break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        pos--;
        break;
      }
      buffer += ch;
    }
    return { kind: literalTokens[buffer] ?? 'identifier', literal: buffer };
  }

  // The longest run of operator characters that still forms an operator: "!=" over "!".
  function scanSpecialSymbol(): Token {
    let buffer = '';
    let last: Token | undefined;
    for (;;) {
      const ch = read();
      if (ch === '') break;
      if (!isSpecialSymbol(ch)) {
        pos--;
        break;
      }
      buffer += ch;
      const kind = literalTokens[buffer];
      if (kind) last = { kind, literal: buffer };
      else if (last) {
        pos--;
        break;
      }
    }
    return last ?? { kind: 'error', literal: `error expected: keyword found '${buffer}'` };
  }
}

/** `in` and `notin` are plain words where a value is expected ("x in (in)"). */
type Context = 'keyAndOperator' | 'values';

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  lookahead(context: Context): Token {
    return this.asContext(this.tokens[this.position], context);
  }

  consume(context: Context): Token {
    return this.asContext(this.tokens[this.position++], context);
  }

  private asContext(token: Token, context: Context): Token {
    if (context === 'values' && (token.kind === 'in' || token.kind === 'notIn')) return { kind: 'identifier', literal: token.literal };
    return token;
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const next = this.lookahead('values');
      if (next.kind === 'end') return requirements;
      if (next.kind !== 'identifier' && next.kind !== 'doesNotExist') {
        throw new SelectorError(`found '${next.literal}', expected: !, identifier, or 'end of string'`);
      }
      try {
        requirements.push(this.parseRequirement());
      } catch (err) {
        throw new SelectorError(`unable to parse requirement: ${(err as Error).message}`);
      }
      const after = this.consume('values');
      if (after.kind === 'end') return requirements;
      if (after.kind !== 'comma') throw new SelectorError(`found '${after.literal}', expected: ',' or 'end of string'`);
      const following = this.lookahead('values');
      if (following.kind !== 'identifier' && following.kind !== 'doesNotExist') {
        throw new SelectorError(`found '${following.literal}', expected: identifier after ','`);
      }
    }
  }

  private parseRequirement(): LabelRequirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator === 'exists' || operator === '!') return newRequirement(key, operator, []);
    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    // Values go through a set, so they come out de-duplicated and sorted.
    return newRequirement(key, op, [...values].sort(compareBytes));
  }

  private parseKeyAndInferOperator(): { key: string; operator: LabelOperator | undefined } {
    let operator: LabelOperator | undefined;
    let token = this.consume('values');
    if (token.kind === 'doesNotExist') {
      operator = '!';
      token = this.consume('values');
    }
    if (token.kind !== 'identifier') throw new Error(`found '${token.literal}', expected: identifier`);
    const keyErrors = isQualifiedName(token.literal);
    if (keyErrors.length > 0) throw new Error(invalidFieldError(null, token.literal, keyErrors.join('; ')));
    const next = this.lookahead('values').kind;
    if ((next === 'end' || next === 'comma') && operator !== '!') operator = 'exists';
    return { key: token.literal, operator };
  }

  private parseOperator(): LabelOperator {
    const token = this.consume('keyAndOperator');
    const operators: Partial<Record<TokenKind, LabelOperator>> = {
      in: 'in',
      equals: '=',
      doubleEquals: '==',
      greaterThan: 'gt',
      lessThan: 'lt',
      notIn: 'notin',
      notEquals: '!=',
    };
    const op = operators[token.kind];
    if (!op) throw new Error(`found '${token.literal}', expected: in, notin, =, ==, !=, gt, lt`);
    return op;
  }

  private parseValues(): Set<string> {
    const open = this.consume('values');
    if (open.kind !== 'openPar') throw new Error(`found '${open.literal}' expected: '('`);
    const next = this.lookahead('values');
    if (next.kind === 'identifier' || next.kind === 'comma') {
      const values = this.parseIdentifiersList();
      if (this.consume('values').kind !== 'closePar') throw new Error(`found '${next.literal}', expected: ')'`);
      return values;
    }
    if (next.kind === 'closePar') {
      this.consume('values');
      return new Set(['']);
    }
    throw new Error(`found '${next.literal}', expected: ',', ')' or identifier`);
  }

  // A possibly empty, comma separated list of possibly empty words: "(a,,b)" holds "".
  private parseIdentifiersList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const token = this.consume('values');
      if (token.kind === 'identifier') {
        values.add(token.literal);
        const next = this.lookahead('values');
        if (next.kind === 'comma') continue;
        if (next.kind === 'closePar') return values;
        throw new Error(`found '${next.literal}', expected: ',' or ')'`);
      }
      if (token.kind === 'comma') {
        if (values.size === 0) values.add('');
        const next = this.lookahead('values');
        if (next.kind === 'closePar') {
          values.add('');
          return values;
        }
        if (next.kind === 'comma') {
          this.consume('values');
          values.add('');
        }
        continue;
      }
      throw new Error(`found '${token.literal}', expected: ',', or identifier`);
    }
  }

  private parseExactValue(): Set<string> {
    const next = this.lookahead('values');
    if (next.kind === 'end' || next.kind === 'comma') return new Set(['']);
    const token = this.consume('values');
    if (token.kind === 'identifier') return new Set([token.literal]);
    throw new Error(`found '${token.literal}', expected: identifier`);
  }
}

/** Parses the string form; requirements come back sorted by key, as upstream sorts them. */
export function parseLabelRequirements(selector: string): LabelRequirement[] {
  const requirements = new Parser(lex(selector)).parse();
  return stableSortByKey(requirements);
}

export function stableSortByKey(requirements: LabelRequirement[]): LabelRequirement[] {
  return requirements
    .map((r, i) => ({ r, i }))
    .sort((a, b) => compareBytes(a.r.key, b.r.key) || a.i - b.i)
    .map(({ r }) => r);
}
