"""The picture pipeline: renditions made from uploads, the markup every page draws them with, what a broken or hostile
file shows instead, the checks an upload goes through, the labs' brand colours and stylesheet, og:image and the
compressed HTML."""

import gzip
import io
import logging
import os
import re
from pathlib import Path

import pytest
from django.core import signing
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
from portal import images, share_cards
from portal.images import contrast_ratio, ink_colour, rendition_of, text_colour_on, validate_picture
from portal.page_cache import content_version
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


# --- brand colours --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "colour",
    ["red;}body{x", "red", "#12345", "#1234567", "#gggggg", "1f4e79", "#1f4e79;", "#1f4e79\n", "var(--x)"],
)
def test_a_brand_colour_that_is_not_six_hex_digits_is_refused(colour):
    lab = JointLabFactory.build(brand_colour=colour)

    with pytest.raises(ValidationError) as raised:
        lab.full_clean(exclude=["logo"])

    assert "brand_colour" in raised.value.message_dict


def test_a_brand_colour_in_hex_is_accepted():
    JointLabFactory.build(brand_colour="#1F4E79").full_clean(exclude=["logo"])


@pytest.mark.parametrize("colour", ["#ffd700", "#1f4e79", "#777777", "#00ff00", "#ff0000", "#000000", "#ffffff"])
def test_text_on_a_brand_colour_and_the_brand_ink_on_white_read_at_4_5_to_1(colour):
    assert contrast_ratio(text_colour_on(colour), colour) >= 4.5
    assert contrast_ratio(ink_colour(colour), "#ffffff") >= 4.5


def test_brand_css_defines_each_labs_colour_and_text_colour(client):
    gold = JointLabFactory(slug="gold-lab", brand_colour="#FFD700")
    plain = JointLabFactory(slug="plain-lab", brand_colour="")

    css = client.get(reverse("brand_stylesheet")).content.decode()

    assert f".brand-gold-lab,.brand-lab-{gold.pk}{{--brand:#ffd700;--brand-text:#000000;--brand-ink:" in css
    assert f".brand-plain-lab,.brand-lab-{plain.pk}{{--brand:{images.fallback_colour('plain-lab')};" in css
    assert f".monogram.brand-lab-{gold.pk}>.monogram-bg" in css


def test_brand_css_never_writes_a_colour_that_bypassed_validation(client):
    lab = JointLabFactory(slug="sneaky")
    JointLab.objects.filter(pk=lab.pk).update(brand_colour="red;}body{x")

    css = client.get(reverse("brand_stylesheet")).content.decode()

    assert "body" not in css and "red" not in css
    assert f"--brand:{images.fallback_colour('sneaky')};" in css


def test_brand_css_of_the_current_version_is_cached_for_a_year_and_changes_with_the_content(client):
    lab = JointLabFactory(brand_colour="#1f4e79")
    page = client.get(reverse("overview:lab_detail", kwargs={"slug": lab.slug})).content.decode()
    address = re.search(r'<link rel="stylesheet" href="(/brand\.css\?v=\d+)">', page).group(1)

    current = client.get(address)
    stale = client.get(reverse("brand_stylesheet") + "?v=0")
    lab.brand_colour = "#7a2e2e"
    lab.save()
    after = client.get(f"{reverse('brand_stylesheet')}?v={content_version()}")

    assert current["Content-Type"].startswith("text/css")
    assert current["Cache-Control"] == "public, max-age=31536000, immutable"
    assert stale["Cache-Control"] == "public, max-age=300"
    assert address != f"/brand.css?v={content_version()}"
    assert "--brand:#7a2e2e;" in after.content.decode()


# --- og:image -------------------------------------------------------------------------------------------------------


def og_image(html):
    return re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)


# CI installs Debian's fonts-noto-cjk (.ci/run) and sets REQUIRE_BROWSER_TESTS: there the test must run.
needs_a_cjk_font = pytest.mark.skipif(
    not share_cards.font_path() and not os.environ.get("REQUIRE_BROWSER_TESTS"),
    reason="no font with Chinese on this machine (apt-get install fonts-noto-cjk)",
)


@pytest.fixture
def no_cjk_font(monkeypatch, settings):
    settings.SHARE_CARD_FONT = ""
    monkeypatch.setattr(share_cards, "SYSTEM_FONTS", ())
    share_cards.font_path.cache_clear()
    yield
    share_cards.font_path.cache_clear()


def test_a_list_page_shares_the_site_card(client):
    assert og_image(client.get("/labs/").content.decode()) == "http://testserver/static/img/share-card.png"


def test_without_a_font_for_chinese_a_lab_page_shares_the_site_card(client, no_cjk_font):
    lab = JointLabFactory()

    html = client.get(reverse("overview:lab_detail", kwargs={"slug": lab.slug})).content.decode()

    assert og_image(html) == "http://testserver/static/img/share-card.png"


@needs_a_cjk_font
def test_a_lab_page_without_a_logo_shares_a_card_with_its_name_in_the_page_language(client):
    lab = JointLabFactory(name="Example Lab", name_zh_hant="示例實驗室", brand_colour="#ffd700")

    english = og_image(client.get(reverse("overview:lab_detail", kwargs={"slug": lab.slug})).content.decode())
    chinese = og_image(client.get(f"/zh-hant/labs/{lab.slug}/").content.decode())

    assert english.startswith("http://testserver/share/") and english.endswith(".png")
    assert chinese != english
    card = client.get(english.removeprefix("http://testserver"))
    assert card["Content-Type"] == "image/png"
    assert card["Cache-Control"] == "public, max-age=31536000, immutable"
    picture = Image.open(io.BytesIO(card.content)).convert("RGB")
    assert picture.size == (1200, 630)
    assert picture.getpixel((20, 20)) == (255, 215, 0)  # the lab's colour
    assert picture.getpixel((77, 300)) == (0, 0, 0)  # text colour that reads on gold


def test_a_share_card_address_that_was_not_signed_by_the_portal_is_not_drawn(client):
    token = signing.dumps(["Anything at all", "", "#000000", "en"], salt="somebody else", compress=True)

    assert client.get(reverse("share_card", kwargs={"token": token})).status_code == 404


def test_a_lab_page_shares_its_logo_whole_on_a_1200_by_630_jpeg(client):
    lab = lab_with_logo(picture_bytes((1600, 400)))

    address = og_image(client.get(reverse("overview:lab_detail", kwargs={"slug": lab.slug})).content.decode())

    assert address.startswith("http://testserver/media/renditions/") and address.endswith("/share-1x.jpg")
    shared = opened(address.removeprefix("http://testserver/media/"))
    assert shared.size == (1200, 630) and shared.format == "JPEG"
    assert shared.getpixel((5, 5)) == (255, 255, 255)  # padded, not cropped


def test_a_project_page_has_an_absolute_og_image(client):
    project = ProjectFactory()
    url = reverse("projects:project_detail", kwargs={"lab_slug": project.lab.slug, "slug": project.slug})

    assert og_image(client.get(url).content.decode()).startswith("http://testserver/")


def test_the_share_image_of_a_project_with_an_image_is_its_own():
    project = ProjectFactory(image_alt="A robot arm")
    project.image.name = stored("projects/robot.jpg", picture_bytes())

    assert render("{% share_image_url p %}", p=project).endswith("/share-1x.jpg")


def test_the_site_share_card_is_a_small_1200_by_630_png():
    from django.contrib.staticfiles import finders

    path = finders.find("img/share-card.png")

    assert Image.open(path).size == (1200, 630)
    assert Image.open(path).format == "PNG"
    assert Path(path).stat().st_size < 60_000


# --- compression ----------------------------------------------------------------------------------------------------


def test_html_is_sent_gzipped_to_clients_that_accept_it(client):
    lab = JointLabFactory()
    url = reverse("overview:lab_detail", kwargs={"slug": lab.slug})

    compressed = client.get(url, headers={"accept-encoding": "gzip, br"})
    plain = client.get(url)

    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content).decode().startswith("<!doctype html>")
    assert not plain.has_header("Content-Encoding")


def test_a_picture_above_the_fold_can_be_loaded_at_once():
    project = ProjectFactory(image_alt="A robot arm")
    project.image.name = stored("projects/robot.jpg", picture_bytes())

    html = render('{% picture p "hero" eager=True %}', p=project)

    assert 'loading="eager"' in html and 'fetchpriority="high"' in html


def test_the_shipped_nginx_config_compresses_proxied_text():
    from django.conf import settings

    config = (Path(settings.BASE_DIR) / "deploy" / "nginx.conf").read_text()

    assert re.search(r"^\s*gzip on;", config, re.MULTILINE)
    assert re.search(r"^\s*gzip_proxied any;", config, re.MULTILINE)
    assert re.search(r"^\s*gzip_vary on;", config, re.MULTILINE)
    types = re.search(r"gzip_types([^;]+);", config).group(1).split()
    assert {"text/css", "application/javascript", "application/json", "image/svg+xml"} <= set(types)
