# The one way in: `make run` and `make test` (see README.md). Everything installs itself.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := backend/.venv
VPY := $(VENV)/bin/python
BACKEND_STAMP := $(VENV)/.installed
FRONTEND_STAMP := frontend/node_modules/.installed
SPA := frontend/dist/index.html
SPA_SOURCES := $(shell find frontend/src frontend/public -type f 2>/dev/null) frontend/index.html \
	frontend/vite.config.ts frontend/package-lock.json schema.graphql

PORT ?= 8000
export PORT
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
E2E_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/credit_e2e
E2E_PORT ?= 8765
CHROMIUM_PATH ?= /usr/bin/chromium

.PHONY: help run test lint schema bench init import install backend-install frontend-install spa \
	test-backend-postgres test-backend-sqlite test-frontend test-e2e check-services \
	check-chromium test-system-deps e2e-server sweep

help:
	@echo "make run     install what is needed, build the SPA, migrate, load demo data, serve"
	@echo "make test    install what is needed, run make lint and every test (PostgreSQL, Redis,"
	@echo "             Chromium, nginx: missing Debian packages are installed when root)"
	@echo "make lint    ruff (check, format), mypy, eslint, vue-tsc"
	@echo "make schema  regenerate schema.graphql (and the frontend's types)"
	@echo "make init CONFIG=path  set up a bureau from a TOML file (docs/deploy.md)"
	@echo "make import FILE=path  bulk import a .jsonl/.csv/.xlsx file"
	@echo "make bench   benchmarks (bench/)"

# --- installs (re-run only when the lock files change) ---
$(BACKEND_STAMP): backend/requirements.lock backend/pyproject.toml
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --disable-pip-version-check -r backend/requirements.lock
	$(VPY) -m pip install --quiet --disable-pip-version-check --no-deps -e backend
	@touch $@

$(FRONTEND_STAMP): frontend/package-lock.json frontend/package.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

backend-install: $(BACKEND_STAMP)
frontend-install: $(FRONTEND_STAMP)
install: backend-install frontend-install

$(SPA): $(FRONTEND_STAMP) $(SPA_SOURCES)
	cd frontend && npm run codegen && npm run build
	@touch $@

spa: $(SPA)

# --- the product ---
run: install spa
	cd backend && .venv/bin/python -m credit migrate
	cd backend && .venv/bin/python -m credit demo
	cd backend && .venv/bin/python -m credit serve

init: backend-install
	@test -n "$(CONFIG)" || (echo "usage: make init CONFIG=path/to/bureau.toml  (see docs/deploy/bureau.example.toml)"; exit 2)
	cd backend && .venv/bin/python -m credit migrate
	cd backend && .venv/bin/python -m credit init --config "$(abspath $(CONFIG))"

import: backend-install
	@test -n "$(FILE)" || (echo "usage: make import FILE=path/to/file.jsonl|.csv|.xlsx"; exit 2)
	cd backend && .venv/bin/python -m credit migrate >/dev/null
	cd backend && .venv/bin/python -m credit import "$(abspath $(FILE))"

sweep: backend-install
	cd backend && .venv/bin/python -m credit sweep

schema: backend-install
	cd backend && .venv/bin/python -m credit export-schema --output ../schema.graphql
	@if [ -d frontend/node_modules ]; then cd frontend && npm run codegen; fi

# --- tests ---
check-services: backend-install
	cd backend && TEST_DATABASE_URL=$(TEST_DATABASE_URL) TEST_REDIS_URL=$(TEST_REDIS_URL) \
		.venv/bin/python -m credit.core.checks

# The Debian packages the tests use: chromium (browser tests), a CJK font (Chinese in
# screenshots), poppler-utils (PDF pages to images), nginx (the reverse-proxy test).
# Installed when missing and we are root; otherwise the exact command is printed.
test-system-deps:
	@missing=""; \
	[ -x "$(CHROMIUM_PATH)" ] || missing="$$missing chromium"; \
	{ fc-list 2>/dev/null | grep -qiE "wenquanyi|noto (sans|serif) cjk"; } \
		|| ls /usr/share/fonts/truetype/wqy/wqy-microhei.ttc >/dev/null 2>&1 \
		|| missing="$$missing fonts-wqy-microhei"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian packages for the tests:$$missing"; \
			export DEBIAN_FRONTEND=noninteractive; \
			apt-get update -qq && apt-get install -y -qq $$missing >/dev/null || exit 1; \
		else \
			echo "The tests need Debian packages that are missing:$$missing"; \
			echo "Install them with:  sudo apt-get update && sudo apt-get install -y$$missing"; \
			echo "(or set CHROMIUM_PATH to a Chromium/Chrome binary)"; \
			exit 1; \
		fi; \
	fi

check-chromium: test-system-deps

# lint first: a style slip fails in seconds, not after the whole suite.
test: test-system-deps check-services lint test-backend-postgres test-backend-sqlite \
	test-frontend test-e2e

test-backend-postgres: backend-install
	@echo "== backend tests on PostgreSQL + Redis =="
	cd backend && TEST_DATABASE_URL=$(TEST_DATABASE_URL) TEST_REDIS_URL=$(TEST_REDIS_URL) \
		.venv/bin/python -m pytest -q

test-backend-sqlite: backend-install
	@echo "== backend tests on the embedded default (SQLite, in-memory cache) =="
	cd backend && TEST_DATABASE_URL=sqlite://$(CURDIR)/backend/data/test.sqlite3 TEST_REDIS_URL= \
		.venv/bin/python -m pytest -q

test-frontend: $(FRONTEND_STAMP)
	@echo "== frontend unit tests =="
	cd frontend && npm test

test-e2e: $(SPA) backend-install
	@echo "== browser end-to-end tests (headless Chromium) =="
	cd frontend && CHROMIUM_PATH=$(CHROMIUM_PATH) E2E_PORT=$(E2E_PORT) npx playwright test

# Started by Playwright's webServer: a fresh database with the demo data, the built SPA.
e2e-server: backend-install
	cd backend && DATABASE_URL=$(E2E_DATABASE_URL) .venv/bin/python -m credit reset-db --create
	cd backend && DATABASE_URL=$(E2E_DATABASE_URL) .venv/bin/python -m credit migrate
	cd backend && DATABASE_URL=$(E2E_DATABASE_URL) SECRET_KEY=e2e-only-not-a-secret .venv/bin/python -m credit demo
	cd backend && DATABASE_URL=$(E2E_DATABASE_URL) SECRET_KEY=e2e-only-not-a-secret REDIS_URL=$(TEST_REDIS_URL) \
		PORT=$(E2E_PORT) LOG_LEVEL=WARNING .venv/bin/python -m credit serve

# mypy reads its configuration (and which packages to check) from backend/pyproject.toml.
lint: backend-install $(FRONTEND_STAMP)
	cd backend && .venv/bin/ruff check credit && .venv/bin/ruff format --check credit
	cd backend && .venv/bin/mypy
	cd frontend && npm run lint

bench: backend-install
	cd backend && PYTHONPATH=.. .venv/bin/python -m bench
