"""Reports: a flat view model, and renderers that compute nothing (text, JSON, HTML)."""
