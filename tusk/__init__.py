"""Tusk: the Django project."""
