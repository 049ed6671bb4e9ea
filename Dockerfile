# The reference image: Front Door served by gunicorn (`frontdoor serve`, ADR 0014).
# Build: docker build -t frontdoor .     Run with compose.yaml (app + PostgreSQL).
FROM python:3.11-slim-bookworm

# Pango and a font for WeasyPrint's PDFs (letters, meeting packs); postgresql-client for
# `frontdoor backup` / `frontdoor restore` (pg_dump, pg_restore).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation \
      postgresql-client \
 && rm -rf /var/lib/apt/lists/*

RUN pip install --no-cache-dir uv

ENV UV_LINK_MODE=copy \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    FRONTDOOR_ENV=production \
    FRONTDOOR_VAR_DIR=/var/lib/frontdoor \
    FRONTDOOR_BIND=0.0.0.0:8000

WORKDIR /app
# Dependencies first, from the lock file, so a code change does not reinstall them.
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY frontdoor ./frontdoor
RUN uv sync --frozen --no-dev

RUN useradd --system --home-dir /var/lib/frontdoor --create-home frontdoor
USER frontdoor

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"

# Migrations run once per deploy (compose.yaml's `migrate` service), not in every container.
CMD ["frontdoor", "serve"]
