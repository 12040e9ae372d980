"""Production parts: S3-compatible object storage (moto's server on loopback) and the database task queue."""

import subprocess
import sys
import time
import urllib.request

import boto3
import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from challenges.models import ChallengeRequest
from demo.bench.common import free_port
from portal.models import OutboxEmail
from portal.object_storage import object_storages
from tests.files import PDF_BYTES, pdf

pytestmark = pytest.mark.django_db
BUCKET = "portal-files"


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(endpoint, timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield endpoint
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def s3(settings, s3_endpoint, monkeypatch):
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
    )
    if BUCKET not in [bucket["Name"] for bucket in client.list_buckets()["Buckets"]]:
        client.create_bucket(Bucket=BUCKET)
    # The same storages as production's settings make from the AWS_* variables.
    settings.STORAGES = {
        **settings.STORAGES,
        **object_storages(
            bucket=BUCKET,
            endpoint_url=s3_endpoint,
            region_name="us-east-1",
            access_key="testing",
            secret_key="testing",
        ),
    }
    return client


def test_uploads_go_to_the_private_prefix_of_the_bucket_and_come_back_only_through_the_checked_view(
    challenge_data, client, admin_client, s3
):
    client.post("/challenges/submit/", challenge_data(attachments=[pdf("brief.pdf")]))
    challenge = ChallengeRequest.objects.get()
    attachment = challenge.attachments.get()
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET, Prefix="private/")["Contents"]]
    assert keys == [f"private/{attachment.file.name}"] and "brief" not in keys[0]
    grants = s3.get_object_acl(Bucket=BUCKET, Key=keys[0])["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # the owner only: no public read
    response = admin_client.get(
        reverse("admin:challenges_challengerequest_attachment", args=[challenge.pk, attachment.pk])
    )
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF_BYTES


def test_the_purge_deletes_files_from_the_bucket(settings, s3, superuser, django_capture_on_commit_callbacks):
    import datetime

    from django.utils import timezone

    from challenges.services import challenge_transition
    from tests import factories

    settings.CHALLENGE_RETENTION_DAYS = 1
    challenge = factories.ChallengeRequestFactory(status="under_review")
    key = "private/" + challenge.attachments.create(original_name="a.pdf", kind="pdf", size=10, file=pdf()).file.name
    assert key in [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET, Prefix="private/")["Contents"]]
    challenge_transition(challenge=challenge, to="closed", by=superuser)
    ChallengeRequest.objects.filter(pk=challenge.pk).update(finalised_at=timezone.now() - datetime.timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_expired", verbosity=0)
    remaining = [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET, Prefix="private/").get("Contents", [])]
    assert key not in remaining


@pytest.mark.django_db(transaction=True)  # the worker closes its database connection when it is done
def test_with_the_database_queue_the_worker_delivers_the_mail(
    challenge_data, client, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # django-tasks rereads it
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/challenges/submit/", challenge_data())
    assert ChallengeRequest.objects.count() == 1
    assert mail.outbox == [] and OutboxEmail.objects.filter(status="queued").count() == 2
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert len(mail.outbox) == 2 and OutboxEmail.objects.filter(status="sent").count() == 2
