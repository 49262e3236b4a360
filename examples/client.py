"""A small Folio client with httpx: register, log in, write a post and list posts.

Run a server (`make run`), then: `.venv/bin/python examples/client.py [base-url]`."""

import secrets
import sys
import uuid

import httpx

BASE_URL = "http://127.0.0.1:8000"


def main(base_url: str = BASE_URL) -> None:
    email = f"reader-{uuid.uuid4().hex[:8]}@example.com"
    password = secrets.token_urlsafe(12)
    with httpx.Client(base_url=base_url, timeout=10) as client:
        registered = client.post(
            "/users", json={"email": email, "name": "Example Reader", "password": password}
        )
        registered.raise_for_status()
        print("registered", registered.json()["username"])

        token = client.post("/token", data={"username": email, "password": password})
        token.raise_for_status()
        client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"

        post = client.post(
            "/posts",
            json={
                "title": "Hello from the example client",
                "content": "Written through Folio's HTTP API with httpx.",
                "published": True,
                "tags": ["examples", "httpx"],
            },
        )
        if post.status_code >= 400:  # errors are RFC 9457 problem documents
            problem = post.json()
            sys.exit(f"{problem['status']} {problem['title']}: {problem.get('detail')}")
        print("wrote", post.json()["slug"], "at", post.headers["location"])

        listed = client.get("/posts", params={"tag": "examples", "limit": 5})
        listed.raise_for_status()
        page = listed.json()
        print(f"{page['total']} published posts tagged 'examples':")
        for item in page["items"]:
            print(f"  {item['published_at']}  {item['title']}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
