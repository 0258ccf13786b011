"""Hearth's one settings module: everything comes from the environment with safe local defaults.

Locally nothing needs setting: data lives in ./data (SQLite, generated secret key), debug is
off, mail goes to the console. In production set at least HEARTH_ALLOWED_HOSTS,
DATABASE_URL (PostgreSQL) and HEARTH_SECURE=true behind HTTPS.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DATA_DIR = Path(env("HEARTH_DATA_DIR", str(REPO_DIR / "data"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def secret_from_file(path: Path) -> str:
    """Read a secret kept in the data folder, creating it owner-readable on first run."""
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = env("HEARTH_SECRET_KEY") or secret_from_file(DATA_DIR / "secret_key")
DEBUG = envbool("HEARTH_DEBUG", False)
ALLOWED_HOSTS = envlist("HEARTH_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("HEARTH_CSRF_TRUSTED_ORIGINS", "")
SITE_URL = env("HEARTH_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",  # allauth's list of passkeys says when each was last used
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",  # its widget templates, for the project-wide form renderer below
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "csp",
    "hearth.accounts",
    "hearth.relationships",
    "hearth.questions",
    "hearth.search",
    "hearth.activity",
    "hearth.checkins",
    "hearth.assessments",
    "hearth.practices",
    "hearth.lessons",
    "hearth.gratitude",
    "hearth.reviews",
    "hearth.recommendations",
    "hearth.insights",
    "hearth.notifications",
    "hearth.reminders",
    "hearth.privacy",
    "hearth.safety",
    "hearth.operations",
    "hearth.demo",
    "hearth.pwa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "hearth.accounts.middleware.UserTimeZoneMiddleware",
    "hearth.accounts.middleware.UserLanguageMiddleware",
    "hearth.notifications.middleware.SeenNotificationsMiddleware",
    "hearth.accounts.middleware.PrivatePagesMiddleware",
]

# Dates and times written one way on every page (hearth/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["hearth.formats"]
ROOT_URLCONF = "hearth.urls"
# Form templates may be overridden in hearth/templates/django/forms/ (labels without colons).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "hearth.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hearth.relationships.context_processors.relationship_switcher",
                "hearth.notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# SQLite (WAL, immediate transactions) by default; PostgreSQL with DATABASE_URL=postgres://…
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'hearth.sqlite3'}"),
        conn_max_age=envint("HEARTH_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file, not memory, so tests can look at what really lands on disk.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / f"test-{os.getpid()}.sqlite3")}
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        # FULL, not NORMAL: in WAL mode NORMAL survives a crashed process but may lose the last
        # commits to a power cut; a write Hearth has acknowledged must survive both.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
            "PRAGMA secure_delete=ON;"
        ),
    }
else:
    # Several test runs at once (say, two checkouts) each get their own database.
    DATABASES["default"]["TEST"] = {"NAME": f"test_hearth_{os.getpid()}"}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A cache every worker process shares: allauth's rate limits count in it.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "hearth_cache",
    }
}

# Background work (deliveries, reminders) is queued in the database and run by `hearth
# db_worker`, which `hearth serve` starts beside the web server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "hearth.accounts.passwords.GuessablePasswordValidator"},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "hearth.accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "hearth.accounts.adapter.AccountAdapter"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Hearth] "
# allauth's defaults, except that a signed-in person typing their password again (to confirm
# who they are, or to delete their account) gets sign-in's pace: 5 tries in 5 minutes.
ACCOUNT_RATE_LIMITS = {"reauthenticate": "5/5m/user"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not envbool("HEARTH_SECURE", False)  # http on a laptop
MFA_TOTP_ISSUER = "Hearth"

EMAIL_HOST = env("HEARTH_EMAIL_HOST")
EMAIL_FILE_DIR = env("HEARTH_EMAIL_FILE_DIR")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = envint("HEARTH_EMAIL_PORT", 587)
    EMAIL_HOST_USER = env("HEARTH_EMAIL_USER")
    EMAIL_HOST_PASSWORD = env("HEARTH_EMAIL_PASSWORD")
    EMAIL_USE_TLS = envbool("HEARTH_EMAIL_USE_TLS", True)
elif EMAIL_FILE_DIR:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = EMAIL_FILE_DIR
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Whether mail reaches anyone: over SMTP, or as files a host asked for while testing. Without
# either, Hearth sends no mail and never says it did (see hearth/accounts/adapter.py); a
# forgotten password is then reset with `hearth reset_link EMAIL`.
EMAIL_CAN_SEND = bool(EMAIL_HOST or EMAIL_FILE_DIR)
# Confirming an address needs a mail that arrives; the host may still choose.
ACCOUNT_EMAIL_VERIFICATION = env(
    "HEARTH_EMAIL_VERIFICATION", "optional" if EMAIL_CAN_SEND else "none"
)
DEFAULT_FROM_EMAIL = env("HEARTH_FROM_EMAIL", "Hearth <hearth@localhost>")

LANGUAGE_CODE = "en"
# The interface and the content (content/locale/) in each; a person's choice in Settings wins
# over the browser's.
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if envbool("HEARTH_MANIFEST_STATIC", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Every script, style and font comes from this server; no inline script anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

SECURE = envbool("HEARTH_SECURE", False)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_HTTPONLY = True  # read by the server only
CSRF_FAILURE_VIEW = "hearth.errors.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = SECURE and envbool("HEARTH_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
# Preloading is hard to take back (browsers ship the list for months): only when the host asks,
# so Django's reminder to preload stays quiet.
SECURE_HSTS_PRELOAD = SECURE and envbool("HEARTH_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

CONTENT_DIR = Path(env("HEARTH_CONTENT_DIR", str(REPO_DIR / "content")))
HELP_RESOURCES_FILE = Path(
    env("HEARTH_HELP_RESOURCES", str(REPO_DIR / "content" / "help_resources.toml"))
)

# Web push goes only to push services on the internet over https; tests turn this on to
# reach a push service of their own on 127.0.0.1.
PUSH_TO_LOOPBACK = False

# Invitations
INVITATION_DAYS_VALID = envint("HEARTH_INVITATION_DAYS", 7)
RELATIONSHIP_MAX_MEMBERS = 12

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("HEARTH_LOG_LEVEL", "WARNING")},
}
