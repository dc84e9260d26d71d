#!/bin/bash
# Run by Microsoft.Resources/deploymentScripts (Azure CLI image): ARM has no property for the static website,
# so it is switched on through the Blob service with the script's managed identity (shared keys are disabled).
# A fresh role assignment can take a few minutes to apply: retry for up to ten minutes.
set -euo pipefail
for attempt in $(seq 1 40); do
  if az storage blob service-properties update \
      --account-name "$STORAGE_ACCOUNT" --auth-mode login \
      --static-website true --index-document index.html --output none; then
    echo "static website enabled on $STORAGE_ACCOUNT (attempt $attempt)"
    exit 0
  fi
  echo "not allowed yet (role assignment propagating?); retrying in 15 s"
  sleep 15
done
echo "could not enable the static website on $STORAGE_ACCOUNT" >&2
exit 1
