import { createHash } from 'node:crypto';
import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Headers,
  HttpCode,
  Inject,
  Ip,
  Param,
  PayloadTooLargeException,
  Post,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { bearerToken, gatewaySecretMatches } from '@vigil/auth';
import { DeadLetterer, EventPublisher } from '@vigil/bus';
import { GATEWAY_INTAKE_LIMIT_BYTES, oversizeBodyBytes } from '@vigil/config';
import { normaliseAirwave } from '../airwave/normalise-airwave';
import { INGEST_OPTIONS, IngestOptions } from '../ingest.options';
import { ApiGatewayIntake } from './gateway-intake-openapi';
import { normaliseTownlink } from '../townlink/normalise-townlink';

const NORMALISERS = { airwave: normaliseAirwave, townlink: normaliseTownlink } as const;

/** What the intake answers a gateway that sent a valid message. */
export interface IntakeReceipt {
  accepted: true;
  /** True when the same message id was already taken: it will not make a second call. */
  duplicate: boolean;
}

/**
 * For gateways that cannot speak NATS: the same payloads by HTTP POST, authenticated per
 * gateway. A valid message joins the gateway stream exactly as if published there (same
 * subject, same de-duplication id); an invalid one is answered 400 with the reason and kept, one
 * naming another gateway 403, and one over 64 KiB 413 with its first 64 KiB kept.
 */
@ApiTags('gateways')
@Controller('api/gateways')
export class GatewayIntakeController {
  constructor(
    @Inject(INGEST_OPTIONS) private readonly options: IngestOptions,
    private readonly publisher: EventPublisher,
    private readonly deadLetterer: DeadLetterer,
  ) {}

  @Post(':family/:gatewayId/:kind')
  @HttpCode(202)
  @ApiGatewayIntake()
  async intake(
    @Param('family') family: string,
    @Param('gatewayId') gatewayId: string,
    @Param('kind') kind: string,
    @Headers('authorization') authorization: string | undefined,
    @Req() request: Request,
    @Ip() ip: string,
  ): Promise<IntakeReceipt> {
    if (!gatewaySecretMatches(this.options.gatewaySecrets, gatewayId, bearerToken(authorization))) {
      throw new UnauthorizedException(`gateway "${gatewayId}" must send its own secret: Authorization: Bearer <secret>`);
    }
    const normalise = NORMALISERS[family as keyof typeof NORMALISERS];
    if (!normalise || !/^[A-Za-z0-9_-]+$/.test(kind)) throw new BadRequestException(`unknown gateway family "${family}" (airwave or townlink)`);
    const body: Buffer = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const origin = `http:${ip} ${family}/${gatewayId}/${kind}`;
    const oversize = oversizeBodyBytes(request);
    if (oversize !== undefined) {
      const reason = `body of ${oversize} bytes is over the ${GATEWAY_INTAKE_LIMIT_BYTES / 1024} KiB limit (first ${body.byteLength} bytes kept)`;
      await this.keep(body, origin, reason, gatewayId);
      throw new PayloadTooLargeException(reason);
    }

    // The secret proves the gateway: the normaliser refuses a payload naming another one.
    const result = normalise(kind, gatewayId, body, new Date());
    if (result.kind === 'rejected') await this.refuse(body, origin, result, gatewayId);
    const payload = JSON.parse(body.toString('utf8')) as { messageId?: string; sentAt?: string };
    const msgId = payload.messageId ? `${gatewayId}:${payload.messageId}` : `${gatewayId}:heartbeat:${payload.sentAt}`;
    const receipt = await this.publisher.publishRaw(`gw.${family}.${gatewayId}.${kind}`, body, msgId);
    return { accepted: true, duplicate: receipt.duplicate };
  }

  private async refuse(body: Buffer, origin: string, { reason, impersonation }: { reason: string; impersonation?: true }, gatewayId: string): Promise<never> {
    await this.keep(body, origin, reason, gatewayId);
    throw impersonation ? new ForbiddenException(reason) : new BadRequestException(reason);
  }

  // The reason is part of the id: two oversize bodies may share their kept prefix, never their size.
  private async keep(body: Buffer, origin: string, reason: string, gatewayId: string): Promise<void> {
    await this.deadLetterer.keep({
      id: `intake:${gatewayId}:${createHash('sha256').update(reason).update(body).digest('hex').slice(0, 24)}`,
      rejectedBy: 'ingest-http-intake',
      origin,
      reason,
      raw: body,
      deliveryAttempts: 1,
    });
  }
}
