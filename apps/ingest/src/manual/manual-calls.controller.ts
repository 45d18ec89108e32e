import { randomUUID } from 'node:crypto';
import { BadRequestException, Body, Controller, ForbiddenException, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AuthenticatedRequest, AuthGuard } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { ZodBodyPipe } from '@vigil/config';
import { ManualCall, manualCallSchema } from '@vigil/contracts';
import { manualCallToCall } from './manual-call-to-call';

/** What an operator gets back: the key the call is known by. */
export interface ManualCallReceipt {
  callKey: string;
  receivedAt: string;
  /** True when this entry (same client reference) was already taken. */
  duplicate: boolean;
}

/** Police Control telephone calls and Controller pro-active sightings, entered by control-room operators. */
@ApiTags('calls')
@ApiBearerAuth()
@Controller('api/calls')
@UseGuards(AuthGuard)
export class ManualCallsController {
  constructor(private readonly publisher: EventPublisher) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Enter a Police Control call or a Controller sighting', description: 'Who entered it is taken from the token. Send a clientReference to make a retried submission safe.' })
  @ApiBody({ schema: z.toJSONSchema(manualCallSchema, { io: 'input' }) as object })
  @ApiResponse({ status: 201, description: 'Taken; triage opens the incident' })
  @ApiResponse({ status: 400, description: 'Invalid entry; the message says what to fix' })
  @ApiResponse({ status: 403, description: 'Only control-room operators enter calls' })
  async enter(
    @Req() request: AuthenticatedRequest,
    @Body(new ZodBodyPipe(manualCallSchema, 'call')) input: ManualCall,
  ): Promise<ManualCallReceipt> {
    if (request.principal.role !== 'operator') throw new ForbiddenException('only control-room operators enter calls');
    const result = manualCallToCall(input, request.principal.subject, randomUUID(), new Date());
    if (!result.ok) throw new BadRequestException(`invalid call: ${result.reason}`);
    const receipt = await this.publisher.publish('callReceived', result.call, { id: `call:${result.call.callKey}` });
    return { callKey: result.call.callKey, receivedAt: result.call.receivedAt, duplicate: receipt.duplicate };
  }
}
