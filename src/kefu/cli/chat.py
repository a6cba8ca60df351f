"""`kefu chat` and `kefu ask`."""

from __future__ import annotations

import json
import re
import sys

import typer

from kefu.types import Answer


def _print_sources(out: object, answer: Answer) -> None:
    from rich.console import Console
    from rich.markup import escape

    assert isinstance(out, Console)
    flags = []
    if answer.handoff:
        flags.append("[yellow]handed to a person[/]")
    flags.append(f"confidence {answer.confidence:.2f}")
    flags.append(f"{answer.mode}")
    flags.append(f"{answer.latency_ms:.0f} ms")
    out.print(f"[dim]  {' · '.join(flags)}[/]")
    for s in answer.sources:
        # Ids and titles are the user's data: escape them so "[x]" is not read as markup.
        out.print(f"[dim]  \\[{escape(s.id)}] {escape(s.title[:70])} ({s.score:.3f})[/]")


def _print_related(out: object, answer: Answer) -> None:
    """The FAQ's own questions near a declined one (`kefu.dialogue.related`), shown with or
    without the sources: asking one of them word for word gets its curated answer."""
    from rich.console import Console
    from rich.markup import escape

    assert isinstance(out, Console)
    if answer.related:
        label = "您可以这样问" if answer.language == "zh" else "You could also ask"
        out.print(f"  {label}:")
        for r in answer.related:
            out.print(f"    • {escape(r.title)}", highlight=False)


CHAT_HELP = """[bold]Commands[/] (not sent to the assistant):
  /help            this list
  /quit, /exit, /q leave (Ctrl-D too); the conversation is kept
Anything else, including text that merely starts with a slash such as /etc/hosts, is a
customer message."""
_COMMAND = re.compile(r"/[A-Za-z][\w-]*")
_QUIT = {"/quit", "/exit", "/q"}


def slash_command(text: str) -> str | None:
    """ "quit", "help", the unknown command itself ("/foo"), or None for a customer message.

    Only a line whose first word is a slash and a plain word is a command, so a message such
    as "/etc/hosts is missing" or "/ 退货" still reaches the assistant.
    """
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if not _COMMAND.fullmatch(first):
        return None
    word = first.lower()
    if word in _QUIT:
        return "quit"
    if word in ("/help", "/h"):
        return "help"
    return first


def run_chat(*, pack: str | None, session: str | None, show_sources: bool) -> None:
    from rich.markup import escape

    from kefu.cli.common import build_assistant, console, resolve_pack, terminal_text
    from kefu.dialogue.assistant import InvalidMessage

    out, err = console(), console(stderr=True)
    pack = resolve_pack(pack, notice=err)
    assistant = build_assistant(pack, status=err)
    session_id = session or assistant.start(channel="cli")
    if session:
        assistant.conversations.get(session)  # unknown id -> NotFoundError with a clear message
    model = escape(assistant.llm.info.display_name)
    out.print(
        f"[bold]kefu[/] · knowledge: {pack or 'your knowledge base'} · model: {model} "
        f"· session {session_id[:8]}\n[dim]Ask in English or Chinese. /help for commands, "
        "/quit to leave.[/]"
    )
    while True:
        try:
            text = terminal_text(out.input("[bold cyan]you ›[/] "))
        except (EOFError, KeyboardInterrupt):
            out.print()
            break
        except UnicodeDecodeError:
            out.print("[red]that line was not UTF-8 text[/]; set the terminal to UTF-8")
            continue
        if not text.strip():
            continue
        command = slash_command(text)
        if command == "quit":
            break
        if command == "help":
            out.print(CHAT_HELP)
            continue
        if command is not None:
            # Never sent: a mistyped command is not a customer's message (nor a handoff).
            out.print(f"[yellow]unknown command {escape(command)}[/]; /help lists the commands")
            continue
        out.print("[bold green]kefu ›[/] ", end="")
        try:
            for piece in assistant.stream(text, session_id=session_id):
                if isinstance(piece, Answer):
                    out.print()
                    if show_sources:
                        _print_sources(out, piece)
                    _print_related(out, piece)
                else:
                    # soft_wrap: let the terminal wrap; Rich would cut streamed pieces mid-word.
                    out.print(piece, end="", markup=False, highlight=False, soft_wrap=True)
        except InvalidMessage as exc:
            out.print(f"\n[red]{exc}[/]")
    out.print(f"[dim]Conversation saved as {session_id}; continue with --session {session_id}[/]")


def run_ask(question: str, *, pack: str | None, session: str | None, as_json: bool) -> None:
    from kefu.cli.common import build_assistant, console, resolve_pack, terminal_text
    from kefu.dialogue.assistant import clean_message

    err = console(stderr=True)
    question = terminal_text(question)
    clean_message(question)  # fail fast on empty/huge input, before loading any model
    pack = resolve_pack(pack, notice=None if as_json else err)
    assistant = build_assistant(pack, status=None)
    session_id = session or assistant.start(channel="cli")
    if as_json:
        answer = assistant.ask(question, session_id=session_id)
        typer.echo(json.dumps(answer.as_dict(), ensure_ascii=False))
        return
    out = console()
    for piece in assistant.stream(question, session_id=session_id):
        if isinstance(piece, Answer):
            sys.stdout.write("\n")
            _print_sources(out, piece)
            _print_related(out, piece)
        else:
            sys.stdout.write(piece)
            sys.stdout.flush()
