#!/usr/bin/env bash
# Prepares the CUPS server the print tests and the print benchmark run against.
# Idempotent: safe to run again and again. Assumes the Debian packages cups, cups-client,
# cups-bsd and printer-driver-cups-pdf are installed (.ci/run installs them).
#
# - cups-pdf writes every job to one known folder (LABEL_STATION_CUPS_PDF_OUT, default
#   /var/spool/cups-pdf/label-station) and names each file "<title>-job_<id>.pdf", so a
#   test finds the output of exactly its own job.
# - cupsd is started when it is not running (nothing else starts it: no systemd here), and
#   the script waits until `lpstat -r` says the scheduler is running (its exit code is 0
#   either way, so the text is what counts).
# - cupsd may hold 5000 jobs (MaxJobs), so the print benchmark's 500 queued jobs fit.
set -euo pipefail

OUT_DIR="${LABEL_STATION_CUPS_PDF_OUT:-/var/spool/cups-pdf/label-station}"
CONF=/etc/cups/cups-pdf.conf

for tool in /usr/sbin/cupsd lp lpstat lpadmin cupsenable cupsdisable; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "setup-cups: $tool is missing. Install: apt-get install -y cups cups-client cups-bsd printer-driver-cups-pdf" >&2
    exit 1
  fi
done
if [ ! -f "$CONF" ]; then
  echo "setup-cups: $CONF is missing. Install: apt-get install -y printer-driver-cups-pdf" >&2
  exit 1
fi

# Sets "Key value" in cups-pdf.conf, replacing an existing (or commented-out) line.
set_conf() {
  local key="$1" value="$2"
  if grep -Eq "^${key}[[:space:]]+${value}\$" "$CONF"; then
    return
  fi
  if grep -Eq "^#?${key}[[:space:]]" "$CONF"; then
    # Only the first matching line: the file's comments also start with "### Key:".
    sed -i -E "0,/^#?${key}[[:space:]].*/s||${key} ${value}|" "$CONF"
  else
    printf '%s %s\n' "$key" "$value" >>"$CONF"
  fi
}

mkdir -p "$OUT_DIR"
chmod 0777 "$OUT_DIR"
set_conf Out "$OUT_DIR"
# 2: every file ends with "-job_<id>", even when the job has a title.
set_conf Label 2
# Keep the title from the command line (the queue's token), not the PDF's own title.
set_conf TitlePref 1

cupsd_running() {
  lpstat -r 2>/dev/null | grep -q 'is running'
}

if ! cupsd_running; then
  /usr/sbin/cupsd
fi

wait_for_cupsd() {
  for _ in $(seq 1 100); do
    if cupsd_running; then
      return 0
    fi
    sleep 0.1
  done
  echo "setup-cups: cupsd did not start within 10 s; see /var/log/cups/error_log" >&2
  exit 1
}
wait_for_cupsd

# CUPS refuses new jobs once it holds MaxJobs (default 500, finished ones included); the
# print benchmark queues 500 jobs at once. cupsctl rewrites cupsd.conf and restarts cupsd.
if ! cupsctl | grep -qx 'MaxJobs=5000'; then
  cupsctl MaxJobs=5000
  sleep 0.5
  wait_for_cupsd
fi

# A test run that was killed leaves its printers (ls-test-<tag>-<pid>-<hex>) behind; those of
# processes that are gone are removed, so the printer lists stay those of live runs.
for printer in $(lpstat -e 2>/dev/null | grep -E '^ls-test-.+-[0-9]+-[0-9a-f]{6}$' || true); do
  pid="${printer%-*}"
  pid="${pid##*-}"
  if [ ! -d "/proc/$pid" ]; then
    lpadmin -x "$printer" || true
  fi
done

echo "setup-cups: scheduler is running; cups-pdf writes to $OUT_DIR"
