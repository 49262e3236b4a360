"""The social side of Folio: follows between users, favourites of posts, comments on posts."""
