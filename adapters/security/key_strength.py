"""How hard an HMAC key is to guess, in bits: an estimate that sees through the phrases people
use as "secrets" (``my-super-secret-jwt-key-for-prod``), not only through short ones.

The key is read left to right. A common word (the list below: the vocabulary of such phrases)
costs WORD_BITS however long it is; a character that repeats the previous one or continues a
run (``aaaa``, ``abcd``, ``1234``) costs one bit; a separator next to a word costs one bit; any
other character costs log2 of the alphabet the whole key draws from (16 for hex, 64 for
base64url...). Random keys keep nearly their full entropy; phrases do not."""

import math
import string
from pathlib import Path

WORD_BITS = 11.0  # a pick from a list of about two thousand likely words (ours has ~600)
STRONG_BITS = 128  # what a production key must reach
MIN_WORD_LEN = 2
SEPARATORS = frozenset("-_. :/+")
COMMON_WORDS = frozenset((Path(__file__).with_name("common_words.txt")).read_text().split())
_ALPHABETS = (
    (frozenset(string.digits), 10),
    (frozenset(string.hexdigits.lower()), 16),
    (frozenset(string.hexdigits.upper() + string.digits), 16),
    (frozenset(string.ascii_lowercase), 26),
    (frozenset(string.ascii_lowercase + string.digits), 36),
    (frozenset(string.ascii_letters + string.digits), 62),
    (frozenset(string.ascii_letters + string.digits + "-_"), 64),
    (frozenset(string.ascii_letters + string.digits + "+/="), 64),
)


def estimated_bits(key: str) -> float:
    per_char = math.log2(_alphabet_size(key))
    lower = key.lower()
    bits, i, after_word = 0.0, 0, False
    while i < len(key):
        word = _word_at(lower, i)
        if word:
            bits += WORD_BITS
            i += len(word)
            after_word = True
            continue
        char = key[i]
        if (char in SEPARATORS and (after_word or _word_at(lower, i + 1))) or (
            i > 0 and abs(ord(char) - ord(key[i - 1])) <= 1
        ):
            bits += 1
        else:
            bits += per_char
        after_word = False
        i += 1
    return bits


def is_strong(key: str) -> bool:
    return estimated_bits(key) >= STRONG_BITS


def _word_at(text: str, start: int) -> str | None:
    for end in range(len(text), start + MIN_WORD_LEN - 1, -1):
        if text[start:end] in COMMON_WORDS:
            return text[start:end]
    return None


def _alphabet_size(key: str) -> int:
    used = set(key)
    for alphabet, size in _ALPHABETS:
        if used <= alphabet:
            return size
    return 95  # printable ASCII, or beyond
