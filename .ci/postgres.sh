#!/usr/bin/env bash
# Installs Debian's PostgreSQL if needed, starts it on loopback, and prints a TEST_DATABASE_URL
# for the store tests. Used by .ci/run; safe to run again.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_createcluster "$version" main >/dev/null
  cluster="$version main"
fi
read -r version name <<<"$cluster"
port=$(pg_lsclusters --no-header | awk -v v="$version" -v n="$name" '$1==v && $2==n {print $3}')
pg_ctlcluster "$version" "$name" start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  su postgres -c "psql -p $port -qAtc 'select 1'" >/dev/null 2>&1 && break
  sleep 0.5
done
su postgres -c "psql -p $port -qAtc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'faqbot') THEN CREATE ROLE faqbot LOGIN PASSWORD 'faqbot'; END IF; END \\\$\\\$;\"" >/dev/null
su postgres -c "psql -p $port -qAtc \"SELECT 1 FROM pg_database WHERE datname = 'faqbot_test'\"" | grep -q 1 \
  || su postgres -c "createdb -p $port -O faqbot faqbot_test"
echo "postgres://faqbot:faqbot@127.0.0.1:$port/faqbot_test"
