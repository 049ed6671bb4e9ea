"""Django settings for Front Door.

SQLite in var/ by default; PostgreSQL (or anything dj-database-url reads) via DATABASE_URL.
Council-specific behaviour lives in FRONTDOOR_* settings with defaults from domain.md.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("FRONTDOOR_VAR_DIR", PROJECT_DIR / "var"))

DEBUG = os.environ.get("FRONTDOOR_DEBUG", "0") == "1"
PRODUCTION = os.environ.get("FRONTDOOR_ENV", "demo") == "production"
SECRET_KEY = os.environ.get("FRONTDOOR_SECRET_KEY", "demo-only-not-secret-" + "x" * 40)
if PRODUCTION and SECRET_KEY.startswith("demo-only"):
    raise RuntimeError("Set FRONTDOOR_SECRET_KEY in production.")
ALLOWED_HOSTS = os.environ.get("FRONTDOOR_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(
    ","
)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "frontdoor.accounts",
    "frontdoor.audit",
    "frontdoor.notifications",
    "frontdoor.people",
    "frontdoor.contacts",
    "frontdoor.mash",
    "frontdoor.casework",
    "frontdoor.outside",
    "frontdoor.earlyhelp",
    "frontdoor.quality",
    "frontdoor.chronology",
    "frontdoor.kpis",
    "frontdoor.returns",
    "frontdoor.records",
    "frontdoor.synth",
    "frontdoor.ops",
]

MIDDLEWARE = [
    # First, so it sees every response: makes any /api/ error a JSON problem (faults.py).
    "frontdoor.faults.ApiProblemsMiddleware",
    "frontdoor.lib.dbretry.ReadRetryMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "frontdoor.audit.middleware.RequestContextMiddleware",
    "frontdoor.accounts.middleware.MFAMiddleware",
    "frontdoor.lib.csp.ContentSecurityPolicyMiddleware",
    "frontdoor.lib.dbretry.DatabaseFaultRecorder",
]

ROOT_URLCONF = "frontdoor.urls"
WSGI_APPLICATION = "frontdoor.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        # Each app keeps its pages in <app>/templates/<app>/ (style.md), as with Django templates.
        "DIRS": [BASE_DIR / "templates", *sorted(BASE_DIR.glob("*/templates"))],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "frontdoor.jinja.environment"},
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'frontdoor.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Wait for a writer rather than failing at once; WAL lets readers go on meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Tests use a file too: an in-memory shared-cache database fails concurrent writers at
    # once ("table is locked") instead of waiting, unlike the file the service runs on.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
else:
    # A kept connection is checked before a request reuses it, so one the database dropped
    # (a restart, a failover) is replaced rather than failing the request (lib/dbretry.py
    # retries a read that loses its connection mid-way).
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("FRONTDOOR_CONN_MAX_AGE", "60"))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Entra ID / any OIDC provider: set these four and staff can sign in with it.
OIDC_RP_CLIENT_ID = os.environ.get("FRONTDOOR_OIDC_CLIENT_ID", "")
if OIDC_RP_CLIENT_ID:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("frontdoor.accounts.oidc.StaffOIDCBackend")
    OIDC_RP_CLIENT_SECRET = os.environ["FRONTDOOR_OIDC_CLIENT_SECRET"]
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["FRONTDOOR_OIDC_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["FRONTDOOR_OIDC_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["FRONTDOOR_OIDC_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("FRONTDOOR_OIDC_JWKS_ENDPOINT", "")
    OIDC_RP_SIGN_ALGO = "RS256"

AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
# Lock by username, not address: a council's staff share one NAT address, and locking it
# would lock out the whole office.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
# HSTS for subdomains and preloading are the council domain owner's choice, not this
# service's (a council's other sites may not all be HTTPS): FRONTDOOR_HSTS_SUBDOMAINS=1 opts in.
SILENCED_SYSTEM_CHECKS += ["security.W005", "security.W021"]
AXES_LOCKOUT_CALLABLE = "frontdoor.accounts.views.locked_out"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
CSRF_FAILURE_VIEW = "frontdoor.faults.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Production is served over HTTPS only: TLS ends at the proxy (docs/howto/deploy.md), which
# must set X-Forwarded-Proto; plain HTTP is redirected and browsers told to use HTTPS for a
# year (HSTS). Probes inside the deployment call /healthz and /readyz over plain HTTP.
SECURE_SSL_REDIRECT = PRODUCTION and os.environ.get("FRONTDOOR_SSL_REDIRECT", "1") == "1"
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("FRONTDOOR_HSTS_SECONDS", "31536000")) if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("FRONTDOOR_HSTS_SUBDOMAINS", "0") == "1"
if PRODUCTION and os.environ.get("FRONTDOOR_BEHIND_PROXY", "1") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True

EMAIL_BACKEND = os.environ.get(
    "FRONTDOOR_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    # Warnings and errors (a 500's traceback from django.request) to standard error, which
    # `frontdoor serve` passes on: the host ships them (docs/howto/deploy.md, "Logs").
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"axes": {"handlers": ["console"], "level": "WARNING", "propagate": False}},
}

# --- Council configuration (defaults from domain.md; override per council) -------------
FRONTDOOR_COUNCIL_NAME = os.environ.get("FRONTDOOR_COUNCIL_NAME", "North Somerset Council")
FRONTDOOR_LA_CODE = os.environ.get("FRONTDOOR_LA_CODE", "802")
# DfE CIN census header: the software that wrote the return (Source/SoftwareCode).
FRONTDOOR_CENSUS_SOFTWARE_CODE = os.environ.get("FRONTDOOR_CENSUS_SOFTWARE_CODE", "FrontDoorPy")
# An administrator's one-time code to set up a second factor lasts this long (ADR 0013).
FRONTDOOR_ENROLMENT_CODE_HOURS = int(os.environ.get("FRONTDOOR_ENROLMENT_CODE_HOURS", "72"))
# A record restricted to another team, opened with a stated reason, stays open this long.
FRONTDOOR_BREAK_GLASS_HOURS = int(os.environ.get("FRONTDOOR_BREAK_GLASS_HOURS", "8"))
# Staff must use TOTP in production; optional in the demo.
FRONTDOOR_REQUIRE_MFA = os.environ.get("FRONTDOOR_REQUIRE_MFA", "1" if PRODUCTION else "0") == "1"
FRONTDOOR_WORKING_HOURS = ("09:00", "17:00")
FRONTDOOR_CUMULATIVE_CONCERN_THRESHOLD = 3
FRONTDOOR_CUMULATIVE_CONCERN_MONTHS = 12
# Risk outside the home (domain.md §6): this many missing episodes within this many days
# prompts a strategy discussion or MACE referral; the KPI "repeat missing" counts children
# with at least FRONTDOOR_REPEAT_MISSING_KPI_EPISODES episodes in the period.
FRONTDOOR_REPEAT_MISSING_EPISODES = 3
FRONTDOOR_REPEAT_MISSING_DAYS = 90
FRONTDOOR_REPEAT_MISSING_KPI_EPISODES = 2
FRONTDOOR_ROTH_EMAIL = os.environ.get("FRONTDOOR_ROTH_EMAIL", "roth-team@example.invalid")
# [L] Early help: the team around the family reviews the plan every 6 weeks (a new episode's
# default; each episode may change it). The family's letters give this number to ring.
FRONTDOOR_EARLY_HELP_REVIEW_WEEKS = int(os.environ.get("FRONTDOOR_EARLY_HELP_REVIEW_WEEKS", "6"))
FRONTDOOR_FAMILY_PHONE = os.environ.get("FRONTDOOR_FAMILY_PHONE", "01275 888 808")
# Public forms: submissions per client address per hour.
FRONTDOOR_PUBLIC_FORM_RATE_LIMIT = int(os.environ.get("FRONTDOOR_PUBLIC_FORM_RATE_LIMIT", "10"))
# ONS mid-2022 estimate for the calibration council (data-and-returns.md §5).
FRONTDOOR_CHILD_POPULATION = int(os.environ.get("FRONTDOOR_CHILD_POPULATION", "42848"))
# Person matching (people.matching): at or above SUGGEST the intake suggests linking the
# existing record; from REVIEW up to SUGGEST it asks the worker; below, "new person".
FRONTDOOR_MATCH_SUGGEST = float(os.environ.get("FRONTDOOR_MATCH_SUGGEST", "0.95"))
FRONTDOOR_MATCH_REVIEW = float(os.environ.get("FRONTDOOR_MATCH_REVIEW", "0.5"))
# Overdue MASH checks are reported to the agency's lead and to the MASH manager.
MASH_MANAGER_EMAIL = os.environ.get("FRONTDOOR_MASH_MANAGER_EMAIL", "mash-manager@example.invalid")
