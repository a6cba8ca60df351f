"""PII detection and redaction (regexes + checksums, English and Chinese); stdlib only."""

from __future__ import annotations

from kefu.guard.pii import KINDS, PIISpan, detect_pii, redact

__all__ = ["KINDS", "PIISpan", "detect_pii", "redact"]
