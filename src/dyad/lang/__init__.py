"""Language layer and per-language data (spaCy-style `lang/<code>/` modules)."""
