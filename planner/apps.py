from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _

# The apps whose rows the text hook cleans (their historical records included).
CLEANED_APPS = frozenset({"planner", "itineraries", "forums"})


def _clean_text_before_save(sender, instance, raw=False, **kwargs) -> None:
    """Every save of a planner row drops control and bidi-override characters, whichever
    path it takes (forms clean first, with a message; admin, services and imports land
    here). Fixtures (``raw``) are trusted as they are."""
    if raw or sender._meta.app_label not in CLEANED_APPS:
        return
    from planner.text import clean_instance_text

    clean_instance_text(instance)


class PlannerConfig(AppConfig):
    name = "planner"
    verbose_name = _("Planner core")

    def ready(self) -> None:
        from planner import checks  # noqa: F401  (registers the checks)

        pre_save.connect(_clean_text_before_save, dispatch_uid="planner-clean-text")
