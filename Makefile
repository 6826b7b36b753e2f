# Homes on the Net — everyday commands. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# `make run` listens here; HOST=0.0.0.0 serves every computer on the network (add the name they
# type to DJANGO_ALLOWED_HOSTS).
HOST ?= 127.0.0.1
# What production runs (requirements/runtime.lock); tests, linters and browsers on top of it
# (requirements/dev.lock) only for the commands that need them.
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
# Test processes: one per core (pytest-xdist); TEST_WORKERS=0 runs the suite in one process.
# --dist load hands tests out in collection order, so each worker keeps pytest-django's order
# (transactional tests last). See docs/performance.md, "Test suite".
TEST_WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help run dev test worker beat bench lint format migrate seed clean backup restore messages compilemessages

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): requirements/runtime.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/runtime.lock
	@touch $(STAMP)

$(DEV_STAMP): $(STAMP) requirements/dev.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.lock
	@touch $(DEV_STAMP)

migrate: $(STAMP) ## Bring the database up to date
	$(BIN)/python manage.py migrate --noinput

seed: migrate ## Create the demo content and demo accounts (safe to run again)
	$(BIN)/python manage.py seed_demo

# Translations (locale/<code>/LC_MESSAGES/*.po; the compiled .mo files are not committed).
# Without msgfmt (Debian's gettext) the site still runs: every page is then in English.
MESSAGES_IGNORE := --ignore=.venv --ignore=var --ignore=staticfiles --ignore=tests --ignore=node_modules

compilemessages: $(STAMP) ## Compile the translations (needs msgfmt, from Debian's gettext)
	@if command -v msgfmt >/dev/null 2>&1; then \
	  $(BIN)/python manage.py compilemessages $(MESSAGES_IGNORE) -v0; \
	else \
	  echo "msgfmt not found (apt-get install gettext): the site will be in English only."; \
	fi

messages: $(STAMP) ## Update the translation catalogues of every enabled language from the code
	@for code in $$($(BIN)/python manage.py shell -v 0 -c "from django.conf import settings; print(' '.join(c for c, _ in settings.LANGUAGES if c != settings.LANGUAGE_CODE))"); do \
	  $(BIN)/python manage.py makemessages -l $$code $(MESSAGES_IGNORE) --no-obsolete; \
	  $(BIN)/python manage.py makemessages -l $$code -d djangojs $(MESSAGES_IGNORE) --no-obsolete; \
	done

run: seed compilemessages ## Set everything up and serve the site on http://$(HOST):$(PORT), with its scheduled jobs
	DJANGO_SETTINGS_MODULE=training.settings.local $(BIN)/python manage.py collectstatic --noinput -v0
	HOST=$(HOST) PORT=$(PORT) DJANGO_SETTINGS_MODULE=training.settings.local $(BIN)/python -m training.serve

dev: seed compilemessages ## Serve with the development server (reloads on save, DEBUG on) on http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(DEV_STAMP) compilemessages ## Set everything up and run the whole test suite, on every core
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist load

worker: $(STAMP) ## Run a Celery worker, without beat (needs REDIS_URL; `make run` has its own)
	$(BIN)/celery -A training worker --loglevel=info --concurrency=2

beat: $(STAMP) ## Run Celery beat alone: exactly one per site (schedule in var/; needs REDIS_URL)
	@mkdir -p var
	$(BIN)/celery -A training beat --loglevel=info --schedule var/celerybeat-schedule

bench: $(DEV_STAMP) seed ## Benchmark pages as served in production (see docs/performance.md)
	$(BIN)/python -m benchmarks.pages

lint: $(DEV_STAMP) ## Check style, types, template indentation and migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/djhtml --check templates
	$(BIN)/python manage.py makemigrations --check --dry-run

format: $(DEV_STAMP) ## Fix what can be fixed by itself: ruff's fixes and format, template indentation
	$(BIN)/ruff check --fix --exit-zero .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

backup: $(STAMP) ## Write a dated archive of the database, media and private files to BACKUP_DIR (default backups/)
	$(BIN)/python manage.py backup

restore: $(STAMP) ## Put a backup back: make restore FILE=backups/homes-….tar.gz (FORCE=1 replaces existing data)
	$(BIN)/python manage.py restore "$(FILE)" $(if $(FORCE),--force)

clean: ## Remove the virtual environment, database and media
	rm -rf $(VENV) db.sqlite3* media
