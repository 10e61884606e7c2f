#!/usr/bin/env bash
# Starts a local Redis on 127.0.0.1:6379 when nothing answers there, installing Debian's
# redis-server when it is missing. Tests need only a reachable Redis; they use their own prefix.
set -euo pipefail
ping() { (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && timeout 2 head -c 5 <&3 | grep -q PONG) 2>/dev/null; }
if ping; then echo "ci: redis answers on 127.0.0.1:6379"; exit 0; fi
if ! command -v redis-server >/dev/null 2>&1; then
  echo "ci: installing redis-server" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2
fi
redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
  --maxmemory-policy noeviction --logfile /tmp/herald-ci-redis.log
for _ in $(seq 1 50); do ping && { echo "ci: started redis"; exit 0; }; sleep 0.1; done
echo "ci: redis did not start" >&2; exit 1
