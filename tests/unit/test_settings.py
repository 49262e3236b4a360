import stat
from pathlib import Path

import pytest

from entrypoints.settings import MIN_SECRET_LEN, InsecureSettings
from tests.settings import make_settings

STRONG = "Zq8-rT5vW2xY7_kL9mN3pB6cD1fG4hJ0"


@pytest.mark.parametrize(
    ("secret", "complaint"),
    [
        pytest.param(None, "must be set", id="missing"),
        pytest.param("", "must be set", id="empty"),
        pytest.param("changeme", "at least", id="well-known-and-short"),
        pytest.param(STRONG[: MIN_SECRET_LEN - 1], "at least", id="one-too-short"),
        pytest.param("a" * 64, "well-known or trivial", id="one-character"),
        pytest.param("abcabc" * 8, "well-known or trivial", id="few-characters"),
        pytest.param("SUPERSECRET" * 3, "well-known or trivial", id="repeated-well-known"),
    ],
)
def test_production_refuses_a_weak_secret(secret: str | None, complaint: str, tmp_path: Path):
    settings = make_settings(env="production", jwt_secret=secret, jwt_secret_file=tmp_path / "s")

    with pytest.raises(InsecureSettings, match=complaint):
        _ = settings.signing_secret
    assert not (tmp_path / "s").exists()


def test_production_accepts_a_strong_secret(tmp_path: Path):
    settings = make_settings(env="production", jwt_secret=STRONG, jwt_secret_file=tmp_path / "s")

    assert settings.signing_secret == STRONG


def test_development_uses_a_given_secret(tmp_path: Path):
    settings = make_settings(jwt_secret="short is fine here", jwt_secret_file=tmp_path / "s")

    assert settings.signing_secret == "short is fine here"
    assert not (tmp_path / "s").exists()


def test_development_makes_up_a_secret_once_and_keeps_it(tmp_path: Path):
    secret_file = tmp_path / "folio-secret"

    first = make_settings(jwt_secret=None, jwt_secret_file=secret_file).signing_secret
    second = make_settings(jwt_secret=None, jwt_secret_file=secret_file).signing_secret

    assert first == second
    assert len(first) >= MIN_SECRET_LEN
    assert secret_file.read_text().strip() == first
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("algorithm", "length", "accepted"),
    [
        pytest.param("HS384", 47, False, id="hs384-short"),
        pytest.param("HS384", 48, True, id="hs384-enough"),
        pytest.param("HS512", 63, False, id="hs512-short"),
        pytest.param("HS512", 64, True, id="hs512-enough"),
    ],
)
def test_production_secret_must_be_as_long_as_the_hash(algorithm: str, length: int, accepted: bool):
    secret = (STRONG * 3)[:length]
    settings = make_settings(env="production", jwt_secret=secret, jwt_algorithm=algorithm)

    if accepted:
        assert settings.signing_secret == secret
    else:
        with pytest.raises(InsecureSettings, match=f"at least .* for {algorithm}"):
            _ = settings.signing_secret


def test_development_replaces_a_blank_secret_file(tmp_path: Path):
    secret_file = tmp_path / "folio-secret"
    secret_file.write_text("\n")

    secret = make_settings(jwt_secret=None, jwt_secret_file=secret_file).signing_secret

    assert len(secret) >= MIN_SECRET_LEN
    assert secret_file.read_text().strip() == secret
