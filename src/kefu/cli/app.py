"""`kefu`: chat, ask, manage the knowledge base, inspect models.

Only typer is imported at module level; everything heavy (numpy, jieba, the models, the
database) is imported inside the command that needs it, so ``kefu --help`` stays fast.
"""

from __future__ import annotations

from typing import Annotated

import typer

from kefu import __version__
from kefu.cli import audit as audit_cli
from kefu.cli import db as db_cli
from kefu.cli import eval as eval_cli
from kefu.cli import kb as kb_cli
from kefu.cli import keys as keys_cli
from kefu.cli import models as models_cli
from kefu.cli import privacy as privacy_cli
from kefu.cli import serve as serve_cli
from kefu.cli import train as train_cli
from kefu.cli import users as users_cli

app = typer.Typer(
    name="kefu",
    help="kefu (客服): an offline-first customer-support assistant for Chinese and English.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(kb_cli.app, name="kb")
app.add_typer(eval_cli.app, name="eval")
app.add_typer(train_cli.app, name="train")
app.add_typer(users_cli.app, name="users")
app.add_typer(audit_cli.app, name="audit")
app.add_typer(privacy_cli.app, name="privacy")
app.add_typer(keys_cli.app, name="keys")
app.add_typer(db_cli.app, name="db")
app.command("serve")(serve_cli.serve)
app.add_typer(models_cli.app, name="models")

PackOpt = Annotated[
    str | None,
    typer.Option(
        "--pack",
        help="Answer from a built-in demo pack (ecommerce, finance, healthcare, demo = all) "
        "instead of your knowledge base.",
    ),
]
SessionOpt = Annotated[str | None, typer.Option("--session", help="Continue this conversation id.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kefu {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """kefu (客服): answers customers from your FAQ and documents with a local LLM."""


@app.command()
def chat(
    pack: PackOpt = None,
    session: SessionOpt = None,
    sources: Annotated[bool, typer.Option(help="Show the sources of each answer.")] = True,
) -> None:
    """Chat in the terminal, with streamed answers and their sources. /help lists the commands;
    Ctrl-D or /quit ends."""
    from kefu.cli.chat import run_chat

    with _errors():
        run_chat(pack=pack, session=session, show_sources=sources)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The customer's question.")],
    pack: PackOpt = None,
    session: SessionOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
) -> None:
    """Answer one question and exit (JSON: answer, sources, confidence, handoff, ...)."""
    from kefu.cli.chat import run_ask

    with _errors():
        run_ask(question, pack=pack, session=session, as_json=as_json)


class _errors:
    """Turn kefu errors into one red line and exit code 1, not a traceback."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        from kefu.errors import KefuError

        if isinstance(exc, KefuError):
            from rich.console import Console

            # markup=False: messages quote user input, which may contain [brackets].
            Console(stderr=True).print(f"error: {exc}", style="bold red", markup=False)
            raise typer.Exit(1)
        if isinstance(exc, KeyboardInterrupt):
            raise typer.Exit(130)


def main() -> None:
    app(prog_name="kefu")


if __name__ == "__main__":  # pragma: no cover
    main()
