"""Challenge requests move to the challenges app: step 1 of 3.

Their tables (with the audit-history and many-to-many tables) are renamed to the challenges app's names here,
keeping every row; challenges/0001 then takes the models over in Django's state only, and projects/0009 lets go of
them. Content types move in challenges/0001, so permissions, group grants, status histories and admin links follow.
"""

from django.db import migrations

MOVED = ["challengerequest", "challengeattachment", "historicalchallengerequest"]


class Migration(migrations.Migration):
    dependencies = [("projects", "0007_content_translations")]

    operations = [migrations.AlterModelTable(name=name, table=f"challenges_{name}") for name in MOVED]
