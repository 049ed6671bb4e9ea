# Front Door. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
UV ?= $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
CHROMIUM ?= /usr/bin/chromium
export UV_LINK_MODE := copy

.PHONY: help install pdf browser demo serve test test-fast check lint imports format typecheck clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: pdf ## Install Python and the project's packages from uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen --quiet

pdf: ## Install Debian's Pango and a font for WeasyPrint's PDFs (letters, meeting packs), if missing
	@if ! ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || ! fc-list 2>/dev/null | grep -qiE 'liberation|dejavu'; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation >/dev/null; fi; \
	fi

browser: ## Install Debian's Chromium for browser tests (never a downloaded browser)
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; \
	fi

demo: install ## Set up and serve the demo on SQLite at http://127.0.0.1:8000
	$(UV) run frontdoor migrate --no-input -v0
	$(UV) run frontdoor demo-setup
	$(UV) run frontdoor runserver 127.0.0.1:8000

serve: install ## Serve with gunicorn (production server; set DATABASE_URL, FRONTDOOR_* first)
	$(UV) run frontdoor migrate --no-input -v0
	$(UV) run frontdoor serve $(if $(BIND),--bind $(BIND))

test: install browser ## Set up and run the whole test suite (browser tests included)
	$(UV) run pytest -q

test-fast: install ## Run the tests without the browser and the whole-council seeding
	$(UV) run pytest -q -m "not browser and not slow"

lint: install ## Ruff lint and format check
	$(UV) run ruff check .
	$(UV) run ruff format --check .

imports: install ## Import rules: lib imports no app, no cycles between apps (pyproject.toml)
	$(UV) run lint-imports --no-cache

format: install ## Format the code
	$(UV) run ruff check --fix .
	$(UV) run ruff format .

typecheck: install ## mypy with django-stubs
	$(UV) run mypy frontdoor

check: lint imports typecheck test ## Lint, format check, import rules, type check and tests

clean: ## Remove the demo database and caches
	rm -rf var/*.sqlite3* .pytest_cache .mypy_cache .ruff_cache
