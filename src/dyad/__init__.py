"""dyad: who did what to whom, when, and who said what, from Dutch and English news."""

from dyad.api import extract

__all__ = ["extract", "__version__"]
__version__ = "0.1.0"
