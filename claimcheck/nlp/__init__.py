"""The only place that builds spaCy pipelines."""
