from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Tooling, not product: the demo content (`load_demo`), bulk fictional data (`generate_data`) and the
    benchmarks (`bench_*`). It may import every app; no app imports it."""

    name = "demo"
    verbose_name = _("Demo content and benchmarks")
