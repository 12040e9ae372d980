"""The one place pictures are checked and resized: upload validation of logos, photos and project images, the
renditions `{% picture %}` draws (AVIF and WebP with a JPEG or PNG fallback, 1x and 2x), and the labs' brand colours.

Renditions live in default storage under `renditions/<original's stem>-<hash of its content>/`, so a new upload
never shows an old thumbnail. They are made after a record with a picture is saved (post_save, after commit), by
`manage.py make_renditions`, and lazily the first time a page asks for one that is missing. Pillow decodes
untrusted files in a child process bounded in time and memory (portal.bounded), so a truncated file, a file that is
not an image or a decompression bomb costs a log line and the monogram, never a page. What was made is remembered
in the shared cache by file name (and in a small manifest beside the renditions), so drawing a picture costs no
query and, once known, no storage round trip.
"""

import hashlib
import io
import json
import logging
import re
import warnings
from pathlib import PurePosixPath
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django_tasks import task

from .bounded import ChildFailed, RanOutOfResources, TookTooLong, run_bounded
from .uploads import validate_upload

logger = logging.getLogger(__name__)

# name -> (width, height, fit), the box in CSS pixels. "cover" crops (centred) to fill the box; "contain" scales
# the whole picture to fit inside it (logos), with no padding; "pad" centres the whole picture on a white box of
# exactly that size (the og:image of a page: link previews crop nothing, a logo stays whole).
RENDITIONS = {
    "avatar": (96, 96, "cover"),
    "avatar-lg": (192, 192, "cover"),
    "logo": (160, 80, "contain"),
    "card": (480, 270, "cover"),
    "hero": (1200, 630, "cover"),
    "share": (1200, 630, "pad"),
}
SHARE_MARGIN = 60
DENSITIES = (1, 2)
# Fields that hold a record's picture, in the order they are looked for.
IMAGE_FIELDS = ("logo", "photo", "image")
# Formats Pillow may decode: what uploads accept (portal.uploads FILE_KINDS) plus WebP for files put there by hand.
DECODABLE = ("JPEG", "PNG", "WEBP")
# (type, Pillow format, extension, encoder options), best first; those this Pillow cannot write are skipped.
MODERN_FORMATS = (
    ("image/avif", "AVIF", "avif", {"quality": 55, "speed": 8}),
    ("image/webp", "WEBP", "webp", {"quality": 80, "method": 4}),
)
RENDITION_FOLDER = "renditions"
MANIFEST_VERSION = 2
CACHE_SECONDS = 60 * 60 * 24 * 30
BROKEN_CACHE_SECONDS = 60 * 60  # a broken file is tried again an hour later (it may have been replaced by hand)
RENDER_SECONDS = 30


def _pillow():
    from PIL import Image, ImageOps, features

    return Image, ImageOps, features


def available_formats():
    """(mime, Pillow format, extension, options) of the modern formats this Pillow can write, best first."""
    _image, _ops, features = _pillow()
    return [entry for entry in MODERN_FORMATS if features.check(entry[1].lower())]


# --- upload validation ----------------------------------------------------------------------------------------------


def max_pixels():
    return getattr(settings, "IMAGE_MAX_PIXELS", 50_000_000)


def _picture_problem(data, pixel_limit):
    """In a bounded child: None when Pillow reads the whole picture, else what is wrong ("not_image", "too_big")."""
    Image, _ops, _features = _pillow()
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=DECODABLE) as picture:
                width, height = picture.size
                if width * height > pixel_limit:
                    return "too_big"
                picture.load()  # decodes every byte: a truncated or corrupt file fails here
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return "too_big"
        except Exception:  # noqa: BLE001 - any decoder error means "not a readable image"
            return "not_image"
    return None


def validate_picture(value):
    """Validator of the ImageFields of public records (logos, photos, project images): a new upload goes through the
    portal's upload validator (size cap, type by content, matching extension) and must decode with Pillow within
    IMAGE_MAX_PIXELS; a file already stored was checked when it was uploaded."""
    if isinstance(value, FieldFile):
        if value._committed:
            return
        uploaded = value.file
    else:
        uploaded = value
    if uploaded is None or not hasattr(uploaded, "read"):
        return
    validate_upload(uploaded, allowed=("png", "jpeg"))
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    name = PurePosixPath(uploaded.name or "").name
    try:
        problem = run_bounded(
            _picture_problem,
            data,
            max_pixels(),
            seconds=settings.UPLOAD_CHECK_SECONDS,
            memory_bytes=settings.UPLOAD_CHECK_MEMORY_MB * 1024 * 1024,
        )
    except (TookTooLong, RanOutOfResources, ChildFailed):
        logger.warning("An uploaded picture could not be checked in time or memory; refused.", exc_info=True)
        problem = "too_big"
    if problem == "too_big":
        raise ValidationError(
            _("“%(name)s” has too many pixels; at most %(megapixels)d megapixels are accepted. Make it smaller.")
            % {"name": name, "megapixels": max_pixels() // 1_000_000},
            code="too_many_pixels",
        )
    if problem:
        raise ValidationError(
            _("“%(name)s” is damaged or not a picture. Open it, save it again as PNG or JPEG and try again.")
            % {"name": name},
            code="not_image",
        )


# --- brand colours --------------------------------------------------------------------------------------------------

HEX_COLOUR = re.compile(r"\A#[0-9a-fA-F]{6}\Z")
# Colours of records without one of their own, chosen by slug so they never change. Each carries white text at
# 4.5:1 or more.
FALLBACK_COLOURS = ("#1f4e79", "#7a2e2e", "#2e5e3a", "#5b3a7a", "#7a4a12", "#245a66")


def validate_brand_colour(value):
    if value and not HEX_COLOUR.match(value):
        raise ValidationError(
            _("Enter a colour as # and six hexadecimal digits, for example #1f4e79."), code="invalid_colour"
        )


def fallback_colour(key):
    digest = hashlib.sha256(str(key).encode()).hexdigest()
    return FALLBACK_COLOURS[int(digest, 16) % len(FALLBACK_COLOURS)]


def safe_colour(value, key):
    """A colour safe to write into CSS or SVG: the value when it is #rrggbb, else the fallback for `key`."""
    return value.lower() if isinstance(value, str) and HEX_COLOUR.match(value) else fallback_colour(key)


def _luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first, second):
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(colour):
    """White or black, whichever reads better on `colour` (one of them always reaches 4.5:1)."""
    return "#ffffff" if contrast_ratio(colour, "#ffffff") >= contrast_ratio(colour, "#000000") else "#000000"


def ink_colour(colour):
    """`colour` darkened until it reads at 4.5:1 as text on white: for headings and links in the brand colour."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    ink = colour
    while contrast_ratio(ink, "#ffffff") < 4.5:
        red, green, blue = (int(channel * 0.9) for channel in (red, green, blue))
        ink = f"#{red:02x}{green:02x}{blue:02x}"
    return ink


# --- renditions -----------------------------------------------------------------------------------------------------


def image_field_of(record):
    for field_name in IMAGE_FIELDS:
        field = getattr(record, field_name, None)
        if field:
            return field
    return None


def _sizes(source_size, rendition):
    """[(density, (width, height))] to make, never enlarging the original, and the 1x box drawn in CSS pixels."""
    box_width, box_height, fit = RENDITIONS[rendition]
    source_width, source_height = source_size
    if fit == "pad":
        return (box_width, box_height), [(1, (box_width, box_height))]
    if fit == "cover":
        css = (box_width, box_height)
        scale = min(source_width / box_width, source_height / box_height)
    else:
        ratio = min(box_width / source_width, box_height / source_height)
        css = (max(1, round(source_width * ratio)), max(1, round(source_height * ratio)))
        scale = source_width / css[0]
    made = [(density, (css[0] * density, css[1] * density)) for density in DENSITIES if density <= max(scale, 1)]
    if not made:
        made = [(1, css)]
    return css, made


def _render(data, rendition, formats, pixel_limit):
    """In a bounded child: {"css": (w, h), "alpha": bool, "files": [(extension, density, mime, bytes)]}."""
    Image, ImageOps, _features = _pillow()
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(data), formats=DECODABLE) as opened:
            if opened.size[0] * opened.size[1] > pixel_limit:
                raise ValueError(f"{opened.size[0]}×{opened.size[1]} pixels is over the limit")
            longest = max(RENDITIONS[rendition][:2]) * max(DENSITIES)
            opened.draft("RGB", (longest, longest))  # JPEG: decode at a smaller scale (enough either way up)
            picture = ImageOps.exif_transpose(opened)
            picture.load()
    alpha = picture.mode in ("RGBA", "LA", "PA") or (picture.mode == "P" and "transparency" in picture.info)
    picture = picture.convert("RGBA" if alpha else "RGB")
    css, sizes = _sizes(picture.size, rendition)
    box_width, box_height, fit = RENDITIONS[rendition]
    files = []
    for density, size in sizes:
        if fit == "cover":
            resized = ImageOps.fit(picture, size, method=Image.Resampling.LANCZOS, centering=(0.5, 0.5))
        elif fit == "pad":
            inner = (size[0] - 2 * SHARE_MARGIN, size[1] - 2 * SHARE_MARGIN)
            scaled = ImageOps.contain(picture, inner, method=Image.Resampling.LANCZOS)
            resized = Image.new("RGB", size, "#ffffff")
            offset = ((size[0] - scaled.width) // 2, (size[1] - scaled.height) // 2)
            resized.paste(scaled, offset, scaled if scaled.mode == "RGBA" else None)
            alpha = False
        else:
            resized = picture.resize(size, Image.Resampling.LANCZOS)
        for mime, pillow_format, extension, options in formats if fit != "pad" else ():
            buffer = io.BytesIO()
            resized.save(buffer, pillow_format, **options)
            files.append((extension, density, mime, buffer.getvalue()))
        buffer = io.BytesIO()
        if alpha:
            resized.save(buffer, "PNG", optimize=True)
            files.append(("png", density, "image/png", buffer.getvalue()))
        else:
            resized.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
            files.append(("jpg", density, "image/jpeg", buffer.getvalue()))
    return {"css": css, "files": files}


def _cache_key(name, rendition):
    digest = hashlib.sha256(name.encode()).hexdigest()[:32]
    return f"picture.v{MANIFEST_VERSION}.{digest}.{rendition}"


def _folder(name, data):
    stem = re.sub(r"[^A-Za-z0-9_-]", "-", PurePosixPath(name).stem)[:60] or "image"
    return f"{RENDITION_FOLDER}/{stem}-{hashlib.sha256(data).hexdigest()[:16]}"


def make_rendition(field_file, rendition, *, force=False):
    """Make (or find) one rendition of a stored picture; returns its manifest and remembers it in the cache, or None
    when the file cannot be read as a picture (logged; remembered for an hour)."""
    storage = field_file.storage
    name = field_file.name
    try:
        with storage.open(name, "rb") as original:
            data = original.read(settings.UPLOAD_MAX_BYTES + 1)
        if len(data) > settings.UPLOAD_MAX_BYTES:
            raise ValueError("larger than UPLOAD_MAX_BYTES")
        folder = _folder(name, data)
        manifest_name = f"{folder}/{rendition}.json"
        if not force and storage.exists(manifest_name):
            with storage.open(manifest_name, "rb") as stored:
                manifest = json.loads(stored.read())
        else:
            made = run_bounded(
                _render,
                data,
                rendition,
                available_formats(),
                max_pixels(),
                seconds=RENDER_SECONDS,
                memory_bytes=settings.UPLOAD_CHECK_MEMORY_MB * 1024 * 1024,
            )
            manifest = {"width": made["css"][0], "height": made["css"][1], "sources": {}, "fallback": None}
            for extension, density, mime, content in made["files"]:
                path = f"{folder}/{rendition}-{density}x.{extension}"
                if storage.exists(path):
                    storage.delete(path)
                stored_name = storage.save(path, ContentFile(content))
                if mime in ("image/jpeg", "image/png"):
                    manifest["fallback"] = manifest["fallback"] or {"type": mime, "files": []}
                    manifest["fallback"]["files"].append([stored_name, density])
                else:
                    manifest["sources"].setdefault(mime, []).append([stored_name, density])
            manifest["sources"] = [{"type": mime, "files": files} for mime, files in manifest["sources"].items()]
            if storage.exists(manifest_name):
                storage.delete(manifest_name)
            storage.save(manifest_name, ContentFile(json.dumps(manifest).encode()))
    except Exception:  # noqa: BLE001 - whatever is wrong with the file, the page shows the monogram
        logger.warning("Picture %s could not be made into the %s rendition.", name, rendition, exc_info=True)
        cache.set(_cache_key(name, rendition), {"broken": True}, BROKEN_CACHE_SECONDS)
        return None
    cache.set(_cache_key(name, rendition), manifest, CACHE_SECONDS)
    return manifest


def rendition_of(field_file, rendition):
    """The manifest of one rendition of a stored picture (making it if missing), or None when it cannot be made."""
    if not field_file or not field_file.name:
        return None
    known = cache.get(_cache_key(field_file.name, rendition))
    if known is not None:
        return None if known.get("broken") else known
    return make_rendition(field_file, rendition)


def url_of(field_file, stored_name):
    return field_file.storage.url(stored_name)


def make_all_renditions(field_file, *, force=False):
    return {rendition: make_rendition(field_file, rendition, force=force) for rendition in RENDITIONS}


def picture_fields(model):
    """The ImageFields of `model` that hold a record's picture (IMAGE_FIELDS)."""
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, models.ImageField) and field.name in IMAGE_FIELDS
    ]


@task()
def make_renditions_task(name: str):
    """Make every rendition of one picture in default storage (where logos, photos and images are uploaded): at once
    in the embedded default, by the task worker in production, so saving a record never waits for the encoders."""
    make_all_renditions(SimpleNamespace(storage=default_storage, name=name))


@receiver(post_save, dispatch_uid="portal.images.renditions_after_save")
def _make_renditions_after_save(sender, instance, raw=False, **kwargs):
    """A record saved with a new picture gets its renditions after commit (fixtures are left alone)."""
    if raw:
        return
    for field in picture_fields(sender):
        field_file = getattr(instance, field.name)
        if field_file and field_file.name and cache.get(_cache_key(field_file.name, "card")) is None:
            transaction.on_commit(lambda name=field_file.name: make_renditions_task.enqueue(name))
