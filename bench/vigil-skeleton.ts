import { connect } from 'nats';
import { io } from 'socket.io-client';
import { BusNamespace } from '@vigil/bus';
import { IncidentPush, SOCKET_EVENTS, SUBJECTS } from '@vigil/contracts';
import { ArrivalWatch, runPhases } from './phases';
import { StartedVigil } from './start-vigil';
import { callsPerRun, PhaseResult, Workload } from './workload';

/**
 * Vigil as `npm start` runs it, in its own process: this process publishes as the Airwave gateway
 * and measures until a police dashboard socket receives each incident. Run first on a fresh
 * Vigil, so its peak memory counts from start-up as it always has.
 */
export async function runVigilSkeleton(vigil: StartedVigil, natsUrl: string, namespace: string, workload: Workload): Promise<PhaseResult> {
  const socket = io(vigil.baseUrl, { auth: { token: vigil.policeToken }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });

  const nc = await connect({ servers: natsUrl, name: 'bench-gateway' });
  const js = nc.jetstream();
  const subject = new BusNamespace(namespace).subject(SUBJECTS.airwave.sds('bench-gw'));
  const watch = new ArrivalWatch();
  socket.on(SOCKET_EVENTS.incidentOpened, (incident: IncidentPush) => {
    const messageId = /^\[([^\]]+)\]/.exec(incident.summary)?.[1];
    if (messageId) watch.arrived(messageId);
  });

  const cpuBefore = vigil.cpuMs();
  const result = await runPhases(workload, watch, async (label, i) => {
    const payload = workload.payload(`${label}-${i}`);
    watch.expect(payload.messageId);
    await js.publish(subject, JSON.stringify(payload), { msgID: `bench-gw:${payload.messageId}` });
  });
  const rss = vigil.peakRssMiB();
  const cpuMsPerCall = (vigil.cpuMs() - cpuBefore) / callsPerRun(workload);
  socket.disconnect();
  await nc.drain();
  return { ...result, peakRssMiB: rss, cpuMsPerCall };
}
