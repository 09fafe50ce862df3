"""PyYAML's syntax errors said in the editors' words, with the usual cause and its fix.

libyaml's own messages ("did not find expected key") mean nothing to a union office. The
mistakes editors really make are few — a tab, a missing space after a colon, an unclosed
quote or bracket, uneven indentation — so each known message gets a Chinese sentence and a
hint. A message not listed here is still shown, after 「YAML 語法錯誤」, so nothing is hidden.
"""

from __future__ import annotations

import yaml

# (text in PyYAML/libyaml's message, what it means for an editor, how to fix it)
_KNOWN: tuple[tuple[str, str, str], ...] = (
    ("tab", "這裡有定位字元（Tab）", "縮排只能用空格，不能用 Tab"),
    ("cannot start any token", "這裡的字元不能作為值的開頭",
     "以 @、`、%、! 或 | 開頭的文字要加引號，例如 \"@某某\""),
    ("mapping values are not allowed", "這裡不能再出現「名稱: 值」",
     "冒號後要有一個空格；值裡面有冒號時，整個值加引號"),
    ("could not find expected ':'", "找不到「名稱: 值」中的冒號",
     "每行寫成 名稱: 值，冒號後加一個空格；引號要成對"),
    ("did not find expected key", "縮排不齊，讀不出這一行屬於哪一項",
     "同一筆記錄的各行要對齊；新的一筆以 \"- \" 開頭"),
    ("did not find expected '-' indicator", "縮排不齊，這一行不像清單的一項",
     "清單的每一項以 \"- \" 開頭，並與上一項對齊"),
    ("sequence entries are not allowed", "這裡不能開始清單項（\"- \"）",
     "檢查上一行：名稱後面要有冒號，\"- \" 要縮排在名稱下面"),
    ("did not find expected ',' or ']'", "方括號 [ ] 沒有閉合", "補上 ]，或把含逗號的文字加引號"),
    ("did not find expected ',' or '}'", "大括號 { } 沒有閉合", "補上 }，或把含逗號的文字加引號"),
    ("expected ',' or ']'", "方括號 [ ] 沒有閉合", "補上 ]，或把含逗號的文字加引號"),
    ("expected ',' or '}'", "大括號 { } 沒有閉合", "補上 }，或把含逗號的文字加引號"),
    ("unexpected end of stream", "檔案在引號或括號閉合之前就結束了", "檢查引號、括號是否成對"),
    ("unknown escape character", "雙引號裡有不認得的反斜線（\\）組合",
     "改用單引號，或把 \\ 寫成 \\\\"),
    ("did not find expected node content", "這裡缺少值", "在冒號後寫上值，或刪去多餘的符號"),
    ("expected <block end>", "縮排不齊，讀不出這一行屬於哪一項",
     "同一層的各行要對齊，用空格縮排"),
    ("single document", "一個檔案只能有一份資料", "刪去檔案中間的 --- 分隔線，或把資料分到兩個檔案"),
    ("undefined alias", "用了沒有定義的別名（*名稱）", "每個值都直接寫出來，不用 & 和 *"),
    ("found undefined tag handle", "用了不認得的標籤（!）", "刪去以 ! 開頭的標記，只寫值"),
)


def describe_syntax_error(error: yaml.MarkedYAMLError, text: str) -> tuple[str, str]:
    """(message, hint) for one syntax error of `text`."""
    problem = error.problem or ""
    mark = error.problem_mark
    lines = text.splitlines()
    at_tab = mark is not None and mark.line < len(lines) and lines[mark.line][mark.column:mark.column + 1] == "\t"
    if at_tab:
        problem = "tab"
    said = f"{problem} {error.context or ''}"
    for known, message, hint in _KNOWN:
        if known in said:
            return f"YAML 語法錯誤：{message}", hint
    original = problem or "not valid YAML"
    if error.context:
        original = f"{original} ({error.context})"
    return f"YAML 語法錯誤：{original}", "對照上下行，檢查縮排、冒號後的空格和引號是否成對"
