#!/usr/bin/env bash
# CI check of the deployable parts (run from anywhere; installs what it needs):
#   1. infra/main.bicep compiles and `bicep lint` is clean: any warning or error fails;
#   2. every parameter of main.bicep without a default is mapped in main.parameters.json (what azd fills in);
#   3. the Function App's publish output has host.json, and functions.metadata lists every [Function(...)]
#      declared in functions/Channels.FunctionApp/*.cs (read from the source, so a new trigger is checked too);
#   4. the compiled template keeps the deployment's promises (infra/check_template.py): every secret the app reads is a
#      Key Vault reference, purge protection, versioned WORM archive, data roles scoped to the app's containers and
#      tables, one alert rule per alert event the app logs, the Easy Auth option, every timer's setting, host.json limits.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
say() { printf '[infra/check] %s\n' "$*"; }
fail() { printf '[infra/check] FAILED: %s\n' "$*" >&2; exit 1; }

if ! command -v python3 >/dev/null; then
  [ "$(id -u)" = 0 ] || fail "python3 is required"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

bicep="$(tools/bicep/install.sh)"
say "$("$bicep" --version)"

# 1. Build and lint. Both exit 0 on warnings, so their output is the verdict: it must be empty.
status=0
"$bicep" build infra/main.bicep --stdout >"$work/main.json" 2>"$work/build.log" || status=$?
[ "$status" = 0 ] && [ ! -s "$work/build.log" ] || { cat "$work/build.log" >&2; fail "bicep build infra/main.bicep"; }
"$bicep" lint infra/main.bicep >"$work/lint.log" 2>&1 || status=$?
[ "$status" = 0 ] && [ ! -s "$work/lint.log" ] || { cat "$work/lint.log" >&2; fail "bicep lint infra/main.bicep"; }
say "bicep build + lint: clean ($(ls infra/main.bicep infra/modules/*.bicep | wc -l) files)"

# 2. Parameters azd must supply.
python3 - "$work/main.json" infra/main.parameters.json <<'PY'
import json, sys
template = json.load(open(sys.argv[1]))["parameters"]
given = json.load(open(sys.argv[2]))["parameters"]
unknown = sorted(set(given) - set(template))
missing = sorted(p for p, d in template.items() if "defaultValue" not in d and p not in given)
if unknown or missing:
    sys.exit(f"[infra/check] FAILED: main.parameters.json unknown={unknown} missing={missing}")
print(f"[infra/check] main.parameters.json maps {len(given)} of {len(template)} parameters (the rest have defaults)")
PY

# 4 (cheap, so before the publish). The template's promises.
python3 infra/check_template.py "$work/main.json" || fail "infra/check_template.py"

# 3. Publish output of the Function App.
say "dotnet publish functions/Channels.FunctionApp -c Release"
dotnet publish functions/Channels.FunctionApp -c Release -o "$work/publish" -nologo -v quiet -clp:ErrorsOnly >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; fail "dotnet publish"; }
[ -f "$work/publish/host.json" ] || fail "host.json is not in the publish output"
python3 -m json.tool "$work/publish/host.json" >/dev/null || fail "host.json in the publish output is not valid JSON"
[ -f "$work/publish/functions.metadata" ] || fail "functions.metadata is not in the publish output"
python3 - "$work/publish/functions.metadata" functions/Channels.FunctionApp/*.cs <<'PY'
import json, re, sys
metadata = {f["name"] for f in json.load(open(sys.argv[1]))}
attribute = re.compile(r'\[Function\(\s*(?:"([^"]+)"|nameof\(\s*([\w.]+)\s*\))\s*\)\]')
declared, unreadable = set(), []
for path in sys.argv[2:]:
    source = open(path, encoding="utf-8").read()
    found = attribute.findall(source)
    declared |= {literal or name.split(".")[-1] for literal, name in found}
    if source.count("[Function(") != len(found):
        unreadable.append(path)
if unreadable:
    sys.exit(f"[infra/check] FAILED: a [Function(...)] attribute that is neither a literal nor nameof() in {unreadable}")
if not declared:
    sys.exit("[infra/check] FAILED: no [Function(...)] attribute found in functions/Channels.FunctionApp")
missing, extra = sorted(declared - metadata), sorted(metadata - declared)
if missing or extra:
    sys.exit(f"[infra/check] FAILED: functions.metadata missing={missing} unexpected={extra}")
print(f"[infra/check] publish output: host.json + functions.metadata with all {len(declared)} functions: {', '.join(sorted(declared))}")
PY
say "ok"
