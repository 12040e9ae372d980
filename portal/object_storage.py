"""Where files go when an S3-compatible bucket is configured (settings.STORAGES): public media under public/,
private uploads under private/ (or in a bucket of their own) with a private ACL. Staff still download private
files through the permission-checked views, which stream them from the bucket."""

S3_BACKEND = "storages.backends.s3.S3Storage"


def object_storages(*, bucket, private_bucket="", endpoint_url="", region_name="", access_key="", secret_key=""):
    """The "default" and "private" entries of STORAGES for `bucket`; empty settings leave boto3 its defaults."""
    common = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url or None,
        "region_name": region_name or None,
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        "file_overwrite": False,
    }
    return {
        "default": {"BACKEND": S3_BACKEND, "OPTIONS": {**common, "location": "public", "querystring_auth": False}},
        "private": {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **common,
                "bucket_name": private_bucket or bucket,
                "location": "private",
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 60,
            },
        },
    }
