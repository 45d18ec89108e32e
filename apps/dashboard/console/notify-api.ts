import { ApiClient } from './api-client';
import { acknowledgeState, AcknowledgeState } from './notification-list';
import type { AlertNotifications, FieldError, NewSilence, RoutingConfig, RoutingView, Silence } from './notify-types';

/** What a notify change came to: done, refused with the server's words (and each field's error), or stale (routing: with the newest version). */
export type NotifyResult<T> =
  | { kind: 'done'; answer: T }
  | { kind: 'stale'; message: string; current: RoutingView | null }
  | { kind: 'failed'; status: number; message: string; errors: FieldError[] };

/** Notify's REST calls, through the dashboard's forwarder at /api/notify. */
export class NotifyApi extends ApiClient {
  /** What was sent about an incident; null when notify has heard nothing of it. */
  incidentNotifications(incidentId: string): Promise<AlertNotifications | null> {
    return this.getJsonOrNone<AlertNotifications>(`/api/notify/alerts/${encodeURIComponent(`incident:${incidentId}`)}`);
  }

  async acknowledge(fingerprint: string): Promise<NotifyResult<unknown>> {
    return outcome(await this.postJson(`/api/notify/alerts/${encodeURIComponent(fingerprint)}/acknowledge`, {}));
  }

  /** The tray's acknowledgement: says the signed-in person has the alert (stops its escalation); never throws for a refusal or a failure. */
  async acknowledgeFromTray(fingerprint: string): Promise<AcknowledgeState> {
    return acknowledgeState(await this.postJson(`/api/notify/alerts/${encodeURIComponent(fingerprint)}/acknowledge`, {}));
  }

  silences(): Promise<Silence[]> {
    return this.getJson<Silence[]>('/api/notify/silences?state=all');
  }

  async createSilence(silence: NewSilence): Promise<NotifyResult<Silence>> {
    return outcome(await this.postJson('/api/notify/silences', silence));
  }

  async expireSilence(id: string): Promise<NotifyResult<Silence>> {
    return outcome(await this.postJson(`/api/notify/silences/${encodeURIComponent(id)}/expire`, {}));
  }

  routing(): Promise<RoutingView> {
    return this.getJson<RoutingView>('/api/notify/routing');
  }

  routingHistory(): Promise<RoutingView[]> {
    return this.getJson<RoutingView[]>('/api/notify/routing/history');
  }

  async changeRouting(config: RoutingConfig, expectedVersion: number, comment: string): Promise<NotifyResult<RoutingView>> {
    return outcome(await this.putJson('/api/notify/routing', { config, expectedVersion, comment }));
  }
}

function outcome<T>(result: Awaited<ReturnType<ApiClient['postJson']>>): NotifyResult<T> {
  if (result.kind === 'done') return { kind: 'done', answer: result.answer as T };
  if (result.kind === 'conflict') {
    const answer = result.answer as { message?: unknown; current?: RoutingView } | null;
    return { kind: 'stale', message: String(answer?.message ?? 'changed meanwhile'), current: answer?.current ?? null };
  }
  const errors = (result.answer as { errors?: unknown } | null | undefined)?.errors;
  return { kind: 'failed', status: result.status, message: result.message, errors: Array.isArray(errors) ? (errors as FieldError[]) : [] };
}
