"""Calls, applications, referees and reviews move to the recruitment app: step 1 of 3.

Their tables (with their audit-history and many-to-many tables) are renamed to the recruitment app's names here,
keeping every row; recruitment/0001 then takes the models over in Django's state only, and people/0012 lets go of
them. Content types move in recruitment/0001, so permissions, group grants, status histories and admin links follow.
"""

from django.db import migrations

MOVED = ["call", "application", "applicationreferee", "review", "historicalcall", "historicalapplication",
         "historicalreview"]  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("people", "0010_content_translations")]

    operations = [migrations.AlterModelTable(name=name, table=f"recruitment_{name}") for name in MOVED]
