import { EventRecorder } from '../../client/index.ts';
import type { ControllerContext } from '../framework/index.ts';
import { withSpamFilter, type EventSink } from './event-spam-filter.ts';

/**
 * The events of one controller as upstream's controllers record them: their own source
 * component (`kubectl describe` shows it under From: `replicaset-controller`,
 * `deployment-controller`) and client-go's per-object spam filter in front.
 */
export function controllerEvents(ctx: ControllerContext, component: string): EventSink {
  return withSpamFilter(new EventRecorder({ transport: ctx.transport, component, now: () => ctx.now() }), ctx.clock);
}
