"""Launch links: a Binder URL and an nbgitpuller URL for a file of the course's repository.

One value sets where the course lives: ``repository.url`` (with ``repository.branch``) in
``site/_config.yml``. Until a fork fills it in it is the placeholder
``https://github.com/YOUR-ORG/friends-and-foes``. The site's badges and per-page links, its
theme's launch menu and ``scripts/nbgitpuller_link.py`` all read it from there.

The patterns (the same ones ``sphinx-book-theme`` uses for its launch menu):

* Binder: ``{binderhub}/v2/gh/{org}/{repo}/{branch}?urlpath=lab/tree/{path}``
  (``/v2/gl/{org}%2F{repo}/…`` on GitLab, ``/v2/git/{quoted url}/…`` elsewhere);
* nbgitpuller: ``{hub}/hub/user-redirect/git-pull?repo={url}&branch={branch}&urlpath=lab/tree/{repo}/{path}``.
  nbgitpuller clones the repository into the student's home as ``{repo}/`` (or merges new
  commits into an existing clone) and then opens ``urlpath``.

Standard library and PyYAML only, so the link script runs in a student's environment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

SITE = Path(__file__).resolve().parents[2]
ROOT = SITE.parent
CONFIG = SITE / "_config.yml"
NOTEBOOKS = ROOT / "notebooks"
MYBINDER = "https://mybinder.org"
PLACEHOLDER_ORG = "YOUR-ORG"


@dataclass(frozen=True)
class Repository:
    """Where the course's repository lives: its web URL and the branch links open."""

    url: str
    branch: str = "main"

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.netloc or len(self.path_parts) < 2:
            raise ValueError(f"repository.url must look like https://github.com/ORG/REPO, not {self.url!r}")
        if not self.branch:
            raise ValueError("repository.branch must not be empty")

    @property
    def path_parts(self) -> list[str]:
        """The URL's path, split: ``["ORG", "REPO"]`` (GitLab groups may add more)."""
        path = urlsplit(self.url).path.strip("/")
        return [p for p in path.removesuffix(".git").split("/") if p]

    @property
    def name(self) -> str:
        """The repository's name, which is also the folder nbgitpuller clones it into."""
        return self.path_parts[-1]

    @property
    def is_placeholder(self) -> bool:
        """Whether ``repository.url`` still holds the placeholder organisation."""
        return self.path_parts[0] == PLACEHOLDER_ORG


def read_repository(config: Path = CONFIG) -> Repository:
    """The ``repository`` section of a Jupyter Book ``_config.yml``."""
    import yaml

    section = (yaml.safe_load(config.read_text(encoding="utf-8")) or {}).get("repository") or {}
    if not section.get("url"):
        raise ValueError(f"{config}: no repository.url")
    return Repository(url=str(section["url"]).rstrip("/"), branch=str(section.get("branch") or "main"))


def _hub(url: str, what: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{what} must be an http(s) URL such as https://hub.example.edu, not {url!r}")
    return url.rstrip("/")


def binder_url(repo: Repository, path: str = "", binderhub: str = MYBINDER) -> str:
    """The Binder link that builds ``repo`` and opens ``path`` (repository-relative) in JupyterLab.

    >>> binder_url(Repository("https://github.com/ORG/course"), "notebooks/00_intro.ipynb")
    'https://mybinder.org/v2/gh/ORG/course/main?urlpath=lab/tree/notebooks/00_intro.ipynb'
    """
    hub = _hub(binderhub, "the BinderHub URL")
    host = urlsplit(repo.url).netloc.lower()
    parts = repo.path_parts
    branch = quote(repo.branch, safe="")
    if host == "github.com":
        base = f"{hub}/v2/gh/{parts[0]}/{parts[1]}/{branch}"
    elif host == "gitlab.com":
        base = f"{hub}/v2/gl/{quote('/'.join(parts), safe='')}/{branch}"
    else:
        base = f"{hub}/v2/git/{quote(repo.url, safe='')}/{branch}"
    return f"{base}?{urlencode({'urlpath': f'lab/tree/{path}'.rstrip('/')}, safe='/')}"


def nbgitpuller_url(repo: Repository, hub_url: str, path: str = "") -> str:
    """The link that pulls ``repo`` into a student's home on the JupyterHub at ``hub_url`` and
    opens ``path`` (repository-relative) in JupyterLab.

    ``targetPath`` names the folder, so the link opens the right path whatever nbgitpuller
    would derive from the address (a URL ending in ``.git`` would otherwise clone into
    ``course.git/``).

    >>> nbgitpuller_url(Repository("https://github.com/ORG/course.git"), "https://hub.example.edu/",
    ...                 "notebooks/00_intro.ipynb")  # doctest: +NORMALIZE_WHITESPACE
    'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A//github.com/ORG/course.git&branch=main&targetPath=course&urlpath=lab/tree/course/notebooks/00_intro.ipynb'
    """
    hub = _hub(hub_url, "HUB_URL")
    target = f"lab/tree/{repo.name}/{path}".rstrip("/")
    query = urlencode({"repo": repo.url, "branch": repo.branch, "targetPath": repo.name, "urlpath": target},
                      safe="/")
    return f"{hub}/hub/user-redirect/git-pull?{query}"


def lessons(notebooks: Path = NOTEBOOKS) -> list[str]:
    """The lesson notebooks' names, without ``.ipynb``, in course order."""
    return sorted(p.stem for p in notebooks.glob("*.ipynb"))


def find_lesson(query: str, notebooks: Path = NOTEBOOKS) -> str:
    """The repository-relative path (``notebooks/NAME.ipynb``) of the lesson ``query`` names.

    ``query`` may be the number (``"2"``, ``"02"``), the notebook's name with or without
    ``.ipynb``, its path, or the start of its name (``"primer"``). Raises ``LookupError``
    listing the lessons when it names none or more than one.
    """
    stem = Path(query.strip()).name.removesuffix(".ipynb")
    names = lessons(notebooks)
    if stem.isdigit():
        stem = f"{int(stem):02d}_"
    matches = [n for n in names if n == stem] or [n for n in names if stem and n.startswith(stem)]
    if len(matches) != 1:
        found = "matches no lesson" if not matches else f"matches {len(matches)} lessons"
        raise LookupError(f"{query!r} {found}; the lessons are: {', '.join(names)}")
    return f"{notebooks.name}/{matches[0]}.ipynb"
