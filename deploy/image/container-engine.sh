#!/usr/bin/env bash
# Sets up a container engine for ImageIT on a Debian (bookworm) machine without Docker or registry access:
# podman serving the Docker API on a unix socket, and the JRE base image made offline from Debian packages.
#
#   eval "$(deploy/image/container-engine.sh)"   # set up (idempotent), then export what Testcontainers needs
#   deploy/image/container-engine.sh stop        # stop the API service this script started, remove leftover
#                                                 # test containers and untagged build stages
#
# Steps, each skipped when already done (so a rerun changes nothing that works):
#   1. apt-get install --no-install-recommends podman runc debootstrap (as root, or through sudo)
#   2. /etc/containers/containers.conf: runtime runc, nofile/nproc ulimits within this machine's hard limits
#      (podman's defaults exceed them and runc then refuses to start anything). A file not written by this
#      script is left alone.
#   3. the base image $BASE_IMAGE (localhost/huduma-jre:17): debootstrap --variant=minbase with
#      openjdk-17-jre-headless from the machine's Debian mirror, apt caches, docs, man pages and locales
#      removed, then podman import
#   4. a smoke test (java -version in the base, with the flags ImageIT uses)
#   5. podman system service on $PODMAN_SOCKET, started in the background unless the socket answers
# Only the export lines go to stdout; progress and errors go to stderr. Exit status non-zero = no engine.
set -euo pipefail

SOCKET=${PODMAN_SOCKET:-/run/podman/podman.sock}
BASE_IMAGE=${BASE_IMAGE:-localhost/huduma-jre:17}
SUITE=bookworm # the release that packages openjdk-17
CONF=/etc/containers/containers.conf
MARK="# written by huduma deploy/image/container-engine.sh"
STATE=${HUDUMA_ENGINE_STATE:-/run/huduma-container-engine}
PIDFILE=$STATE/podman-service${SOCKET//\//_}.pid

log() { echo "container-engine: $*" >&2; }
die() { log "FAILED: $*"; exit 1; }
SUDO=(); [[ $(id -u) -eq 0 ]] || SUDO=(sudo -n)

socket_answers() {
  [[ -S $SOCKET ]] || return 1
  if command -v curl >/dev/null; then
    [[ $(curl -s -m 5 --unix-socket "$SOCKET" http://d/_ping 2>/dev/null) == OK ]]
  else
    timeout 10 podman --url "unix://$SOCKET" version >/dev/null 2>&1
  fi
}

stop() {
  if [[ -f $PIDFILE ]]; then
    local pid; pid=$(cat "$PIDFILE")
    # containers Testcontainers left behind (a killed test JVM; Ryuk is off with podman)
    local left; left=$("${SUDO[@]}" podman ps -aq --filter label=org.testcontainers=true 2>/dev/null || true)
    [[ -z $left ]] || "${SUDO[@]}" podman rm -f $left >/dev/null 2>&1 || true
    # the images' untagged build stages (~0.5 GB each); the tagged images and the base stay
    "${SUDO[@]}" podman image prune -f >/dev/null 2>&1 || true
    if "${SUDO[@]}" kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "system service"; then
      "${SUDO[@]}" kill "$pid" && log "stopped podman system service (pid $pid)"
    fi
    "${SUDO[@]}" rm -f "$PIDFILE"
  else
    log "no podman service started by this script; nothing to stop"
  fi
}

install_packages() {
  local missing=() p
  for p in podman runc debootstrap; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  (( ${#missing[@]} == 0 )) && return 0
  log "installing ${missing[*]}"
  "${SUDO[@]}" apt-get update -q >&2 || die "apt-get update"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 \
    || die "apt-get install ${missing[*]}"
}

# min(hard limit, cap): a container may not ask for more than the engine itself is allowed
within_hard() { local hard=$1 cap=$2; [[ $hard == unlimited ]] || (( hard >= cap )) && echo "$cap" || echo "$hard"; }

configure() {
  if [[ -f $CONF ]] && ! grep -qF "$MARK" "$CONF"; then
    grep -qE '^[[:space:]]*runtime[[:space:]]*=[[:space:]]*"runc"' "$CONF" && grep -q default_ulimits "$CONF" \
      || log "warning: $CONF was not written by this script and lacks runtime=\"runc\" or default_ulimits; left as it is"
    return 0
  fi
  local nofile nproc content
  nofile=$(within_hard "$(ulimit -Hn)" 65536)
  nproc=$(within_hard "$(ulimit -Hu)" 32768)
  content="$MARK
# runc (Debian's podman would pick crun, not installed); ulimits within this machine's hard limits
# (nofile $(ulimit -Hn), nproc $(ulimit -Hu)): podman's defaults exceed them and runc refuses to start
[containers]
default_ulimits = [\"nofile=$nofile:$nofile\", \"nproc=$nproc:$nproc\"]
[engine]
runtime = \"runc\""
  if [[ ! -f $CONF || $(cat "$CONF") != "$content" ]]; then
    "${SUDO[@]}" mkdir -p "$(dirname "$CONF")"
    printf '%s\n' "$content" | "${SUDO[@]}" tee "$CONF" >/dev/null
    log "wrote $CONF (nofile $nofile, nproc $nproc)"
  fi
}

# the Debian mirror apt uses here (deb822 .sources or one-line lists), else deb.debian.org
debian_mirror() {
  local uri
  uri=$(awk -v suite="$SUITE" '
      /^URIs:/ { uris = $2 } /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) hit = 1 }
      /^[[:space:]]*$/ { if (hit && uris != "") { print uris; exit } hit = 0; uris = "" }
      END { if (hit && uris != "") print uris }' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
  [[ -n $uri ]] || uri=$(awk -v suite="$SUITE" '$1 == "deb" && $0 !~ /security/ {
      for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { u = $i; s = $(i + 1); break }
      if (s == suite) { print u; exit } }' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -1)
  echo "${uri:-http://deb.debian.org/debian}"
}

make_base() {
  if "${SUDO[@]}" podman image exists "$BASE_IMAGE"; then return 0; fi
  local mirror rootfs started=$SECONDS
  mirror=$(debian_mirror)
  rootfs=$("${SUDO[@]}" mktemp -d /var/tmp/huduma-jre.XXXXXX)
  # shellcheck disable=SC2064
  trap "${SUDO[*]} rm -rf '$rootfs'" EXIT
  log "making $BASE_IMAGE: debootstrap $SUITE with openjdk-17-jre-headless from $mirror"
  "${SUDO[@]}" timeout 1200 debootstrap --variant=minbase --include=openjdk-17-jre-headless "$SUITE" "$rootfs" "$mirror" \
    > "$rootfs.log" 2>&1 || { tail -20 "$rootfs.log" >&2; die "debootstrap (log: $rootfs.log)"; }
  # what a runtime image never reads: downloaded .debs, package lists, docs (but the copyright files),
  # man pages, translations
  "${SUDO[@]}" bash -c "cd '$rootfs' && rm -rf var/cache/apt/archives/*.deb var/cache/apt/*.bin var/lib/apt/lists/* \
      usr/share/man/* usr/share/info/* usr/share/locale/* var/log/*.log var/cache/debconf/*-old \
      && find usr/share/doc -type f ! -name copyright -delete"
  "${SUDO[@]}" tar -C "$rootfs" -c . | "${SUDO[@]}" podman import \
      --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' - "$BASE_IMAGE" >/dev/null || die "podman import"
  "${SUDO[@]}" rm -rf "$rootfs" "$rootfs.log"
  trap - EXIT
  log "made $BASE_IMAGE in $(( SECONDS - started )) s ($("${SUDO[@]}" podman image inspect --format '{{.Size}}' "$BASE_IMAGE" | awk '{printf "%.0f MB", $1 / 1e6}'))"
}

smoke_test() {
  # the way ImageIT runs the images: host network, read-only root, no capabilities, no new privileges
  "${SUDO[@]}" podman run --rm --network host --read-only --cap-drop ALL --security-opt no-new-privileges \
      --user 1000:1000 "$BASE_IMAGE" java -version >/dev/null 2>&1 \
    || { "${SUDO[@]}" podman run --rm --network host "$BASE_IMAGE" java -version >&2 || true; die "podman cannot run $BASE_IMAGE"; }
}

start_service() {
  if socket_answers; then return 0; fi
  "${SUDO[@]}" mkdir -p "$(dirname "$SOCKET")" "$STATE"
  "${SUDO[@]}" rm -f "$SOCKET"
  # setsid + nohup: outlives this script and the caller's terminal; `stop` ends it
  "${SUDO[@]}" setsid nohup podman system service --time=0 "unix://$SOCKET" > "${PIDFILE%.pid}.log" 2>&1 < /dev/null &
  local i
  for i in $(seq 1 30); do
    if socket_answers; then
      # the service process itself (sudo/setsid exec into it, so $! is it or its parent)
      pgrep -f "podman system service --time=0 unix://$SOCKET" | head -1 | "${SUDO[@]}" tee "$PIDFILE" >/dev/null
      log "podman system service answers on $SOCKET (pid $(cat "$PIDFILE"))"
      return 0
    fi
    sleep 1
  done
  cat "${PIDFILE%.pid}.log" >&2 || true
  die "podman system service does not answer on $SOCKET"
}

case "${1:-up}" in
  stop) stop; exit 0 ;;
  up) ;;
  *) echo "usage: $0 [up|stop]" >&2; exit 2 ;;
esac

started=$SECONDS
install_packages
configure
make_base
smoke_test
start_service
log "ready in $(( SECONDS - started )) s: $(podman --version), base $BASE_IMAGE"
cat <<EOF
export DOCKER_HOST=unix://$SOCKET
export TESTCONTAINERS_RYUK_DISABLED=true
export BASE_IMAGE=$BASE_IMAGE
EOF
