"""Security adapters: argon2 password hashing and JWT access tokens."""
