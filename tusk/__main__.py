"""The `tusk` command: Django's management commands with Tusk's settings."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run a management command (`tusk migrate`, `tusk import-report FILE`, …)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tusk.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
