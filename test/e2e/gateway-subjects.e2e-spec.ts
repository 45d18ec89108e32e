import { SUBJECTS } from '@vigil/contracts';
import { createTestEnvironment, eventually, RunningVigil, sql, startEmbeddedVigil, TestAirwaveGateway, TestEnvironment } from '@vigil/testing';

// What ingest makes of whatever lands on `gw.>`: the subject names the sender, and nothing is left unread.
describe('gateway subjects', () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  let nats: TestAirwaveGateway;

  beforeAll(async () => {
    env = await createTestEnvironment('gwsubjects');
    vigil = await startEmbeddedVigil(env.platform, env.ingest);
    // One connection publishes on every subject: NATS permissions, not this test, keep real gateways to their own.
    nats = await TestAirwaveGateway.connect(env.natsUrl, env.namespace, 'gw-any');
  });

  afterAll(async () => {
    await nats?.close();
    await vigil?.close();
    await env?.dispose();
  });

  const deadLetters = (originLike: string) =>
    sql<{ rejected_by: string; origin: string; reason: string }>(env.databaseUrl, `SELECT rejected_by, origin, reason FROM ingest.dead_letter WHERE origin LIKE $1`, [originLike]);
  const incidentsWith = (summaryLike: string) =>
    sql<{ summary: string; call_source: string }>(env.databaseUrl, `SELECT summary, call_source FROM triage.incident WHERE summary LIKE $1`, [summaryLike]);

  describe('a gateway cannot speak for another', () => {
    it('refuses an Airwave decoy naming another gateway, and takes the genuine message with the same id', async () => {
      const sds = { messageId: '7001', occurredAt: new Date().toISOString(), callingIssi: 2260101 };
      await nats.publishRaw(SUBJECTS.airwave.sds('gw-evil'), JSON.stringify({ ...sds, gatewayId: 'gw-herts-2', text: 'Decoy: all quiet in Hitchin' }), 'gw-evil:7001');
      await nats.publishRaw(SUBJECTS.airwave.sds('gw-herts-2'), JSON.stringify({ ...sds, gatewayId: 'gw-herts-2', text: 'Genuine: fight outside Hitchin station' }), 'gw-herts-2:7001');

      await eventually(async () => expect(await incidentsWith('%Hitchin%')).toEqual([{ summary: 'Genuine: fight outside Hitchin station', call_source: 'Police Airwaves' }]));
      await eventually(async () =>
        expect(await deadLetters('nats:gw.airwave.gw-evil.%')).toEqual([
          {
            rejected_by: 'ingest-gateways',
            origin: 'nats:gw.airwave.gw-evil.sds',
            reason: 'payload names gateway "gw-herts-2" but came from gateway "gw-evil": a gateway speaks only for itself',
          },
        ]),
      );
    });

    it('refuses a Town Link decoy naming another gateway, and takes the genuine message with the same id', async () => {
      const call = { messageId: '7001', occurredAt: new Date().toISOString(), scheme: 'Town Link', memberId: 'TL-1', business: 'Boots', town: 'Royston' };
      await nats.publishRaw(SUBJECTS.townlink.memberCall('tl-evil'), JSON.stringify({ ...call, gatewayId: 'tl-royston', text: 'Decoy: false alarm' }), 'tl-evil:7001');
      await nats.publishRaw(SUBJECTS.townlink.memberCall('tl-royston'), JSON.stringify({ ...call, gatewayId: 'tl-royston', text: 'Genuine: shoplifter heading to the car park' }), 'tl-royston:7001');

      await eventually(async () =>
        expect(await incidentsWith('Town Link Boots%')).toEqual([{ summary: 'Town Link Boots (member TL-1): Genuine: shoplifter heading to the car park', call_source: 'Town Link' }]),
      );
      await eventually(async () =>
        expect(await deadLetters('nats:gw.townlink.tl-evil.%')).toEqual([
          {
            rejected_by: 'ingest-gateways',
            origin: 'nats:gw.townlink.tl-evil.member-call',
            reason: 'payload names gateway "tl-royston" but came from gateway "tl-evil": a gateway speaks only for itself',
          },
        ]),
      );
    });
  });

  it('dead-letters a message on an unknown family or kind with a reason naming its subject', async () => {
    await nats.publishRaw('gw.other.x.y', '{}');
    await nats.publishRaw('gw.airwave.gw1.weird', '{}');
    await nats.publishRaw('gw.townlink.tl1.sds', '{}');
    await nats.publishRaw('gw.airwave.gw1', '{}');

    await eventually(async () => {
      const rows = await sql<{ origin: string; reason: string }>(
        env.databaseUrl,
        `SELECT origin, reason FROM ingest.dead_letter WHERE origin IN ('nats:gw.other.x.y', 'nats:gw.airwave.gw1.weird', 'nats:gw.townlink.tl1.sds', 'nats:gw.airwave.gw1') ORDER BY origin`,
      );
      expect(rows).toEqual([
        { origin: 'nats:gw.airwave.gw1', reason: 'not a gateway subject: "gw.airwave.gw1" (expected gw.<family>.<gatewayId>.<kind>)' },
        { origin: 'nats:gw.airwave.gw1.weird', reason: 'unknown airwave message kind "weird" on "gw.airwave.gw1.weird" (expected sds, status, call, heartbeat)' },
        { origin: 'nats:gw.other.x.y', reason: 'unknown gateway family "other" on "gw.other.x.y" (expected airwave or townlink)' },
        { origin: 'nats:gw.townlink.tl1.sds', reason: 'unknown townlink message kind "sds" on "gw.townlink.tl1.sds" (expected member-call, panic, radio-state, heartbeat)' },
      ]);
    });
  });
});
