from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffLabAccess(models.Model):
    """Which labs a staff account works for. Lab managers and scoped editors see only these labs' records."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lab_access", verbose_name=_("staff user")
    )
    lab = models.ForeignKey(
        "labs.JointLab", on_delete=models.CASCADE, related_name="staff_access", verbose_name=_("lab")
    )

    class Meta:
        ordering = ["user", "lab"]
        verbose_name = _("staff lab access")
        verbose_name_plural = _("staff lab access")
        constraints = [models.UniqueConstraint(fields=["user", "lab"], name="stafflabaccess_unique_user_lab")]
        permissions = [("access_all_labs", _("Can see and manage the records of every lab"))]

    def __str__(self):
        return f"{self.user} → {self.lab}"
