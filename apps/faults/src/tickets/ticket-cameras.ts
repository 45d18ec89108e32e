import { EntityManager, In } from 'typeorm';
import { FaultEntity } from './fault.entity';

/** The cameras each ticket covers, in id order (a site outage's children). */
export async function camerasOfTickets(manager: EntityManager, ticketIds: readonly string[]): Promise<Map<string, string[]>> {
  const faults = ticketIds.length === 0 ? [] : await manager.find(FaultEntity, { where: { ticketId: In([...ticketIds]) }, order: { cameraId: 'ASC' } });
  const cameras = new Map<string, string[]>(ticketIds.map((id) => [id, []]));
  for (const fault of faults) {
    const list = cameras.get(fault.ticketId) as string[];
    if (!list.includes(fault.cameraId)) list.push(fault.cameraId);
  }
  return cameras;
}
