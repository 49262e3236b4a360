"""Row <-> entity mapping of the social aggregates (ADR 002). A favourite's and a comment's
``post_author_id`` is not stored with them: it is read from the post they belong to."""

from adapters.sqlalchemy.mappers import Row, StoredRow, hidden_columns, hidden_from_row
from domain.ids import CommentId, PostId, UserId
from domain.social.comment import Comment, CommentBody
from domain.social.favorite import Favorite
from domain.social.follow import Follow


def follow_row(follow: Follow) -> Row:
    return {
        "follower_id": follow.follower_id,
        "followee_id": follow.followee_id,
        "created_at": follow.created_at,
    }


def follow_from_row(row: StoredRow) -> Follow:
    follower_id, followee_id = UserId(row["follower_id"]), UserId(row["followee_id"])
    return Follow(
        id=Follow.id_of(follower_id, followee_id),
        follower_id=follower_id,
        followee_id=followee_id,
        created_at=row["created_at"],
    )


def favorite_row(favorite: Favorite) -> Row:
    return {
        "user_id": favorite.user_id,
        "post_id": favorite.post_id,
        "created_at": favorite.created_at,
    }


def favorite_from_row(row: StoredRow) -> Favorite:
    """From a ``favorites`` row with the post's ``post_author_id`` joined in."""
    user_id, post_id = UserId(row["user_id"]), PostId(row["post_id"])
    return Favorite(
        id=Favorite.id_of(user_id, post_id),
        user_id=user_id,
        post_id=post_id,
        post_author_id=UserId(row["post_author_id"]),
        created_at=row["created_at"],
    )


def comment_row(comment: Comment) -> Row:
    return {
        "id": comment.id,
        "post_id": comment.post_id,
        "author_id": comment.author_id,
        "body": comment.body.value,
        "created_at": comment.created_at,
        "updated_at": comment.updated_at,
        **hidden_columns(comment.hidden),
    }


def comment_from_row(row: StoredRow) -> Comment:
    """From a ``comments`` row with the post's ``post_author_id`` joined in."""
    return Comment(
        id=CommentId(row["id"]),
        post_id=PostId(row["post_id"]),
        post_author_id=UserId(row["post_author_id"]),
        author_id=UserId(row["author_id"]),
        body=CommentBody(row["body"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        hidden=hidden_from_row(row),
    )
