"""deploy_host.sh's answers in sentences: what failed on the host, where, and what to do.

The host script speaks in codes (`error not-writable /srv/bulletin`, reasons like `missing 3
assets/x.css`) so that the words live in one place, beside the local deploy's: the same reasons
as `deploy.verify` gives, the same hints, with the host's name and the `--to` to type.
"""

from __future__ import annotations

from collections.abc import Callable

import deploy
from deploy_ssh import Connection, Destination

REASONS: dict[str, Callable[..., str]] = {
    "no-manifest": lambda: f"沒有清單 {deploy.MANIFEST} 或 {deploy.CHECKSUMS}",
    "count": lambda: f"{deploy.MANIFEST} 與 {deploy.CHECKSUMS} 列的檔案數不同",
    "special": lambda name: f"含有不是一般檔案的 {name}（例如符號連結）",
    "missing": lambda count, name: f"缺少 {count} 個檔案，例如 {name}",
    "extra": lambda name: f"多出清單沒有的檔案，例如 {name}",
    "changed": lambda name: f"{name} 的內容與清單不符",
    "unreadable": lambda: "無法讀取",
}


def reason_text(reason: str) -> str:
    """A host's REASON (`missing 3 assets/x.css`) in the words `deploy.verify` uses."""
    code, _, rest = reason.partition(" ")
    if code == "missing":
        return REASONS[code](*rest.split(" ", 1))
    if code in ("special", "extra", "changed"):
        return REASONS[code](rest)
    return REASONS[code]() if code in REASONS else reason


def host_error(answer: str, connection: Connection) -> str:
    """The sentence for a host's `error CODE FIELDS…`; the site is as it was unless it says so."""
    destination = connection.destination
    host, root, to = destination.host, destination.root, str(destination)
    code, _, rest = answer.partition(" ")
    first, _, tail = rest.partition(" ")
    names = "、".join(rest.split()) or "無"
    where = f"{host}:{first}"
    messages = {
        "root-file": lambda: f"{where} 是檔案，不是資料夾：部署的版本放不進去。提示：--to 應指向主機上存放各版本的資料夾（例如 {host}:/srv/bulletin）。",
        "root-missing": lambda: f"主機上沒有 {where}：這裡還沒有發佈過。提示：檢查 --to；第一次 publish 會建立它。",
        "not-writable": lambda: f"沒有寫入權限：{where}。沒有做任何更動。提示：以能寫入 {root} 的帳號部署（--to 的使用者，例如網站檔案的擁有者），或調整它的權限。",
        "current-folder": lambda: f"{where} 是一個資料夾，不是部署維護的符號連結；部署不會取代或刪除它，沒有做任何更動。提示：在主機上把它移開（例如 mv {first} {first}.old），再發佈。",
        "current-file": lambda: f"{where} 是一個檔案，不是部署維護的符號連結；部署不會取代或刪除它，沒有做任何更動。提示：在主機上把它移開，再發佈。",
        "lock-timeout": lambda: f"等候 {first} 秒後，{host}:{root}/.lock 仍被另一個部署（{tail or '不明'}）鎖住；這次沒有做任何更動。提示：確認那個部署是否仍在執行；它正常進行時，稍後再試或以 --wait 延長等候。",
        "missing-tool": lambda: f"主機 {host} 上沒有 {first}：遠端部署需要它。沒有做任何更動。提示：在主機上安裝它（Debian：apt-get install {'rsync' if first == 'rsync' else 'coreutils'}）。",
        "not-newer": lambda: f"新版本號 {first} 不比主機上最新的 {tail} 晚（這台機器的時鐘比上次發佈的慢？）：沒有切換，網站保持不變。提示：校正時鐘後再發佈。",
        "bad-id": lambda: f"版本號 {first} 的格式不對：沒有切換，網站保持不變。提示：以同一版本的 scripts/deploy 再發佈。",
        "incomplete": lambda: f"傳到主機的版本與它的清單不符（{reason_text(rest)}）：網站保持不變，沒有切換。提示：再發佈一次；一再發生時，檢查主機上 {root} 所在的磁碟。",
        "no-release": lambda: f"主機上沒有版本 {first}。現有的版本：{'、'.join(tail.split()) or '無'}。提示：以 scripts/deploy list --to {to} 查看。",
        "release-incomplete": lambda: f"版本 {first} 不完整（{reason_text(tail)}），不會切換到它；網站保持不變。提示：以 scripts/deploy list --to {to} 找一個完整的版本。",
        "nothing-older": lambda: f"沒有可回復的版本（現有：{names}）。",
        "protocol": lambda: f"主機上安裝的 deploy_host.sh 是另一版（協定 {first}，這裡是 {tail}）：沒有做任何更動。提示：把這一版的 scripts/deploy_host.sh 複製到主機上 authorized_keys 的 command= 所指的位置。",
        "forced-root": lambda: f"這把部署金鑰只能部署到 {host}:{tail}，不是 {first}：沒有做任何更動。提示：把 --to 的路徑改為 {tail}。",
        "failed": lambda: failed_on_host(rest, destination),
        "prune-failed": lambda: f"刪除舊版時出錯：{rest}。提示：排除這個問題後以 scripts/deploy prune --to {to} 再刪一次；留下的 .deleting-* 也會在下次發佈時清除。",
    }
    return messages[code]() if code in messages else f"主機上的部署沒有完成（{answer}）。網站保持不變。"


def failed_on_host(text: str, destination: Destination) -> str:
    """A command on the host failed (`mkdir`, `ln`, `mv`, `rm` …): its own words, and what to do."""
    if "No space left" in text or "Disk quota" in text:
        return (f"主機 {destination.host} 的磁碟空間不足：{text}。網站保持不變。"
                f"提示：清出空間（例如 scripts/deploy prune --to {destination} --keep 2）後再試。")
    if "Permission denied" in text or "Operation not permitted" in text:
        return f"沒有寫入權限：{text}。網站保持不變。提示：以能寫入 {destination.root} 的帳號部署（--to 的使用者）。"
    return f"主機上的操作失敗：{text}。網站保持不變；留下的暫存資料夾會在下次發佈時清除。提示：排除這個問題後再試一次。"
