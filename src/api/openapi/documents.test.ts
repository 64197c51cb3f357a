import { describe, expect, it } from 'vitest';
import type { ResourceInfo } from '../resources/types.ts';
import { OpenApiDocuments } from './document-cache.ts';
import { structuralDefinitions } from './definitions.ts';
import { documentHash, openApiV2Document, openApiV3Document } from './documents.ts';
import { encodeOpenApiV2 } from './v2-protobuf.ts';

const verbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
function resource(overrides: Partial<ResourceInfo> & Pick<ResourceInfo, 'group' | 'kind' | 'resource'>): ResourceInfo {
  return { version: 'v1', singular: overrides.kind.toLowerCase(), listKind: `${overrides.kind}List`, namespaced: true, verbs, subresources: [], hasStatus: false, ...overrides };
}
const deployments = resource({ group: 'apps', kind: 'Deployment', resource: 'deployments', subresources: ['status', 'scale'], definition: 'io.k8s.api.apps.v1.Deployment' });
const pods = resource({ group: '', kind: 'Pod', resource: 'pods', subresources: ['status'], definition: 'io.k8s.api.core.v1.Pod' });
const widgets = resource({ group: 'example.com', kind: 'Widget', resource: 'widgets' });
const widgetSchema = { type: 'object', properties: { spec: { type: 'object', nullable: true, properties: { size: { type: 'integer' } } } } };

type Json = Record<string, any>;

describe('the generated structural definitions', () => {
  it('contain io.k8s.api.apps.v1.Deployment with its GVK and an int32 spec.replicas', () => {
    const defs = structuralDefinitions();
    expect(defs['io.k8s.api.apps.v1.Deployment']?.['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', version: 'v1', kind: 'Deployment' }]);
    expect(defs['io.k8s.api.apps.v1.DeploymentSpec']?.properties?.replicas).toEqual({ type: 'integer', format: 'int32' });
    expect(defs['io.k8s.api.apps.v1.DeploymentSpec']?.required).toEqual(['selector', 'template']);
  });

  it.each([
    ['io.k8s.apimachinery.pkg.util.intstr.IntOrString', { type: 'string', format: 'int-or-string' }],
    ['io.k8s.apimachinery.pkg.api.resource.Quantity', { type: 'string' }],
    ['io.k8s.apimachinery.pkg.apis.meta.v1.Time', { type: 'string', format: 'date-time' }],
    ['io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', { type: 'string', format: 'date-time' }],
    ['io.k8s.apimachinery.pkg.runtime.RawExtension', { type: 'object' }],
  ])('declare %s as upstream does', (name, expected) => {
    expect(structuralDefinitions()[name]).toEqual(expected);
  });

  it('reference Quantity from resource requirements and MicroTime from leases', () => {
    const defs = structuralDefinitions();
    expect(defs['io.k8s.api.core.v1.ResourceRequirements']?.properties?.limits?.additionalProperties).toEqual({ $ref: 'io.k8s.apimachinery.pkg.api.resource.Quantity' });
    expect(defs['io.k8s.api.coordination.v1.LeaseSpec']?.properties?.renewTime).toEqual({ $ref: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime' });
  });
});

describe('openApiV3Document()', () => {
  const doc: Json = openApiV3Document({ group: 'apps', version: 'v1', resources: [deployments, pods] });

  it('lists fieldValidation on the PATCH of a Deployment, with its GVK and action', () => {
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch.parameters.map((p: Json) => p.name)).toEqual(['dryRun', 'fieldManager', 'fieldValidation', 'force']);
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(patch['x-kubernetes-action']).toBe('patch');
    expect(Object.keys(patch.requestBody.content)).toContain('application/apply-patch+yaml');
  });

  it.each([
    ['/apis/apps/v1/namespaces/{namespace}/deployments', ['get', 'post', 'delete']],
    ['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale', ['get', 'put', 'patch']],
    ['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status', ['get', 'put', 'patch']],
    ['/apis/apps/v1/deployments', ['get']],
    ['/apis/apps/v1/watch/namespaces/{namespace}/deployments/{name}', ['get']],
  ])('serves %s', (path, methods) => {
    expect(Object.keys(doc.paths[path]).filter((k) => k !== 'parameters')).toEqual(methods);
  });

  it('publishes only the group version asked for, with described schemas', () => {
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/apis/apps/v1/'))).toBe(true);
    const spec = doc.components.schemas['io.k8s.api.apps.v1.DeploymentSpec'];
    expect(spec.properties.replicas.description).toMatch(/Number of desired pods/);
    expect(spec.properties.selector).toMatchObject({ allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector' }] });
    expect(doc.components.schemas['io.k8s.api.autoscaling.v1.Scale']).toBeDefined();
  });

  // kubectl explain (v3) names a typeless referenced schema after its definition and a typed one
  // by its type, so these shapes decide `<IntOrString>`, `<map[string]Quantity>`, `<string>`.
  it.each([
    ['io.k8s.apimachinery.pkg.util.intstr.IntOrString', 'v3', { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] }],
    ['io.k8s.apimachinery.pkg.api.resource.Quantity', 'v3', { oneOf: [{ type: 'string' }, { type: 'number' }] }],
    ['io.k8s.apimachinery.pkg.apis.meta.v1.Time', 'v3', { type: 'string', format: 'date-time' }],
    ['io.k8s.apimachinery.pkg.runtime.RawExtension', 'v3', { type: 'object' }],
    ['io.k8s.apimachinery.pkg.util.intstr.IntOrString', 'v2', { type: 'string', format: 'int-or-string' }],
    ['io.k8s.apimachinery.pkg.api.resource.Quantity', 'v2', { type: 'string' }],
  ])('publishes %s in OpenAPI %s as upstream does', (name, dialect, expected) => {
    const schemas: Json = dialect === 'v3' ? (openApiV3Document({ group: '', version: 'v1', resources: [pods] }) as Json).components.schemas : (openApiV2Document({ resources: [pods] }) as Json).definitions;
    expect(schemas[name]).toEqual(expected);
  });

  it('references Quantity from resource limits and IntOrString from a rolling update, without a type of their own', () => {
    const podDoc: Json = openApiV3Document({ group: '', version: 'v1', resources: [pods] });
    expect(podDoc.components.schemas['io.k8s.api.core.v1.ResourceRequirements'].properties.limits.additionalProperties).toEqual({ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity' });
    expect(doc.components.schemas['io.k8s.api.apps.v1.RollingUpdateDeployment'].properties.maxSurge.allOf).toEqual([{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString' }]);
  });

  it('publishes merge extensions on list fields, as kubectl client-side apply reads them', () => {
    const podDoc: Json = openApiV3Document({ group: '', version: 'v1', resources: [pods] });
    expect(podDoc.components.schemas['io.k8s.api.core.v1.PodSpec'].properties.containers).toMatchObject({
      'x-kubernetes-list-map-keys': ['name'],
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-patch-merge-key': 'name',
      'x-kubernetes-patch-strategy': 'merge',
    });
  });

  it('publishes a custom resource from its CRD schema with its GVK', () => {
    const crd: Json = openApiV3Document({ group: 'example.com', version: 'v1', resources: [widgets], customSchemas: { Widget: widgetSchema } });
    const widget = crd.components.schemas['com.example.v1.Widget'];
    expect(widget['x-kubernetes-group-version-kind']).toEqual([{ group: 'example.com', version: 'v1', kind: 'Widget' }]);
    expect(Object.keys(widget.properties)).toEqual(['apiVersion', 'kind', 'spec', 'metadata']);
    expect(crd.components.schemas['com.example.v1.WidgetList'].properties.items.items.$ref).toBe('#/components/schemas/com.example.v1.Widget');
  });

  it('is the same string every time it is computed', () => {
    expect(JSON.stringify(openApiV3Document({ group: 'apps', version: 'v1', resources: [deployments] }))).toBe(
      JSON.stringify(openApiV3Document({ group: 'apps', version: 'v1', resources: [deployments] })),
    );
  });
});

describe('OpenApiDocuments', () => {
  const source = { resources: () => [pods, deployments, widgets], customSchemas: (g: string) => (g === 'example.com' ? { Widget: widgetSchema } : undefined) };

  it('indexes every group version with the hash of the document served there', () => {
    const docs = new OpenApiDocuments(source);
    const index = JSON.parse(docs.v3Index().body as string);
    expect(Object.keys(index.paths)).toEqual(['api/v1', 'apis/apps/v1', 'apis/example.com/v1']);
    const url = new URL(index.paths['apis/apps/v1'].serverRelativeURL, 'https://x');
    expect(url.pathname).toBe('/openapi/v3/apis/apps/v1');
    expect(url.searchParams.get('hash')).toBe(documentHash(docs.v3('apis/apps/v1')!.body));
    expect(url.searchParams.get('hash')).toMatch(/^[0-9A-F]{128}$/);
  });

  it('keeps a document until invalidate(), then recomputes it from the new resource set', () => {
    const replicasets = resource({ group: 'apps', kind: 'ReplicaSet', resource: 'replicasets', definition: 'io.k8s.api.apps.v1.ReplicaSet' });
    let served = [deployments];
    const docs = new OpenApiDocuments({ resources: () => served, customSchemas: () => undefined });
    const before = docs.v3('apis/apps/v1')!.hash;
    served = [deployments, replicasets];
    expect(docs.v3('apis/apps/v1')!.hash).toBe(before);
    docs.invalidate();
    expect(docs.v3('apis/apps/v1')!.hash).not.toBe(before);
    expect(JSON.parse(docs.v3Index().body as string).paths['apis/apps/v1'].serverRelativeURL).toContain(docs.v3('apis/apps/v1')!.hash);
  });

  it('drops v3-only keywords from custom schemas in the v2 document', () => {
    const v2: Json = openApiV2Document({ resources: [widgets], customSchemas: () => ({ Widget: widgetSchema }) });
    expect(v2.definitions['com.example.v1.Widget'].properties.spec.nullable).toBeUndefined();
    expect(v2.paths['/apis/example.com/v1/namespaces/{namespace}/widgets/{name}'].patch.parameters.map((p: Json) => p.name)).toContain('fieldValidation');
  });
});

describe('encodeOpenApiV2()', () => {
  it('writes gnostic field numbers: swagger=1, paths=8, definitions=9', () => {
    const bytes = encodeOpenApiV2({ swagger: '2.0', info: { title: 'Kubernetes', version: 'v1' }, paths: {}, definitions: { A: { type: 'object' } } });
    // Field 1 (swagger), wire type 2: tag 0x0a, length 3, "2.0".
    expect([...bytes.slice(0, 5)]).toEqual([0x0a, 3, 0x32, 0x2e, 0x30]);
    expect(bytes.includes(0x4a)).toBe(true); // field 9, wire type 2
  });

  it('carries the definitions, GVK extensions and parameters of a Deployment document', () => {
    const v2 = openApiV2Document({ resources: [deployments] });
    const bytes = encodeOpenApiV2(v2);
    expect(bytes.length).toBeGreaterThan(10_000);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('io.k8s.api.apps.v1.DeploymentSpec');
    expect(text).toContain('x-kubernetes-group-version-kind');
    expect(text).toContain('fieldValidation');
  });
});
