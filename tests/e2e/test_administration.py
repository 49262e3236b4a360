"""Administration over HTTP, on every backend: admin routes are for admins only, the last
admin remains, role changes and deactivations end sessions, and the audit trail records
every action and cannot be edited."""

import pytest
from httpx import AsyncClient

from tests.e2e.conftest import Account, SignUp
from tests.e2e.helpers import assert_problem, bearer, create_post, post_body

MISSING = "00000000-0000-4000-8000-000000000000"
ADMIN_ROUTES = [
    ("GET", "/admin/users", None),
    ("GET", "/admin/users/{id}", None),
    ("POST", "/admin/users/{id}/deactivate", None),
    ("POST", "/admin/users/{id}/reactivate", None),
    ("PUT", "/admin/users/{id}/role", {"role": "admin"}),
    ("PATCH", "/admin/users/{id}/role", {"role": "admin"}),
    ("PUT", "/admin/users/{id}/posting-limit", {"posts_per_day": 1}),
    ("POST", "/admin/users/{id}/sessions/revoke", None),
    ("DELETE", "/admin/users/{id}/sessions", None),
    ("GET", "/admin/audit", None),
]


@pytest.mark.parametrize(("method", "path", "body"), ADMIN_ROUTES)
async def test_admin_routes_are_403_for_users_and_401_anonymous(
    client: AsyncClient, alice: Account, bob: Account, method: str, path: str, body: object
) -> None:
    url = path.format(id=alice.id)
    as_user = await client.request(method, url, json=body, headers=bob.headers)
    assert_problem(as_user, 403)
    anonymous = await client.request(method, url, json=body)
    assert_problem(anonymous, 401)
    assert (await client.get("/me", headers=alice.headers)).json()["role"] == "user"


async def test_a_nul_in_the_admins_search_is_a_422(client: AsyncClient, admin: Account) -> None:
    # PostgreSQL refuses NUL in text: it was a 500 there (the memory-backed fuzzer cannot see it).
    response = await client.get("/admin/users", params={"q": "a\x00b"}, headers=admin.headers)
    assert_problem(response, 422)


async def test_admins_search_users_by_email_or_username_prefix(
    client: AsyncClient, sign_up: SignUp, admin: Account
) -> None:
    ada = await sign_up(email="ada@example.com", username="lovelace", name="Ada")
    await sign_up(email="adam@example.com", username="adam", name="Adam")
    await sign_up(email="bob@example.com", username="bob", name="Bob")
    await client.post(f"/admin/users/{ada.id}/deactivate", headers=admin.headers)

    found = await client.get("/admin/users", params={"q": "ADA"}, headers=admin.headers)
    by_name = await client.get("/admin/users", params={"q": "love"}, headers=admin.headers)
    first = await client.get("/admin/users", params={"limit": 2}, headers=admin.headers)

    assert found.status_code == 200
    body = found.json()
    assert [u["username"] for u in body["items"]] == ["lovelace", "adam"]
    assert body["items"][0]["is_active"] is False
    assert body["items"][0]["email"] == "ada@example.com"
    assert [u["id"] for u in by_name.json()["items"]] == [ada.id]
    page = first.json()
    assert (page["total"], len(page["items"])) == (4, 2)
    rest = await client.get(
        "/admin/users", params={"cursor": page["next_cursor"]}, headers=admin.headers
    )
    assert len(rest.json()["items"]) == 2


async def test_deactivate_and_reactivate(
    client: AsyncClient, alice: Account, admin: Account
) -> None:
    off = await client.post(
        f"/admin/users/{alice.id}/deactivate", json={"reason": "spam"}, headers=admin.headers
    )
    assert off.status_code == 200
    assert off.json()["is_active"] is False
    assert_problem(await client.get("/me", headers=alice.headers), 401)

    on = await client.post(f"/admin/users/{alice.id}/reactivate", headers=admin.headers)
    assert on.json()["is_active"] is True
    assert_problem(await client.get("/me", headers=alice.headers), 401)  # sessions stay ended
    again = await bearer(client, alice.user["email"])
    assert (await client.get("/me", headers=again)).status_code == 200


async def test_a_role_change_ends_the_users_sessions(
    client: AsyncClient, alice: Account, admin: Account
) -> None:
    for method in ("PUT", "PATCH"):
        role = "admin" if method == "PUT" else "user"
        headers = await bearer(client, alice.user["email"])
        response = await client.request(
            method, f"/admin/users/{alice.id}/role", json={"role": role}, headers=admin.headers
        )
        assert response.status_code == 200
        assert response.json()["role"] == role
        assert_problem(await client.get("/me", headers=headers), 401)


async def test_a_new_admin_administers(client: AsyncClient, alice: Account, admin: Account):
    await client.put(f"/admin/users/{alice.id}/role", json={"role": "admin"}, headers=admin.headers)
    promoted = await bearer(client, alice.user["email"])

    assert (await client.get("/admin/users", headers=promoted)).status_code == 200


async def test_the_last_admin_can_be_neither_deactivated_nor_demoted(
    client: AsyncClient, alice: Account, admin: Account
) -> None:
    for response in (
        await client.post(f"/admin/users/{admin.id}/deactivate", headers=admin.headers),
        await client.post(f"/users/{admin.id}/deactivate", headers=admin.headers),
        await client.put(
            f"/admin/users/{admin.id}/role", json={"role": "user"}, headers=admin.headers
        ),
    ):
        problem = assert_problem(response, 409)
        assert problem["type"] == "urn:folio:problem:last-admin"
        assert "last active admin" in problem["detail"]
    assert (await client.get("/me", headers=admin.headers)).json()["role"] == "admin"

    await client.put(f"/admin/users/{alice.id}/role", json={"role": "admin"}, headers=admin.headers)
    alice_now = await bearer(client, alice.user["email"])
    demoted = await client.put(
        f"/admin/users/{admin.id}/role", json={"role": "user"}, headers=alice_now
    )
    assert demoted.json()["role"] == "user"
    last = await client.post(f"/admin/users/{alice.id}/deactivate", headers=alice_now)
    assert_problem(last, 409)


async def test_admins_end_a_users_sessions(
    client: AsyncClient, alice: Account, admin: Account
) -> None:
    second = await bearer(client, alice.user["email"])
    response = await client.post(
        f"/admin/users/{alice.id}/sessions/revoke",
        json={"reason": "lost laptop"},
        headers=admin.headers,
    )
    assert response.json() == {"user_id": alice.id, "ended_sessions": 2}
    for headers in (alice.headers, second):
        assert_problem(await client.get("/me", headers=headers), 401)

    third = await bearer(client, alice.user["email"])
    deleted = await client.delete(f"/admin/users/{alice.id}/sessions", headers=admin.headers)
    assert deleted.status_code == 204
    assert_problem(await client.get("/me", headers=third), 401)


async def test_a_posting_limit_is_a_429_past_it(
    client: AsyncClient, alice: Account, admin: Account
) -> None:
    response = await client.put(
        f"/admin/users/{alice.id}/posting-limit",
        json={"posts_per_day": 1, "reason": "flooding"},
        headers=admin.headers,
    )
    assert response.json()["posts_per_day"] == 1
    me = await client.get("/me", headers=alice.headers)
    assert me.json()["posts_per_day"] == 1

    await create_post(client, alice.headers)
    refused = await client.post(
        "/posts", json=post_body(title="Another post"), headers=alice.headers
    )
    problem = assert_problem(refused, 429)
    assert problem["type"] == "urn:folio:problem:posting-limit-reached"
    realworld = await client.post(
        "/api/articles",
        json={"article": {"title": "Third one", "description": "d", "body": "Long enough."}},
        headers={"Authorization": alice.headers["Authorization"].replace("Bearer", "Token")},
    )
    assert realworld.status_code == 429

    lifted = await client.put(
        f"/admin/users/{alice.id}/posting-limit",
        json={"posts_per_day": None},
        headers=admin.headers,
    )
    assert "posts_per_day" not in lifted.json()
    await create_post(client, alice.headers, title="Allowed again")


async def test_unknown_users_and_bad_bodies(client: AsyncClient, admin: Account) -> None:
    for method, path, body in ADMIN_ROUTES:
        if "{id}" in path:
            response = await client.request(
                method, path.format(id=MISSING), json=body, headers=admin.headers
            )
            assert_problem(response, 404)
    bad_role = await client.put(
        f"/admin/users/{admin.id}/role", json={"role": "emperor"}, headers=admin.headers
    )
    assert_problem(bad_role, 422)
    negative = await client.put(
        f"/admin/users/{admin.id}/posting-limit",
        json={"posts_per_day": -1},
        headers=admin.headers,
    )
    assert_problem(negative, 422)


async def test_every_admin_action_is_in_the_audit_trail(
    client: AsyncClient, alice: Account, admin: Account
) -> None:
    user = f"/admin/users/{alice.id}"
    await client.post(f"{user}/deactivate", json={"reason": "spam"}, headers=admin.headers)
    await client.post(f"{user}/reactivate", headers=admin.headers)
    await client.put(f"{user}/role", json={"role": "admin"}, headers=admin.headers)
    await client.post(f"{user}/sessions/revoke", headers=admin.headers)
    await client.put(f"{user}/posting-limit", json={"posts_per_day": 5}, headers=admin.headers)

    response = await client.get("/admin/audit", headers=admin.headers)

    assert response.status_code == 200
    page = response.json()
    assert [e["action"] for e in page["items"]] == [
        "set_posting_limit",
        "end_sessions",
        "change_role",
        "reactivate_user",
        "deactivate_user",
    ]
    oldest = page["items"][-1]
    assert (oldest["actor_id"], oldest["target_type"], oldest["target_id"]) == (
        admin.id,
        "user",
        alice.id,
    )
    assert (oldest["reason"], oldest["at"][:2]) == ("spam", "20")
    assert page["items"][2]["detail"] == "role=admin"
    one = await client.get(f"/admin/audit/{oldest['id']}", headers=admin.headers)
    assert one.json() == oldest
    by_target = await client.get(
        "/admin/audit", params={"target_id": admin.id}, headers=admin.headers
    )
    assert by_target.json()["total"] == 0
    by_actor = await client.get(
        "/admin/audit", params={"actor_id": admin.id, "limit": 2}, headers=admin.headers
    )
    assert (by_actor.json()["total"], len(by_actor.json()["items"])) == (5, 2)


async def test_the_audit_trail_cannot_be_edited(client: AsyncClient, admin: Account) -> None:
    await client.post(f"/admin/users/{MISSING}/deactivate", headers=admin.headers)
    entry = f"/admin/audit/{MISSING}"
    for method in ("PUT", "PATCH", "DELETE"):
        for path in ("/admin/audit", entry):
            response = await client.request(method, path, json={}, headers=admin.headers)
            assert_problem(response, 405)
            assert "GET" in response.headers["allow"]
    assert_problem(await client.post("/admin/audit", json={}, headers=admin.headers), 405)
    assert_problem(await client.get(entry, headers=admin.headers), 404)
