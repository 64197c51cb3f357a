/**
 * Pod and PodTemplateSpec defaults, as upstream's SetDefaults_PodSpec, SetDefaults_Pod,
 * SetDefaults_Container, SetDefaults_ContainerPort, SetDefaults_Probe and SetDefaults_Volume
 * (k8s.io/kubernetes/pkg/apis/core/v1/defaults.go). Default tolerations and the service
 * account are admission plugins' work, not defaults.
 */
import type { KubeObject } from '../meta/object.ts';
import { asList, asObject, ensureObject, setDefault, type Json } from './json-access.ts';
import { parseQuantity } from '../../quantity/quantity.ts';

/** A malformed limit fails decoding upstream before defaults run; never copy one into requests. */
function isQuantity(value: unknown): boolean {
  try {
    parseQuantity(value as string);
    return true;
  } catch {
    return false;
  }
}

/** As upstream parsers.ParseImageName: `:latest` or no tag (and no digest) pulls Always. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const atDigest = image.indexOf('@');
  if (atDigest >= 0) {
    const named = image.slice(0, atDigest);
    const tag = tagOf(named);
    return tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  const tag = tagOf(image);
  return tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** The tag of an image reference; a ':' in the registry host (`host:5000/app`) is not a tag. */
function tagOf(reference: string): string | undefined {
  const lastSlash = reference.lastIndexOf('/');
  const colon = reference.indexOf(':', lastSlash + 1);
  return colon >= 0 ? reference.slice(colon + 1) : undefined;
}

function defaultProbe(probe: unknown): void {
  const p = asObject(probe);
  if (!p) return;
  setDefault(p, 'timeoutSeconds', 1);
  setDefault(p, 'periodSeconds', 10);
  setDefault(p, 'successThreshold', 1);
  setDefault(p, 'failureThreshold', 3);
  defaultHandler(p);
}

function defaultHandler(handler: Json): void {
  const http = asObject(handler.httpGet);
  if (http) {
    setDefault(http, 'path', '/');
    setDefault(http, 'scheme', 'HTTP');
  }
}

function defaultLifecycle(lifecycle: unknown): void {
  const l = asObject(lifecycle);
  if (!l) return;
  for (const hook of [l.postStart, l.preStop]) {
    const h = asObject(hook);
    if (h) defaultHandler(h);
  }
}

function defaultEnv(env: unknown): void {
  for (const variable of asList(env)) {
    const fieldRef = asObject(asObject(variable.valueFrom)?.fieldRef);
    if (fieldRef) setDefault(fieldRef, 'apiVersion', 'v1');
  }
}

/**
 * Quantities are stored in canonical form, as upstream's JSON round trip prints them
 * (`cpu: 0.5` reads back as `500m`). Malformed ones are left for validation to report.
 */
export function canonicalizeResourceList(list: unknown): void {
  const resources = asObject(list);
  if (!resources) return;
  for (const [name, value] of Object.entries(resources)) {
    try {
      resources[name] = parseQuantity(value as string).toString();
    } catch {
      // reported by validation
    }
  }
}

export function defaultContainer(container: Json): void {
  const resources = asObject(container.resources);
  canonicalizeResourceList(resources?.limits);
  canonicalizeResourceList(resources?.requests);
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  if (typeof container.image === 'string' && container.image) {
    setDefault(container, 'imagePullPolicy', defaultPullPolicy(container.image));
  }
  for (const port of asList(container.ports)) setDefault(port, 'protocol', 'TCP');
  defaultProbe(container.livenessProbe);
  defaultProbe(container.readinessProbe);
  defaultProbe(container.startupProbe);
  defaultLifecycle(container.lifecycle);
  defaultEnv(container.env);
}

const defaultFileMode = 0o644;

function defaultVolume(volume: Json): void {
  const sources = Object.keys(volume).filter((k) => k !== 'name');
  // As upstream SetDefaults_Volume: a volume with no source is an emptyDir.
  if (sources.length === 0) volume.emptyDir = {};
  for (const kind of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const source = asObject(volume[kind]);
    if (source) setDefault(source, 'defaultMode', defaultFileMode);
  }
  const hostPath = asObject(volume.hostPath);
  if (hostPath) setDefault(hostPath, 'type', '');
  const downward = asObject(volume.downwardAPI);
  for (const item of asList(downward?.items)) {
    const fieldRef = asObject(item.fieldRef);
    if (fieldRef) setDefault(fieldRef, 'apiVersion', 'v1');
  }
}

/** SetDefaults_PodSpec and what it reaches: used for pods and for every pod template. */
export function defaultPodSpec(spec: Json): void {
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  if (!asObject(spec.securityContext)) spec.securityContext = {};
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'schedulerName', 'default-scheduler');
  // The deprecated serviceAccount field mirrors serviceAccountName (upstream conversion).
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  for (const list of [spec.containers, spec.initContainers, spec.ephemeralContainers]) {
    for (const container of asList(list)) defaultContainer(container);
  }
  for (const volume of asList(spec.volumes)) defaultVolume(volume);
}

export function defaultPodTemplate(template: unknown): void {
  const t = asObject(template);
  if (!t) return;
  defaultPodSpec(ensureObject(t, 'spec'));
}

/** As upstream SetDefaults_Pod: requests default to limits, resource by resource. */
function defaultRequestsFromLimits(container: Json): void {
  const resources = asObject(container.resources);
  const limits = asObject(resources?.limits);
  if (!resources || !limits || Object.keys(limits).length === 0) return;
  const requests = ensureObject(resources, 'requests');
  for (const [name, quantity] of Object.entries(limits)) {
    if (requests[name] === undefined && isQuantity(quantity)) requests[name] = quantity;
  }
}

/** The pod itself: PodSpec defaults plus SetDefaults_Pod. */
export function defaultPod(pod: KubeObject): void {
  const spec = ensureObject(pod as Json, 'spec');
  defaultPodSpec(spec);
  for (const list of [spec.containers, spec.initContainers]) {
    for (const container of asList(list)) defaultRequestsFromLimits(container);
  }
  setDefault(spec, 'enableServiceLinks', true);
  if (spec.hostNetwork === true) {
    // As upstream defaultHostNetworkPorts: on the host network a port is its own host port.
    for (const list of [spec.containers, spec.initContainers]) {
      for (const container of asList(list)) {
        for (const port of asList(container.ports)) if (!port.hostPort) port.hostPort = port.containerPort;
      }
    }
  }
}
