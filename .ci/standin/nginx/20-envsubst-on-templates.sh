#!/bin/sh
# Stand-in for the official nginx image's template step, as its documentation describes it: every
# *.template under /etc/nginx/templates (subfolders kept) is rendered with envsubst into
# /etc/nginx/conf.d without the suffix, substituting only the environment variables whose names
# match NGINX_ENVSUBST_FILTER (a regular expression; all of them when it is unset).
set -e
templates=${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}
suffix=${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}
output=${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}
[ -d "$templates" ] || exit 0
if [ ! -w "$output" ]; then
  echo "$0: $output is not writable; templates not rendered" >&2
  exit 0
fi
names=$(env | sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=.*/\1/p' | grep -E -- "${NGINX_ENVSUBST_FILTER:-.*}" || true)
variables=""
for name in $names; do
  variables="$variables \${$name}"
done
find "$templates" -follow -type f -name "*$suffix" | while read -r template; do
  relative=${template#"$templates/"}
  target="$output/${relative%"$suffix"}"
  mkdir -p "$(dirname "$target")"
  echo "$0: rendering $template to $target"
  envsubst "$variables" < "$template" > "$target"
done
