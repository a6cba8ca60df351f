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

# Registered here (not in the module) so each trainer's file stays independent of the others.
from kefu.cli.intents import train_intents  # noqa: E402

app.command("intents")(train_intents)
from kefu.cli.train_llm import train_llm  # noqa: E402

app.command("llm")(train_llm)
