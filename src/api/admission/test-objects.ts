/**
 * Small builders of valid objects for this folder's tests: each returns a fresh object
 * that passes validation, so a test changes exactly the field it is about.
 */
import type { KubeObject } from '../meta/object.ts';

export function container(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'app', image: 'nginx:1.27', ...overrides };
}

export function pod(spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', ...metadata },
    spec: { containers: [container()], ...spec },
  };
}

export function podTemplate(labels: Record<string, string> = { app: 'web' }, spec: Record<string, unknown> = {}) {
  return { metadata: { labels }, spec: { containers: [container()], ...spec } };
}

export function deployment(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: podTemplate(), ...spec },
  };
}

export function workload(kind: 'ReplicaSet' | 'StatefulSet' | 'DaemonSet', spec: Record<string, unknown> = {}): KubeObject {
  return { ...deployment(spec), kind };
}

export function job(spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default', uid: '1f0c-uid', ...metadata },
    spec: { template: { spec: { containers: [container()], restartPolicy: 'Never' } }, ...spec },
  };
}

export function cronJob(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'nightly', namespace: 'default' },
    spec: {
      schedule: '*/5 * * * *',
      jobTemplate: { spec: { template: { spec: { containers: [container()], restartPolicy: 'OnFailure' } } } },
      ...spec,
    },
  };
}

export function service(spec: Record<string, unknown> = {}, name = 'web'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec },
  };
}

export function namespaced(apiVersion: string, kind: string, body: Record<string, unknown> = {}, name = 'thing'): KubeObject {
  return { apiVersion, kind, metadata: { name, namespace: 'default' }, ...body };
}

export function clusterScoped(apiVersion: string, kind: string, body: Record<string, unknown> = {}, name = 'thing'): KubeObject {
  return { apiVersion, kind, metadata: { name }, ...body };
}

/** `field: message` lines, the way kubectl prints causes, for compact assertions. */
export function lines(causes: Array<{ field?: string; message: string }>): string[] {
  return causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
}
