"""The RealWorld (Conduit) API: a second driving adapter, served under /api.

Its own routers, schemas and error table give RealWorld's envelopes and error format; every
route calls the same use cases, through the same container, as the native API."""
