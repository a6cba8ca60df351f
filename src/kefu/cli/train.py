"""`kefu train ...`: train the parts of kefu that learn from a business's own data.

Each subcommand lives in its own module and is registered here, so that the intent classifier
and the LLM fine-tuning can grow without touching each other.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    help="Train kefu's models on your own data (intent classifier, LLM fine-tuning).",
    no_args_is_help=True,
)
