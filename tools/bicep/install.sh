#!/usr/bin/env bash
# Puts the Bicep CLI (NuGet package Azure.Bicep.CommandLine.linux-x64, version in bicep.proj) under
# tools/bicep/.packages without a global install, and prints the binary's path. Safe to run again.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PACKAGES="$HERE/.packages"
VERSION="$(sed -n 's:.*<BicepVersion>\(.*\)</BicepVersion>.*:\1:p' "$HERE/bicep.proj")"
BICEP="$PACKAGES/azure.bicep.commandline.linux-x64/$VERSION/tools/bicep"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -f "$BICEP" ]; then
  command -v dotnet >/dev/null || { echo "install.sh: the .NET SDK (dotnet) is required" >&2; exit 1; }
  echo "installing Bicep CLI $VERSION from NuGet into tools/bicep/.packages" >&2
  dotnet restore "$HERE/bicep.proj" --packages "$PACKAGES" -nologo -v quiet >&2
fi
[ -f "$BICEP" ] || { echo "install.sh: $BICEP missing after restore" >&2; exit 1; }
# NuGet does not keep the run bit on every extraction.
chmod +x "$BICEP"
echo "$BICEP"
