import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { RECEIVER_ROLES } from '../domain';

const nullableTime: SchemaObject = { type: 'string', format: 'date-time', nullable: true };

const RECEIVER: SchemaObject = {
  type: 'object',
  required: ['name', 'role'],
  properties: {
    name: { type: 'string', description: 'as in the routing rules' },
    role: { type: 'string', enum: [...RECEIVER_ROLES], nullable: true, description: 'who it is; null when no longer in the rules' },
    partner: { type: 'string', description: "a partner duty officer's partner" },
  },
};

const ESCALATION: SchemaObject = {
  type: 'object',
  nullable: true,
  description: 'Where the alert’s escalation stands; null when its route has none. Level 0 is the route’s receiver, level n the policy’s step n.',
  properties: {
    policy: { type: 'string' },
    phase: { type: 'string', enum: ['escalating', 'acknowledged', 'in-progress', 'resolved', 'exhausted'] },
    level: { type: 'integer', description: 'the level last told' },
    round: { type: 'integer', description: '0 the first time through the levels, then one per repeat' },
    nextAt: { ...nullableTime, description: 'escalating: when the next level is told; acknowledged: when it escalates again unless work starts' },
    acknowledgedBy: { type: 'string', nullable: true },
    told: { type: 'array', nullable: true, items: RECEIVER, description: 'the receivers of the level last told (only those the reader may see); null when the policy is no longer in the rules' },
    toldAt: { ...nullableTime, description: 'when that level was first told, from the deliveries the reader may see' },
    next: {
      type: 'object',
      nullable: true,
      description: 'who is told at nextAt unless someone acknowledges (or, acknowledged, unless work starts); null when nothing waits',
      properties: { level: { type: 'integer' }, round: { type: 'integer' }, receivers: { type: 'array', items: RECEIVER } },
    },
  },
};

/** GET /api/notify/alerts/:fingerprint's answer, for the OpenAPI document (deliveries in brief). */
export const ALERT_NOTIFICATIONS_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    fingerprint: { type: 'string' },
    reference: { type: 'string' },
    summary: { type: 'string' },
    status: { type: 'string', enum: ['firing', 'resolved'] },
    handling: { type: 'string', enum: ['unacknowledged', 'acknowledged', 'in-progress', 'done'] },
    mayAcknowledge: { type: 'boolean', description: 'whether the reader may acknowledge it (POST …/acknowledge), so a console offers only what is allowed' },
    escalation: ESCALATION,
    acknowledgements: {
      type: 'array',
      items: { type: 'object', properties: { by: { type: 'string' }, at: { type: 'string', format: 'date-time' }, via: { type: 'string', enum: ['console', 'link'] }, outcome: { type: 'string' } } },
    },
    deliveries: { type: 'array', description: 'every delivery and its attempts, oldest first (a partner or the contractor: only to its own receivers)', items: { type: 'object' } },
  },
};
