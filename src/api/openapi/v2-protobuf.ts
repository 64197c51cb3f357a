import { create, createFileRegistry, toBinary, type DescMessage } from '@bufbuild/protobuf';
import { FieldDescriptorProto_Label, FieldDescriptorProto_Type, FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';

/**
 * `/openapi/v2` as protobuf: client-go's discovery client asks for
 * `application/com.github.proto-openapi.spec.v2@v1.0+protobuf` and unmarshals the body as
 * gnostic's `openapi.v2.Document` (kubectl explain before 1.27 and kubectl's client-side
 * validation read the v2 schema only this way; a JSON body fails to unmarshal).
 *
 * The messages below are the part of gnostic's OpenAPIv2.proto a Kubernetes document uses,
 * with upstream's field numbers. gnostic's `oneof` groups are written as plain fields: a
 * oneof is a wire-format no-op and only one member is ever set here.
 */
type Scalar = 'string' | 'bool' | 'double' | 'int64';
type FieldSpec = [name: string, number: number, type: Scalar | `.${string}`, repeated?: 'repeated'];

const S = 'string';
const messages: Record<string, FieldSpec[]> = {
  Document: [['swagger', 1, S], ['info', 2, '.Info'], ['produces', 7, S, 'repeated'], ['consumes', 6, S, 'repeated'], ['paths', 8, '.Paths'], ['definitions', 9, '.Definitions'], ['security', 12, '.SecurityRequirement', 'repeated'], ['security_definitions', 13, '.SecurityDefinitions']],
  Info: [['title', 1, S], ['version', 2, S], ['description', 3, S]],
  Any: [['yaml', 2, S]],
  NamedAny: [['name', 1, S], ['value', 2, '.Any']],
  Paths: [['path', 2, '.NamedPathItem', 'repeated']],
  NamedPathItem: [['name', 1, S], ['value', 2, '.PathItem']],
  PathItem: [['get', 2, '.Operation'], ['put', 3, '.Operation'], ['post', 4, '.Operation'], ['delete', 5, '.Operation'], ['patch', 8, '.Operation'], ['parameters', 9, '.ParametersItem', 'repeated']],
  Operation: [['tags', 1, S, 'repeated'], ['description', 3, S], ['operation_id', 5, S], ['produces', 6, S, 'repeated'], ['consumes', 7, S, 'repeated'], ['parameters', 8, '.ParametersItem', 'repeated'], ['responses', 9, '.Responses'], ['schemes', 10, S, 'repeated'], ['vendor_extension', 13, '.NamedAny', 'repeated']],
  ParametersItem: [['parameter', 1, '.Parameter']],
  Parameter: [['body_parameter', 1, '.BodyParameter'], ['non_body_parameter', 2, '.NonBodyParameter']],
  BodyParameter: [['description', 1, S], ['name', 2, S], ['in', 3, S], ['required', 4, 'bool'], ['schema', 5, '.Schema']],
  NonBodyParameter: [['query_parameter_sub_schema', 3, '.QueryParameterSubSchema'], ['path_parameter_sub_schema', 4, '.PathParameterSubSchema']],
  QueryParameterSubSchema: [['required', 1, 'bool'], ['in', 2, S], ['description', 3, S], ['name', 4, S], ['type', 6, S], ['unique_items', 20, 'bool']],
  PathParameterSubSchema: [['required', 1, 'bool'], ['in', 2, S], ['description', 3, S], ['name', 4, S], ['type', 5, S], ['unique_items', 19, 'bool']],
  Responses: [['response_code', 1, '.NamedResponseValue', 'repeated']],
  NamedResponseValue: [['name', 1, S], ['value', 2, '.ResponseValue']],
  ResponseValue: [['response', 1, '.Response']],
  Response: [['description', 1, S], ['schema', 2, '.SchemaItem']],
  SchemaItem: [['schema', 1, '.Schema']],
  Definitions: [['additional_properties', 1, '.NamedSchema', 'repeated']],
  NamedSchema: [['name', 1, S], ['value', 2, '.Schema']],
  Properties: [['additional_properties', 1, '.NamedSchema', 'repeated']],
  AdditionalPropertiesItem: [['schema', 1, '.Schema'], ['boolean', 2, 'bool']],
  TypeItem: [['value', 1, S, 'repeated']],
  ItemsItem: [['schema', 1, '.Schema', 'repeated']],
  Schema: [
    ['ref', 1, S], ['format', 2, S], ['title', 3, S], ['description', 4, S], ['default', 5, '.Any'], ['multiple_of', 6, 'double'],
    ['maximum', 7, 'double'], ['exclusive_maximum', 8, 'bool'], ['minimum', 9, 'double'], ['exclusive_minimum', 10, 'bool'],
    ['max_length', 11, 'int64'], ['min_length', 12, 'int64'], ['pattern', 13, S], ['max_items', 14, 'int64'], ['min_items', 15, 'int64'],
    ['unique_items', 16, 'bool'], ['max_properties', 17, 'int64'], ['min_properties', 18, 'int64'], ['required', 19, S, 'repeated'],
    ['enum', 20, '.Any', 'repeated'], ['additional_properties', 21, '.AdditionalPropertiesItem'], ['type', 22, '.TypeItem'],
    ['items', 23, '.ItemsItem'], ['all_of', 24, '.Schema', 'repeated'], ['properties', 25, '.Properties'], ['read_only', 27, 'bool'],
    ['example', 30, '.Any'], ['vendor_extension', 31, '.NamedAny', 'repeated'],
  ],
  SecurityDefinitions: [['additional_properties', 1, '.NamedSecurityDefinitionsItem', 'repeated']],
  NamedSecurityDefinitionsItem: [['name', 1, S], ['value', 2, '.SecurityDefinitionsItem']],
  SecurityDefinitionsItem: [['api_key_security', 2, '.ApiKeySecurity']],
  ApiKeySecurity: [['type', 1, S], ['name', 2, S], ['in', 3, S], ['description', 4, S]],
  SecurityRequirement: [['additional_properties', 1, '.NamedStringArray', 'repeated']],
  NamedStringArray: [['name', 1, S], ['value', 2, '.StringArray']],
  StringArray: [['value', 1, S, 'repeated']],
};

const scalarTypes: Record<Scalar, FieldDescriptorProto_Type> = {
  string: FieldDescriptorProto_Type.STRING,
  bool: FieldDescriptorProto_Type.BOOL,
  double: FieldDescriptorProto_Type.DOUBLE,
  int64: FieldDescriptorProto_Type.INT64,
};

let documentDesc: DescMessage | undefined;

/** gnostic's openapi.v2.Document descriptor, built once on first use. */
function documentDescriptor(): DescMessage {
  if (documentDesc) return documentDesc;
  const file = create(FileDescriptorProtoSchema, {
    name: 'openapiv2/OpenAPIv2.proto',
    package: 'openapi.v2',
    syntax: 'proto3',
    messageType: Object.entries(messages).map(([name, fields]) => ({
      name,
      field: fields.map(([fieldName, number, type, repeated]) => ({
        name: fieldName,
        number,
        label: repeated ? FieldDescriptorProto_Label.REPEATED : FieldDescriptorProto_Label.OPTIONAL,
        ...(type.startsWith('.') ? { type: FieldDescriptorProto_Type.MESSAGE, typeName: `.openapi.v2${type}` } : { type: scalarTypes[type as Scalar] }),
      })),
    })),
  });
  documentDesc = createFileRegistry(file, () => undefined).getMessage('openapi.v2.Document')!;
  return documentDesc;
}

/** Encodes a swagger 2.0 JSON document (as openApiV2Document builds it) as gnostic protobuf. */
export function encodeOpenApiV2(doc: Record<string, unknown>): Uint8Array {
  const desc = documentDescriptor();
  return toBinary(desc, create(desc, toGnosticDocument(doc) as never));
}

// ---------- swagger JSON -> gnostic message shapes (protobuf-es local names) ----------

type Json = Record<string, any>;

/** gnostic keeps extension and enum values as YAML text; JSON is YAML. */
const anyOf = (value: unknown) => ({ yaml: `${JSON.stringify(value)}\n` });
const extensionsOf = (obj: Json) =>
  Object.keys(obj).filter((k) => k.startsWith('x-')).map((name) => ({ name, value: anyOf(obj[name]) }));

function toGnosticDocument(doc: Json): Json {
  return {
    swagger: doc.swagger,
    info: doc.info,
    paths: { path: Object.entries(doc.paths as Json).map(([name, item]) => ({ name, value: pathItem(item) })) },
    definitions: { additionalProperties: Object.entries(doc.definitions as Json).map(([name, s]) => ({ name, value: schema(s) })) },
    securityDefinitions: {
      additionalProperties: Object.entries((doc.securityDefinitions ?? {}) as Json).map(([name, s]) => ({ name, value: { apiKeySecurity: s } })),
    },
    security: ((doc.security ?? []) as Json[]).map((req) => ({
      additionalProperties: Object.entries(req).map(([name, scopes]) => ({ name, value: { value: scopes } })),
    })),
  };
}

function pathItem(item: Json): Json {
  const out: Json = {};
  for (const method of ['get', 'put', 'post', 'delete', 'patch']) if (item[method]) out[method] = operation(item[method]);
  if (item.parameters) out.parameters = (item.parameters as Json[]).map(parameter);
  return out;
}

function operation(op: Json): Json {
  return {
    tags: op.tags ?? [],
    description: op.description ?? '',
    operationId: op.operationId ?? '',
    consumes: op.consumes ?? [],
    produces: op.produces ?? [],
    schemes: op.schemes ?? [],
    parameters: ((op.parameters ?? []) as Json[]).map(parameter),
    responses: {
      responseCode: Object.entries((op.responses ?? {}) as Json).map(([name, r]) => ({
        name,
        value: { response: { description: r.description ?? '', ...(r.schema ? { schema: { schema: schema(r.schema) } } : {}) } },
      })),
    },
    vendorExtension: extensionsOf(op),
  };
}

function parameter(p: Json): Json {
  if (p.in === 'body') return { parameter: { bodyParameter: { name: p.name, in: p.in, required: !!p.required, description: p.description ?? '', schema: schema(p.schema) } } };
  const sub = { name: p.name, in: p.in, description: p.description ?? '', type: p.type ?? 'string', required: !!p.required, uniqueItems: !!p.uniqueItems };
  return { parameter: { nonBodyParameter: p.in === 'path' ? { pathParameterSubSchema: sub } : { queryParameterSubSchema: sub } } };
}

function schema(s: Json): Json {
  const out: Json = {};
  if (s.$ref) out.ref = s.$ref;
  for (const key of ['format', 'title', 'description', 'pattern']) if (typeof s[key] === 'string') out[key] = s[key];
  for (const key of ['maximum', 'minimum', 'multipleOf']) if (typeof s[key] === 'number') out[key] = s[key];
  for (const key of ['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties']) if (typeof s[key] === 'number') out[key] = BigInt(s[key]);
  for (const key of ['exclusiveMaximum', 'exclusiveMinimum', 'uniqueItems', 'readOnly']) if (typeof s[key] === 'boolean') out[key] = s[key];
  if (s.default !== undefined) out.default = anyOf(s.default);
  if (s.example !== undefined) out.example = anyOf(s.example);
  if (Array.isArray(s.required)) out.required = s.required;
  if (Array.isArray(s.enum)) out.enum = s.enum.map(anyOf);
  if (typeof s.type === 'string') out.type = { value: [s.type] };
  if (s.items) out.items = { schema: (Array.isArray(s.items) ? s.items : [s.items]).map(schema) };
  if (typeof s.additionalProperties === 'boolean') out.additionalProperties = { boolean: s.additionalProperties };
  else if (s.additionalProperties) out.additionalProperties = { schema: schema(s.additionalProperties) };
  if (Array.isArray(s.allOf)) out.allOf = s.allOf.map(schema);
  if (s.properties) out.properties = { additionalProperties: Object.entries(s.properties as Json).map(([name, v]) => ({ name, value: schema(v) })) };
  const ext = extensionsOf(s);
  if (ext.length) out.vendorExtension = ext;
  return out;
}
