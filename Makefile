# Homes on the Net — everyday commands. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help run test worker bench lint migrate seed clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	@touch $(STAMP)

migrate: $(STAMP) ## Bring the database up to date
	$(BIN)/python manage.py migrate --noinput

seed: migrate ## Create the demo content and demo accounts (safe to run again)
	$(BIN)/python manage.py seed_demo

run: seed ## Set everything up and serve the site on http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP) ## Set everything up and run the whole test suite
	$(BIN)/python -m pytest

worker: $(STAMP) ## Run a Celery worker with beat (needs REDIS_URL)
	$(BIN)/celery -A training worker --beat --loglevel=info --concurrency=2

bench: seed ## Benchmark pages as served in production (see docs/performance.md)
	$(BIN)/python -m benchmarks.pages

lint: $(STAMP) ## Check style and migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

clean: ## Remove the virtual environment, database and media
	rm -rf $(VENV) db.sqlite3* media
