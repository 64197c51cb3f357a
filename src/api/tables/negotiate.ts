/**
 * Output negotiation of list and get responses, as kube-apiserver's NegotiateOutputMediaType:
 * Accept clauses are ranked by q and specificity, and the first one Skiff can serve wins.
 * `as=Table` needs `g=meta.k8s.io` and `v=v1|v1beta1` and JSON or YAML; `as=PartialObjectMetadata`
 * and `as=PartialObjectMetadataList` (garbage collector, `kubectl get -o name`, metadata informers)
 * likewise. Protobuf is not served, so a header that accepts nothing else negotiates to
 * 'protobuf-only' and the handler answers 406 NotAcceptable.
 */

export type NegotiatedAs = 'Table' | 'PartialObjectMetadata' | 'PartialObjectMetadataList' | 'json' | 'yaml' | 'protobuf-only';

export interface OutputNegotiation {
  mediaType: 'application/json' | 'application/yaml';
  /** The transformation asked for, if any. */
  as?: 'Table' | 'PartialObjectMetadata' | 'PartialObjectMetadataList';
  /** meta.k8s.io version of the transformation's kind. */
  version?: 'v1' | 'v1beta1';
  pretty: boolean;
}

interface Clause {
  type: string;
  subType: string;
  q: number;
  params: Record<string, string>;
}

const served: Array<{ type: string; subType: string; mediaType: OutputNegotiation['mediaType'] }> = [
  { type: 'application', subType: 'json', mediaType: 'application/json' },
  { type: 'application', subType: 'yaml', mediaType: 'application/yaml' },
];

/** The negotiated output, or undefined when nothing acceptable can be served (406). */
export function negotiateOutput(accept: string | undefined | null): OutputNegotiation | undefined {
  if (!accept) return { mediaType: 'application/json', pretty: false };
  for (const clause of parseAccept(accept)) {
    for (const candidate of served) {
      const fits =
        (clause.type === candidate.type && (clause.subType === candidate.subType || clause.subType === '*')) ||
        (clause.type === '*' && clause.subType === '*');
      if (!fits) continue;
      const options = acceptOptions(clause.params, candidate.mediaType);
      if (options) return options;
    }
  }
  return undefined;
}

/** The shape of the answer a request asked for, in the terms handlers switch on. */
export function negotiateAs(accept: string | undefined | null): NegotiatedAs {
  const result = negotiateOutput(accept);
  if (!result) return 'protobuf-only';
  if (result.as) return result.as;
  return result.mediaType === 'application/yaml' ? 'yaml' : 'json';
}

/** acceptMediaTypeOptions with the endpoint's AllowsMediaTypeTransform. */
function acceptOptions(params: Record<string, string>, mediaType: OutputNegotiation['mediaType']): OutputNegotiation | undefined {
  const pretty = params.pretty === '1';
  // The only streaming schema served is watch's.
  if (params.stream && params.stream !== 'watch') return undefined;
  const wantsConversion = 'as' in params || 'g' in params || 'v' in params;
  if (!wantsConversion) return { mediaType, pretty };
  const group = params.g ?? '';
  const version = params.v ?? '';
  if (group !== 'meta.k8s.io' || (version !== 'v1' && version !== 'v1beta1')) return undefined;
  const as = params.as ?? '';
  if (as === 'Table' || as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') return { mediaType, as, version, pretty };
  return undefined;
}

/** goautoneg.ParseAccept: clauses with params, sorted by q, then concrete types before wildcards. */
function parseAccept(header: string): Clause[] {
  const clauses: Clause[] = [];
  for (const rawPart of header.split(',')) {
    const part = rawPart.trim();
    const [range, ...rawParams] = part.split(';');
    const pieces = range.split('/');
    const type = pieces[0].trim();
    let subType: string;
    if (pieces.length === 1 && type === '*') subType = '*';
    else if (pieces.length === 2) subType = pieces[1].trim();
    else continue;
    const clause: Clause = { type, subType, q: 1, params: {} };
    for (const param of rawParams) {
      const eq = param.indexOf('=');
      if (eq < 0) continue;
      const token = param.slice(0, eq).trim();
      const value = param.slice(eq + 1);
      if (token === 'q') clause.q = Number.parseFloat(value) || 0;
      else clause.params[token] = value.trim();
    }
    clauses.push(clause);
  }
  return clauses
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.q - a.c.q || rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c);
}

function rank(c: Clause): number {
  return (c.type === '*' ? 2 : 0) + (c.subType === '*' ? 1 : 0);
}
