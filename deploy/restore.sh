#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into the (empty) database at DATABASE_URL and the files folder.
# Usage: deploy/restore.sh BACKUP_DIRECTORY   (the folder backup.sh printed)
set -euo pipefail
umask 027  # the dump and the files hold personal data: never readable by other users
source_dir=${1:?usage: deploy/restore.sh BACKUP_DIRECTORY}
pg_restore --no-owner --exit-on-error --dbname="${DATABASE_URL:?DATABASE_URL is not set}" "$source_dir/database.dump"
if [ -d "$source_dir/bucket" ]; then
  aws s3 sync "$source_dir/bucket" "s3://${AWS_STORAGE_BUCKET_NAME:?}" ${AWS_S3_ENDPOINT_URL:+--endpoint-url "$AWS_S3_ENDPOINT_URL"}
elif [ -f "$source_dir/files.tar.gz" ]; then
  mkdir -p "${FILES_ROOT:-var}"
  tar -C "${FILES_ROOT:-var}" -xzf "$source_dir/files.tar.gz"
fi
echo "restored from $source_dir"
