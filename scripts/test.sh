#!/usr/bin/env bash
# Lint, type-check, check migrations, then the whole suite on SQLite and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
export TUSK_TESTING=1 DJANGO_ALLOW_ASYNC_UNSAFE=true
unset DATABASE_URL

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"
.venv/bin/mypy .
echo "== migrations"
.venv/bin/tusk makemigrations --check --dry-run
echo "== pytest on SQLite"
.venv/bin/pytest -q "$@"
echo "== pytest on PostgreSQL"
scripts/with-postgres.sh .venv/bin/pytest -q "$@"
