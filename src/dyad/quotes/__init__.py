"""Quotes and their speakers: direct, partial and indirect quotations (component `cue_quotes`)."""

from dyad.quotes.finder import QuoteFinder, create_quote_finder

__all__ = ["QuoteFinder", "create_quote_finder"]
