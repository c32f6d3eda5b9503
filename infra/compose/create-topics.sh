#!/usr/bin/env bash
# Creates the topics of topics.conf (infra/config/topics.conf, the local stack's) on the compose broker, with
# their partitions and settings; a topic that exists is left as it is. Usage: create-topics.sh BOOTSTRAP FILE
set -euo pipefail
bootstrap="$1"
file="$2"
while read -r name partitions configs; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  args=()
  for config in $configs; do
    args+=(--config "$config")
  done
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor 1 "${args[@]}"
done < "$file"
