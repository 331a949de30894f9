#!/usr/bin/env bash
# Installs what deploy/local/infra.sh needs on Debian 12 (run as root): rabbitmq-server, postgresql,
# plus curl (health checks) and ICU (PowerShell/.NET). Only missing packages are installed; apt-get
# update runs once, and only if something is missing. Noninteractive and quiet.
#
# Package maintainer scripts would normally start system-wide RabbitMQ/PostgreSQL services
# (rabbit@<host> on 5672, cluster 15/main on 5432). We do not use them (infra.sh runs its own
# instances on 5673/5433), so during the install we add a policy-rc.d that forbids service starts,
# unless the machine already has one.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

[ "$(id -u)" = 0 ] || { echo "install-prereqs: must run as root" >&2; exit 1; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
installed rabbitmq-server || missing+=(rabbitmq-server)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 && installed postgresql-client-common || missing+=(postgresql)
command -v curl >/dev/null 2>&1 || missing+=(curl)
ls /usr/lib/x86_64-linux-gnu/libicuuc.so.* /usr/lib/*/libicuuc.so.* >/dev/null 2>&1 || missing+=(libicu72)

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-prereqs: all present (rabbitmq-server, postgresql, curl, icu)"
  exit 0
fi

echo "install-prereqs: installing ${missing[*]}"
policy=/usr/sbin/policy-rc.d
added_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# temporary, added by deploy/local/install-prereqs.sh\nexit 101\n' > "$policy"
  chmod 755 "$policy"
  added_policy=1
fi
cleanup() { if [ "$added_policy" = 1 ]; then rm -f "$policy"; fi; }
trap cleanup EXIT

apt-get update -qq
apt-get install -y -qq --no-install-recommends -o Dpkg::Use-Pty=0 "${missing[@]}" > /tmp/pushinventory-apt.log 2>&1 \
  || { tail -n 50 /tmp/pushinventory-apt.log >&2; echo "install-prereqs: apt-get install failed" >&2; exit 1; }
echo "install-prereqs: done"
