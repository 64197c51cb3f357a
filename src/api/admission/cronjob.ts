/** cronjobs.batch: defaults as batch/v1 SetDefaults_CronJob, checks as ValidateCronJobCreate/Update. */
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { asObject, ensureObject, setDefault, type Json } from './json-access.ts';
import { child, invalid, nonNegative, notSupported, required } from './field-errors.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { scheduleError } from './cron-schedule.ts';
import { validateJobSpecFields } from './job.ts';
import { validateAnnotations, validateLabels } from './object-meta.ts';
import { defineStrategy } from './strategy.ts';

const concurrencyPolicies = ['Allow', 'Forbid', 'Replace'] as const;
/** Job names get an 11-character suffix and must stay DNS-1035 labels: 63 - 11 = 52. */
const maxCronJobNameLength = 52;

function defaults(obj: Json): void {
  const spec = ensureObject(obj, 'spec');
  setDefault(spec, 'concurrencyPolicy', 'Allow');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'successfulJobsHistoryLimit', 3);
  setDefault(spec, 'failedJobsHistoryLimit', 1);
  const jobSpec = asObject(asObject(spec.jobTemplate)?.spec);
  if (jobSpec) defaultPodTemplate(jobSpec.template);
}

function isKnownTimeZone(zone: string): boolean {
  if (zone === 'Local' || /\s/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function validateSpec(spec: Json, allowTzInSchedule: boolean): StatusCause[] {
  const causes: StatusCause[] = [];
  const schedule = spec.schedule;
  if (typeof schedule !== 'string' || schedule === '') causes.push(required('spec.schedule'));
  else {
    const error = scheduleError(schedule);
    if (error) causes.push(invalid('spec.schedule', schedule, error));
    if (schedule.includes('TZ')) {
      if (!allowTzInSchedule) causes.push(invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
      else if (spec.timeZone != null) causes.push(invalid('spec.schedule', schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    }
  }
  if (typeof spec.timeZone === 'string' && !isKnownTimeZone(spec.timeZone)) {
    causes.push(invalid('spec.timeZone', spec.timeZone, `unknown time zone ${spec.timeZone}`));
  }
  if (!(concurrencyPolicies as readonly string[]).includes(spec.concurrencyPolicy as string)) {
    causes.push(notSupported('spec.concurrencyPolicy', spec.concurrencyPolicy ?? '', concurrencyPolicies));
  }
  causes.push(...nonNegative('spec.startingDeadlineSeconds', spec.startingDeadlineSeconds));
  causes.push(...nonNegative('spec.successfulJobsHistoryLimit', spec.successfulJobsHistoryLimit));
  causes.push(...nonNegative('spec.failedJobsHistoryLimit', spec.failedJobsHistoryLimit));

  const template = asObject(spec.jobTemplate);
  if (!template) return [...causes, required('spec.jobTemplate')];
  const meta = asObject(template.metadata) ?? {};
  causes.push(...validateLabels(meta.labels, 'spec.jobTemplate.metadata.labels'));
  causes.push(...validateAnnotations(meta.annotations, 'spec.jobTemplate.metadata.annotations'));
  const jobSpec = asObject(template.spec) ?? {};
  if (jobSpec.manualSelector === true) {
    causes.push(invalid('spec.jobTemplate.spec.manualSelector', true, 'supported values: "nil", "false"'));
  }
  if (jobSpec.selector != null) {
    causes.push(invalid('spec.jobTemplate.spec.selector', jobSpec.selector, '`selector` will be auto-generated'));
  }
  causes.push(...validateJobSpecFields(jobSpec, child('spec', 'jobTemplate', 'spec')));
  return causes;
}

function nameLength(obj: KubeObject): StatusCause[] {
  const name = obj.metadata.name ?? '';
  return name.length > maxCronJobNameLength
    ? [invalid('metadata.name', name, `must be no more than ${maxCronJobNameLength} characters`)]
    : [];
}

export const cronJobStrategy = defineStrategy({
  meta: { namespaced: true, nameRule: 'dns1123Subdomain' },
  defaults: (obj) => defaults(obj as Json),
  validate(obj, old) {
    const spec = asObject(obj.spec) ?? {};
    if (!old) return [...nameLength(obj), ...validateSpec(spec, false)];
    // As upstream's AllowTZInSchedule: a TZ= prefix already stored may stay on update.
    const oldSchedule = String(asObject(old.spec)?.schedule ?? '');
    return validateSpec(spec, oldSchedule.includes('TZ'));
  },
});
