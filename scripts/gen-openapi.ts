/**
 * Generates Skiff's copy of the built-in OpenAPI definitions from two maintained npm packages,
 * because no npm package ships upstream's api/openapi-spec document itself:
 *
 * - `@kubernetes/client-node` (generated from the v1.34 spec): every property's name, JSON
 *   type and format (`attributeTypeMap`), required properties (non-optional in the .d.ts),
 *   descriptions (JSDoc in the .d.ts) and, in its API classes, which kinds each group/version serves.
 * - `kubernetes-models`: upstream definition names (its interfaces are named after them,
 *   `IIoK8sApiAppsV1DeploymentSpec`), the exact referenced definition of every property
 *   (Quantity, RawExtension, JSON, ...) and each kind's apiVersion/kind.
 *
 * Output (committed): src/api/openapi/generated/structural.json (no descriptions, loaded by
 * the server when it first needs a schema) and descriptions.json (loaded only when an OpenAPI
 * document is served). `$ref`s name a definition bare (`io.k8s.api.core.v1.PodSpec`); the
 * document builders turn them into `#/definitions/...` or `#/components/schemas/...`.
 *
 * Run: `node --import tsx scripts/gen-openapi.ts`
 */
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StructuralSchema } from '../src/api/openapi/definitions.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const clientNodeGen = join(root, 'node_modules/@kubernetes/client-node/dist/gen');
const modelsDirs = [join(root, 'node_modules/kubernetes-models'), join(root, 'node_modules/@kubernetes-models/apimachinery')];
const outDir = join(root, 'src/api/openapi/generated');


const VERSION = /^V\d+(?:(?:alpha|beta)\d+)?/;

// ---------- kubernetes-models: upstream names, property references, kinds ----------

/** `IoK8sApiAppsV1DeploymentSpec` -> `io.k8s.api.apps.v1.DeploymentSpec`. */
function decodeModelsName(camel: string): string | undefined {
  const fixed: Record<string, string> = {
    IoK8sApimachineryPkgApiResourceQuantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
    IoK8sApimachineryPkgRuntimeRawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
    IoK8sApimachineryPkgUtilIntstrIntOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    IoK8sApimachineryPkgVersionInfo: 'io.k8s.apimachinery.pkg.version.Info',
  };
  if (fixed[camel]) return fixed[camel];
  const prefixes: [string, string][] = [
    ['IoK8sApimachineryPkgApisMeta', 'io.k8s.apimachinery.pkg.apis.meta'],
    ['IoK8sApiextensionsApiserverPkgApisApiextensions', 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions'],
    ['IoK8sKubeAggregatorPkgApisApiregistration', 'io.k8s.kube-aggregator.pkg.apis.apiregistration'],
  ];
  for (const [prefix, pkg] of prefixes) {
    if (!camel.startsWith(prefix)) continue;
    const rest = camel.slice(prefix.length);
    const v = VERSION.exec(rest);
    return v ? `${pkg}.${v[0].toLowerCase()}.${rest.slice(v[0].length)}` : undefined;
  }
  const m = /^IoK8sApi([A-Z][a-z0-9]*)(V\d+(?:(?:alpha|beta)\d+)?)([A-Z].*)$/.exec(camel);
  return m ? `io.k8s.api.${m[1]!.toLowerCase()}.${m[2]!.toLowerCase()}.${m[3]}` : undefined;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

/** Splits an interface body into `"prop"?: type` entries, skipping JSDoc. */
function interfaceProperties(body: string): Map<string, string> {
  const clean = body.replace(/\/\*\*[\s\S]*?\*\//g, '');
  const props = new Map<string, string>();
  const re = /"([^"]+)"\??:\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(clean))) {
    let depth = 0;
    let i = re.lastIndex;
    for (; i < clean.length; i++) {
      const c = clean[i];
      if (c === '{' || c === '<' || c === '(') depth++;
      else if (c === '}' || c === '>' || c === ')') depth--;
      else if (c === ';' && depth === 0) break;
    }
    props.set(m[1]!, clean.slice(re.lastIndex, i).replace(/\s+/g, ' ').trim());
    re.lastIndex = i + 1;
  }
  return props;
}

interface ModelsIndex {
  /** upstream name -> property -> TypeScript type text (upstream names decoded). */
  props: Map<string, Map<string, string>>;
  /** upstream name -> property -> description (JSDoc of the interface). */
  descriptions: Map<string, Map<string, string>>;
  gvk: Map<string, { group: string; version: string; kind: string }>;
  enums: Map<string, Map<string, string[]>>;
}

function readModels(): ModelsIndex {
  const props = new Map<string, Map<string, string>>();
  const gvk = new Map<string, { group: string; version: string; kind: string }>();
  const enums = new Map<string, Map<string, string[]>>();
  const descriptions = new Map<string, Map<string, string>>();
  for (const dir of modelsDirs) {
    for (const file of walk(dir)) {
      if (file.endsWith('.d.ts')) {
        const text = readFileSync(file, 'utf8');
        const exp = /export \{ I(\w+) as II(oK8s\w+),/.exec(text);
        const iface = exp && new RegExp(`export interface I${exp[1]}(?: extends [^{]*)? \\{([\\s\\S]*?)\\n\\}`).exec(text);
        const name = exp && decodeModelsName('I' + exp[2]);
        if (!iface || !name) continue;
        const entries = interfaceProperties(iface[1]!);
        for (const [p, t] of entries) {
          entries.set(p, t.replace(/II(oK8s\w+)/g, (_, n: string) => decodeModelsName('I' + n) ?? n));
        }
        props.set(name, entries);
        const docs = new Map<string, string>();
        for (const m of iface[1]!.matchAll(/\/\*\*\n((?:\s*\*.*\n)+?)\s*\*\/\n\s*"([^"]+)"/g)) docs.set(m[2]!, jsdocText(m[1]!));
        descriptions.set(name, docs);
      } else if (file.endsWith('.js') && !file.includes('_schemas')) {
        const text = readFileSync(file, 'utf8');
        const av = /\.apiVersion="([^"]*)",\w+\.kind="([^"]*)"/.exec(text);
        const schema = /_schemas\/(IoK8s\w+)\.js/.exec(text);
        const name = schema && decodeModelsName(schema[1]!);
        if (!av || !name) continue;
        const [group, version] = av[1]!.includes('/') ? av[1]!.split('/') : ['', av[1]!];
        gvk.set(name, { group: group!, version: version!, kind: av[2]! });
      } else if (file.endsWith('.js') && file.includes('_schemas')) {
        const name = decodeModelsName(/(IoK8s\w+)\.js$/.exec(file)?.[1] ?? '');
        if (name) enums.set(name, readEnums(readFileSync(file, 'utf8')));
      }
    }
  }
  return { props, gvk, enums, descriptions };
}

/**
 * The compiled validators keep upstream's string enums (`schema19={enum:[...]}`); a property
 * validated by a local function that checks such an enum gets it.
 */
function readEnums(js: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const schemas = new Map<string, string[]>();
  for (const m of js.matchAll(/(schema\d+)=\{enum:(\[[^\]]*\])\}/g)) schemas.set(m[1]!, JSON.parse(m[2]!));
  if (schemas.size === 0) return out;
  const bodies = new Map<string, string>();
  const parts = js.split(/function (validate\d+)\(/);
  for (let i = 1; i < parts.length; i += 2) bodies.set(parts[i]!, parts[i + 1]!);
  const main = /validate=function (validate\d+)\(/.exec(js)?.[1];
  const mainBody = main && bodies.get(main);
  if (!mainBody) return out;
  for (const m of mainBody.matchAll(/(validate\d+)\(data(?:\.(\w+)|\["([^"]+)"\]),/g)) {
    const body = bodies.get(m[1]!) ?? '';
    const used = /allowedValues:(schema\d+)\.enum/.exec(body);
    if (used && /"string"!=typeof data/.test(body) && schemas.has(used[1]!)) out.set(m[2] ?? m[3]!, schemas.get(used[1]!)!);
  }
  return out;
}

// ---------- @kubernetes/client-node: structure, formats, descriptions, served kinds ----------

interface Attribute { name: string; baseName: string; type: string; format: string }
interface ClientModel { attrs: Attribute[]; description?: string; propDescriptions: Map<string, string>; required: string[] }

function readClientModel(name: string): ClientModel | undefined {
  let js: string;
  try {
    js = readFileSync(join(clientNodeGen, 'models', `${name}.js`), 'utf8');
  } catch {
    return undefined;
  }
  const map = new RegExp(`${name}\\.attributeTypeMap = (\\[[\\s\\S]*?\\]);`).exec(js);
  const attrs: Attribute[] = map ? JSON.parse(map[1]!) : [];
  const dts = readFileSync(join(clientNodeGen, 'models', `${name}.d.ts`), 'utf8');
  const cls = /\/\*\*\n((?:\*.*\n)+?)\*\/\nexport declare class/.exec(dts);
  const propDescriptions = new Map<string, string>();
  const required: string[] = [];
  for (const m of dts.matchAll(/(?:\/\*\*\n((?:\s*\*.*\n)+?)\s*\*\/\n)?\s*'([^']+)'(\??):/g)) {
    if (m[1]) propDescriptions.set(m[2]!, jsdocText(m[1]));
    if (!m[3]) required.push(m[2]!);
  }
  return { attrs, description: cls ? jsdocText(cls[1]!) : undefined, propDescriptions, required };
}

function jsdocText(block: string): string {
  return unescapeDoc(block.split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n').trim());
}

/** The generated clients HTML-escape and backslash-escape their doc comments; undo both. */
function unescapeDoc(text: string): string {
  const entities: Record<string, string> = { '&quot;': '"', '&#39;': "'", '&#x60;': '`', '&#x3D;': '=', '&lt;': '<', '&gt;': '>', '&amp;': '&' };
  return text
    .replace(/\\?(&quot;|&#39;|&#x60;|&#x3D;|&lt;|&gt;|&amp;)/g, (_, e: string) => entities[e]!)
    .replace(/\\(["'`])/g, '$1')
    .replace(/\*\\\//g, '*/');
}

interface ServedGroupVersion { group: string; version: string; models: Set<string> }

function readClientApis(): { gvs: ServedGroupVersion[]; parameters: Record<string, string> } {
  const gvs: ServedGroupVersion[] = [];
  const parameters: Record<string, string> = {};
  for (const file of readdirSync(join(clientNodeGen, 'apis'))) {
    if (!/V\d+\w*Api\.js$/.test(file)) continue;
    const js = readFileSync(join(clientNodeGen, 'apis', file), 'utf8');
    const path = /localVarPath = '\/(api\/v1|apis\/[^/]+\/[^/]+)\//.exec(js)?.[1];
    if (!path) continue;
    const parts = path.split('/');
    const gv = parts[0] === 'api' ? { group: '', version: 'v1' } : { group: parts[1]!, version: parts[2]! };
    const models = new Set<string>();
    for (const m of js.matchAll(/(?:deserialize|serialize)\([^;]*?, "(\w+)", ""\)/g)) {
      if (/^[A-Z]/.test(m[1]!) && m[1] !== 'Date') models.add(m[1]!);
    }
    for (const m of js.matchAll(/@param _?(\w+) (.+)/g)) parameters[m[1]!] ??= unescapeDoc(m[2]!);
    gvs.push({ ...gv, models });
  }
  return { gvs, parameters };
}

// ---------- names: client-node class -> upstream definition ----------

/** Upstream's package segment of a group: `rbac.authorization.k8s.io` -> `rbac`. */
function packageOfGroup(group: string): string {
  if (group === '') return 'io.k8s.api.core';
  if (group === 'apiextensions.k8s.io') return 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions';
  if (group === 'apiregistration.k8s.io') return 'io.k8s.kube-aggregator.pkg.apis.apiregistration';
  if (group === 'internal.apiserver.k8s.io') return 'io.k8s.api.apiserverinternal';
  return `io.k8s.api.${group.split('.')[0]}`;
}

/** `RbacV1Subject` -> { version: 'v1', type: 'Subject' }. */
function splitClientName(name: string): { version: string; type: string } | undefined {
  const m = /^(?:[A-Z][a-z]+)?(V\d+(?:(?:alpha|beta)\d+)?)([A-Z]\w*)$/.exec(name);
  return m ? { version: m[1]!.toLowerCase(), type: m[2]! } : undefined;
}

/** Referenced client-node class names in an attribute type (`Array<V1Container>`, maps). */
function referencedClass(type: string): string | undefined {
  const m = /^(?:Array<|\{ \[key: string\]: )?(?:Array<)?([A-Z]\w*)/.exec(type);
  return m && !['Date', 'IntOrString', 'V1MicroTime'].includes(m[1]!) ? m[1] : undefined;
}

/** Unwraps the kubernetes-models type text the same way (`Array<io.k8s...X>` -> `io.k8s...X`). */
function referencedDefinition(typeText: string | undefined): string | undefined {
  return typeText && /(io\.k8s\.[\w.-]+)/.exec(typeText)?.[1];
}

// ---------- build ----------

const special: Record<string, StructuralSchema> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.runtime.RawExtension': { type: 'object' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': { type: 'object' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Patch': { type: 'object' },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON': {},
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray': {},
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool': {},
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray': {},
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresourceStatus': { type: 'object' },
};

function main(): void {
  const models = readModels();
  const { gvs, parameters } = readClientApis();
  const upstreamOf = new Map<string, string>();
  const clientModels = new Map<string, ClientModel>();
  const load = (name: string): ClientModel | undefined => {
    if (!clientModels.has(name)) {
      const model = readClientModel(name);
      if (!model) return undefined;
      clientModels.set(name, model);
    }
    return clientModels.get(name);
  };

  // Kinds first: the served kinds of each group/version, named by their package.
  const gvkOf = new Map<string, { group: string; version: string; kind: string }[]>();
  for (const gv of gvs) {
    for (const model of gv.models) {
      const split = splitClientName(model);
      if (!split || split.version !== gv.version || !load(model)) continue;
      // An API class also names kinds of other groups (Scale from autoscaling, Eviction from
      // policy, Status from meta): kubernetes-models knows which package each one is in.
      const guess = `${packageOfGroup(gv.group)}.${gv.version}.${split.type}`;
      const known = [...models.props.keys()].filter((n) => n.endsWith(`.${split.version}.${split.type}`) && !n.includes('.extensions.'));
      const prefix = /^([A-Z][a-z]+)V\d/.exec(model)?.[1]?.toLowerCase();
      const prefixed = known.filter((n) => prefix && n.includes(`.${prefix}.`));
      const name = prefixed.length === 1 ? prefixed[0]! : known.includes(guess) ? guess : known.length === 1 ? known[0]! : guess;
      if (!upstreamOf.has(model) || name !== guess) upstreamOf.set(model, name);
    }
  }
  // Meta types the API classes never name (watch streams are untyped there).
  for (const type of ['WatchEvent', 'APIGroup', 'APIGroupList', 'APIVersions']) {
    if (load(`V1${type}`)) upstreamOf.set(`V1${type}`, `io.k8s.apimachinery.pkg.apis.meta.v1.${type}`);
  }
  for (const [model, name] of upstreamOf) {
    const gvk = models.gvk.get(name);
    if (gvk) gvkOf.set(name, [gvk]);
    else if (name.startsWith('io.k8s.api') && !name.startsWith('io.k8s.apimachinery')) {
      const gv = gvs.find((g) => name.startsWith(`${packageOfGroup(g.group)}.${g.version}.`) && g.models.has(model));
      const kind = name.slice(name.lastIndexOf('.') + 1);
      if (gv) gvkOf.set(name, [{ group: gv.group, version: gv.version, kind }]);
    }
  }
  // As upstream, the generic meta kinds carry the GVK of every group version that uses them.
  for (const kind of ['DeleteOptions', 'WatchEvent']) {
    gvkOf.set(`io.k8s.apimachinery.pkg.apis.meta.v1.${kind}`, gvs.map((g) => ({ group: g.group, version: g.version, kind })));
  }
  gvkOf.set('io.k8s.apimachinery.pkg.apis.meta.v1.Status', [{ group: '', version: 'v1', kind: 'Status' }]);

  // Then every referenced class, named by what kubernetes-models calls the same property,
  // or else by its parent's package and its own version.
  // Names from kubernetes-models win over the package guess, so the guess waits until
  // nothing else can be named.
  const queue = [...upstreamOf.keys()];
  const guesses: { ref: string; name: string }[] = [];
  for (;;) {
    while (queue.length) {
      const cls = queue.shift()!;
      const parent = upstreamOf.get(cls)!;
      for (const attr of load(cls)?.attrs ?? []) {
        const ref = referencedClass(attr.type);
        if (!ref || upstreamOf.has(ref) || !load(ref)) continue;
        const name = referencedDefinition(models.props.get(parent)?.get(attr.baseName));
        const split = splitClientName(ref);
        if (name) {
          upstreamOf.set(ref, name);
          queue.push(ref);
        } else if (split) {
          guesses.push({ ref, name: `${parent.split('.').slice(0, -2).join('.')}.${split.version}.${split.type}` });
        } else throw new Error(`cannot name ${ref} (from ${parent}.${attr.baseName})`);
      }
    }
    const guess = guesses.find((g) => !upstreamOf.has(g.ref));
    if (!guess) break;
    upstreamOf.set(guess.ref, guess.name);
    queue.push(guess.ref);
  }

  const definitions: Record<string, StructuralSchema> = { ...special };
  const descriptions: Record<string, Record<string, string>> = {};
  for (const [cls, name] of [...upstreamOf].sort((a, b) => a[1].localeCompare(b[1]))) {
    if (special[name]) continue;
    const model = clientModels.get(cls)!;
    const def: StructuralSchema = { type: 'object' };
    const properties: Record<string, StructuralSchema> = {};
    const desc: Record<string, string> = {};
    if (model.description) desc[''] = model.description;
    for (const attr of model.attrs) {
      const modelsType = models.props.get(name)?.get(attr.baseName);
      const prop = schemaOf(attr.type, attr.format, modelsType, upstreamOf);
      const values = models.enums.get(name)?.get(attr.baseName);
      if (values && prop.type === 'string' && attr.baseName !== 'apiVersion' && attr.baseName !== 'kind') prop.enum = values;
      properties[attr.baseName] = prop;
      const d = models.descriptions.get(name)?.get(attr.baseName) ?? model.propDescriptions.get(attr.name);
      if (d) desc[attr.baseName] = d;
    }
    if (model.attrs.length) def.properties = properties;
    const required = model.required.map((r) => model.attrs.find((a) => a.name === r)?.baseName ?? r).sort();
    if (required.length) def.required = required;
    const gvk = gvkOf.get(name);
    if (gvk) def['x-kubernetes-group-version-kind'] = gvk;
    definitions[name] = def;
    descriptions[name] = desc;
  }
  mkdirSync(outDir, { recursive: true });
  const sorted = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(outDir, 'structural.json'), JSON.stringify({ source: 'kubernetes v1.34 via @kubernetes/client-node 1.4 + kubernetes-models', definitions: sorted }) + '\n');
  writeFileSync(join(outDir, 'descriptions.json'), JSON.stringify({ definitions: descriptions, parameters }) + '\n');
  console.log(`wrote ${Object.keys(sorted).length} definitions to ${outDir}`);
}

function schemaOf(type: string, format: string, modelsType: string | undefined, names: Map<string, string>): StructuralSchema {
  const array = /^Array<(.*)>$/.exec(type);
  if (array) {
    const inner = modelsType && /^Array<(.*)>$/.exec(modelsType)?.[1];
    return { type: 'array', items: schemaOf(array[1]!, '', inner, names) };
  }
  const map = /^\{ \[key: string\]: (.*); \}$/.exec(type);
  if (map) {
    const inner = modelsType && /^\{ \[key: string\]: (.*); \}$/.exec(modelsType)?.[1];
    return { type: 'object', additionalProperties: schemaOf(map[1]!, '', inner, names) };
  }
  const ref = modelsType && /^(io\.k8s\.[\w.-]+)$/.exec(modelsType)?.[1];
  if (ref && (special[ref] || type === 'any' || type === 'string')) return { $ref: ref };
  switch (type) {
    case 'string':
      return format === 'byte' ? { type: 'string', format: 'byte' } : { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return format === 'int32' || format === 'int64' ? { type: 'integer', format } : { type: 'number', format: 'double' };
    case 'Date':
      return { $ref: format === 'date-time-micro' ? 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime' : 'io.k8s.apimachinery.pkg.apis.meta.v1.Time' };
    case 'V1MicroTime':
      return { $ref: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime' };
    case 'IntOrString':
      return { $ref: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString' };
    case 'any':
      return { $ref: 'io.k8s.apimachinery.pkg.runtime.RawExtension' };
  }
  const name = names.get(type);
  if (!name) throw new Error(`unknown type ${type}`);
  return { $ref: name };
}

main();
