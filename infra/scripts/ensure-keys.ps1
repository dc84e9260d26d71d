# azd preprovision hook (Windows): same as ensure-keys.sh — keep values already in the azd environment, generate the
# missing access keys and callback tokens once (32 hex characters each).
$ErrorActionPreference = 'Stop'
foreach ($name in 'CHANNELS_ADMIN_KEY', 'CHANNELS_EDITOR_KEY', 'CHANNELS_READER_KEY', 'WECHAT_EVENT_TOKEN', 'SMS_CALLBACK_TOKEN') {
  $current = (azd env get-value $name 2>$null)
  if ($LASTEXITCODE -eq 0 -and $current -and -not $current.StartsWith('ERROR')) { continue }
  $bytes = [byte[]]::new(16); [System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
  azd env set $name (($bytes | ForEach-Object { $_.ToString('x2') }) -join '') | Out-Null
  Write-Host "generated $name (read it with: azd env get-value $name)"
}
