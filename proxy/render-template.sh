#!/bin/sh
# Renders templates/ into OUTDIR the way the nginx image does at start: the settings checked and
# derived by docker-entrypoint.d/10-task-proxy.envsh, then envsubst of every *.template (keeping
# subfolders) with only the defined TASK_* variables (the image's NGINX_ENVSUBST_FILTER), so
# nginx's own $variables stay as they are. OUTDIR/task-manager.conf is the file to include inside
# an http block; it includes conf.d/task-manager/*.conf relative to nginx's configuration folder,
# so OUTDIR is that folder's conf.d. For checking the configuration outside the image:
#   TASK_WEB_UPSTREAM="127.0.0.1:8081" proxy/render-template.sh /tmp/proxy/conf.d
set -eu
if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
mkdir -p "$1"
out=$(cd "$1" && pwd -P)
here=$(cd "$(dirname "$0")" && pwd -P)
# shellcheck source=proxy/docker-entrypoint.d/10-task-proxy.envsh
. "$here/docker-entrypoint.d/10-task-proxy.envsh"
variables=$(env | sed -n 's/^\(TASK_[A-Z0-9_]*\)=.*/${\1}/p' | tr '\n' ' ')
cd "$here/templates"
find . -type f -name '*.template' | while read -r template; do
  target="$out/${template%.template}"
  mkdir -p "$(dirname "$target")"
  envsubst "$variables" < "$template" > "$target"
done
