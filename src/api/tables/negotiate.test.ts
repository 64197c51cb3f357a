import { describe, expect, it } from 'vitest';
import { negotiateAs, negotiateOutput } from './negotiate.ts';

describe('negotiateAs() picks the answer kube-apiserver would', () => {
  const cases: Array<{ name: string; accept: string | undefined; as: string }> = [
    { name: 'no Accept header means JSON', accept: undefined, as: 'json' },
    {
      name: "kubectl get's header means a Table",
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
      as: 'Table',
    },
    { name: 'a v1beta1 Table', accept: 'application/json;as=Table;v=v1beta1;g=meta.k8s.io', as: 'Table' },
    { name: 'a Table without group falls back to the next clause', accept: 'application/json;as=Table;v=v1,application/json', as: 'json' },
    { name: 'a Table of an unknown version falls back', accept: 'application/json;as=Table;v=v2;g=meta.k8s.io, application/json', as: 'json' },
    { name: 'a protobuf Table is not served', accept: 'application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io', as: 'protobuf-only' },
    { name: 'metadata-only lists', accept: 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json', as: 'PartialObjectMetadataList' },
    { name: 'metadata of one object', accept: 'application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io', as: 'PartialObjectMetadata' },
    { name: 'YAML', accept: 'application/yaml', as: 'yaml' },
    { name: 'protobuf then anything falls to JSON', accept: 'application/vnd.kubernetes.protobuf, */*', as: 'json' },
    { name: 'protobuf alone cannot be served', accept: 'application/vnd.kubernetes.protobuf', as: 'protobuf-only' },
    { name: 'HTML cannot be served', accept: 'text/html', as: 'protobuf-only' },
    { name: 'a wildcard subtype', accept: 'application/*', as: 'json' },
    { name: 'a higher q wins', accept: 'application/json;q=0.5,application/yaml', as: 'yaml' },
  ];
  for (const c of cases) {
    it(c.name, () => expect(negotiateAs(c.accept)).toBe(c.as));
  }

  it('reports the meta.k8s.io version asked for', () => {
    expect(negotiateOutput('application/json;as=Table;v=v1beta1;g=meta.k8s.io')).toEqual({
      mediaType: 'application/json',
      as: 'Table',
      version: 'v1beta1',
      pretty: false,
    });
  });
});
