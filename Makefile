# Tusk's commands. Every target is safe to run again and on a fresh machine (as root or with sudo).
.PHONY: setup demo test bench lint format clean

DEMO_HOST ?= 127.0.0.1
DEMO_PORT ?= 8000

setup:
	@scripts/setup.sh

# The demo writes its e-mails to var/mail instead of sending them.
demo: export EMAIL_BACKEND ?= django.core.mail.backends.filebased.EmailBackend
demo: setup
	@.venv/bin/tusk migrate --no-input -v0
	@.venv/bin/tusk loaddemo
	@echo
	@echo "Tusk: http://$(DEMO_HOST):$(DEMO_PORT)/"
	@echo "Demo logins (password tusk-demo-2026): analyst (Secretariat), focal.kh (Cambodia),"
	@echo "  focal.ga (Gabon), partner (UNODC), admin (administrator, also /admin/)"
	@.venv/bin/tusk serve --host $(DEMO_HOST) --port $(DEMO_PORT)

test: setup
	@scripts/test.sh

# Prints timings, never fails on them; the world-scale part builds var/bench/world.sqlite3 once
# (about a minute), reuses it after, and stops the server it starts on port 8890.
bench: setup
	@.venv/bin/python scripts/bench.py
	@.venv/bin/python scripts/bench_world.py

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy .

format:
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .

clean:
	rm -rf var/static var/tusk.sqlite3 .mypy_cache .ruff_cache
