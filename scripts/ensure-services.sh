#!/usr/bin/env bash
# Makes sure the local Postgres and NATS (with JetStream) that Vigil and its tests need are up.
# Starts whichever is down, the way this machine's services are started, and waits for both.
set -euo pipefail

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q; }
nats_up() { (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null; }

if ! pg_up; then
  echo "Postgres is down at 127.0.0.1:5432; starting it"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
fi
if ! nats_up; then
  echo "NATS is down at 127.0.0.1:4222; starting it with JetStream"
  mkdir -p /var/lib/nats-server
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
    -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log
fi
for _ in $(seq 1 60); do
  if pg_up && nats_up; then echo "Postgres and NATS are up"; exit 0; fi
  sleep 0.5
done
pg_up || echo "Postgres did not come up at 127.0.0.1:5432" >&2
nats_up || echo "NATS did not come up at 127.0.0.1:4222 (see /var/log/nats-server.log)" >&2
exit 1
