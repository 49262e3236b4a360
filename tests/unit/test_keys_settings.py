"""Settings of signing keys: production refuses weak ones and says how to make a strong one."""

from pathlib import Path

import pytest

from adapters.security.keys import generate, key_from
from entrypoints.settings import InsecureSettings
from tests.settings import make_settings

STRONG = generate("HS256")


@pytest.mark.parametrize(
    "secret",
    [
        "my-super-secret-jwt-key-for-prod",
        "MySuperSecretJwtKeyForProduction-please-change-it",
        "0123456789abcdef0123456789abcdef",
    ],
)
def test_production_refuses_a_guessable_phrase_and_points_to_folio_keys_generate(secret: str):
    settings = make_settings(env="production", jwt_secret=secret)

    with pytest.raises(InsecureSettings, match="folio keys generate") as refused:
        _ = settings.key_ring
    assert secret not in str(refused.value)


def test_production_accepts_a_generated_key():
    settings = make_settings(env="production", jwt_secret=STRONG)

    assert settings.key_ring.current.algorithm == "HS256"


def test_production_refuses_a_weak_older_key_too():
    settings = make_settings(
        env="production",
        jwt_secret=STRONG,
        jwt_verification_keys=[{"alg": "HS256", "key": "my-super-secret-jwt-key-for-prod"}],
    )

    with pytest.raises(InsecureSettings, match="older key"):
        _ = settings.key_ring


def test_older_keys_are_accepted_and_the_current_one_is_not_listed_twice():
    old = generate("HS256")
    settings = make_settings(
        jwt_secret=STRONG,
        jwt_verification_keys=[{"alg": "HS256", "key": old}, {"alg": "HS256", "key": STRONG}],
    )

    ring = settings.key_ring
    assert [key.kid for key in ring.older] == [key_from(old, "HS256").kid]


def test_production_with_eddsa_needs_a_private_key(tmp_path: Path):
    settings = make_settings(
        env="production", jwt_algorithm="EdDSA", jwt_private_key_file=tmp_path / "none.pem"
    )

    with pytest.raises(InsecureSettings, match="folio keys generate --algorithm EdDSA"):
        _ = settings.key_ring


@pytest.mark.parametrize("algorithm", ["EdDSA", "ES256"])
def test_a_private_key_from_a_file_or_the_environment(algorithm: str, tmp_path: Path):
    pem = generate(algorithm)
    path = tmp_path / "key.pem"
    path.write_text(pem)

    from_file = make_settings(env="production", jwt_algorithm=algorithm, jwt_private_key_file=path)
    from_env = make_settings(env="production", jwt_algorithm=algorithm, jwt_private_key=pem)

    assert from_file.key_ring.current.kid == from_env.key_ring.current.kid
    assert from_file.key_ring.current.algorithm == algorithm


def test_a_private_key_of_the_wrong_type_is_refused():
    settings = make_settings(jwt_algorithm="ES256", jwt_private_key=generate("EdDSA"))

    with pytest.raises(InsecureSettings, match="P-256"):
        _ = settings.key_ring


def test_development_makes_up_an_eddsa_key_once_and_keeps_it(tmp_path: Path):
    path = tmp_path / "jwt-key.pem"

    first = make_settings(jwt_algorithm="EdDSA", jwt_private_key_file=path).key_ring
    second = make_settings(jwt_algorithm="EdDSA", jwt_private_key_file=path).key_ring

    assert first.current.kid == second.current.kid
    assert path.stat().st_mode & 0o077 == 0
