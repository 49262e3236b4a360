"""The HTTP driving adapter: FastAPI app factory, routers, schemas and error mapping."""
