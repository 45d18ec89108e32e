import { HttpException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { HandlerOutcome, Outcome } from '../handler-outcome';
import { transientFaultOf } from '../transient-fault';

/**
 * What a handler's error means for its message: a dependency down waits (`unavailable`); an
 * `RpcException` (a guard's refusal) or a client error (a pipe's validation) can never succeed
 * (`reject`); anything else may succeed later (`retry`, dead-lettered once deliveries run out).
 * Never `done`: an error is never acknowledged.
 */
export function outcomeOfError(error: unknown): HandlerOutcome {
  const fault = transientFaultOf(error);
  if (fault) return Outcome.unavailable(fault.dependency, fault.reason);
  if (error instanceof RpcException) return Outcome.reject(`refused: ${messageOf(error.getError())}`);
  if (error instanceof HttpException && error.getStatus() < 500) return Outcome.reject(`invalid: ${messageOf(error.getResponse())}`);
  return Outcome.retry(`handler failed: ${messageOf(error)}`);
}

function messageOf(error: unknown): string {
  if (typeof error === 'string') return error;
  const message = (error as { message?: unknown } | null)?.message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return JSON.stringify(error) ?? String(error);
}
