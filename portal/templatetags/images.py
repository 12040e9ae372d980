"""Every picture on the public site goes through these tags: a record's own image when it has one, otherwise a
generated monogram or pattern in the lab's colour (never a picture of a real person or a made-up logo).

    {% load images %}
    {% picture lab "logo" %}            the lab's logo, or its monogram
    {% picture person "avatar" %}       a person's photo, or their initials
    {% picture project "card" css_class="card-img-top" %}
    {% picture project "hero" eager=True %}   above the fold: loaded at once, not lazily
    {% share_image_url record %}        the absolute og:image address
    {% brand_stylesheet_url %}          /brand.css?v=…: `.brand-<lab slug>` sets --brand, --brand-text, --brand-ink

Renditions (the box the picture is drawn in, CSS pixels) and how they are made: portal/images.py.
"""

import functools
import hashlib

from django import template
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal import images, share_cards
from portal.images import FALLBACK_COLOURS, IMAGE_FIELDS, RENDITIONS  # noqa: F401  (the names templates document)

register = template.Library()


def image_of(record):
    return images.image_field_of(record)


def alt_text_of(record):
    """What the picture shows, from the content: a description where the record has one, otherwise its name."""
    described = (getattr(record, "image_alt", "") or "").strip()
    if described:
        return described
    for attribute in ("display_name", "name", "title"):
        value = getattr(record, attribute, "")
        if value:
            return str(value)
    return ""


def _cached_lab(record):
    """The record's lab when it is already loaded (never a query), else None."""
    descriptor = getattr(type(record), "lab", None)
    if isinstance(descriptor, ForwardManyToOneDescriptor) and descriptor.is_cached(record):
        return record.lab
    return None


def brand_colour_of(record):
    """The colour of the record's monogram: its own brand colour (a lab), its lab's when loaded, else a colour
    chosen by its slug (brand.css then paints it in its lab's colour through the brand-lab-<id> class)."""
    if hasattr(record, "brand_colour"):
        return images.safe_colour(record.brand_colour, getattr(record, "slug", "") or record.pk)
    lab = _cached_lab(record)
    if lab is not None:
        return images.safe_colour(getattr(lab, "brand_colour", ""), lab.slug)
    return images.fallback_colour(getattr(record, "slug", "") or getattr(record, "pk", ""))


def brand_class_of(record):
    """The class that brand.css colours: the lab's own, or the one of the record's lab (by id: no query)."""
    if hasattr(record, "brand_colour") and record.pk:
        return f"brand-lab-{record.pk}"
    lab_id = getattr(record, "lab_id", None)
    return f"brand-lab-{int(lab_id)}" if isinstance(lab_id, int) else ""


def initials_of(record):
    name = (
        getattr(record, "short_name", "") or getattr(record, "name", "") or getattr(record, "title", "") or "?"
    ).strip()
    words = [word for word in name.replace("–", " ").replace("-", " ").split() if word[:1].isalnum()]
    if not words:
        return name[:1]
    if not words[0].isascii():
        # Chinese names: the first character reads as the monogram.
        return words[0][:1]
    if len(words) == 1 and words[0].isupper() and len(words[0]) <= 5:
        return words[0]  # an acronym is the name people know: HKUST, HKPC, CAIR
    letters = "".join(word[0] for word in words if word[0].isupper()) or words[0][0].upper()
    return letters[:3]


def _pattern(seed, width, height):
    """A few shapes in translucent white, laid out by the seed: the same record always gets the same pattern."""
    digest = hashlib.sha256(seed.encode()).digest()
    motif = digest[0] % 4
    unit = max(width, height)
    shapes = []
    if motif == 0:  # rings around two centres
        for cx, cy, base in ((digest[1] / 255 * width, digest[2] / 255 * height, 0.18), (width, height, 0.35)):
            for step in range(4):
                shapes.append(
                    format_html(
                        '<circle cx="{}" cy="{}" r="{}" fill="none" stroke="#fff" stroke-opacity=".16"'
                        ' stroke-width="{}"/>',
                        round(cx),
                        round(cy),
                        round(unit * (base + step * 0.09)),
                        round(unit * 0.02, 1),
                    )
                )
    elif motif == 1:  # diagonal bands
        for band in range(5):
            start = round((band * 0.26 - 0.2 + digest[band + 1] / 2550) * unit)
            wide = round(unit * (0.05 + digest[band + 6] / 255 * 0.1))
            shapes.append(
                format_html(
                    '<polygon points="{},0 {},0 {},{} {},{}" fill="#fff" fill-opacity="{}"/>',
                    start,
                    start + wide,
                    start + wide - height,
                    height,
                    start - height,
                    height,
                    round(0.06 + (digest[band + 11] % 8) / 100, 2),
                )
            )
    elif motif == 2:  # scattered squares turned by 45 degrees
        for block in range(7):
            size = round(unit * (0.06 + digest[block + 1] / 255 * 0.14))
            x = round(digest[block + 8] / 255 * width)
            y = round(digest[block + 15] / 255 * height)
            shapes.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" transform="rotate(45 {} {})" fill="#fff"'
                    ' fill-opacity="{}"/>',
                    x - size // 2,
                    y - size // 2,
                    size,
                    size,
                    x,
                    y,
                    round(0.06 + (digest[block + 22] % 10) / 100, 2),
                )
            )
    else:  # waves across the box
        for wave in range(4):
            y = round(height * (0.25 + wave * 0.2))
            lift = round(height * (0.08 + digest[wave + 1] / 255 * 0.12))
            shapes.append(
                format_html(
                    '<path d="M0 {} C {} {}, {} {}, {} {} L {} {} L 0 {} Z" fill="#fff" fill-opacity=".08"/>',
                    y,
                    round(width * 0.3),
                    y - lift,
                    round(width * 0.7),
                    y + lift,
                    width,
                    y,
                    width,
                    height,
                    height,
                )
            )
    return mark_safe("".join(shapes))  # every shape was built by format_html from numbers


def monogram(record, rendition, css_class=""):
    """The generated picture of a record without one: initials (avatars, logos) or a pattern with the initials
    (cards, heroes), in the record's brand colour. Decorative: the record's name is always next to it."""
    width, height, _fit = RENDITIONS[rendition]
    letters = initials_of(record)
    colour = brand_colour_of(record)
    patterned = rendition in ("card", "hero")
    scale = {1: 0.42, 2: 0.42, 3: 0.32, 4: 0.26}.get(len(letters), 0.21)
    font_size = int(min(width, height) * (scale if not patterned else min(scale, 0.3)))
    seed = f"{type(record).__name__}:{getattr(record, 'slug', '') or getattr(record, 'pk', '')}"
    classes = _classes("picture", f"picture-{rendition}", "monogram", brand_class_of(record), css_class)
    return _monogram_markup(classes, width, height, colour, seed if patterned else "", font_size, letters)


@functools.lru_cache(maxsize=4096)
def _monogram_markup(classes, width, height, colour, pattern_seed, font_size, letters):
    """The SVG of a monogram: the same inputs always draw the same picture, so a page of cards draws each once
    per process (escaping and laying out the shapes cost ~0.5 ms a picture)."""
    return format_html(
        '<svg class="{}" width="{}" height="{}" viewBox="0 0 {} {}" aria-hidden="true"'
        ' focusable="false"><rect class="monogram-bg" width="100%" height="100%" fill="{}"/>{}<text'
        ' class="monogram-text" x="50%" y="50%" dy=".35em" text-anchor="middle" fill="{}" font-size="{}"'
        ' font-weight="600">{}</text></svg>',
        classes,
        width,
        height,
        width,
        height,
        colour,
        _pattern(pattern_seed, width, height) if pattern_seed else "",
        images.text_colour_on(colour),
        font_size,
        letters,
    )


def _classes(*names):
    return " ".join(name for name in names if name)


def _srcset(field_file, files):
    return ", ".join(f"{images.url_of(field_file, name)} {density}x" for name, density in files)


def _picture_markup(field_file, manifest, record, rendition, css_class, eager, decorative=False):
    _width, _height, fit = RENDITIONS[rendition]
    fallback = manifest["fallback"]["files"]
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}">',
        ((source["type"], _srcset(field_file, source["files"])) for source in manifest["sources"]),
    )
    return format_html(
        '<picture class="picture-frame">{}<img class="{}" src="{}" srcset="{}" alt="{}"'
        ' width="{}" height="{}" loading="{}" decoding="async"{}></picture>',
        sources,
        _classes("picture", f"picture-{rendition}", f"fit-{fit}", css_class),
        images.url_of(field_file, fallback[0][0]),
        _srcset(field_file, fallback),
        "" if decorative else alt_text_of(record),
        manifest["width"],
        manifest["height"],
        "eager" if eager else "lazy",
        mark_safe(' fetchpriority="high"') if eager else "",
    )


@register.simple_tag
def picture(record, rendition="card", css_class="", eager=False, decorative=False):
    """`decorative=True` where the record's name is written right beside its picture (cards, headers): alt="" so
    a screen reader does not read the name twice."""
    if rendition not in RENDITIONS:
        raise template.TemplateSyntaxError(f"Unknown picture rendition {rendition!r}: one of {sorted(RENDITIONS)}")
    image = image_of(record)
    manifest = images.rendition_of(image, rendition) if image else None
    if not manifest:
        return monogram(record, rendition, css_class)
    return _picture_markup(image, manifest, record, rendition, css_class, eager, decorative)


@register.simple_tag(takes_context=True)
def share_image_url(context, record=None):
    """The absolute address of the page's `og:image`: the record's own picture, whole, centred on a 1200×630 JPEG
    (which every link preview reads), else a card generated with its title (portal/share_cards.py), else the
    site's share card."""
    request = context.get("request")
    image = image_of(record) if record is not None else None
    manifest = images.rendition_of(image, "share") if image else None
    if manifest:
        path = images.url_of(image, manifest["fallback"]["files"][0][0])
    else:
        path = (_share_card_of(record) if record is not None else None) or static("img/share-card.png")
    return request.build_absolute_uri(path) if request else path


def _share_card_of(record):
    title = str(getattr(record, "title", "") or getattr(record, "name", "") or "").strip()
    if not title:
        return None
    lab = record if hasattr(record, "brand_colour") else _cached_lab(record)
    if lab is record:
        subtitle = getattr(record, "tagline", "") or ""
    else:
        subtitle = getattr(lab, "display_name", "") if lab is not None else ""
    return share_cards.card_url(
        title=title, subtitle=str(subtitle), colour=brand_colour_of(record), language=get_language() or "en"
    )


@register.simple_tag
def brand_stylesheet_url():
    """The brand stylesheet's address, versioned by the public content so it can be cached for a year."""
    from portal.page_cache import content_version

    return f"{reverse('brand_stylesheet')}?v={content_version()}"
