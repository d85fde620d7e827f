#!/bin/sh
# Renders templates/task-manager.conf.template the way the nginx image does at start: the upstream
# list from docker-entrypoint.d/10-task-upstream.envsh, then envsubst with only the TASK_*
# variables (the image's NGINX_ENVSUBST_FILTER), so nginx's own $variables stay as they are.
# For checking the config outside the image:  TASK_WEB_UPSTREAM="127.0.0.1:8081" proxy/render-template.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
. "$here/docker-entrypoint.d/10-task-upstream.envsh"
variables=$(env | sed -n 's/^\(TASK_[A-Z0-9_]*\)=.*/${\1}/p' | tr '\n' ' ')
envsubst "$variables" < "$here/templates/task-manager.conf.template"
