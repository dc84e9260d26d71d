#!/usr/bin/env sh
# azd preprovision hook: makes sure the azd environment holds the three access keys and the two callback tokens the
# template needs. A value already set (azd env set NAME value) is kept; a missing one is generated once, stored in the
# azd environment (.azure/<env>/.env) and so stays the same on every later `azd provision` / `azd up`.
set -eu
for name in CHANNELS_ADMIN_KEY CHANNELS_EDITOR_KEY CHANNELS_READER_KEY WECHAT_EVENT_TOKEN SMS_CALLBACK_TOKEN; do
  current="$(azd env get-value "$name" 2>/dev/null || true)"
  case "$current" in ""|ERROR*) ;; *) continue ;; esac
  # 32 hex characters (128 bits): letters and digits only, as WeChat's Token field (3–32 characters) requires.
  value="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  azd env set "$name" "$value" >/dev/null
  echo "generated $name (read it with: azd env get-value $name)"
done
# WeChat's EncodingAESKey (消息加解密密钥): 43 letters and digits, pasted into 服务器配置 with 安全模式.
current="$(azd env get-value WECHAT_ENCODING_AES_KEY 2>/dev/null || true)"
case "$current" in
  ""|ERROR*)
    value="$(head -c 512 /dev/urandom | tr -dc 'A-Za-z0-9' | head -c 43)"
    azd env set WECHAT_ENCODING_AES_KEY "$value" >/dev/null
    echo "generated WECHAT_ENCODING_AES_KEY (read it with: azd env get-value WECHAT_ENCODING_AES_KEY)" ;;
esac
