#!/bin/sh
# Stand-in for the official nginx image's entrypoint, as its documentation describes it: when the
# command is nginx, each file of /docker-entrypoint.d is taken in name order: an executable *.envsh
# is sourced (its exports reach the later files and nginx), an executable *.sh is run, and anything
# else is skipped with a notice. A failing file stops the container. Then the command runs.
set -e
if [ "$1" = nginx ] || [ "$1" = nginx-debug ]; then
  for file in /docker-entrypoint.d/*; do
    [ -f "$file" ] || continue
    case "$file" in
      *.envsh)
        if [ -x "$file" ]; then
          echo "$0: sourcing $file"
          # shellcheck disable=SC1090 # the files are the image's, named at run time
          . "$file"
        else
          echo "$0: ignoring $file, not executable"
        fi ;;
      *.sh)
        if [ -x "$file" ]; then
          echo "$0: running $file"
          "$file"
        else
          echo "$0: ignoring $file, not executable"
        fi ;;
      *) echo "$0: ignoring $file" ;;
    esac
  done
  echo "$0: configuration complete; ready for start up"
fi
exec "$@"
