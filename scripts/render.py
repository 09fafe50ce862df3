"""Write the site as a plain MkDocs project, for a generator that runs none of our hooks.

`scripts/render FOLDER` writes FOLDER/mkdocs.yml, FOLDER/docs/ and FOLDER/overrides/
(hooks/bulletin/plain_tree.py); it refuses, writing nothing, when `scripts/check` finds a problem,
when FOLDER is inside docs/ or data/, and when FOLDER is not empty (unless --force).
`scripts/render --after-build SITE` is run on the generator's output folder afterwards: it dates
each page, moves the pages' inline scripts into files, points them at our search worker, adds our
search fields and deletes every file holding a private value, exit 1 when there was one
(hooks/bulletin/after_build.py). Running it twice changes nothing more.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from bulletin.after_build import SEARCH_INDEX, after_build, freshness_lines  # noqa: E402
from bulletin.freshness import freshness  # noqa: E402
from bulletin.language import Localise, localise_problem, localiser  # noqa: E402
from bulletin.loading import LoadResult, load_archive  # noqa: E402
from bulletin.plain_tree import Tagged, folder_problems, read_config, render_tree, write_tree  # noqa: E402
from bulletin.problems import Problem, sorted_problems  # noqa: E402
from bulletin.site_config import SiteConfig, read_site_config  # noqa: E402
from bulletin.site_rules import dest_uri, page_paths  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/render", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path,
                        help="where the plain project goes; with --after-build, the built site's folder")
    parser.add_argument("--force", action="store_true",
                        help="replace the docs/, overrides/ and mkdocs.yml a folder already holds")
    parser.add_argument("--after-build", action="store_true",
                        help="after any generator built the plain project: search fields and the privacy scan")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the project's mkdocs.yml (default: ./mkdocs.yml)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    started = time.perf_counter()
    config_file = args.config_file.absolute()
    if args.after_build:
        return _after_build(args.folder, config_file, started)
    problems: list[Problem] = []
    site = read_site_config(config_file, problems)
    say = localiser(site.language)
    problems += folder_problems(args.folder, site.project_dir, site.docs_dir, args.force)
    tree = render_tree(config_file, problems) if not problems else None
    if tree is None:
        return _refused(problems, say, "沒有寫入任何檔案")
    write_tree(tree, args.folder)
    elapsed = time.perf_counter() - started
    pages = sum(1 for path in tree.files if path.startswith("docs/") and path.endswith(".md"))
    print(say(f"已寫入 {args.folder}：{pages} 個頁面，共 {len(tree.files) + 1} 個檔案（{elapsed:.2f} 秒）。"
              f"建置後請執行 scripts/render --after-build <輸出資料夾>。"), file=sys.stderr)
    return 0


def _after_build(site_dir: Path, config_file: Path, started: float) -> int:
    problems: list[Problem] = []
    site = read_site_config(config_file, problems)
    say = localiser(site.language)
    if not site_dir.is_dir():
        from bulletin.problems import Location

        return _refused([Problem(Location.folder(str(site_dir)), "", "應為建置好的網站資料夾，實為不存在",
                                 "先用產生器建置 scripts/render 寫出的專案，再指向它的輸出資料夾")], say, "")
    result = load_archive(site.project_dir, site.docs_dir, site.settings)
    # The generator's cache, when the site was built in the tree (a folder above holding mkdocs.yml):
    # never a folder of anything else (~/.cache beside ~/site).
    cache = [site_dir.parent / ".cache"] if (site_dir.parent / "mkdocs.yml").is_file() else []
    leaks = after_build(site_dir, result.archive, also=cache, site_url=_site_url(config_file),
                        lines=_dates(site, result, say))
    if leaks:
        return _refused(leaks, say, "含有私人資料的檔案已刪除，這份網站不可發布")
    index = "搜尋索引已加上數字與簡繁欄位" if (site_dir / SEARCH_INDEX).is_file() else "沒有 search/search_index.json，未加搜尋欄位"
    print(say(f"已檢查 {site_dir}：沒有私人資料，{index}"
              f"（{time.perf_counter() - started:.2f} 秒）。"), file=sys.stderr)
    return 0


def _dates(site: SiteConfig, result: LoadResult, say: Localise) -> dict[str, str]:
    """Every page's freshness line, generated pages and the docs folder's own, from one git log."""
    docs = site.docs_dir.relative_to(site.project_dir).as_posix() if site.docs_dir.is_relative_to(site.project_dir) \
        else str(site.docs_dir)
    sources = [path.relative_to(site.docs_dir).as_posix() for path in result.docs_files]
    pages = dict.fromkeys([*page_paths(result.archive), *(src for src in sources if dest_uri(src) != src)])
    return freshness_lines(result.archive, pages, freshness(site.project_dir), site.directory_urls, docs, say)


def _site_url(config_file: Path) -> str | None:
    """mkdocs.yml's site_url, where the error page finds the root; `!ENV [NAME, default]` as its default."""
    value = read_config(config_file.read_text(encoding="utf-8-sig")).get("site_url")
    if isinstance(value, Tagged) and isinstance(value.value, list) and value.value:
        value = value.value[-1]
    return value if isinstance(value, str) else None


def _refused(problems: list[Problem], say: Localise, outcome: str) -> int:
    for problem in sorted_problems(problems):
        print(localise_problem(problem, say))
    print(say(f"發現 {len(problems)} 個問題" + (f"；{outcome}。" if outcome else "。")), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
