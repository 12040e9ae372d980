"""The picture pipeline: renditions made from uploads, the markup every page draws them with, what a broken or hostile
file shows instead, and the checks an upload goes through (brand colours, og:image and compression:
test_brand_and_sharing.py)."""

import io
import logging
import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image, features

from labs.models import JointLab
from portal.images import rendition_of, validate_picture
from projects.models import Project
from tests.factories import JointLabFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def picture_bytes(size=(1600, 900), mode="RGB", image_format="JPEG", colour=(30, 90, 160)):
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, image_format)
    return buffer.getvalue()


def stored(name, content):
    return default_storage.save(name, ContentFile(content))


def opened(name):
    with default_storage.open(name, "rb") as file:
        picture = Image.open(io.BytesIO(file.read()))
        picture.load()
        return picture


def render(template, **context):
    return Template("{% load images %}" + template).render(Context(context))


def lab_with_logo(content=None, name="logos/labs/logo.jpg", **fields):
    lab = JointLabFactory(**fields)
    lab.logo.name = stored(name, content or picture_bytes())
    lab.save()
    return lab


# --- renditions -----------------------------------------------------------------------------------------------------


def test_a_card_rendition_is_cropped_to_the_box_at_1x_and_2x_in_modern_formats_and_jpeg():
    lab = lab_with_logo(picture_bytes((1600, 1200)))

    manifest = rendition_of(lab.logo, "card")

    assert (manifest["width"], manifest["height"]) == (480, 270)
    assert manifest["fallback"]["type"] == "image/jpeg"
    sizes = {density: opened(name).size for name, density in manifest["fallback"]["files"]}
    assert sizes == {1: (480, 270), 2: (960, 540)}
    assert opened(manifest["fallback"]["files"][0][0]).format == "JPEG"
    types = [source["type"] for source in manifest["sources"]]
    assert "image/webp" in types
    assert ("image/avif" in types) == features.check("avif")
    webp = next(source for source in manifest["sources"] if source["type"] == "image/webp")
    assert opened(webp["files"][1][0]).size == (960, 540)
    assert opened(webp["files"][1][0]).format == "WEBP"


def test_a_logo_keeps_its_aspect_inside_the_box_without_padding():
    lab = lab_with_logo(picture_bytes((1600, 400)))

    manifest = rendition_of(lab.logo, "logo")

    assert (manifest["width"], manifest["height"]) == (160, 40)
    assert opened(manifest["fallback"]["files"][0][0]).size == (160, 40)


def test_a_small_original_is_never_enlarged_beyond_1x():
    lab = lab_with_logo(picture_bytes((600, 400)))

    manifest = rendition_of(lab.logo, "card")

    assert [density for _name, density in manifest["fallback"]["files"]] == [1]


def test_a_transparent_png_falls_back_to_png_not_jpeg():
    lab = lab_with_logo(picture_bytes((800, 400), "RGBA", "PNG", (0, 0, 0, 0)), name="logos/labs/logo.png")

    manifest = rendition_of(lab.logo, "logo")

    assert manifest["fallback"]["type"] == "image/png"
    assert opened(manifest["fallback"]["files"][0][0]).mode == "RGBA"


def test_a_new_upload_under_the_same_name_gets_new_renditions():
    lab = lab_with_logo(picture_bytes(colour=(200, 0, 0)))
    first = rendition_of(lab.logo, "card")["fallback"]["files"][0][0]
    default_storage.delete(lab.logo.name)
    lab.logo.name = stored(lab.logo.name, picture_bytes(colour=(0, 200, 0)))
    cache.clear()

    second = rendition_of(lab.logo, "card")["fallback"]["files"][0][0]

    assert second != first
    assert opened(second).getpixel((10, 10))[1] > 150


def test_renditions_are_made_when_a_picture_is_saved(django_capture_on_commit_callbacks):
    lab = JointLabFactory()
    with django_capture_on_commit_callbacks(execute=True):
        lab.logo.save("fresh.jpg", ContentFile(picture_bytes()))
    folder = default_storage.listdir("renditions")[0][0]

    files = default_storage.listdir(f"renditions/{folder}")[1]

    assert {"card-1x.jpg", "hero-1x.jpg", "avatar-2x.webp", "logo.json", "share-1x.jpg"} <= set(files)


def test_make_renditions_rebuilds_every_picture():
    lab_with_logo()
    cache.clear()
    out = io.StringIO()

    call_command("make_renditions", stdout=out, stderr=io.StringIO())

    assert "Made the renditions of 1 picture(s); 0 could not be read." in out.getvalue()
    assert default_storage.exists(f"renditions/{default_storage.listdir('renditions')[0][0]}/hero-1x.jpg")


# --- markup ---------------------------------------------------------------------------------------------------------


def test_a_lab_page_draws_the_logo_as_a_picture_with_size_alt_and_lazy_loading(client):
    lab = lab_with_logo(picture_bytes((1600, 800)))

    html = client.get(reverse("overview:lab_detail", kwargs={"slug": lab.slug})).content.decode()

    img = re.search(r'<picture class="picture-frame">(.*?)<img ([^>]*)></picture>', html)
    assert img, "the logo is drawn with <picture>"
    assert '<source type="image/webp" srcset="/media/renditions/' in img.group(1)
    attributes = img.group(2)
    assert 'width="160" height="80"' in attributes
    assert 'alt=""' in attributes  # the lab's name is the heading beside it: read once, not twice
    assert 'loading="lazy"' in attributes and 'decoding="async"' in attributes
    assert re.search(r'srcset="\S+-1x\.jpg 1x, \S+-2x\.jpg 2x"', attributes)


def test_drawing_pictures_costs_no_query_once_their_renditions_are_known():
    lab = lab_with_logo()
    rendition_of(lab.logo, "card")
    project = Project.objects.get(pk=ProjectFactory(lab=lab).pk)  # its lab not loaded
    lab = JointLab.objects.get(pk=lab.pk)

    with CaptureQueriesContext(connection) as queries:
        html = render('{% picture lab "card" %}{% picture project "card" %}', lab=lab, project=project)

    assert len(queries) == 0
    assert "<picture" in html and f"brand-lab-{lab.pk}" in html


def test_a_project_without_an_image_gets_a_pattern_in_its_labs_colour():
    project = ProjectFactory(lab=JointLabFactory(brand_colour="#2e5e3a"), title="Smart Grid Sensing")

    html = render('{% picture project "card" %}', project=project)

    assert html.startswith('<svg class="picture picture-card monogram brand-lab-')
    assert 'fill="#2e5e3a"' in html and 'aria-hidden="true"' in html
    assert ">SGS</text>" in html
    assert html.count("<rect") + html.count("<circle") + html.count("<polygon") + html.count("<path") > 2


def test_the_same_record_always_gets_the_same_pattern():
    project = ProjectFactory(slug="steady")

    assert render('{% picture p "hero" %}', p=project) == render('{% picture p "hero" %}', p=project)


@pytest.mark.parametrize(
    ("short_name", "name", "letters"),
    [
        ("HKUST", "The Hong Kong University of Science and Technology", ">HKUST</text>"),
        ("", "Hong Kong Productivity Council", ">HKP</text>"),
        ("港科大", "香港科技大學", ">港</text>"),
    ],
)
def test_a_monogram_spells_an_acronym_and_otherwise_takes_initials(short_name, name, letters):
    lab = JointLabFactory(short_name=short_name, name=name)

    assert letters in render('{% picture lab "logo" %}', lab=lab)


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a picture at all",
        picture_bytes()[:400],  # truncated
    ],
    ids=["not-an-image", "truncated"],
)
def test_a_broken_picture_shows_the_monogram_and_is_logged(client, caplog, content):
    lab = lab_with_logo(content)

    with caplog.at_level(logging.WARNING, logger="portal.images"):
        response = client.get(reverse("overview:lab_detail", kwargs={"slug": lab.slug}))

    assert response.status_code == 200
    assert "monogram" in response.content.decode()
    assert "<picture" not in response.content.decode()
    assert any(lab.logo.name in record.getMessage() for record in caplog.records)


def test_a_decompression_bomb_is_not_decoded_and_shows_the_monogram(caplog):
    buffer = io.BytesIO()
    Image.new("1", (12000, 12000)).save(buffer, "PNG")  # 144 megapixels in a few kilobytes
    lab = lab_with_logo(buffer.getvalue(), name="logos/labs/bomb.png")

    with caplog.at_level(logging.WARNING, logger="portal.images"):
        html = render('{% picture lab "logo" %}', lab=lab)

    assert "monogram" in html
    assert caplog.records


# --- upload validation ----------------------------------------------------------------------------------------------


def refusal(upload):
    try:
        validate_picture(upload)
    except ValidationError as error:
        return error.error_list[0].code
    return None


def test_an_upload_that_is_a_real_picture_is_accepted():
    assert refusal(SimpleUploadedFile("logo.png", picture_bytes((400, 200), image_format="PNG"))) is None


def test_a_text_file_renamed_png_is_refused():
    assert refusal(SimpleUploadedFile("logo.png", b"<html>not a picture</html>" * 20)) == "bad_type"


def test_a_jpeg_named_png_is_refused():
    assert refusal(SimpleUploadedFile("logo.png", picture_bytes())) == "bad_extension"


def test_an_upload_over_the_size_limit_is_refused(settings):
    settings.UPLOAD_MAX_BYTES = 1000

    assert refusal(SimpleUploadedFile("photo.jpg", picture_bytes((800, 800)))) == "too_large"


def test_an_upload_with_too_many_pixels_is_refused(settings):
    settings.IMAGE_MAX_PIXELS = 1_000_000

    assert refusal(SimpleUploadedFile("huge.png", picture_bytes((1200, 1000), "1", "PNG", 0))) == "too_many_pixels"


def test_a_truncated_upload_is_refused():
    assert refusal(SimpleUploadedFile("cut.jpg", picture_bytes()[:600])) == "not_image"


def test_a_lab_logo_uploaded_through_the_model_is_checked():
    lab = JointLabFactory()
    lab.logo = SimpleUploadedFile("logo.png", b"GIF89a not really" * 40)

    with pytest.raises(ValidationError) as raised:
        lab.full_clean()

    assert "logo" in raised.value.message_dict


# --- projects' images -----------------------------------------------------------------------------------------------


def test_a_project_image_needs_a_description():
    project = ProjectFactory()
    project.image.name = stored("projects/x.jpg", picture_bytes())
    project.image_alt = " "

    with pytest.raises(ValidationError) as raised:
        project.full_clean()

    assert "image_alt" in raised.value.message_dict


def test_a_logo_is_named_by_its_record_unless_the_name_is_written_beside_it():
    lab = lab_with_logo()

    assert f'alt="{lab.display_name}"' in render('{% picture lab "logo" %}', lab=lab)
    assert 'alt=""' in render('{% picture lab "logo" decorative=True %}', lab=lab)


def test_a_project_image_is_described_by_its_alt_text():
    project = ProjectFactory(image_alt="Engineers testing a sensor on a tram line")
    project.image.name = stored("projects/x.jpg", picture_bytes())

    assert 'alt="Engineers testing a sensor on a tram line"' in render('{% picture p "card" %}', p=project)
