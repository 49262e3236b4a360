import jwt

from adapters.security.key_strength import is_strong
from adapters.security.keys import key_from
from tests.cli.conftest import Folio
from tests.settings import make_settings


def test_keys_generate_prints_a_strong_key_that_production_accepts(folio: Folio):
    first, second = folio("keys", "generate"), folio("keys", "generate")

    assert first.exit_code == 0
    key = first.output.strip()
    assert key != second.output.strip()
    assert is_strong(key)
    assert make_settings(env="production", jwt_secret=key).key_ring.current.algorithm == "HS256"


def test_keys_generate_an_eddsa_key(folio: Folio):
    result = folio("keys", "generate", "--algorithm", "EdDSA")

    assert result.exit_code == 0
    key = key_from(result.output, "EdDSA")
    assert isinstance(jwt.PyJWK(key.public_jwk).key, type(key.verification_key))


def test_keys_generate_refuses_an_unknown_algorithm(folio: Folio):
    assert folio("keys", "generate", "--algorithm", "none").exit_code != 0
