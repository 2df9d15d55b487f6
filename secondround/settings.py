"""Django settings. Everything a deployment changes comes from the environment.

A laptop needs nothing set: data lives in SECONDROUND_HOME (SQLite in WAL mode and a
generated secret key). A career centre sets DATABASE_URL, SECONDROUND_SECRET_KEY,
SECONDROUND_ALLOWED_HOSTS and SECONDROUND_TASK_BACKEND=database.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _home() -> Path:
    default = (
        Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "secondround"
    )
    home = Path(os.environ.get("SECONDROUND_HOME", default))
    home.mkdir(parents=True, exist_ok=True)
    return home


def _secret_key(home: Path) -> str:
    """A key from the environment, or one generated once and kept beside the data.

    Generating it keeps `make run` free of set-up while never shipping a known key.
    """
    if key := os.environ.get("SECONDROUND_SECRET_KEY"):
        return key
    key_file = home / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECONDROUND_HOME = _home()
SECRET_KEY = _secret_key(SECONDROUND_HOME)
DEBUG = os.environ.get("SECONDROUND_DEBUG", "") == "1"
ALLOWED_HOSTS = _env_list("SECONDROUND_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = _env_list("SECONDROUND_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "secondround.accounts",
    "secondround.opportunities",
    "secondround.portability",
    "secondround.debrief",
    "secondround.research",
    "secondround.questions",
    "secondround.stories",
    "secondround.followup",
    "secondround.brief",
    "secondround.practice",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "secondround.urls"
WSGI_APPLICATION = "secondround.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _databases() -> dict[str, dict]:
    if url := os.environ.get("DATABASE_URL"):
        return {"default": dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)}
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SECONDROUND_HOME / "secondround.sqlite3",
            # WAL lets the web server read while a task worker writes; IMMEDIATE
            # avoids "database is locked" when a read transaction upgrades to a write.
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }


DATABASES = _databases()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
TIME_ZONE = os.environ.get("SECONDROUND_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = SECONDROUND_HOME / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = SECONDROUND_HOME / "media"

# Pasted texts (posting, invitation) are capped so that a stray paste of a whole
# web page gets a message instead of filling the database.
DATA_UPLOAD_MAX_MEMORY_SIZE = 26 * 1024 * 1024  # recordings arrive as request bodies
SECONDROUND_MAX_PASTE_CHARS = 200_000
# An export with its recordings is a zip; what it may unpack to is checked before opening.
SECONDROUND_MAX_IMPORT_BYTES = 200 * 1024 * 1024
SECONDROUND_MAX_ARCHIVE_BYTES = 400 * 1024 * 1024
SECONDROUND_MAX_RESUME_BYTES = 5 * 1024 * 1024
SECONDROUND_MAX_AUDIO_BYTES = 25 * 1024 * 1024

# Importing a research page by URL. Private and loopback addresses are refused unless a
# deployment allows them (an intranet wiki, say); the tests allow them for a local server.
SECONDROUND_FETCH_ALLOW_PRIVATE = os.environ.get("SECONDROUND_FETCH_ALLOW_PRIVATE") == "1"
SECONDROUND_FETCH_TIMEOUT = float(os.environ.get("SECONDROUND_FETCH_TIMEOUT", "10"))
SECONDROUND_FETCH_MAX_BYTES = 3_000_000

_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {
    "default": {
        "BACKEND": _TASK_BACKENDS[os.environ.get("SECONDROUND_TASK_BACKEND", "immediate")],
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # HTMX reads the token from the <body> hx-headers, not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if os.environ.get("SECONDROUND_SECURE_COOKIES") == "1":
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SECONDROUND_LOG_LEVEL", "WARNING")},
}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
