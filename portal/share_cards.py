"""Generated share cards: the og:image of a page whose record has no picture of its own. A 1200×630 PNG with the
record's title and where it belongs, on a pattern in the lab's colour, in the page's language.

Drawing a page costs nothing: `{% share_image_url %}` only signs what the card says into its address
(/share/<signed>.png); the card is drawn when a link preview first fetches it, then kept in the cache and, by
address, for a year by browsers and proxies. The signature means no one can have the portal draw other text.
Chinese needs a font that covers it: SHARE_CARD_FONT (a .ttf/.otf/.ttc path) or Noto Sans CJK where the system has it
(Debian's fonts-noto-cjk). Without one, pages keep the site's card (static/img/share-card.png).
"""

import hashlib
import io
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

SALT = "portal.share_cards"
WIDTH, HEIGHT = 1200, 630
YEAR = 60 * 60 * 24 * 365
SYSTEM_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)
# Faces inside Noto Sans CJK collections: the glyph shapes each script's readers expect.
COLLECTION_INDEX = {"zh-hant": 4, "zh-hans": 2, "en": 4}  # Hong Kong, mainland; English text takes the HK face


@lru_cache(maxsize=1)
def font_path():
    configured = getattr(settings, "SHARE_CARD_FONT", "")
    for candidate in (configured, *SYSTEM_FONTS):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def card_url(*, title, subtitle, colour, language):
    """The address of the card saying `title` and `subtitle` on `colour` (#rrggbb), or None without a font."""
    if not font_path():
        return None
    token = signing.dumps([title[:200], subtitle[:120], colour, language], salt=SALT, compress=True)
    return reverse("share_card", kwargs={"token": token})


def _wrap(draw, text, font, width, max_lines):
    """Lines of `text` no wider than `width`: between words, or between any two characters in Chinese."""
    lines, line = [], ""
    units = text.split(" ") if text.isascii() else list(text)
    joiner = " " if text.isascii() else ""
    for unit in units:
        trial = f"{line}{joiner}{unit}" if line else unit
        if draw.textlength(trial, font=font) <= width:
            line = trial
            continue
        if line:
            lines.append(line)
        line = unit
        if len(lines) == max_lines:
            break
    if line and len(lines) < max_lines:
        lines.append(line)
    if len(lines) == max_lines and "".join(lines).replace(" ", "") != text.replace(" ", ""):
        lines[-1] = lines[-1].rstrip()[:-1] + "…"
    return lines


def draw_card(title, subtitle, colour, language):
    from PIL import Image, ImageDraw, ImageFont

    from .images import safe_colour, text_colour_on

    colour = safe_colour(colour, title)
    ink = text_colour_on(colour)
    overlay = (255, 255, 255, 30) if ink == "#ffffff" else (0, 0, 0, 24)
    index = COLLECTION_INDEX.get(language, 4) if font_path().endswith(".ttc") else 0
    card = Image.new("RGB", (WIDTH, HEIGHT), colour)
    draw = ImageDraw.Draw(card, "RGBA")
    seed = hashlib.sha256(title.encode()).digest()
    centre = (WIDTH - 120 + seed[0] % 100, HEIGHT - 40 + seed[1] % 60)
    for ring in range(8):
        radius = 140 + ring * (60 + seed[2] % 20)
        box = [centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius]
        draw.ellipse(box, outline=overlay, width=14)
    draw.rectangle([72, 90, 82, 540], fill=ink)
    title_font = ImageFont.truetype(font_path(), 64, index=index)
    small_font = ImageFont.truetype(font_path(), 30, index=index)
    y = 110
    for line in _wrap(draw, subtitle, small_font, 960, 1):
        draw.text((112, y), line, font=small_font, fill=ink)
        y += 60
    for line in _wrap(draw, title, title_font, 980, 4):
        draw.text((112, y), line, font=title_font, fill=ink)
        y += 84
    with translation.override(language):
        site = gettext("Joint Lab Portal")
    draw.text((112, 520), site, font=small_font, fill=ink)
    buffer = io.BytesIO()
    card.quantize(colors=64).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


@require_GET
def share_card(request, token):
    try:
        title, subtitle, colour, language = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        raise Http404 from None
    if not font_path():
        raise Http404
    key = f"share-card.{hashlib.sha256(token.encode()).hexdigest()}"
    content = cache.get(key)
    if content is None:
        content = draw_card(title, subtitle, colour, language)
        cache.set(key, content, 60 * 60 * 24)
    response = HttpResponse(content, content_type="image/png")
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    return response
