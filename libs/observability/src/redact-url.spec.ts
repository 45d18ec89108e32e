import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it.each([
    ['nats://vigil-services:s3cret@nats:4222', 'nats://***@nats:4222'],
    ['postgres://vigil:s3cret@postgres:5432/vigil?sslmode=require', 'postgres://***@postgres:5432/vigil?sslmode=require'],
    ['postgres://postgres@127.0.0.1:5432/vigil', 'postgres://***@127.0.0.1:5432/vigil'],
    ['nats://s3cret-token@127.0.0.1:4222', 'nats://***@127.0.0.1:4222'],
    ['postgres://vigil:p@ss@w0rd@db:5432/vigil', 'postgres://***@db:5432/vigil'],
    ['nats://a:s3cret@h1:4222, nats://b:s3cret@h2:4222', 'nats://***@h1:4222, nats://***@h2:4222'],
    ['vigil:s3cret@nats:4222', '***@nats:4222'],
    ['nats://127.0.0.1:4222', 'nats://127.0.0.1:4222'],
    ['postgres://127.0.0.1:5432/vigil?application_name=a@b', 'postgres://127.0.0.1:5432/vigil?application_name=a@b'],
    ['', ''],
  ])('%s → %s', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });
});
