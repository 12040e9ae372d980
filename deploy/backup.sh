#!/usr/bin/env bash
# Back up the portal: the PostgreSQL database (pg_dump, custom format) and the private and public files
# (a local folder, or the bucket with `aws s3 sync`). Usage: deploy/backup.sh DIRECTORY
# Reads DATABASE_URL (and, with object storage, AWS_STORAGE_BUCKET_NAME) from the environment.
set -euo pipefail
umask 027  # the dump and the files hold personal data: never readable by other users
target=${1:?usage: deploy/backup.sh DIRECTORY}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$target/$stamp"
pg_dump --format=custom --no-owner --file="$target/$stamp/database.dump" "${DATABASE_URL:?DATABASE_URL is not set}"
if [ -n "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
  aws s3 sync "s3://$AWS_STORAGE_BUCKET_NAME" "$target/$stamp/bucket" ${AWS_S3_ENDPOINT_URL:+--endpoint-url "$AWS_S3_ENDPOINT_URL"}
else
  root=${FILES_ROOT:-var}
  folders=()
  for folder in private media; do [ -d "$root/$folder" ] && folders+=("$folder"); done
  tar -C "$root" -czf "$target/$stamp/files.tar.gz" "${folders[@]}"
fi
echo "$target/$stamp"
