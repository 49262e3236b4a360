"""``folio keys``: signing keys for access tokens."""

from enum import StrEnum
from typing import Annotated

import typer

from adapters.security.keys import generate as generate_key

app = typer.Typer(help="Signing keys for access tokens.", no_args_is_help=True)


class Algorithm(StrEnum):
    HS256 = "HS256"
    HS384 = "HS384"
    HS512 = "HS512"
    EdDSA = "EdDSA"
    ES256 = "ES256"


@app.command("generate")
def generate(
    algorithm: Annotated[
        Algorithm, typer.Option(help="HS256/384/512: an HMAC secret; EdDSA, ES256: a PEM key.")
    ] = Algorithm.HS256,
) -> None:
    """Print a new strong signing key on standard output (nothing else, so it can be piped).

    HMAC: 512 random bits, URL-safe; set it as FOLIO_JWT_SECRET. EdDSA or ES256: a PKCS#8 PEM
    private key; keep it in the file FOLIO_JWT_PRIVATE_KEY_FILE names (or FOLIO_JWT_PRIVATE_KEY).
    """
    typer.echo(generate_key(algorithm.value).rstrip("\n"))
