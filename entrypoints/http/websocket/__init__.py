"""``GET /ws``: live events over WebSocket (see the README's "Live events")."""
