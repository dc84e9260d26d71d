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
# WeChat's EncodingAESKey (消息加解密密钥): 43 letters and digits, pasted into 服务器配置 with 安全模式.
$current = (azd env get-value WECHAT_ENCODING_AES_KEY 2>$null)
if (-not ($LASTEXITCODE -eq 0 -and $current -and -not $current.StartsWith('ERROR'))) {
  $alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  $key = -join (1..43 | ForEach-Object { $alphabet[[System.Security.Cryptography.RandomNumberGenerator]::GetInt32(62)] })
  azd env set WECHAT_ENCODING_AES_KEY $key | Out-Null
  Write-Host "generated WECHAT_ENCODING_AES_KEY (read it with: azd env get-value WECHAT_ENCODING_AES_KEY)"
}
