"""A lab's brand colour (its stylesheet and its contrast), what a page shares as og:image, and compressed HTML."""

import gzip
import io
import os
import re
from pathlib import Path

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from PIL import Image

from labs.models import JointLab
from portal import images, share_cards
from portal.images import contrast_ratio, ink_colour, text_colour_on
from portal.page_cache import content_version
from tests.factories import JointLabFactory, ProjectFactory

# The picture helpers, and the fixture that keeps uploads in a temporary folder (imported to apply here too).
from tests.portal.test_images import _media_in_tmp, lab_with_logo, opened, picture_bytes, render, stored  # noqa: F401

pytestmark = pytest.mark.django_db


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
    # Seven characters, so PostgreSQL's varchar(7) takes it too: a value written around the model's validation.
    JointLab.objects.filter(pk=lab.pk).update(brand_colour="red;}*{")

    css = client.get(reverse("brand_stylesheet")).content.decode()

    assert "red;" not in css and "}*{" not in css
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
