"""Shared pieces of the guard's regular expressions."""

# Any character inside one sentence: a pattern spanning words stays within the sentence.
IN_SENTENCE = r"[^.?!。？！\n]"
