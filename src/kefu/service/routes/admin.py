"""The admin dashboard's API: knowledge (upload, list, delete), analytics, audit log, and the
data-subject duties (export and erase one customer). Admins only. Every call that changes
something or reads what customers wrote (analytics with their unanswered questions, the
conversation list, the audit log itself) is audited; the list of knowledge files is not.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request

from kefu._perms import make_private_dir
from kefu.service import live
from kefu.service.auth import AdminDep, audit
from kefu.service.deps import AssistantDep, StateDep
from kefu.service.schemas import ConversationOut, ErrorOut, KnowledgeAddOut, KnowledgeSourceOut

router = APIRouter(prefix="/api/admin", tags=["admin"])

# Knowledge files may be larger than chat messages; the body-size middleware allows this much
# on the upload route only.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
UPLOAD_PATH = "/api/admin/knowledge"
# The most knowledge gaps one analytics call lists: each costs a decrypt of the question, and
# more than this is a report to export, not a page to read.
MAX_GAPS = 500
_SAFE_NAME = re.compile(
    r"^[\w\-. ()\u4e00-\u9fff]{1,120}\.(csv|tsv|json|jsonl|md|markdown|txt|html|htm|pdf)$",
    re.IGNORECASE,
)
# Customer ids come from the business's own systems: letters, digits and a few separators.
CustomerId = Annotated[
    str, Path(min_length=1, max_length=64, pattern=r"^[\w.@:+\-]+$", description="Customer id")
]
_ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut, "description": "Not signed in."},
    403: {"model": ErrorOut, "description": "Not an admin."},
}


@router.get("/analytics", responses=_ERRORS)
async def analytics(
    admin: AdminDep,
    assistant: AssistantDep,
    days: Annotated[int, Query(ge=1, le=365)] = 30,
    unanswered_limit: Annotated[
        int,
        Query(
            ge=1,
            le=MAX_GAPS,
            description="How many of the unanswered questions to list, most frequent first.",
        ),
    ] = 10,
) -> dict[str, Any]:
    """Conversations per day; the shares handled by the bot alone (resolution_rate) and
    handed to a person (handoff_rate), which add up to 1; thumbs and ratings; latency
    p50/p95; and the questions the bot could not answer (the knowledge gaps: only messages
    triaged as ordinary questions; a request for a person, a complaint, an insult or a safety
    case was handed over on purpose and is no gap): the ``unanswered_limit`` most frequent in
    ``unanswered``, and how many distinct ones there are in ``unanswered_total``."""
    from kefu.dialogue.intents import triage

    # The knowledge gaps are customers' own questions: reading them is audited.
    detail = {"days": days, "unanswered_limit": unanswered_limit}
    await live.run_sync(audit, assistant, admin, "analytics.view", None, detail)
    from kefu.storage.analytics_repo import AnalyticsRepository

    repo = AnalyticsRepository(assistant.kb.db)
    numbers = await live.run_sync(repo.analytics, days=days)
    gaps, total = await live.run_sync(
        repo.knowledge_gaps,
        days=days,
        limit=unanswered_limit,
        skip=lambda text: triage(text) != "none",
    )
    numbers["unanswered"] = gaps
    numbers["unanswered_total"] = total
    return numbers


@router.get("/conversations", response_model=list[ConversationOut], responses=_ERRORS)
async def conversations(
    admin: AdminDep,
    assistant: AssistantDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[ConversationOut]:
    """The most recently active conversations."""
    await live.run_sync(audit, assistant, admin, "conversations.list", None, {"limit": limit})
    records = await live.run_sync(assistant.conversations.list, limit=limit)
    return [live.conversation_out(c) for c in records]


@router.get("/knowledge", response_model=list[KnowledgeSourceOut], responses=_ERRORS)
async def knowledge(admin: AdminDep, assistant: AssistantDep) -> list[KnowledgeSourceOut]:
    """The knowledge files loaded (empty while serving a demo pack)."""
    if assistant.kb.pack is not None:
        return []
    sources = await live.run_sync(assistant.kb.sources)
    return [
        KnowledgeSourceOut(
            id=s.id, name=s.name, kind=s.kind, entries=s.entry_count, updated_at=s.updated_at
        )
        for s in sources
    ]


@router.post(
    "/knowledge",
    response_model=KnowledgeAddOut,
    status_code=201,
    responses={**_ERRORS, 400: {"model": ErrorOut, "description": "A bad or unreadable file."}},
)
async def upload(
    request: Request,
    admin: AdminDep,
    assistant: AssistantDep,
    state: StateDep,
    filename: Annotated[str, Query(description="The file's name; its extension picks the reader.")],
) -> KnowledgeAddOut:
    """Add a knowledge file (the raw file as the request body, up to 10 MB): FAQ CSV/TSV,
    JSON/JSONL, Markdown, text, HTML or PDF. A file that fails adds nothing."""
    name = FilePath(filename).name
    if not _SAFE_NAME.match(name):
        raise HTTPException(
            400,
            "filename must be a plain name ending in .csv .tsv .json .jsonl .md .txt .html or .pdf",
        )
    kb = assistant.kb
    if kb.pack is not None and not kb.pack_is_fallback:
        # Started with --pack on purpose. A pack standing in for an empty knowledge base
        # (no --pack) gives way to the first file uploaded instead.
        raise HTTPException(
            400,
            f"this server was started with --pack {kb.pack}, whose knowledge is read-only; "
            "restart it without --pack to manage your own knowledge",
        )
    body = await request.body()
    if not body:
        raise HTTPException(400, "the file is empty")
    uploads = assistant.settings.home / "uploads"
    make_private_dir(uploads)
    # The file is not kept: its entries are stored in the database, and a copy on disk would
    # outlive a deletion on this page (and erasure and purge, which never look there). It
    # still passes through uploads/<name>, because the knowledge base names a source by its
    # path and the same name must replace the same source. Staged in a private temporary
    # folder first (mkdtemp: 0700).
    with tempfile.TemporaryDirectory(dir=uploads) as tmp:
        staged = FilePath(tmp) / name
        staged.write_bytes(body)
        target = uploads / name
        async with state.turn_lock:
            report, also_named = await live.run_sync(_add, assistant, staged, target)
    if not report.ok:
        # Nor where its database is: a storage failure names it for the CLI.
        where = f" at {assistant.kb.db.safe_url}"
        failed = (_hide(uploads, m).replace(where, "") for _, m in report.failed)
        raise HTTPException(400, "; ".join(failed))
    withheld = sum(n for _, n in report.withheld)
    if report.added:
        live.publish_knowledge_change(state)
        entries = sum(n for _, n in report.added)
        details: dict[str, Any] = {"bytes": len(body), "entries": entries}
        if report.updated:  # a new version of a file the knowledge base had
            details["replaced"] = True
        if withheld:  # as `kefu kb add` records it
            details["withheld_lines"] = withheld
        audit(assistant, admin, "knowledge.add", name, details)
    else:  # the same file again: nothing was added, and the log must not say otherwise
        audit(assistant, admin, "knowledge.unchanged", name, {"bytes": len(body)})
    # File names only: where the server keeps them is none of the client's business.
    return KnowledgeAddOut(
        added=[FilePath(f).name for f, _ in report.added],
        unchanged=[FilePath(f).name for f in report.unchanged],
        entries=sum(n for _, n in report.added),
        withheld_lines=withheld,
        replaced=[FilePath(f).name for f in report.updated],
        also_named=also_named,
    )


def _hide(folder: FilePath, message: str) -> str:
    """``message`` without the server's folder in it (the reader names the file by path)."""
    for prefix in {str(folder.resolve()), str(folder)}:
        message = message.replace(prefix + os.sep, "")
    return message


def _add(assistant: AssistantDep, staged: FilePath, target: FilePath) -> Any:
    """Ingest the staged file under its final name, then remove it (kept or not, it is read).

    An upload is how a business changes a price or a policy, often in a file first added with
    `kefu kb add` from some folder: the same name then replaces that source (one
    transaction; its entry ids stay what answers cite). Kept beside it, the two versions
    answered alike and contradicted each other (a letting agency's tester, 2026-12-01: the old
    key price went on being quoted). Only one other source of that name is replaced; with
    several, which one is meant is a guess, so the upload is stored under its own name.
    """
    staged.chmod(0o600)
    staged.replace(target)
    kb = assistant.kb
    own = str(target.resolve())
    same_name = [s.path for s in kb.sources() if s.name == target.name and s.path != own]
    has_own = any(s.path == own for s in kb.sources())
    stored_as = {target: same_name[0]} if len(same_name) == 1 and not has_own else None
    try:
        return kb.add([target], stored_as=stored_as), 0 if stored_as else len(same_name)
    finally:
        target.unlink(missing_ok=True)


def _remove(assistant: AssistantDep, source: str) -> list[str]:
    """Remove a source or entry; delete the files left in uploads/ of sources that went.

    Older versions kept every uploaded file there; a deletion on this page must not leave a
    copy of what the admin meant to remove (the wrong CSV, a patient list).
    """
    kb = assistant.kb
    uploads = (assistant.settings.home / "uploads").resolve()
    before = {s.path for s in kb.sources()}
    removed: list[str] = kb.remove(source)
    for gone in before - {s.path for s in kb.sources()}:
        path = FilePath(gone)
        if path.parent == uploads:
            path.unlink(missing_ok=True)
    return removed


@router.delete("/knowledge/{source}", responses={**_ERRORS, 404: {"model": ErrorOut}})
async def delete_knowledge(
    source: str, admin: AdminDep, assistant: AssistantDep, state: StateDep
) -> dict[str, Any]:
    """Remove a knowledge file (by its name or id) or one entry (by entry id)."""
    async with state.turn_lock:
        removed = await live.run_sync(_remove, assistant, source)
    live.publish_knowledge_change(state)
    audit(assistant, admin, "knowledge.remove", source, {"entries": len(removed)})
    return {"removed": removed}


@router.get("/audit", responses=_ERRORS)
async def audit_log(
    admin: AdminDep,
    assistant: AssistantDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """The newest audit entries, and whether the log's hash chain is intact."""
    from kefu.security.audit import AuditLog

    log = AuditLog(assistant.kb.db)
    await live.run_sync(audit, assistant, admin, "audit.view", None, {"limit": limit})
    entries = await live.run_sync(log.list, limit=limit)
    intact = await live.run_sync(log.verify)
    return {
        "intact": intact,
        "entries": [
            {
                "id": e.id,
                "at": e.at.isoformat(),
                "actor": e.actor,
                "role": e.role,
                "action": e.action,
                "target": e.target,
                "detail": e.detail,
                "ip": e.ip,
            }
            for e in entries
        ],
    }


@router.get("/customers/{customer_id}/export", responses=_ERRORS)
async def export_customer(
    customer_id: CustomerId, admin: AdminDep, assistant: AssistantDep
) -> dict[str, Any]:
    """Everything kefu holds about one customer (GDPR access and portability); audited."""
    from kefu.security.privacy import export_customer as export

    data: dict[str, Any] = await live.run_sync(
        export, assistant.kb.db, customer_id, actor=admin.name, role=admin.role, ip=admin.ip
    )
    return data


@router.delete("/customers/{customer_id}", responses=_ERRORS)
async def erase_customer(
    customer_id: CustomerId, admin: AdminDep, assistant: AssistantDep
) -> dict[str, Any]:
    """Erase one customer: conversations, messages, feedback and their data key (so backups
    become unreadable too). Idempotent: erasing someone kefu holds nothing about (already
    erased, or never known) succeeds too, with ``erased`` false and the counts all 0, so a
    retry after a lost reply is no error. Every request is audited (``privacy.erase``) with
    its counts, so the log shows each erasure asked for and what it removed."""
    from kefu.security.privacy import erase_customer as erase

    summary: dict[str, Any] = await live.run_sync(
        erase, assistant.kb.db, customer_id, actor=admin.name, role=admin.role, ip=admin.ip
    )
    erased = bool(summary["conversations"] or summary["customer_record"] or summary["data_keys"])
    summary["erased"] = erased
    if not erased:
        summary["message"] = (
            f"kefu holds no conversation or details for {customer_id!r}: nothing left to "
            "erase (already erased, or never known)"
        )
    return summary


@router.get(
    "/conversations/{conversation_id}/export", responses={**_ERRORS, 404: {"model": ErrorOut}}
)
async def export_conversation(
    conversation_id: str, admin: AdminDep, assistant: AssistantDep
) -> dict[str, Any]:
    """One conversation, decrypted, with its audit trail: the right of access for a web-chat
    guest who has no customer id; audited."""
    from kefu.security.privacy import export_conversation as export

    data: dict[str, Any] = await live.run_sync(
        export, assistant.kb.db, conversation_id, actor=admin.name, role=admin.role, ip=admin.ip
    )
    return data


@router.delete("/conversations/{conversation_id}", responses={**_ERRORS, 404: {"model": ErrorOut}})
async def erase_conversation(
    conversation_id: str, admin: AdminDep, assistant: AssistantDep, state: StateDep
) -> dict[str, Any]:
    """Erase one conversation and shred its data key; audited."""
    from kefu.security.privacy import erase_conversation as erase

    await live.run_sync(assistant.conversations.get, conversation_id)  # 404 if unknown
    summary: dict[str, Any] = await live.run_sync(
        erase, assistant.kb.db, conversation_id, actor=admin.name, role=admin.role, ip=admin.ip
    )
    return summary
