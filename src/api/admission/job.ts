/**
 * jobs.batch: defaults as batch/v1 SetDefaults_Job, the selector and labels upstream's job
 * strategy generates, and ValidateJob / ValidateJobUpdate.
 *
 * Upstream generates the selector in the strategy once the uid is known; here `defaults`
 * does it whenever metadata.uid is already set, so the handler must assign the uid first.
 */
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { asObject, deepEqual, ensureObject, setDefault, type Json } from './json-access.ts';
import { child, immutable, invalid, key, nonNegative, notSupported, required, type FieldPath, goStringMap } from './field-errors.ts';
import { isEmptySelector, selectorMatches, validateLabelSelector } from './label-selector.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { validatePodTemplate } from './pod-spec-validation.ts';
import { defineStrategy } from './strategy.ts';

export const controllerUidLabel = 'batch.kubernetes.io/controller-uid';
export const jobNameLabel = 'batch.kubernetes.io/job-name';
const legacyControllerUidLabel = 'controller-uid';
const legacyJobNameLabel = 'job-name';

const completionModes = ['NonIndexed', 'Indexed'] as const;
const replacementPolicies = ['TerminatingOrFailed', 'Failed'] as const;
const jobRestartPolicies = ['OnFailure', 'Never'] as const;

/** SetDefaults_JobSpec part that also applies inside a CronJob's jobTemplate. */
export function defaultJobSpec(spec: Json): void {
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, 'parallelism', 1);
  if (spec.backoffLimit == null) spec.backoffLimit = spec.backoffLimitPerIndex != null ? 2147483647 : 6;
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'podReplacementPolicy', spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed');
  setDefault(spec, 'manualSelector', false);
  defaultPodTemplate(spec.template);
}

/** As upstream's job strategy generateSelector: pods carry the job's uid and name; the selector picks the uid. */
function generateSelector(job: KubeObject, spec: Json): void {
  const uid = job.metadata.uid;
  if (!uid || spec.manualSelector === true) return;
  const template = ensureObject(spec, 'template');
  const labels = ensureObject(ensureObject(template, 'metadata'), 'labels');
  const name = job.metadata.name ?? '';
  setDefault(labels, legacyJobNameLabel, name);
  setDefault(labels, jobNameLabel, name);
  setDefault(labels, legacyControllerUidLabel, uid);
  setDefault(labels, controllerUidLabel, uid);
  setDefault(ensureObject(ensureObject(spec, 'selector'), 'matchLabels'), controllerUidLabel, uid);
}

function defaults(job: KubeObject): void {
  const spec = ensureObject(job as Json, 'spec');
  defaultJobSpec(spec);
  generateSelector(job, spec);
  // As SetDefaults_Job: a job without labels takes its pods' labels.
  const templateLabels = asObject(asObject(asObject(spec.template)?.metadata)?.labels);
  if (templateLabels && Object.keys(job.metadata.labels ?? {}).length === 0) {
    job.metadata.labels = { ...(templateLabels as Record<string, string>) };
  }
}

/** Checks shared by Jobs and CronJob job templates (upstream validateJobSpec). */
export function validateJobSpecFields(spec: Json, path: FieldPath): StatusCause[] {
  const causes = [
    ...nonNegative(child(path, 'parallelism'), spec.parallelism),
    ...nonNegative(child(path, 'completions'), spec.completions),
    ...nonNegative(child(path, 'activeDeadlineSeconds'), spec.activeDeadlineSeconds),
    ...nonNegative(child(path, 'backoffLimit'), spec.backoffLimit),
    ...nonNegative(child(path, 'ttlSecondsAfterFinished'), spec.ttlSecondsAfterFinished),
  ];
  const mode = spec.completionMode;
  if (mode && !(completionModes as readonly string[]).includes(mode as string)) {
    causes.push(notSupported(child(path, 'completionMode'), mode, completionModes));
  }
  if (mode === 'Indexed' && spec.completions == null) {
    causes.push(required(child(path, 'completions'), 'when completion mode is Indexed'));
  }
  const replacement = spec.podReplacementPolicy;
  if (replacement && !(replacementPolicies as readonly string[]).includes(replacement as string)) {
    causes.push(notSupported(child(path, 'podReplacementPolicy'), replacement, replacementPolicies));
  }
  causes.push(...validatePodTemplate(spec.template, child(path, 'template'), { restartPolicies: jobRestartPolicies }));
  return causes;
}

function validate(job: KubeObject): StatusCause[] {
  const spec = asObject(job.spec) ?? {};
  const causes = validateJobSpecFields(spec, 'spec');
  const selector = asObject(spec.selector);
  const labels = (asObject(asObject(asObject(spec.template)?.metadata)?.labels) ?? {}) as Record<string, string>;
  if (!selector) causes.push(required('spec.selector'));
  else {
    causes.push(...validateLabelSelector(selector, 'spec.selector'));
    if (!isEmptySelector(selector) && !selectorMatches(selector, labels)) {
      causes.push(invalid('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'));
    }
  }
  const uid = job.metadata.uid;
  if (uid && spec.manualSelector !== true) {
    // As upstream validateGeneratedSelector: a generated selector must name this job's uid.
    if (labels[controllerUidLabel] !== uid) {
      causes.push(invalid(key('spec.template.metadata.labels', controllerUidLabel), labels[controllerUidLabel] ?? '', `must be '${uid}'`));
    }
    const matchLabels = (asObject(selector?.matchLabels) ?? {}) as Record<string, string>;
    if (selector && matchLabels[controllerUidLabel] !== uid) {
      causes.push(invalid(key('spec.selector.matchLabels', controllerUidLabel), matchLabels[controllerUidLabel] ?? '', `must be '${uid}'`));
    }
  }
  return causes;
}

function validateUpdate(job: KubeObject, old: KubeObject): StatusCause[] {
  const spec = asObject(job.spec) ?? {};
  const was = asObject(old.spec) ?? {};
  const causes: StatusCause[] = [];
  if (!deepEqual(spec.selector, was.selector)) causes.push(immutable('spec.selector', spec.selector ?? null));
  // As upstream: the pod template may change only while the job is suspended.
  if (was.suspend !== true && !deepEqual(spec.template, was.template)) causes.push(immutable('spec.template', spec.template ?? null));
  if (spec.completionMode !== was.completionMode) causes.push(immutable('spec.completionMode', spec.completionMode ?? null));
  if (spec.completionMode !== 'Indexed' && spec.completions !== was.completions) {
    causes.push(immutable('spec.completions', spec.completions ?? null));
  }
  return causes;
}

export const jobStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  defaults,
  validate,
  validateUpdate,
  fieldLabels: (obj) => ({ 'status.successful': String(asObject(obj.status)?.succeeded ?? 0) }),
});
