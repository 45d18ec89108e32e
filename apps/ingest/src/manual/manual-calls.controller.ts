import { randomUUID } from 'node:crypto';
import { BadRequestException, Body, Controller, ForbiddenException, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedRequest, AuthGuard } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { ApiSessionToken, ZodBodyPipe } from '@vigil/config';
import { ManualCall, manualCallSchema } from '@vigil/contracts';
import { manualCallToCall } from './manual-call-to-call';
import { ApiEnterManualCall } from './manual-calls-openapi';

/** What an operator gets back: the key the call is known by. */
export interface ManualCallReceipt {
  callKey: string;
  receivedAt: string;
  /** True when this entry (same client reference) was already taken. */
  duplicate: boolean;
}

/** Police Control telephone calls and Controller pro-active sightings, entered by control-room operators. */
@ApiTags('calls')
@ApiSessionToken()
@Controller('api/calls')
@UseGuards(AuthGuard)
export class ManualCallsController {
  constructor(private readonly publisher: EventPublisher) {}

  @Post()
  @HttpCode(201)
  @ApiEnterManualCall()
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
