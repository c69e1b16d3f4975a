# Starting, probing and stopping the control plane processes. Sourced.
# shellcheck shell=bash

# Written with process.stdout, not console.log: under a test runner FORCE_COLOR makes console.log colour numbers.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(s.address().port+"\n");s.close()})'
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Stops a process by the PID in its file: TERM, then KILL after 15 s.
stop_pid() {
  local file="$1" what="$2" pid i
  pid_alive "$file" || { rm -f "$file"; return 0; }
  pid="$(cat "$file")"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 150; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$what did not stop in 15 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

# Runs a command until it succeeds, for up to the given seconds; returns 1 when time runs out.
# Only stdout is silenced, so a check that gives up for good can still say why on stderr.
wait_for() {
  local seconds="$1"; shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}
