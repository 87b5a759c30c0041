"""dyad's web app: a JSON/CSV API over a store and an offline dashboard (`create_app`)."""

from dyad.serve.app import MAX_BODY_BYTES, TOKEN_ENV, create_app

__all__ = ["MAX_BODY_BYTES", "TOKEN_ENV", "create_app"]
