import { EventPublisher } from '@vigil/bus';
import { LoanChange, LoanChanged, LoanDeployment, WaitingChange, WaitingEntry, WaitingEntryChanged } from '@vigil/contracts';
import { OutboxEntry } from '@vigil/db';

/** Who made a change, what it was, and why. */
export interface ChangeAuthor<C> {
  change: C;
  changedBy: string;
  reason: string | null;
}

/** The `loanChanged` event of the deployment's version as it is now (personal details left out), behind the versions before it. */
export function loanChangedEvent(publisher: EventPublisher, loan: LoanDeployment, author: ChangeAuthor<LoanChange>, now: Date): OutboxEntry {
  const { customerName: _name, address: _address, need: _need, ...shared } = loan;
  const data: LoanChanged = { ...shared, change: author.change, changedBy: author.changedBy, changeReason: author.reason };
  const envelope = publisher.envelope('loanChanged', data, { id: `loan-changed:${loan.deploymentId}:${loan.version}`, time: now });
  return { subject: publisher.subjectFor('loanChanged', data), envelope, aggregate: { id: `loan:${loan.deploymentId}`, version: loan.version } };
}

/** The `loanWaitingChanged` event of the entry's version as it is now (personal details and position left out). */
export function waitingChangedEvent(publisher: EventPublisher, entry: WaitingEntry, author: ChangeAuthor<WaitingChange>, now: Date): OutboxEntry {
  const { customerName: _name, address: _address, need: _need, position: _position, ...shared } = entry;
  const data: WaitingEntryChanged = { ...shared, change: author.change, changedBy: author.changedBy, changeReason: author.reason };
  const envelope = publisher.envelope('loanWaitingChanged', data, { id: `loan-waiting-changed:${entry.entryId}:${entry.version}`, time: now });
  return { subject: publisher.subjectFor('loanWaitingChanged', data), envelope, aggregate: { id: `loan-waiting:${entry.entryId}`, version: entry.version } };
}
