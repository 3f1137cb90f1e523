# Televent — `make help` lists the targets.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
RUNTIME_STAMP := $(VENV)/.runtime-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8080
# Test files are spread over this many processes (pytest-xdist; a file's tests stay together).
TEST_WORKERS ?= 2
# The end-to-end suites wait a good part of their time (servers starting, retries, kill -9
# recoveries): one more process than cores keeps both cores busy while one waits.
E2E_WORKERS ?= 3

.DEFAULT_GOAL := help
.PHONY: help install install-runtime run test test-e2e test-browser test-unit test-integration lint fmt typecheck check bench check-caldav check-clients check-deploy clean fuzz

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-18s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP) $(RUNTIME_STAMP)

# Televent alone, without the test and lint tools (`make install` adds them to the same venv).
$(RUNTIME_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $(RUNTIME_STAMP)

install: $(STAMP) ## Create the virtual environment and install Televent with its dev tools

install-runtime: $(RUNTIME_STAMP) ## Create the virtual environment and install Televent only (no test tools)

run: install-runtime ## Migrate the SQLite database and run `televent serve` (HOST=127.0.0.1 PORT=8080)
	$(BIN)/televent serve --host '$(HOST)' --port '$(PORT)'

test: install ## Run the unit and storage tests (SQLite and PostgreSQL; TEST_WORKERS=2 processes)
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile -m 'not slow'

test-e2e: install ## Run the end-to-end suites: a running server, browsers, real CalDAV clients, crash tests (E2E_WORKERS=3 processes)
	$(BIN)/pytest -n $(E2E_WORKERS) --dist loadfile -m slow

test-unit: install ## Run the pure unit tests only
	$(BIN)/pytest tests/unit

test-integration: install ## Run the storage and process tests only
	$(BIN)/pytest tests/integration

test-browser: install ## Run the Mini App's browser tests (installs Debian's chromium when missing)
	bash tests/browser/install.sh
	TELEVENT_REQUIRE_BROWSER=1 $(BIN)/pytest tests/browser

lint: install ## Check style with ruff, the layer rules (docs/architecture.md) with import-linter, and the message catalogue
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports --no-logo
	$(BIN)/python -m televent.adapters.i18n.check

fmt: install ## Format the code with ruff (then apply its safe fixes)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

typecheck: install ## Type-check with mypy (strict)
	$(BIN)/mypy

check: lint typecheck test test-e2e ## Everything CI runs

bench: install ## Run the benchmarks (core throughput; CalDAV against Radicale and Xandikos; the server's own time per CalDAV request; bot latency; the bot's /week over 10,000 events; the reminder scan over 10,000 events; audit on a 1M-event log; cost of encryption; JSON API week query; workers, rate limiter and metrics; booking slots; shared calendars over CalDAV; CPU to decide the costliest inbound emails; importing a 5,000-event file; refreshing a 5,000-event feed; reading a 2,000-event calendar of another CalDAV server; syncing a 2,000-event Google calendar; a change to the push message and to the webhook, and 1,000 registrations; claiming a webhook's messages behind a backlog of 20,000)
	$(BIN)/python -m benchmarks.core
	$(BIN)/python -m benchmarks.caldav
	$(BIN)/python -m benchmarks.requests
	$(BIN)/python -m benchmarks.bot
	$(BIN)/python -m benchmarks.bot_week
	$(BIN)/python -m benchmarks.reminders
	$(BIN)/python -m benchmarks.audit
	$(BIN)/python -m benchmarks.shredding
	$(BIN)/python -m benchmarks.api
	$(BIN)/python -m benchmarks.workers
	$(BIN)/python -m benchmarks.booking
	$(BIN)/python -m benchmarks.sharing
	$(BIN)/python -m benchmarks.mail_intake
	$(BIN)/python -m benchmarks.imports
	$(BIN)/python -m benchmarks.feeds
	$(BIN)/python -m benchmarks.connections
	$(BIN)/python -m benchmarks.google
	$(BIN)/python -m benchmarks.push
	$(BIN)/python -m benchmarks.webhook_backlog

FUZZ_SECONDS ?= 600
fuzz: install ## Fuzz the iCalendar, XML and MIME readers for FUZZ_SECONDS (default 600 s)
	$(BIN)/python -m tests.fuzz.run --seconds $(FUZZ_SECONDS)

clean: ## Remove the virtual environment and local data
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

check-caldav: install ## Run caldav-server-tester against a fresh server (results in conformance/results)
	bash conformance/run.sh

check-deploy: install ## Check Dockerfile (hadolint), compose.yaml (docker compose config) and the systemd unit (systemd-analyze verify)
	bash deploy/install-checkers.sh
	BIN=$(abspath $(BIN)) bash deploy/check.sh

check-clients: install ## Install Thunderbird and evolution-data-server, then run them against the server
	bash tests/clients/install.sh
	TELEVENT_REQUIRE_CLIENTS=1 $(BIN)/pytest tests/clients
