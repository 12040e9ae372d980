import pytest
from django.core.management import CommandError, call_command

from challenges.models import ChallengeRequest
from labs.models import JointLab
from projects.models import Project
from recruitment.models import Application, Call

pytestmark = pytest.mark.django_db


def test_it_refuses_to_run_on_a_site_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("generate_data", "--scale", "0.01", verbosity=0)
    assert JointLab.objects.count() == 0


def test_it_creates_the_scaled_numbers_with_working_pages(client):
    call_command("generate_data", "--scale", "0.01", "--force", verbosity=0)
    assert (JointLab.objects.count(), Project.objects.count()) == (1, 100)
    assert (ChallengeRequest.objects.count(), Application.objects.count()) == (20, 200)
    assert Call.objects.published().open().exists()
    project = Project.objects.public().first()
    assert client.get(project.get_absolute_url()).status_code == 200
    assert client.get(project.lab.get_absolute_url()).status_code == 200
    # References continue the counters, so a real submission afterwards gets a fresh number.
    from portal.references import next_reference

    assert next_reference("CH").endswith("-00021")


def test_two_runs_coexist():
    call_command("generate_data", "--scale", "0.01", "--force", verbosity=0)
    call_command("generate_data", "--scale", "0.01", "--force", verbosity=0)
    assert Project.objects.count() == 200
