"""A raw dump of the database shows no message, comment or customer detail in the clear."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from kefu.security.customers import CustomerRepository
from kefu.storage.conversation_repo import ConversationRepository, key_owner
from kefu.storage.db import Database
from kefu.storage.models import Feedback, utcnow

SECRETS = [
    "my card number is 4111 1111 1111 1111 please refund",
    "我的身份证号码是110101199003071234，请帮我查订单",
    "Zanzibar-unique-marker-7731",
]


def _fill(db: Database) -> str:
    convs = ConversationRepository(db)
    conv = convs.create(customer_id="cust-raw")
    for secret in SECRETS:
        convs.add_message(conv.id, role="user", content=secret)
        convs.add_message(conv.id, role="assistant", content=f"Re: {secret}")
    comment = db.seal(key_owner(conv), "feedback Zanzibar-unique-marker-7731")
    with db.session(write=True) as s:
        s.add(
            Feedback(
                conversation_id=conv.id,
                kind="rating",
                value=5,
                comment=comment,
                created_at=utcnow(),
            )
        )
    CustomerRepository(db).put(
        "cust-raw", {"name": "Zanzibar-unique-marker-7731", "email": "z@x.io"}
    )
    return conv.id


def test_raw_dump_has_no_plaintext(sealed_db: Database) -> None:
    cid = _fill(sealed_db)
    # Reading through kefu gives the text back.
    history = ConversationRepository(sealed_db).history(cid)
    assert [m.content for m in history[::2]] == SECRETS
    assert CustomerRepository(sealed_db).get("cust-raw").details["email"] == "z@x.io"

    with sealed_db.engine.connect() as conn:
        columns = [
            *conn.execute(text("SELECT content FROM messages")).scalars(),
            *conn.execute(text("SELECT comment FROM feedback")).scalars(),
            *conn.execute(text("SELECT details FROM customers")).scalars(),
        ]
    assert len(columns) == 2 * len(SECRETS) + 2
    assert all(c.startswith("enc:v1:") for c in columns)
    dump = "\n".join(columns)
    for needle in ("4111", "身份证", "Zanzibar", "refund", "z@x.io"):
        assert needle not in dump

    if sealed_db.backend == "sqlite":
        sealed_db.dispose()  # checkpoint the WAL so the main file holds everything
        path = Path(sealed_db.engine.url.database or "")
        raw = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
        assert b"enc:v1:" in raw
        for needle in ("4111 1111", "身份证", "Zanzibar", "please refund", "z@x.io"):
            assert needle.encode("utf-8") not in raw
