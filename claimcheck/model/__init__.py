"""Typed records and their laws. Imports no spaCy, jinja2 or YAML library."""
