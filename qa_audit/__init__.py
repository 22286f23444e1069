"""qa-audit: audit Chinese customer-service chat logs against a service-attitude standard."""

from __future__ import annotations

__version__ = "0.1.0"

from .api import audit  # noqa: E402

__all__ = ["audit", "__version__"]
