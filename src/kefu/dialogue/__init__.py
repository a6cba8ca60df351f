"""Dialogue: sessions, the answer policy, follow-ups, and the Assistant that runs a turn."""
