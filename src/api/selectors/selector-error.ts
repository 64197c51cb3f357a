import { StatusError } from '../errors.ts';

/**
 * A selector that does not parse or does not apply. As kube-apiserver, such a request is a
 * 400 BadRequest whose message is the parser's own text, so the error is a StatusError.
 */
export class SelectorError extends StatusError {
  constructor(message: string) {
    super(400, 'BadRequest', message);
    this.name = 'SelectorError';
  }
}
