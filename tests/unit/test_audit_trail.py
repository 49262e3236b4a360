"""The audit trail the admin use cases leave: who, what, which target, when, why."""

from application.admin.list_audit import AuditQuery
from application.pagination import PageRequest
from domain.admin.audit import AuditAction, AuditTarget
from domain.roles import Actor
from tests.unit.harness import Folio, register, register_admin

PAGE = PageRequest()


async def test_every_action_is_in_the_audit_trail_newest_first(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")

    await folio.deactivate_user(root, ada.id, "  spam  ")
    folio.clock.advance()
    await folio.reactivate_user(root, ada.id)
    folio.clock.advance()
    await folio.change_role(root, ada.id, "admin")
    folio.clock.advance()
    await folio.end_user_sessions(root, ada.id)
    folio.clock.advance()
    await folio.set_posting_limit(root, ada.id, 2, "flood")

    page = await folio.list_audit(root, AuditQuery(), PAGE)
    assert [entry.action for entry in page.items] == [
        AuditAction.SET_POSTING_LIMIT,
        AuditAction.END_SESSIONS,
        AuditAction.CHANGE_ROLE,
        AuditAction.REACTIVATE_USER,
        AuditAction.DEACTIVATE_USER,
    ]
    oldest = page.items[-1]
    assert (oldest.actor_id, oldest.target_type, oldest.target_id) == (
        root.id,
        AuditTarget.USER,
        ada.id,
    )
    assert oldest.reason == "spam"
    assert page.items[2].detail == "role=admin"
    assert (await folio.list_audit(root, AuditQuery(target_id=root.id), PAGE)).total == 0
    assert (await folio.list_audit(root, AuditQuery(actor_id=root.id), PAGE)).total == 5


async def test_a_no_op_leaves_no_audit_entry(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")

    await folio.reactivate_user(root, ada.id)
    await folio.change_role(root, ada.id, "user")

    assert folio.store.audit == []


async def test_the_operator_acts_as_no_user(folio: Folio):
    await register_admin(folio)
    ada = await register(folio, "ada")

    await folio.deactivate_user(Actor.operator(), ada.id, "from the shell")

    assert folio.store.audit[0].actor_id is None
    assert folio.store.users[ada.id].is_active is False
