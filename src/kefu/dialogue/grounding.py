"""Grounding gate for generated answers: pass sentences through only while the sources back them.

A small local model (the bundled SmolLM2-135M) drifts: after a correct first sentence it may
add facts that are in no source, repeat itself, or say the opposite of its source with the
source's own words ("No, tethering is not limited" where the policy says it is limited to
20 GB; "store the battery outdoors" where the guide says indoors). The gate buffers the token
stream, releases it one sentence at a time, and stops generation at the first substantive
sentence that

- carries a number, code, link or risky wording the sources lack (`kefu.guard.output`);
- cites a passage id that was not retrieved;
- uses a content word that is neither in the sources nor in the customer's question;
- has most of its content words absent from the sources;
- turns the polarity of the source sentence it rests on (a "not", "no", "never" or "不"
  on one side only), or answers "yes"/"no" with nothing to check it against;
- takes a number from another sentence or table row than the one it matches best, or from one
  that does not name what the claim names (an EV's price from the child seat's sentence), or
  names a place or plan its source sentence lacks while that sentence names another;
- copies the prompt's layout instead of answering: its "[id] title" source lines, or a
  "Sources:" or "Question: …" line, on any line of the sentence;
- gives a range ("2-3 working days") that no source sentence about what it names gives as a
  unit, although both ends are in the sources (`kefu.dialogue.ranges`);
- repeats an earlier sentence, or a line within itself (a blank line ends a sentence);
- names what it measures and gives another measure's quantity ("Cabin bag size limit: 7 kg",
  the weight; `kefu.dialogue.quantities`);
- binds a number to what its source does not: another cell of the row ("annual … £59" from the
  monthly cell), another place's aside ("(Singapore: S$2.50 …)"), another sentence's unit
  ("3.5 yuan per coupon"), or a place, plan or vehicle the customer named and no source names
  ("in Hangzhou", "the Premium plan"; `kefu.dialogue.binding`);
- cites [id] for what passage id does not say (another passage's text under its id);
- pastes a heading of the sources into its text ("2. Sub-processors Ledgerly uses …");
- is the answer's first claim and rests on another passage than the one the question matched
  best (retrieval's first), which it then answers instead.

A question the model writes (often the customer's, restated), and a heading of the sources
("2. Flight delay compensation."), are dropped and generation goes on; a statement made only
of a wh-question's words passes but is no answer; a sentence ending in a colon waits for what
it introduces and is dropped when nothing follows.

The customer still sees text stream, a sentence at a time; when no sentence survives, the
assistant quotes the source instead (`kefu.dialogue.extractive`).
"""

from __future__ import annotations

from collections.abc import Sequence

from kefu.dialogue.binding import ROWISH, BoundSentence, bind, misbound, numbers, off_row, units
from kefu.dialogue.binding import named as things_named
from kefu.dialogue.extractive import split_sentences
from kefu.dialogue.polarity import flipped
from kefu.dialogue.quantities import mismeasured
from kefu.dialogue.ranges import foreign_range, ranges
from kefu.dialogue.sentence_forms import (
    BARE_MARKER,
    BIND_PART,
    CITATION,
    HEADING_NUMBER,
    ID_LIKE,
    LAYOUT,
    MARKER,
    META,
    NAME,
    NEGATION,
    PARAPHRASE_WORDS,
    PART,
    POLAR,
    POLAR_QUESTION,
    SENTENCE_END,
    SOURCE_LINE,
    is_negated,
    repeats_a_line,
    split_clauses,
    squeeze,
)
from kefu.guard.output import OutputCheck
from kefu.text.tokenize import Tokenizer
from kefu.types import Passage


# A blank line ends a sentence too: a model that loops on a heading ("Toyota RAV4 per week
# Singapore:\n\n" sixteen times) writes no end punctuation, and one endless "sentence" would
# never reach the repetition check.
class GroundedSentences:
    def __init__(
        self,
        passages: Sequence[Passage],
        tokenizer: Tokenizer,
        *,
        question: str = "",
        min_support: float = 0.75,
        min_terms: int = 3,
        max_new_terms: int = 0,
        check: OutputCheck | None = None,
    ) -> None:
        # Words, not single Chinese characters: nearly any sentence shares characters with a
        # long source, so they would let an unsupported Chinese sentence through.
        self.tokenizer = getattr(tokenizer, "words", tokenizer)
        # Numbers, codes, links, doses, promises and system-prompt quotes the sources lack
        # stop generation too: term overlap alone lets "use code FREE100" through.
        self.check = check
        self.min_support = min_support
        self.min_terms = min_terms
        self.max_new_terms = max_new_terms
        self.ids = {p.entry.id for p in passages}
        self.source_terms: set[str] = set()
        # Each source sentence's terms, and its clauses' terms and polarity: a generated
        # sentence is read against the one source sentence it rests on most, not against the
        # bag of every passage's words ("If the wound is bleeding, do not feed your pet" joins
        # two sentences of an aftercare guide into advice it never gives).
        self.source_sentences: list[tuple[set[str], list[tuple[set[str], bool]]]] = []
        # Each source sentence's terms with its passage title's: a table row ("Car class: EV;
        # … SGD 118") is about what its table's heading names ("Singapore prices (SGD)").
        self._in_context: list[set[str]] = []
        self._source_clauses: list[list[str]] = []  # for `kefu.dialogue.polarity`
        self._ranges: list[tuple[set[tuple[float, float]], set[str]]] = []  # `.ranges`
        self._bound: list[BoundSentence] = []  # `kefu.dialogue.binding`
        self._rowish: list[bool] = []  # a "label: figures" line or table row (`ROWISH`)
        # Each passage's words (title included): a sentence citing [id] must rest on passage id.
        self._passage_terms: dict[str, set[str]] = {}
        for p in passages:
            title = self.terms(p.entry.title)
            self._passage_terms.setdefault(p.entry.id, set()).update(title)
            for sentence in [p.entry.title, *split_sentences(p.entry.display_text)]:
                terms = self.terms(sentence)
                if terms:
                    clauses = [(self.terms(c), is_negated(c)) for c in split_clauses(sentence)]
                    self.source_sentences.append((terms, clauses))
                    self._source_clauses.append(split_clauses(sentence))
                    self._in_context.append(terms | title)
                    self._ranges.append((ranges(sentence), terms))
                    self._bound.append(bind(sentence, title, self.terms))
                    self._rowish.append(bool(ROWISH.match(sentence)))
                    self._passage_terms[p.entry.id] |= terms
                    self.source_terms |= terms
        # The customer's own words may be echoed ("The fee for Fibre 500 is ..."), but they
        # support nothing: a sentence must still rest on a source sentence.
        self._asked_numbers = {t for t in self.terms(question) if t[:1].isdigit()}
        self._numbers = {t for t in self.source_terms if t[:1].isdigit()} | self._asked_numbers
        self.question_terms = self.terms(question)
        self._names = {
            term
            for p in passages
            for name in NAME.findall(p.entry.display_text)
            for term in self.terms(name)
        }
        self._question = squeeze(question)
        self._question_text = question
        self._asked_figures = numbers(question)
        # The passage the question matched best (retrieval's first): the answer must start from
        # it, not from a neighbour that shares the question's words.
        self._top = passages[0].entry.id if passages else None
        self._polar_question = bool(POLAR_QUESTION.search(question.strip()))
        self._titles = {squeeze(p.entry.title) for p in passages if squeeze(p.entry.title)}
        # Each heading of the passages' title paths, without its number ("2. Flight delay
        # compensation" → "flightdelaycompensation"), for `_is_heading`.
        self._headings = {
            squeeze(MARKER.sub("", HEADING_NUMBER.sub("", part)))
            for p in passages
            for part in p.entry.title.split(" > ")
        } - {""}
        self.free_terms = self.terms(PARAPHRASE_WORDS)
        self._buffer = ""
        self._marker = ""  # a list item's number, held for the sentence it belongs to
        self._intro: list[str] = []  # "... are:", held for the sentence that completes it
        self._seen: list[set[str]] = []
        self.substantive = 0  # approved sentences that make a checked claim
        self.stopped = False
        self.rejected: str | None = None  # the sentence that stopped generation, for logs
        self.reason: str | None = None  # why it stopped

    def feed(self, piece: str) -> list[str]:
        """Add generated text; returns the sentences now approved for the customer."""
        if self.stopped:
            return []
        self._buffer += piece
        parts = SENTENCE_END.split(self._buffer)
        complete, self._buffer = parts[:-1], parts[-1]
        return self._approve(complete)

    def close(self) -> list[str]:
        """The unfinished last sentence, if it passes too."""
        rest, self._buffer = self._buffer, ""
        out = self._approve([rest]) if rest.strip() else []
        # An introduction with nothing after it ("The entry requirements are:") is no answer.
        self._intro = []
        return out

    def terms(self, sentence: str) -> set[str]:
        return set(self.ordered_terms(sentence))

    def ordered_terms(self, sentence: str) -> list[str]:
        return self.tokenizer.tokenize(CITATION.sub(" ", MARKER.sub(" ", sentence)))

    def support(self, sentence: str) -> float:
        terms = self.terms(sentence)
        if len(terms) < self.min_terms:
            return 1.0  # "Sure!", "Happy to help." carry no claim to check
        return len(terms & self.source_terms) / len(terms)

    def unsupported(self, sentence: str) -> str | None:
        """Why ``sentence`` may not be shown, read on its own; None when it may."""
        if self._echoes_prompt(sentence):
            return "copies the prompt's layout of the sources"
        if self._pastes_heading(sentence):
            return "pastes a heading of the sources into its text"
        for cited in CITATION.findall(sentence):
            if ID_LIKE.fullmatch(cited.strip()) and cited.strip() not in self.ids:
                return f"cites a passage that was not retrieved: {cited}"
        if self.check is not None:
            problems = self.check.problems(CITATION.sub(" ", sentence))
            if problems:
                return problems[0]
        terms = self.terms(sentence)
        wrong_row = self._figure_off_row(terms, terms)
        if wrong_row is not None:
            return wrong_row
        if len(terms) < self.min_terms:
            # "Sure!" carries no claim; "The answer is no." does, with nothing to check.
            return (
                "a yes or no with nothing to check it against" if POLAR.search(sentence) else None
            )
        new = sorted(terms - self.source_terms - self.question_terms - self.free_terms)
        if len(new) > self.max_new_terms:
            return f"words in no source: {', '.join(new[:5])}"
        if len(terms & self.source_terms) < self.min_support * len(terms):  # as support()
            return "mostly words in no source"
        # A citation says which passage backs the sentence: "[integrations#1] Ledgerly uses
        # Amazon Web Services …" copies another passage under a bank-feed passage's id.
        cited = {c.strip() for c in CITATION.findall(sentence)} & self.ids
        if cited:
            backed = set().union(*(self._passage_terms.get(c, set()) for c in cited))
            if len(terms & backed) < self.min_support * len(terms):
                return f"cites {sorted(cited)[0]} for what it does not say"
        if not self.source_sentences:
            return None
        at = max(
            range(len(self.source_sentences)),
            key=lambda i: len(terms & self.source_sentences[i][0]),
        )
        best = self.source_sentences[at]
        for clause in split_clauses(sentence):
            own = self.terms(clause) - self.free_terms
            if own and not own & best[0]:
                return "joins sentences the sources keep apart"
        # Polarity: some clause of that sentence that shares its words must agree ("items can
        # be returned within 30 days; the fee is not refunded" backs both halves).
        # Only the clauses that share the most words count: "Group bookings cannot be changed
        # online; email groups@…" must not back "You can change a group booking online" through
        # the address's "groups".
        # Clause by clause: "A helmet is not included, but you get 20% off a helmet" is the
        # source's own sentence, yet read whole it is negated and its "20% off" clause is not.
        for clause in split_clauses(sentence):
            own = self.terms(clause)
            shared = [(len(words & own), neg) for words, neg in best[1]]
            most = max((n for n, _ in shared), default=0)
            negated = is_negated(clause)
            if most and not any(neg == negated for n, neg in shared if n == most):
                return "says the opposite of its source (a negation on one side only)"
        # And the words a negation governs: the clause above may agree through a negation about
        # something else ("we may sell ... without further notice" is no "will not sell").
        word = flipped(
            split_clauses(sentence),
            self._source_clauses[at],
            terms,
            best[0],
            NEGATION,
            self.ordered_terms,
        )
        if word is not None:
            return f"says the opposite of its source (negates one side only: {word})"
        # A number must come from a source sentence about the same thing, not from anywhere in
        # the sources: "the cheapest room is 10% cheaper" took a breakfast discount's 10.
        # And from the sentence (or table row) the claim matches best: "The student price for
        # VIP is 298 yuan" shares words with the yearly plan's row, which holds 298, but more
        # with the students' sentence, which says 198.
        # A number the customer gave names what they ask about ("Fibre 500"): it picks the row
        # and is not itself a claim.
        claimed = self._numbers - self._asked_numbers
        for clause in split_clauses(sentence):
            own = self.terms(clause)
            about = own - claimed - self.free_terms
            if not about:
                continue
            closest = max(len(about & words) for words, _ in self.source_sentences)
            for number in own & claimed:
                holding = [
                    len(about & words) for words, _ in self.source_sentences if number in words
                ]
                if not holding or max(holding) == 0:
                    return f"a number from another part of the sources: {number}"
                if max(holding) < closest:
                    return (
                        f"a number from another row or sentence than the one it matches: {number}"
                    )
        # And from a sentence about what the claim names: "Prices per day of an EV in Singapore:
        # 8 / CNY 40 per day" took the child seat's price, from a sentence that shares the
        # claim's "per day" and "CNY" but names no EV (the EV's own row says SGD 118).
        for part in PART.split(sentence):
            own = self.terms(part)
            named = own & self._names
            for number in sorted(own & claimed):
                held = [words for words in self._in_context if number in words]
                if named and held and not any(named <= words for words in held):
                    missing = sorted(named - max(held, key=lambda w: len(named & w)))[0]
                    return f"a number from a sentence that does not name {missing}: {number}"
        # And bound to what the claim names next to it, not to another cell of its row, another
        # place of its sentence, or a thing no source names: `kefu.dialogue.binding`.
        bare = CITATION.sub(" ", MARKER.sub(" ", sentence))
        figures = numbers(bare) - self._asked_figures
        before: set[str] = set()
        for part in BIND_PART.split(bare):
            own = self.terms(part)
            claimed_here = {
                n: u for n, u in units(part, self.terms).items() if n not in self._asked_figures
            }
            if not claimed_here:
                before |= own
                continue
            why = misbound(
                own,
                before,
                claimed_here,
                figures | self._asked_figures,
                self._bound,
                self.question_terms,
                self.source_terms,
                self.free_terms,
                things_named(bare, self.terms),
                self._names,
            )
            if why is not None:
                return why
        # A quantity given as another measure: "Cabin bag size limit: 7 kg" (the weight).
        for part in PART.split(sentence):
            wrong = mismeasured(part)
            if wrong is not None:
                return wrong
        # A name swapped: "24-hour monitoring is available at Northfield" rests on "... is
        # available at Riverside only". The claim names a place, plan or product (a word the
        # sources capitalise mid-sentence) that its source sentence lacks, and that sentence
        # names another one the claim leaves out.
        names = terms & self._names
        if names - best[0] and (best[0] & self._names) - terms:
            swapped = sorted(names - best[0])[0]
            return f"names what its source sentence does not: {swapped}"
        # A range is one fact, not two numbers: see `kefu.dialogue.ranges`.
        return foreign_range(
            sentence,
            terms,
            self._question_text,
            self.question_terms,
            self._ranges,
            self._names,
        )

    def _figure_off_row(self, own: set[str], about: set[str]) -> str | None:
        """A figure not in the row or sentence that names best what the claim, with the
        question's words, is about: "£45 / HK$450." to "a replacement key in london" (bare
        figures, read with the question's words) or "A replacement key costs £45" both name
        the standard key's row, which says £15 (`binding.nearest_rows`)."""
        figures = own & (self._numbers - self._asked_numbers)
        if not figures:
            return None
        item = (about | self.question_terms) - self.free_terms
        item = {w for w in item if not w[:1].isdigit()}
        rows = [words for words, _ in self.source_sentences]
        return off_row(figures, item, rows, self._rowish)

    def _echoes_prompt(self, sentence: str) -> bool:
        if LAYOUT.search(sentence):
            return True
        for match in SOURCE_LINE.finditer(sentence):
            rest = match.group(1)
            squeezed = squeeze(rest)
            at_line_start = match.start() == 0 or sentence[match.start() - 1] == "\n"
            if (at_line_start and match.group(2)) or " > " in rest or squeezed in self._titles:
                return True
        return False

    def _pastes_heading(self, sentence: str) -> bool:
        """Whether the sentence starts with a heading of the sources and goes on ("2. Sub-processors
        Ledgerly uses …"): a passage's raw text, heading and all, is no answer."""
        text = CITATION.sub(" ", sentence).strip()
        first, _, rest = text.partition("\n")
        if rest.strip() and self._is_heading(first):
            return True
        numbered = HEADING_NUMBER.match(text) or MARKER.match(text)
        if not numbered:
            return False
        body = squeeze(text[numbered.end() :])
        return any(
            len(h) >= 6 and body.startswith(h) and len(body) > len(h) for h in self._headings
        )

    def rests_on_top(self, sentence: str) -> bool:
        """Whether the passage the question matched best backs the sentence's own words (those
        the question did not give): an answer made only of a neighbouring passage ("The
        Customer is the controller of personal data …" for "What can a read-only user see?")
        answers another question."""
        if self._top is None:
            return True
        own = self.terms(sentence) - self.free_terms - self.question_terms
        own = {w for w in own if not w[:1].isdigit()} or own
        top = self._passage_terms.get(self._top, set())
        return not own or len(own & top) >= 0.5 * len(own)

    def _answers_nothing(self, sentence: str) -> bool:
        """A question ("What if your item arrives damaged?"): the customer's restated, or one
        of the model's own; either way no answer."""
        return sentence.rstrip(" \"'”’)").endswith(("?", "？"))

    def _is_heading(self, sentence: str) -> bool:
        """A heading of the sources, numbered or not ("2. Flight delay compensation." for "how
        long do I have to submit a delay claim"): a label of what a section is about, no answer
        to anything."""
        bare = squeeze(MARKER.sub("", HEADING_NUMBER.sub("", sentence)))
        return bool(bare) and bare in self._headings

    def _restates(self, sentence: str, terms: set[str]) -> bool:
        """Only a wh-question's words ("If your item arrives damaged" for "What if my item
        arrives damaged?"): it may lead into an answer but is none on its own. To a yes/no
        question such a statement answers ("You can return opened items")."""
        if squeeze(sentence) in self._question:
            return True
        own = terms - self.free_terms
        return bool(own) and own <= self.question_terms and not self._polar_question

    def _repeats(self, terms: set[str]) -> bool:
        # Small models loop with slight variations ("You can also return ..."): treat a sentence
        # whose terms mostly repeat an earlier sentence's as a repetition.
        for seen in self._seen:
            union = terms | seen
            if union and len(terms & seen) / len(union) >= 0.7:
                return True
        return False

    def _approve(self, sentences: list[str]) -> list[str]:
        out: list[str] = []
        for raw in sentences:
            sentence = META.sub("", raw.strip()).strip()
            if not sentence or self.stopped:
                continue
            if BARE_MARKER.match(sentence):  # "1." split from its item by the sentence split
                self._marker = sentence + " "
                continue
            sentence, self._marker = self._marker + sentence, ""
            terms = self.terms(sentence) or {sentence.casefold()}
            reason = self.unsupported(sentence)
            if reason is None and self._repeats(terms):
                reason = "repeats an earlier sentence"
            if reason is None and repeats_a_line(sentence):
                reason = "repeats itself"
            if reason is not None:
                self.stopped, self.rejected, self.reason = True, sentence, reason
                self._intro = []
                break
            if self._answers_nothing(sentence) or self._is_heading(sentence):
                continue  # dropped; the model may still go on to answer
            self._seen.append(terms)
            if sentence.endswith((":", "：")):
                # Shown only with what it introduces: generation may stop right after it.
                self._intro.append(sentence)
                continue
            # Repeating the question ("A card payment failed but I was charged.") answers
            # nothing.
            if len(terms) >= self.min_terms and not self._restates(sentence, terms):
                if not self.substantive and not self.rests_on_top(sentence):
                    reason = "answers from another passage than the one the question matched"
                    self.stopped, self.rejected, self.reason = True, sentence, reason
                    self._intro = []
                    break
                self.substantive += 1
            out += [*self._intro, sentence]
            self._intro = []
        return out


def join_approved(sentences: list[str], after_text: bool) -> str:
    """Approved sentences as the customer reads them: a list item on a line of its own (so
    "1. … 2. …" shows as a list, not as one item holding the others)."""
    out = ""
    for i, sentence in enumerate(sentences):
        if i or after_text:
            out += "\n" if MARKER.match(sentence) else " "
        out += sentence
    return out
