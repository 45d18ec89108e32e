import { z } from 'zod';
import { acknowledgeTicketSchema, engineerOnSiteSchema, fixTicketSchema, reopenTicketSchema, verifyTicketSchema } from '@vigil/contracts';
import { TicketCommand } from '../../domain/ticket-state-machine';

/** Each ticket command's body schema, as the routes validate it. */
export const TICKET_COMMAND_SCHEMAS = {
  acknowledge: acknowledgeTicketSchema,
  'on-site': engineerOnSiteSchema,
  fixed: fixTicketSchema,
  verify: verifyTicketSchema,
  reopen: reopenTicketSchema,
} as const satisfies Record<TicketCommand, z.ZodType>;

/** A command with its validated body. */
export type TicketCommandWithBody = { [N in TicketCommand]: { name: N; body: z.infer<(typeof TICKET_COMMAND_SCHEMAS)[N]> } }[TicketCommand];
