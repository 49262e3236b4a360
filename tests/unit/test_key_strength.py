import secrets

import pytest

from adapters.security.key_strength import STRONG_BITS, estimated_bits, is_strong
from adapters.security.keys import generate


@pytest.mark.parametrize(
    "key",
    [
        "my-super-secret-jwt-key-for-prod",
        "my-super-secret-jwt-key-for-production-2024",
        "MySuperSecretJwtKeyForProduction!",
        "this-is-my-very-long-and-secure-jwt-secret-key",
        "please_change_this_secret_key_in_production_now",
        "a" * 64,
        "abcdefghijklmnopqrstuvwxyz0123456789abcdefghij",
        "0123456789" * 6,
        "password" * 8,
        "secret-secret-secret-secret-secret-secret",
    ],
)
def test_phrases_patterns_and_repetitions_are_weak(key: str):
    assert not is_strong(key), f"{key!r} estimated at {estimated_bits(key):.0f} bits"


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: secrets.token_urlsafe(32), id="urlsafe-32-bytes"),
        pytest.param(lambda: secrets.token_hex(32), id="hex-32-bytes"),
        pytest.param(lambda: secrets.token_urlsafe(24), id="urlsafe-24-bytes"),
        pytest.param(lambda: generate("HS256"), id="folio-keys-generate"),
    ],
)
def test_random_keys_of_256_bits_or_so_are_strong_every_time(make):
    weakest = min(estimated_bits(make()) for _ in range(300))

    assert weakest >= STRONG_BITS


def test_the_estimate_never_exceeds_the_alphabet_bound():
    key = secrets.token_hex(32)  # 64 hex characters: 256 bits at most

    assert estimated_bits(key) <= 256
