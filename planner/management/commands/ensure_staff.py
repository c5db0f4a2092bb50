"""Make sure there is a staff login, so that a fresh `make run` can be used at once.

With DJANGO_SUPERUSER_USERNAME / DJANGO_SUPERUSER_PASSWORD set, that superuser is
created or brought up to date. Otherwise a user `admin` is ensured; when it is new,
a strong password is generated and printed once. Running the command again changes
nothing. The groups "viewer" and "editor" are ensured too, the staff user in "editor".
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse

DEFAULT_USERNAME = "admin"
GROUPS = ("viewer", "editor")
STAFF_GROUP = "editor"


class Command(BaseCommand):
    help = "Create or update the staff login and the viewer/editor groups (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        groups = {name: Group.objects.get_or_create(name=name)[0] for name in GROUPS}

        user_model = get_user_model()
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "").strip() or DEFAULT_USERNAME
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL", "").strip()

        user = user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username}).first()
        created = user is None
        if created:
            user = user_model(**{user_model.USERNAME_FIELD: username})

        changed = created
        for flag in ("is_active", "is_staff", "is_superuser"):
            if not getattr(user, flag):
                setattr(user, flag, True)
                changed = True
        if email and user.email != email:
            user.email = email
            changed = True

        generated = ""
        if password:
            # Only re-hash when the password really differs, so a rerun writes nothing.
            if created or not user.check_password(password):
                user.set_password(password)
                changed = True
        elif created or not user.has_usable_password():
            generated = secrets.token_urlsafe(18)
            user.set_password(generated)
            changed = True

        if changed:
            user.save()
        user.groups.add(groups[STAFF_GROUP])

        login_url = f"http://127.0.0.1:{os.environ.get('PORT') or 8000}{reverse('login')}"
        if generated:
            shown = generated
        elif password:
            shown = "(DJANGO_SUPERUSER_PASSWORD)"
        else:
            shown = (
                "(처음 만들 때 출력된 비밀번호; "
                "바꾸려면 DJANGO_SUPERUSER_PASSWORD를 설정해 다시 실행)"
            )
        self.stdout.write(self.style.SUCCESS(f"로그인: {username} / {shown}  ({login_url})"))
