"""The demo data of ``folio demo seed``: a few people, what they wrote, whom they follow,
what they favourited and what they said about it."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DemoUser:
    email: str
    name: str
    username: str
    age: int | None = None
    bio: str | None = None


@dataclass(frozen=True, slots=True)
class DemoPost:
    author: str  # a DemoUser's username
    title: str
    content: str
    tags: tuple[str, ...]
    published: bool = True


@dataclass(frozen=True, slots=True)
class DemoComment:
    author: str  # a DemoUser's username
    post: str  # a published DemoPost's title
    body: str


USERS = (
    DemoUser("ada@example.com", "Ada Lovelace", "ada", 36, "Poetical science."),
    DemoUser("grace@example.com", "Grace Hopper", "grace", 85, "Compilers, COBOL, nanoseconds."),
    DemoUser("alan@example.com", "Alan Turing", "alan", 41, "Computable numbers and games."),
    DemoUser("edsger@example.com", "Edsger Dijkstra", "edsger"),
)

POSTS = (
    DemoPost(
        "ada",
        "Notes on the Analytical Engine",
        "The engine weaves algebraic patterns just as the Jacquard loom weaves flowers and "
        "leaves. It might act upon other things besides number, were objects found whose "
        "mutual relations could be expressed by those of the abstract science of operations.",
        ("history", "computing", "mathematics"),
    ),
    DemoPost(
        "ada",
        "Computing Bernoulli numbers, step by step",
        "Note G sets out how the engine would compute the Bernoulli numbers: the operations, "
        "the variables they act on, and the order in which the cards must be presented.",
        ("mathematics", "algorithms"),
    ),
    DemoPost(
        "grace",
        "Why we wrote a compiler",
        "Programmers should not have to write in octal. A compiler lets people say what they "
        "mean in words, and leaves the machine to work out how.",
        ("compilers", "history", "languages"),
    ),
    DemoPost(
        "grace",
        "It is easier to ask forgiveness than permission",
        "A ship in port is safe, but that is not what ships are built for. Try the new thing, "
        "measure it, and keep what works.",
        ("culture", "engineering"),
    ),
    DemoPost(
        "alan",
        "Can machines think?",
        "I propose to consider the question by replacing it with a game: an interrogator, a "
        "person and a machine, and written questions and answers only.",
        ("ai", "philosophy", "computing"),
    ),
    DemoPost(
        "alan",
        "On computable numbers, briefly",
        "A number is computable if its decimal can be written down by a machine. Some numbers "
        "are not, and whether a machine halts cannot be decided by a machine.",
        ("mathematics", "computability"),
    ),
    DemoPost(
        "edsger",
        "Go To Statement Considered Harmful",
        "The quality of programmers is a decreasing function of the density of go to "
        "statements in the programs they produce. Structure the flow, and reasoning follows.",
        ("languages", "engineering", "structured-programming"),
    ),
    DemoPost(
        "edsger",
        "Shortest paths, over coffee",
        "I designed the algorithm in about twenty minutes, sitting on a café terrace, without "
        "pencil and paper: keep the tentative distances, settle the nearest node, repeat.",
        ("algorithms", "graphs"),
    ),
    DemoPost(
        "edsger",
        "Draft: on the cruelty of really teaching computing science",
        "Notes for a lecture, not yet ready to be read by anyone but me.",
        ("education",),
        published=False,
    ),
)

FOLLOWS = (  # (follower, followed)
    ("grace", "ada"),
    ("alan", "ada"),
    ("edsger", "ada"),
    ("ada", "alan"),
    ("edsger", "alan"),
    ("alan", "grace"),
)

FAVOURITES = (  # (who, a published post's title)
    ("grace", "Notes on the Analytical Engine"),
    ("alan", "Notes on the Analytical Engine"),
    ("edsger", "Notes on the Analytical Engine"),
    ("ada", "Can machines think?"),
    ("grace", "Can machines think?"),
    ("alan", "Go To Statement Considered Harmful"),
    ("ada", "Why we wrote a compiler"),
)

COMMENTS = (
    DemoComment("alan", "Notes on the Analytical Engine", "Could the engine ever surprise us?"),
    DemoComment("ada", "Notes on the Analytical Engine", "Only by what we gave it to work on."),
    DemoComment("grace", "Go To Statement Considered Harmful", "Harmful, or just misused?"),
    DemoComment("edsger", "Go To Statement Considered Harmful", "Harmful."),
    DemoComment("edsger", "Can machines think?", "As relevant as whether submarines swim."),
)
