#!/usr/bin/env bash
# The whole e2e stage in one call, for .ci/run and for people: install (fast when cached), build the
# suite, then one launch with the folder trusted and one untrusted. Both launches run even if the
# first fails; exits non-zero if either failed. Extra arguments go to both launches (e.g. --grep).
# Build the extension itself first (npm run build): the suite loads it from the repo root.
set -uo pipefail
cd "$(dirname "$0")/../.."

bash scripts/e2e-install.sh || exit 1
node test/e2e/build.mjs || exit 1

status=0 passed=0 failed=0 skipped=0
for mode in trusted untrusted; do
  echo "== e2e: $mode folder"
  flags=()
  [ "$mode" = untrusted ] && flags=(--untrusted)
  log=$(mktemp)
  node test/e2e/launch-code-server.mjs --workspace examples --copy-workspace \
    --tests test/e2e/.runtime/out/index.js "${flags[@]}" "$@" | tee "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  if [[ $(tail -n 1 "$log") =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed(,\ ([0-9]+)\ skipped)?$ ]]; then
    passed=$((passed + BASH_REMATCH[1])) failed=$((failed + BASH_REMATCH[2])) skipped=$((skipped + ${BASH_REMATCH[4]:-0}))
  fi
  rm -f "$log"
done

# The report's HTML page in the same headless Chromium (no VS Code needed).
echo "== e2e: cardwright report --format html in Chromium"
log=$(mktemp)
node test/e2e/report-html.mjs | tee "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
if [[ $(tail -n 1 "$log") =~ ^report-html:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  passed=$((passed + BASH_REMATCH[1])) failed=$((failed + BASH_REMATCH[2]))
else
  status=1
fi
rm -f "$log"

echo "e2e: $passed passed, $failed failed$([ "$skipped" -gt 0 ] && echo ", $skipped skipped")"
exit "$status"
