"""Print the nbgitpuller link that gives every student of a JupyterHub the course in one click.

    python scripts/nbgitpuller_link.py https://hub.example.edu            # the lessons folder
    python scripts/nbgitpuller_link.py https://hub.example.edu 02         # lesson 02
    python scripts/nbgitpuller_link.py https://hub.example.edu primer --binder

A student who opens the link logs in to the hub; nbgitpuller (installed on the hub) clones the
course repository into their home folder, or merges new commits into the copy they have
without overwriting their changes, and opens the lesson in JupyterLab. The repository and
branch come from ``repository.url`` and ``repository.branch`` in ``site/_config.yml``
(``--repo``/``--branch`` override them); the pattern is in docs/instructor/launch-links.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "site" / "_ext"))

from course_site.links import (  # noqa: E402  (site/_ext is not an installed package)
    MYBINDER,
    Repository,
    binder_url,
    find_lesson,
    nbgitpuller_url,
    read_repository,
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("hub_url", metavar="HUB_URL", help="the JupyterHub's address, e.g. https://hub.example.edu")
    parser.add_argument("lesson", nargs="?", help="a lesson: its number (02), name or path; default: all lessons")
    parser.add_argument("--repo", help="the course repository's URL (default: repository.url in site/_config.yml)")
    parser.add_argument("--branch", help="the branch to pull (default: repository.branch in site/_config.yml)")
    parser.add_argument("--binder", action="store_true", help="also print the lesson's mybinder.org link")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        configured = read_repository()
        repo = Repository(url=(args.repo or configured.url).rstrip("/"), branch=args.branch or configured.branch)
        path = find_lesson(args.lesson) if args.lesson else "notebooks"
        link = nbgitpuller_url(repo, args.hub_url, path)
    except (ValueError, LookupError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if repo.is_placeholder:
        print(f"warning: {repo.url} is the placeholder; set repository.url in site/_config.yml "
              "(or pass --repo) to your course's repository", file=sys.stderr)
    print(link)
    if args.binder:
        print(binder_url(repo, path, MYBINDER))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
