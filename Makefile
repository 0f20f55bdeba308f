# SSE Portal: `make run` serves the portal on the real dataset, `make test` runs the suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

PORT ?= 8000

.PHONY: run dev test check install env db messages lock backup restore clean bench

# Installs the versions CI tested (requirements.lock), then the project itself.
$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found); set PYTHON=..."; exit 1; }
	@scripts/system_packages.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# After changing the dependencies in pyproject.toml: pin them again.
lock: install
	$(BIN)/pip-compile --quiet --extra dev --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

install: $(STAMP)

# A local .env (never committed) with a generated secret key.
.env:
	@$(PYTHON) -c "import secrets; print('SECRET_KEY=' + secrets.token_urlsafe(50))" > .env
	@printf 'DEBUG=false\n' >> .env
	@echo "Wrote .env with a generated SECRET_KEY."

env: .env

# Compiled catalogues (.mo) are built here, never committed; needs gettext's msgfmt.
messages: install
	@command -v msgfmt >/dev/null || { echo "msgfmt not found: apt-get install gettext"; exit 1; }
	$(BIN)/python manage.py compilemessages --settings=sse_portal.settings_test --ignore=.venv --verbosity 0

db: install env messages
	@scripts/update_tzdata.sh
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_draa_tafilalet
	$(BIN)/python manage.py create_demo_users

# gunicorn (sse_portal/gunicorn.py: WEB_CONCURRENCY, GUNICORN_THREADS), plain http on 127.0.0.1, and
# the worker of background jobs (django-tasks-db's db_worker).
run: db
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	@echo "Serving http://127.0.0.1:$(PORT) with a background-job worker (Ctrl+C stops both)"
	$(BIN)/python manage.py db_worker & trap "kill $$! 2>/dev/null" EXIT INT TERM; \
	PLAIN_HTTP=true PORT=$(PORT) $(BIN)/gunicorn -c python:sse_portal.gunicorn

# Django's autoreloading development server, with DEBUG on.
dev: db
	DEBUG=true $(BIN)/python manage.py db_worker & trap "kill $$! 2>/dev/null" EXIT INT TERM; \
	DEBUG=true PLAIN_HTTP=true $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Database (SQLite online backup, or pg_dump) and uploaded documents, into backups/<date>/.
backup: install
	$(BIN)/python manage.py backup --output backups

# make restore FROM=backups/sse-portal-20261201-120000 (replaces the database and documents)
restore: install
	@test -n "$(FROM)" || { echo "Say which backup: make restore FROM=backups/sse-portal-..."; exit 1; }
	$(BIN)/python manage.py restore "$(FROM)"

# The page checkers of tests/browser (axe-core, vnu.jar), pinned in its package-lock.json.
CHECKERS := tests/browser/node_modules/.installed
$(CHECKERS): tests/browser/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/browser --no-audit --no-fund --silent && touch $@; \
	else echo "warning: npm not found: the page checks (axe, vnu) are skipped (apt-get install npm)"; fi

test: install messages $(CHECKERS)
	$(BIN)/pytest

# Every page kind at 1/100 of a region and at a whole region, SQLite then PostgreSQL (about 25 min).
bench: install messages
	$(BIN)/python scripts/benchmark.py --database sqlite
	$(BIN)/python scripts/benchmark.py --database postgres --load 5 --redis redis://127.0.0.1:6379/7

check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates */templates
	$(BIN)/lint-imports --no-cache
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run
	DEBUG=true $(BIN)/python manage.py check

# Removes the environment and built files; keeps db.sqlite3 and .env (delete them to start over).
clean:
	rm -rf $(VENV) staticfiles
	find locale -name '*.mo' -delete
