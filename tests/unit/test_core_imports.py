"""The core must run without any framework: importing all of it loads none."""

import json
import subprocess
import sys

import pytest

FRAMEWORKS = (
    "fastapi",
    "starlette",
    "pydantic",
    "sqlalchemy",
    "dependency_injector",
    "argon2",
    "jwt",
)

PROBE = """
import importlib, json, pkgutil, sys
import {package}
walked = [m.name for m in pkgutil.walk_packages({package}.__path__, "{package}.")]
for name in walked:
    importlib.import_module(name)
frameworks = [name for name in {frameworks!r} if name in sys.modules]
print(json.dumps({{"walked": walked, "frameworks": frameworks}}))
"""


@pytest.mark.parametrize(
    ("package", "sample"),
    [
        pytest.param("domain", "domain.posts.post", id="domain"),
        pytest.param("application", "application.users.register_user", id="application"),
    ],
)
def test_importing_the_core_loads_no_framework(package: str, sample: str):
    probe = PROBE.format(package=package, frameworks=FRAMEWORKS)

    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )

    report = json.loads(result.stdout)
    assert sample in report["walked"]
    assert report["frameworks"] == []
