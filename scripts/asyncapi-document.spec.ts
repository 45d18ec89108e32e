import { readFileSync } from 'fs';
import { resolve } from 'path';
import { CAMERA_HEALTH_SIGNALS, EVENTS, SOCKET_EVENTS, SUBJECTS } from '@vigil/contracts';
import { CONSUMERS } from '@vigil/bus';
import { addressPattern, asyncApiDocument, asyncApiYaml, ASYNCAPI_HEADER, overlaps } from './asyncapi-document';
import { load } from 'js-yaml';
import { Parser } from '@asyncapi/parser';

type Doc = {
  asyncapi: string;
  info: { title: string; version: string; description: string };
  servers: Record<string, { host: string; protocol: string }>;
  channels: Record<string, { address: string; parameters: Record<string, unknown>; messages: Record<string, { $ref: string }> }>;
  operations: Record<string, { action: 'send' | 'receive'; channel: { $ref: string }; messages: { $ref: string }[]; 'x-vigil-consumer'?: { durable: string | null } }>;
  components: { messages: Record<string, { payload: { properties: Record<string, unknown> }; examples: unknown[] }>; parameters: Record<string, unknown> };
};

const REGENERATE = 'run: npm run build && node dist/scripts/write-asyncapi.js';

describe('docs/asyncapi.yaml', () => {
  const document = asyncApiDocument() as Doc;

  it('is what the generator produces from the current contracts', () => {
    const committed = readFileSync(resolve(__dirname, '..', 'docs', 'asyncapi.yaml'), 'utf8');
    const generated = asyncApiYaml(document);
    if (committed !== generated) {
      const committedLines = committed.split('\n');
      const line = generated.split('\n').findIndex((text, i) => text !== committedLines[i]);
      throw new Error(
        `docs/asyncapi.yaml is out of date with libs/contracts (first difference at line ${line + 1}); ${REGENERATE}\n` +
          `  committed: ${committedLines[line] ?? '(end of file)'}\n  generated: ${generated.split('\n')[line] ?? '(end of file)'}`,
      );
    }
    expect(committed.split('\n')[0]).toBe(ASYNCAPI_HEADER);
  });

  it('is valid AsyncAPI to the AsyncAPI parser: no errors, whatever its warnings', async () => {
    const committed = readFileSync(resolve(__dirname, '..', 'docs', 'asyncapi.yaml'), 'utf8');
    const diagnostics = await new Parser().validate(committed);
    // Severity 0 is an error; warnings (e.g. "a newer AsyncAPI version exists") do not make the document invalid.
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
  });

  it('reads back, with an independent YAML parser, as the document it was written from', () => {
    const committed = readFileSync(resolve(__dirname, '..', 'docs', 'asyncapi.yaml'), 'utf8');
    expect(load(committed)).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('is AsyncAPI 3.0 for Vigil at the package version, with the local NATS server', () => {
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    expect(document.asyncapi).toBe('3.0.0');
    expect(document.info).toMatchObject({ title: 'Vigil', version: pkg.version });
    expect(document.info.description).toMatch(/Nats-Msg-Id: <gatewayId>:<messageId>/);
    expect(document.info.description).toMatch(/CloudEvents 1\.0/);
    expect(document.info.description).toMatch(/namespace/);
    expect(document.servers.local).toEqual(expect.objectContaining({ host: '127.0.0.1:4222', protocol: 'nats' }));
  });

  it.each(Object.values(SOCKET_EVENTS))('describes the socket.io event %s on the dashboard server, with one operation', (event) => {
    const [id, channel] = Object.entries(document.channels).find(([, c]) => c.address === event) ?? [];
    expect(channel).toMatchObject({ servers: [{ $ref: '#/servers/dashboard' }] });
    expect(Object.values(document.operations).filter((o) => o.channel.$ref === `#/channels/${id}`)).toHaveLength(1);
  });

  it("documents that the police's ticket view has no engineer's report field required, and the audience", () => {
    const payload = document.components.messages.socketTicketChanged.payload as { required: string[]; properties: Record<string, unknown> };
    expect(payload.required).not.toContain('engineerReport');
    expect(payload.properties).toHaveProperty('audience');
  });

  const gatewayKinds = Object.entries(SUBJECTS).flatMap(([family, subjects]) =>
    typeof subjects === 'object' && 'all' in subjects && subjects.all.startsWith('gw.')
      ? Object.entries(subjects as unknown as Record<string, string | ((gatewayId: string) => string)>)
          .filter((entry): entry is [string, (gatewayId: string) => string] => entry[0] !== 'all')
          .map(([kind, subject]) => ({ family, kind, address: subject('{gatewayId}') }))
      : [],
  );

  it('knows the gateway kinds of today', () => {
    expect(gatewayKinds.map((k) => k.address)).toEqual(
      expect.arrayContaining(['gw.airwave.{gatewayId}.sds', 'gw.airwave.{gatewayId}.status', 'gw.townlink.{gatewayId}.panic']),
    );
  });

  it.each(gatewayKinds)('has a channel, a send operation and a checked example for gateway subject $address', ({ address }) => {
    const [id, channel] = Object.entries(document.channels).find(([, c]) => c.address === address) ?? [];
    expect(channel).toBeDefined();
    expect(channel!.parameters).toHaveProperty('gatewayId');
    const message = document.components.messages[id!];
    expect(message.examples).toHaveLength(1);
    // Raw gateway JSON, not a CloudEvents envelope.
    expect(message.payload.properties).toHaveProperty('gatewayId');
    expect(message.payload.properties).not.toHaveProperty('specversion');
    const sends = Object.values(document.operations).filter((o) => o.action === 'send' && o.channel.$ref === `#/channels/${id}`);
    expect(sends).toHaveLength(1);
  });

  it.each(Object.entries(EVENTS).map(([name, event]) => ({ name, type: event.type })))(
    'has a channel and an envelope message for event $name ($type)',
    ({ name, type }) => {
      const channel = document.channels[name];
      expect(channel).toBeDefined();
      expect(channel.messages[name].$ref).toBe(`#/components/messages/${name}`);
      const envelope = document.components.messages[name].payload.properties;
      expect(envelope).toHaveProperty('specversion');
      expect(envelope.type).toEqual(expect.objectContaining({ const: type }));
      expect(envelope.data).toEqual(expect.objectContaining({ type: 'object' }));
      expect(Object.values(document.operations).some((o) => o.action === 'send' && o.channel.$ref === `#/channels/${name}`)).toBe(true);
    },
  );

  it.each(CAMERA_HEALTH_SIGNALS.map((signal) => ({ signal, address: SUBJECTS.vms.cameraHealth('{vmsId}', '{cameraId}', signal) })))(
    'has a channel on the CAMERA_HEALTH stream, a send operation and a checked example for VMS signal $signal',
    ({ address }) => {
      const [id, channel] = Object.entries(document.channels).find(([, c]) => c.address === address) ?? [];
      expect(channel).toBeDefined();
      expect(Object.keys(channel!.parameters)).toEqual(['vmsId', 'cameraId']);
      expect((channel as unknown as { 'x-vigil-stream': { name: string } })['x-vigil-stream'].name).toBe('CAMERA_HEALTH');
      const message = document.components.messages[id!];
      expect(message.payload.properties).toHaveProperty('cameraId');
      expect(message.payload.properties).not.toHaveProperty('specversion');
      expect(Object.values(document.operations).filter((o) => o.action === 'send' && o.channel.$ref === `#/channels/${id}`)).toHaveLength(1);
    },
  );

  it('has a receive operation for every durable consumer, named after it', () => {
    const durables = Object.values(document.operations)
      .filter((o) => o.action === 'receive')
      .map((o) => o['x-vigil-consumer']?.durable);
    for (const consumer of Object.values(CONSUMERS)) expect(durables).toContain(consumer.durable);
  });

  it('points every $ref at something that exists', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const path = ref.slice('"$ref":"#/'.length, -1).split('/');
      const target = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect({ ref, found: target !== undefined }).toEqual({ ref, found: true });
    }
  });
});

describe('subject patterns', () => {
  it.each([
    ['gw.airwave.>', 'gw.airwave.{gatewayId}.sds', true],
    ['gw.airwave.>', 'gw.townlink.{gatewayId}.panic', false],
    ['call.>', 'call.{source}.received', true],
    ['incident.north-herts.>', 'incident.{partnerId}.opened', true],
    ['incident.*.closed', 'incident.{partnerId}.opened', false],
    ['dlq.>', 'dlq.{rejectedBy}', true],
    ['dlq.ingest.*', 'dlq.{rejectedBy}', true],
    ['fault.>', 'dlq.{rejectedBy}', false],
    ['fault.>', 'source.{partnerId}.{state}', false],
    ['source.>', 'source.{partnerId}.{state}', true],
    ['vms.>', 'vms.{vmsId}.camera.{cameraId}.heartbeat', true],
    ['fault.>', 'vms.{vmsId}.camera.{cameraId}.heartbeat', false],
    ['camera.>', 'camera.{owner}.{change}', true],
    ['fault.clients.>', 'fault.{owner}.opened', true],
  ])('filter %s overlaps %s: %s', (filter, address, expected) => {
    expect(overlaps(filter, address)).toBe(expected);
  });

  it('lets a multi-token parameter span dots and a plain one not', () => {
    expect(addressPattern('dlq.{rejectedBy}', { rejectedBy: { description: '', multiToken: true } }).test('dlq.ingest.airwave')).toBe(true);
    expect(addressPattern('incident.{partnerId}.opened').test('incident.north.herts.opened')).toBe(false);
    expect(addressPattern('incident.{partnerId}.opened').test('incident.north-herts.opened')).toBe(true);
  });
});
