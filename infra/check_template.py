#!/usr/bin/env python3
"""Asserts the deployment's promises in the compiled ARM template (infra/check.sh step 4), reading the app's source for
what it needs, so a new secret, table, container, alert event or timer in the code fails CI until infra provides it.
Usage: check_template.py main.json (run from the repository root)."""
import glob, json, re, sys

failures = []
def check(ok, message):
    if not ok:
        failures.append(message)

main = json.load(open(sys.argv[1]))

def resources(template):
    res = template.get("resources", [])
    return list(res.values()) if isinstance(res, dict) else res

def module(name):
    for r in resources(main):
        if r["type"] == "Microsoft.Resources/deployments" and f"'{name}'" in r["name"]:
            return r
    sys.exit(f"[infra/check] FAILED: module {name} not in the compiled template")

def of_type(template, kind):
    return [r for r in resources(template) if r["type"] == kind]

def source(pattern):
    return {path: open(path, encoding="utf-8").read() for path in glob.glob(pattern, recursive=True) if "/obj/" not in path and "/bin/" not in path}

core = source("functions/Channels.Publishing/**/*.cs")
app_module = module("functionApp")["properties"]["template"]
settings = next(r for r in of_type(app_module, "Microsoft.Web/sites/config") if "'appsettings'" in r["name"])["properties"]

# 1. Every secret the app reads (an options property named *Secret*, *Key*, *Token*, *Password* in a Channels:* section)
#    is an app setting whose value is a Key Vault reference, and the vault holds that secret.
secret_settings = set()
for path, text in core.items():
    section = re.search(r'SectionName = "Channels:(\w+)"', text)
    if not section:
        continue
    for prop in re.findall(r'public (?:string|int|bool)\??\s+(\w*(?:Secret|Token|Key|Password)\w*)\s*\{', text):
        secret_settings.add(f"Channels__{section.group(1)}__{prop}")
check(len(secret_settings) >= 9, f"expected at least the 9 known secrets in the options classes, found {sorted(secret_settings)}")
vault_module = module("vault")
vault_keys = set(vault_module["properties"]["parameters"]["secretValues"]["value"].keys())
secret_names_expr = main["variables"]["secretNames"]
for name in sorted(secret_settings):
    value = settings.get(name)
    ref = re.fullmatch(r"\[parameters\('vaultReferences'\)\['([\w-]+)'\]\]", value or "")
    check(ref is not None, f"app setting {name} (a secret the app reads) is not a Key Vault reference: {value!r}")
    if ref:
        check(f"'{ref.group(1)}'" in secret_names_expr, f"{name} → vault secret {ref.group(1)} is not in main.bicep secretNames")
        check(ref.group(1) in vault_keys, f"{name} → vault secret {ref.group(1)} has no value passed to the vault module")
for name, value in settings.items():
    if re.search(r"(?i)(secret|token|password|key)$", name) and name not in secret_settings and name != "MICROSOFT_PROVIDER_AUTHENTICATION_SECRET":
        check(False, f"app setting {name} looks like a secret but no options class reads it")
    if isinstance(value, str) and not value.startswith("["):
        check(not re.search(r"(?i)accountkey=|sharedaccesssignature|sig=", value), f"app setting {name} holds a storage key or SAS")
vault_template = vault_module["properties"]["template"]
check("@Microsoft.KeyVault(SecretUri=" in json.dumps(vault_template["outputs"]["references"]), "the vault's references output is not @Microsoft.KeyVault(SecretUri=…)")
vault = of_type(vault_template, "Microsoft.KeyVault/vaults")[0]["properties"]
check(vault.get("enablePurgeProtection") is True, "Key Vault purge protection is not on")
check(vault.get("enableSoftDelete") is True and vault.get("enableRbacAuthorization") is True, "Key Vault soft delete / RBAC mode not on")

# 2. Timers: every %Setting% a [TimerTrigger] names is an app setting (an unresolved one stops the Functions host).
for path, text in source("functions/Channels.FunctionApp/*.cs").items():
    for name in re.findall(r'TimerTrigger\("%(\w+)%"\)', text):
        check(name in settings, f"{path}: timer setting {name} is not an app setting")
check("Channels__Purge__RetentionDays" in settings, "the purge retention is not set")

# 3. Easy Auth: authsettingsV2 (conditional), optional sign-in, and the app told to trust the principal only then.
auth = [r for r in of_type(app_module, "Microsoft.Web/sites/config") if "'authsettingsV2'" in r["name"]]
check(len(auth) == 1 and "condition" in auth[0], "authsettingsV2 missing or not conditional on easyAuthClientId")
if auth:
    p = auth[0]["properties"]
    check(p["platform"]["enabled"] is True and p["globalValidation"]["requireAuthentication"] is False,
          "Easy Auth must be on with optional sign-in (keys, WeChat and Tencent callbacks must still reach the app)")
check("Channels__Access__TrustEasyAuthPrincipal" in settings, "Channels__Access__TrustEasyAuthPrincipal is not set")
gate = core.get("functions/Channels.Publishing/Api/Access/AccessGate.cs", "")
manifest = {r["value"] for r in json.load(open("infra/entra/app-roles.json"))}
check(manifest == set(re.findall(r'"(Channels\.\w+)" =>', gate)) and len(manifest) == 3,
      f"infra/entra/app-roles.json roles {sorted(manifest)} differ from the roles AccessGate reads")

# 4. Data account: versioning, WORM archive, and roles scoped to the app's containers and tables only.
data = module("storage")["properties"]["template"]
blob_service = of_type(data, "Microsoft.Storage/storageAccounts/blobServices")[0]["properties"]
check(blob_service.get("isVersioningEnabled") is True, "blob versioning is not on in the data account")
archive = [r for r in of_type(data, "Microsoft.Storage/storageAccounts/blobServices/containers") if "'archive'" in r["name"]]
check(archive and archive[0]["properties"].get("immutableStorageWithVersioning", {}).get("enabled") is True, "archive: version-level immutability not on")
policies = [r for r in of_type(data, "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies") if "'archive'" in r["name"]]
check(policies and "immutabilityPeriodSinceCreationInDays" in policies[0]["properties"], "archive: no immutability policy")
tables_code = {t for text in core.values() for t in re.findall(r'GetTableClient\(o\.Prefix \+ "(\w+)"\)', text)}
containers_code = {c for text in core.values() for c in re.findall(r'GetBlobContainerClient\((?:o\.Prefix \+ )?"([\w$]+)"\)', text)}
check(set(data["variables"]["appTables"]) == tables_code, f"tables: code {sorted(tables_code)} vs storage.bicep appTables {sorted(data['variables']['appTables'])}")
check(set(data["variables"]["writableContainers"]) | {"archive"} == containers_code,
      f"containers: code {sorted(containers_code)} vs storage.bicep {sorted(set(data['variables']['writableContainers']) | {'archive'})}")
owner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"
for r in of_type(data, "Microsoft.Authorization/roleAssignments"):
    scope = r.get("scope", "")
    check(re.search(r"blobServices/containers|tableServices/tables", scope) is not None, f"data account role assignment not scoped to a container or table: {scope!r}")
    check(owner not in json.dumps(r) and "Owner" not in json.dumps(r), "Blob Data Owner granted on the data account")
for m in resources(main):
    if m["type"] != "Microsoft.Resources/deployments" or "'runtimeStorage'" in m["name"]:
        continue
    check(owner not in json.dumps(m.get("properties", {}).get("template", {})), f"Blob Data Owner granted outside the runtime account ({m['name']})")

# 5. Alerts: one scheduled query rule per alert event the app logs, each searching for that event's message prefix.
alerts = module("alerts")["properties"]["template"]
events = {e["name"] for e in alerts["variables"]["events"]}
ops = core.get("functions/Channels.Publishing/Operations/OpsEvents.cs", "")
logged = set(re.findall(r'Message = "CHANNELS-ALERT (\w+) ', ops))
check(logged and events == logged, f"alert rules {sorted(events)} vs events the app logs with CHANNELS-ALERT {sorted(logged)}")
rules = of_type(alerts, "Microsoft.Insights/scheduledQueryRules")
check(len(rules) == 1 and "copy" in rules[0], "scheduled query rules: one looped resource over the events expected")
check(rules and "CHANNELS-ALERT " in json.dumps(rules[0]["properties"]["criteria"]), "alert query does not search for CHANNELS-ALERT")
callers = {path: text for path, text in core.items() if not path.endswith("OpsEvents.cs")}
for name in logged:
    check(any(f".Log{name}(" in text for text in callers.values()), f"alert event {name} is declared but never logged (no .Log{name}( call)")

# 6. host.json: HTTP limits for the Functions host.
host = json.load(open("host.json"))
http = host.get("extensions", {}).get("http", {})
for limit in ("maxConcurrentRequests", "maxOutstandingRequests"):
    check(isinstance(http.get(limit), int) and http[limit] > 0, f"host.json extensions.http.{limit} missing")

if failures:
    for f in failures:
        print(f"[infra/check] FAILED: {f}", file=sys.stderr)
    sys.exit(1)
print(f"[infra/check] template: {len(secret_settings)} secrets as Key Vault references, purge protection, WORM archive with versioning, "
      f"{len(data['variables']['appTables'])} tables + {len(containers_code)} containers with scoped roles, {len(events)} alert rules, Easy Auth option, host.json limits")
