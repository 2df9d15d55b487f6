"""Django settings. Everything a deployment changes comes from the environment.

A laptop needs nothing set: data lives in SECONDROUND_HOME (SQLite in WAL mode and a
generated secret key). A career centre sets DATABASE_URL, SECONDROUND_SECRET_KEY,
SECONDROUND_ALLOWED_HOSTS and SECONDROUND_TASK_BACKEND=database.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent
# Notes, salary figures and recordings: nobody else on the machine reads them.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _home() -> Path:
    default = (
        Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "secondround"
    )
    home = Path(os.environ.get("SECONDROUND_HOME", default))
    home.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    return home


def _keep_private(home: Path, *, sqlite: Path | None, media: Path) -> None:
    """Take group and other access off the home and the files that hold a user's data.

    New ones are private already: `secondround` runs with umask 077 (so the database is
    created 0600, and SQLite gives its -wal and -shm the database's mode) and the storage
    saves uploads 0600 in 0700 folders (FILE_UPLOAD_* below). This tightens what an older
    install, or a process with a looser umask, left behind: the home, the database with its
    -wal/-shm/-journal, the secret key, and every recording and export under MEDIA_ROOT.
    Only those, not the whole tree: the home may be a folder the user chose, and the models
    and static files hold nothing private. A file owned by another user is left alone.
    """
    private = [(home, PRIVATE_DIR_MODE), (home / "secret_key", PRIVATE_FILE_MODE)]
    if sqlite is not None:
        private += [
            (sqlite.with_name(sqlite.name + suffix), PRIVATE_FILE_MODE)
            for suffix in ("", "-wal", "-shm", "-journal")
        ]
    for folder, _, files in os.walk(media):
        private.append((Path(folder), PRIVATE_DIR_MODE))
        private += [(Path(folder) / name, PRIVATE_FILE_MODE) for name in files]
    for path, mode in private:
        try:
            status = path.lstat()
            if not stat.S_ISLNK(status.st_mode) and stat.S_IMODE(status.st_mode) & 0o077:
                path.chmod(mode)
        except (FileNotFoundError, PermissionError):
            continue


def _secret_key(home: Path) -> str:
    """A key from the environment, or one generated once and kept beside the data.

    Generating it keeps `make run` free of set-up while never shipping a known key.
    """
    if key := os.environ.get("SECONDROUND_SECRET_KEY"):
        return key
    key_file = home / "secret_key"
    if not key_file.exists():
        # Created 0600, not chmod-ed after writing: never readable by others, even briefly.
        try:
            descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        except FileExistsError:  # another process starting at the same moment made it
            pass
        else:
            with os.fdopen(descriptor, "w") as stream:
                stream.write(secrets.token_urlsafe(50))
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
    "django.forms",
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
    "secondround.overview",
    "secondround.assistant",
    "secondround.sharing",
    "secondround.rewriting",
]

# Widget templates are looked up like any template, so a widget of ours can have one.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "secondround.security.ContentSecurityPolicyMiddleware",
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
                "secondround.accounts.context_processors.signup",
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
    "secondround.accounts.hashers.Argon2idHasher",
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
FILE_UPLOAD_PERMISSIONS = PRIVATE_FILE_MODE  # every file the storage saves: recordings, exports
FILE_UPLOAD_DIRECTORY_PERMISSIONS = PRIVATE_DIR_MODE

# Pasted texts (posting, invitation) are capped so that a stray paste of a whole
# web page gets a message instead of filling the database.
DATA_UPLOAD_MAX_MEMORY_SIZE = 26 * 1024 * 1024  # recordings arrive as request bodies
# The largest page a user can send: the debrief's four lists at 200 rows each (about
# 4,800 fields). Anything larger is refused at once with the "too many fields" page; the
# formsets themselves refuse more rows than they hold (secondround.forms.RowLimitMixin).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 6_000
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
SECONDROUND_FETCH_MAX_BYTES = 3 * 1024 * 1024

# Recordings of practice answers are deleted this many days after they were made (their
# transcripts and feedback stay); unset keeps them until the person deletes them.
_retention = os.environ.get("SECONDROUND_RECORDING_RETENTION_DAYS", "").strip()
if _retention and not (_retention.isdigit() and int(_retention) >= 1):
    raise ImproperlyConfigured(
        f"SECONDROUND_RECORDING_RETENTION_DAYS is {_retention!r}: give a number of days (1+)."
    )
SECONDROUND_RECORDING_RETENTION_DAYS = int(_retention) if _retention else None

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
# Only scripts and styles from our own static files, no inline script or style, no
# framing, forms post only here. Images may be data: URIs (the favicon). htmx's inline
# indicator style and eval are switched off by its meta config in base.html.
SECONDROUND_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# Behind a reverse proxy (nginx, Caddy) that is the only way in and sets
# X-Forwarded-Proto and X-Forwarded-For: trust them for HTTPS and the client's address.
SECONDROUND_BEHIND_PROXY = os.environ.get("SECONDROUND_BEHIND_PROXY") == "1"
if SECONDROUND_BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if os.environ.get("SECONDROUND_SECURE_COOKIES") == "1":
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # A browser that has seen the site over HTTPS will not use plain HTTP to it (or its
    # subdomains) for a year. Not preloaded: that is a decision for whoever owns the domain.
    SECURE_HSTS_SECONDS = int(os.environ.get("SECONDROUND_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True

# Who may create an account: "open" (a laptop), "closed" (staff create accounts with
# `secondround manage createsuperuser` or the admin), "code" (the form asks for
# SECONDROUND_SIGNUP_CODE, an organisation's code) or "invitation" (single-use links from
# `secondround manage invite_user`).
SECONDROUND_SIGNUP = os.environ.get("SECONDROUND_SIGNUP", "open").strip().lower()
SECONDROUND_SIGNUP_CODE = os.environ.get("SECONDROUND_SIGNUP_CODE", "").strip()
if SECONDROUND_SIGNUP not in ("open", "closed", "code", "invitation"):
    raise ImproperlyConfigured(
        f"SECONDROUND_SIGNUP is {SECONDROUND_SIGNUP!r}: use open, closed, code or invitation."
    )
if SECONDROUND_SIGNUP == "code" and not SECONDROUND_SIGNUP_CODE:
    raise ImproperlyConfigured("SECONDROUND_SIGNUP=code needs SECONDROUND_SIGNUP_CODE set.")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SECONDROUND_LOG_LEVEL", "WARNING")},
}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
_sqlite_file = DATABASES["default"]["NAME"] if "sqlite" in DATABASES["default"]["ENGINE"] else None
_keep_private(
    SECONDROUND_HOME, sqlite=Path(_sqlite_file) if _sqlite_file else None, media=MEDIA_ROOT
)
