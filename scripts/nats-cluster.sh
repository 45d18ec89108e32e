#!/usr/bin/env bash
# A local three-node NATS JetStream cluster on loopback, for the cluster tests and for trying replicas by hand.
#
#   scripts/nats-cluster.sh start          starts whichever of the three nodes is not running, waits for a meta leader
#   scripts/nats-cluster.sh stop           stops the nodes this script started (by their pid files), keeps their stores
#   scripts/nats-cluster.sh status         one line per node: running or stopped
#   scripts/nats-cluster.sh urls           the client URL list for VIGIL_NATS_URL
#
# Node N (1..3) listens for clients on 14221+N, for routes on 16221+N, for monitoring on 18221+N.
# State lives in $VIGIL_NATS_CLUSTER_DIR (default /tmp/vigil-nats-cluster): node-N/ store, node-N.pid, node-N.log.
# The machine's own NATS service on 4222 is never touched.
set -euo pipefail

NATS_SERVER=${NATS_SERVER:-/usr/sbin/nats-server}
DIR=${VIGIL_NATS_CLUSTER_DIR:-/tmp/vigil-nats-cluster}
NODES=(1 2 3)

client_port() { echo $((14221 + $1)); }
route_port() { echo $((16221 + $1)); }
monitor_port() { echo $((18221 + $1)); }
pid_file() { echo "$DIR/node-$1.pid"; }

running() {
  local pid
  pid=$(cat "$(pid_file "$1")" 2>/dev/null) || return 1
  # The pid must still be a nats-server: after a reboot the number may belong to something else.
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && grep -q nats-server "/proc/$pid/cmdline" 2>/dev/null
}

routes() {
  local n list=()
  for n in "${NODES[@]}"; do list+=("nats-route://127.0.0.1:$(route_port "$n")"); done
  (IFS=,; echo "${list[*]}")
}

start_node() {
  local n=$1
  mkdir -p "$DIR/node-$n"
  "$NATS_SERVER" -a 127.0.0.1 -p "$(client_port "$n")" -m "$(monitor_port "$n")" \
    -n "vigil-local-$n" -js -sd "$DIR/node-$n" \
    --cluster_name vigil-local --cluster "nats://127.0.0.1:$(route_port "$n")" --routes "$(routes)" \
    -P "$(pid_file "$n")" -l "$DIR/node-$n.log" </dev/null >/dev/null 2>&1 &
  disown
}

# The /jsz page of a node names the meta leader once the cluster has elected one; no curl needed.
meta_leader() {
  local reply
  reply=$( (exec 3<>"/dev/tcp/127.0.0.1/$(monitor_port "$1")" && printf 'GET /jsz HTTP/1.0\r\n\r\n' >&3 && cat <&3) 2>/dev/null) || return 1
  grep -Eo '"leader": *"[^"]+"' <<<"$reply" | head -1
}

wait_ready() {
  local n
  for _ in $(seq 1 120); do
    for n in "${NODES[@]}"; do
      if running "$n" && meta_leader "$n" >/dev/null; then echo "NATS cluster ready ($(meta_leader "$n")): $(urls)"; return 0; fi
    done
    sleep 0.25
  done
  echo "NATS cluster did not elect a JetStream meta leader; see $DIR/node-*.log" >&2
  return 1
}

urls() {
  local n list=()
  for n in "${NODES[@]}"; do list+=("nats://127.0.0.1:$(client_port "$n")"); done
  (IFS=,; echo "${list[*]}")
}

case "${1:-}" in
  start)
    mkdir -p "$DIR"
    for n in "${NODES[@]}"; do running "$n" || start_node "$n"; done
    wait_ready
    ;;
  stop)
    for n in "${NODES[@]}"; do
      if running "$n"; then kill "$(cat "$(pid_file "$n")")"; fi
    done
    for n in "${NODES[@]}"; do
      for _ in $(seq 1 40); do running "$n" || break; sleep 0.25; done
      rm -f "$(pid_file "$n")"
    done
    ;;
  status)
    for n in "${NODES[@]}"; do
      if running "$n"; then echo "node $n: running on 127.0.0.1:$(client_port "$n") (pid $(cat "$(pid_file "$n")"))"; else echo "node $n: stopped"; fi
    done
    ;;
  urls) urls ;;
  *)
    echo "usage: $0 start|stop|status|urls" >&2
    exit 2
    ;;
esac
