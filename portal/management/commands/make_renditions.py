from django.apps import apps
from django.core.management.base import BaseCommand

from portal.images import make_all_renditions, picture_fields


class Command(BaseCommand):
    help = (
        "Make the renditions (thumbnails in AVIF, WebP and JPEG or PNG, 1x and 2x) of every logo, photo and image "
        "of every record, again. Safe to run repeatedly; pictures that cannot be read are reported and skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing-only", action="store_true", help="Keep renditions already made (they are found by content)."
        )

    def handle(self, *args, missing_only=False, **options):
        made = broken = 0
        for model in apps.get_models():
            fields = picture_fields(model)
            if not fields:
                continue
            for record in model._default_manager.iterator():
                for field in fields:
                    field_file = getattr(record, field.name)
                    if not field_file:
                        continue
                    results = make_all_renditions(field_file, force=not missing_only)
                    if all(results.values()):
                        made += 1
                    else:
                        broken += 1
                        self.stderr.write(f"{model._meta.label} {record.pk}: {field_file.name} could not be read.")
        self.stdout.write(f"Made the renditions of {made} picture(s); {broken} could not be read.")
