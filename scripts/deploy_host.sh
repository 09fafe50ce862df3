#!/bin/sh
# The intranet host's side of `scripts/deploy … --to user@host:/srv/bulletin` (scripts/deploy_remote.py).
#
# Why a shell script: the host needs nothing but sh, rsync and a web server (plus the tools every
# Debian or BusyBox system has: find, sort, comm, sha256sum, ln, `mv -T`, and flock when there).
# scripts/deploy sends this file over ssh with every call, so the client and the host never run
# different versions; for a deploy key restricted in authorized_keys, a copy installed on the
# host is the key's forced command (`--forced ROOT`, at the bottom) and refuses all but a deploy.
#
# The layout, the lock and the guarantees are scripts/deploy.py's on a local root: releases/<id>/,
# `current` a symlink switched by renaming a new one over it, `.lock` taken with flock(1) (the
# same lock local deploys take), leftovers of killed deploys removed under the lock. A release
# goes live only if it matches its manifest: `.release.sha256` (every file with its sha256,
# sha256sum's format), `.release.json` beside it (written last, its `count` the same), no file
# the list lacks unless its name carries its content's hash, nothing but plain files and folders.
#
# Usage: deploy_host.sh VERSION ROOT COMMAND ARGS…   (VERSION: the protocol, 1)
#   publish WAIT KEEP   lock, clean, make releases/.incoming-<token>/ for rsync, say `ready`; then
#                       read `commit <id>` on stdin (end of input instead: the upload is dropped)
#   rollback WAIT [ID]  switch to ID, or to the newest complete release before the live one
#   prune WAIT KEEP     keep the live release and the newest KEEP complete ones
#   list                every release and why it is incomplete
# It answers in lines on stdout, `word fields…` (the last field runs to the end of the line),
# which the client turns into sentences: waiting HOLDER | cleaned NAME… | ready TOKEN LIVE NAME… |
# released ID | removed NAME… | rolledback ID | skipped ID REASON | release ID live|- ok|REASON |
# current TARGET | error CODE FIELDS…  A REASON is `no-manifest`, `count`, `special NAME`,
# `missing N NAME`, `extra NAME` or `changed NAME`.

PROTOCOL=1
HASHED='\.[0-9a-f]{8,}(\.min)?\.(css|js|woff2?|json)$'  # bulletin/asset_names.py's HASHED; a test keeps them equal
LC_ALL=C
export LC_ALL
NL='
'

say() { _ifs=$IFS; IFS=' '; printf '%s\n' "$*"; IFS=$_ifs; }
fail() { say error "$@"; exit 1; }

# ---------------------------------------------------------------- the root, the lock, leftovers

check_root() {  # $1: create | write | read
    for folder in "$root" "$root/releases"; do
        if [ -e "$folder" ] && [ ! -d "$folder" ]; then fail root-file "$folder"; fi
    done
    if [ ! -e "$root" ]; then
        [ "$1" = create ] || fail root-missing "$root"
        out=$(mkdir -p "$root" 2>&1) || fail failed "$out"
    fi
    [ "$1" = read ] && return 0
    for folder in "$root" "$root/releases"; do
        if [ -e "$folder" ] && { [ ! -w "$folder" ] || [ ! -x "$folder" ]; }; then fail not-writable "$folder"; fi
    done
    if [ ! -d "$root/releases" ]; then out=$(mkdir "$root/releases" 2>&1) || fail failed "$out"; fi
}

check_current() {  # `current` may be missing or a symlink; anything else is someone's own files
    if [ -L "$root/current" ] || [ ! -e "$root/current" ]; then return 0; fi
    if [ -d "$root/current" ]; then fail current-folder "$root/current"; fi
    fail current-file "$root/current"
}

holder() {
    if [ -n "$lockdir" ]; then cat "$lockdir/holder" 2>/dev/null; else cat "$root/.lock" 2>/dev/null; fi
}

lockdir=
take_lock() {  # $1: seconds to wait, $2: what for. flock(1) on .lock, or else a mkdir lock.
    stamp=$(date +%Y-%m-%dT%H:%M:%S%z)
    line="pid $$，$2（經 ssh 從 ${SSH_CLIENT%% *}），開始於 $stamp"
    if command -v flock >/dev/null 2>&1; then
        { command exec 9>>"$root/.lock"; } 2>/dev/null || fail not-writable "$root/.lock"
        if ! flock -n 9; then
            say waiting "$(holder)"
            flock -w "$1" 9 || fail lock-timeout "$1" "$(holder)"
        fi
        printf '%s\n' "$line" > "$root/.lock"
        return 0
    fi
    # No flock (BusyBox without it, the BSDs): a folder only one mkdir can make. Local deploys
    # on this host take flock and do not see it; the README says not to mix the two there.
    waited=0
    until mkdir "$root/.lock.d" 2>/dev/null; do
        pid=$(cat "$root/.lock.d/pid" 2>/dev/null)
        if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null && [ ! -d "/proc/$pid" ] \
                && mv "$root/.lock.d" "$root/.lock.d.stale-$$" 2>/dev/null; then  # its holder died without a word
            rm -rf "$root/.lock.d.stale-$$"
            continue
        fi
        [ "$waited" = 0 ] && say waiting "$(cat "$root/.lock.d/holder" 2>/dev/null)"
        [ "$waited" -ge "${1%.*}" ] && fail lock-timeout "$1" "$(cat "$root/.lock.d/holder" 2>/dev/null)"
        sleep 1
        waited=$((waited + 1))
    done
    lockdir="$root/.lock.d"
    printf '%s\n' "$$" > "$lockdir/pid"
    printf '%s\n' "$line" > "$lockdir/holder"
}

release_lock() { if [ -n "$lockdir" ]; then rm -rf "$lockdir"; lockdir=; fi; }

clean_leftovers() {  # what killed deploys left; only under the lock, so nothing else is mid-way
    cleaned=
    for entry in "$root"/releases/.incoming-* "$root"/releases/.deleting-* "$root"/releases/.staging-* \
                 "$root"/releases/.building-* "$root"/.current-* "$root"/.lock.d.stale-*; do
        [ -e "$entry" ] || [ -L "$entry" ] || continue
        case "${entry##*/}" in
            .building-*)  # a local publish's build: alive while it holds the folder's flock
                command -v flock >/dev/null 2>&1 || continue
                flock -n "$entry" true 2>/dev/null || continue ;;
        esac
        out=$(rm -rf "$entry" 2>&1) || fail failed "$out"
        cleaned="$cleaned ${entry##*/}"
    done
    [ -z "$cleaned" ] || say cleaned "${cleaned# }"
}

sync_to_disk() { sync "$@" 2>/dev/null || sync; }

# ---------------------------------------------------------------- releases and their manifests

release_ids() {  # every release folder, complete or not, oldest first (ids sort by time)
    for folder in "$root"/releases/*; do
        if [ -d "$folder" ] && [ ! -L "$folder" ]; then say "${folder##*/}"; fi
    done
}

live_id() {  # the release `current` points at, or nothing
    target=$(readlink "$root/current" 2>/dev/null) || return 0
    case "$target" in
        releases/*/*) ;;
        releases/*) [ -d "$root/$target" ] && say "${target#releases/}" ;;
        "$root"/releases/*/*) ;;
        "$root"/releases/*) [ -d "$target" ] && say "${target#"$root"/releases/}" ;;
    esac
}

verify() {  # why $1 is not a complete release (a REASON), or nothing when it is
    folder=$1
    [ -f "$folder/.release.json" ] && [ -f "$folder/.release.sha256" ] || { say no-manifest; return; }
    count=$(sed -n 's/^"count": *\([0-9][0-9]*\),*$/\1/p' "$folder/.release.json")
    listed=$(wc -l < "$folder/.release.sha256" | tr -d ' ')
    [ -n "$count" ] && [ "$count" -eq "$listed" ] || { say count; return; }
    special=$(cd "$folder" && find . ! -type f ! -type d | head -n 1)
    [ -z "$special" ] || { say special "${special#./}"; return; }
    scratch=$(mktemp -d) || { say unreadable; return; }
    (cd "$folder" && find . -type f ! -path ./.release.json ! -path ./.release.sha256) \
        | sed 's|^\./||' | sort > "$scratch/present"
    cut -c 67- "$folder/.release.sha256" | sort > "$scratch/listed"
    missing=$(comm -13 "$scratch/present" "$scratch/listed")
    extra=$(comm -23 "$scratch/present" "$scratch/listed" | grep -Ev "$HASHED" | head -n 1)
    rm -rf "$scratch"
    if [ -n "$missing" ]; then
        say missing "$(printf '%s\n' "$missing" | wc -l | tr -d ' ')" "$(printf '%s\n' "$missing" | head -n 1)"
        return
    fi
    [ -z "$extra" ] || { say extra "$extra"; return; }
    changed=$(cd "$folder" && sha256sum -c .release.sha256 2>/dev/null | grep -v ': OK$' | head -n 1)
    [ -z "$changed" ] || say changed "${changed%: FAILED*}"
}

carry() {  # hard-link (or copy, whole) $1's content-hashed files that $2 lacks: open pages still find them
    [ -d "$1" ] || return 0
    (cd "$1" && find . -type f | sed 's|^\./||' | grep -E "$HASHED") | while IFS= read -r name; do
        [ -e "$2/$name" ] && continue
        case "$name" in */*) mkdir -p "$2/${name%/*}" 2>/dev/null ;; esac
        ln "$1/$name" "$2/$name" 2>/dev/null && continue
        part="$root/releases/.staging-$$"
        cp -p "$1/$name" "$part" && mv "$part" "$2/$name" || exit 1
    done
}

switch() {  # point `current` at releases/$1: a new symlink renamed over the old one, one step
    link="$root/.current-$$"
    rm -f "$link"
    out=$(ln -s "releases/$1" "$link" 2>&1 && mv -T "$link" "$root/current" 2>&1) || fail failed "$out"
    sync_to_disk "$root"
}

prune() {  # all but the live release and the newest $1 complete ones; renamed away first
    live=$(live_id) kept=" " complete=0
    for id in $(release_ids | sort -r); do
        [ "$id" = "$live" ] && kept="$kept$id "
        if [ "$complete" -lt "$1" ] && [ -z "$(verify "$root/releases/$id")" ]; then
            kept="$kept$id " complete=$((complete + 1))
        fi
    done
    removed=
    for id in $(release_ids); do
        case "$kept" in *" $id "*) continue ;; esac
        out=$(mv "$root/releases/$id" "$root/releases/.deleting-$id" 2>&1 && \
              rm -rf "$root/releases/.deleting-$id" 2>&1) || fail prune-failed "$out"
        removed="$removed $id"
    done
    [ -z "$removed" ] || say removed "${removed# }"
}

# ---------------------------------------------------------------- commands

incoming=
publish() {  # $1: wait, $2: keep
    for tool in rsync sha256sum; do command -v "$tool" >/dev/null 2>&1 || fail missing-tool "$tool"; done
    check_root create
    check_current
    take_lock "$1" publish
    clean_leftovers
    check_current
    token="$(date -u +%Y%m%dT%H%M%S)-$$"
    incoming="$root/releases/.incoming-$token"
    out=$(mkdir "$incoming" 2>&1) || fail failed "$out"
    live=$(live_id)
    say ready "$token" "${live:--}" $(release_ids)
    IFS=' ' read -r word id || exit 1  # the client went away: the upload is dropped (see the trap)
    [ "$word" = commit ] || exit 1
    trap '' HUP INT TERM PIPE  # from here the commit finishes, or never starts
    case "$id" in [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9]*Z) ;; *) fail bad-id "$id" ;; esac
    newest=$(release_ids | tail -n 1)
    if [ -e "$root/releases/$id" ] || [ "$(printf '%s\n%s\n' "$newest" "$id" | sort | tail -n 1)" != "$id" ]; then
        fail not-newer "$id" "$newest"
    fi
    [ -z "$live" ] || carry "$root/releases/$live" "$incoming" || fail failed "carry"
    reason=$(verify "$incoming")
    [ -z "$reason" ] || fail incomplete "$reason"
    out=$(mv "$incoming" "$root/releases/$id" 2>&1) || fail failed "$out"
    incoming=
    sync_to_disk "$root/releases"
    switch "$id"
    say released "$id"
    prune "$2"
}

rollback() {  # $1: wait, $2: the release to switch to (default: the one before the live one)
    check_root write
    check_current
    take_lock "$1" rollback
    check_current
    live=$(live_id)
    if [ -n "${2:-}" ]; then
        [ -d "$root/releases/$2" ] && [ ! -L "$root/releases/$2" ] && case "$2" in .*|*/*) false ;; esac \
            || fail no-release "$2" $(release_ids)
        reason=$(verify "$root/releases/$2")
        [ -z "$reason" ] || fail release-incomplete "$2" "$reason"
        target=$2
    else
        target=
        for id in $(release_ids | sort -r); do
            [ -n "$live" ] && [ "$(printf '%s\n%s\n' "$id" "$live" | sort | head -n 1)" != "$id" ] && continue
            [ "$id" = "$live" ] && continue
            reason=$(verify "$root/releases/$id")
            if [ -z "$reason" ]; then target=$id; break; fi
            say skipped "$id" "$reason"
        done
        [ -n "$target" ] || fail nothing-older $(release_ids)
    fi
    trap '' HUP INT TERM PIPE
    if [ -n "$live" ] && [ "$live" != "$target" ]; then
        carry "$root/releases/$live" "$root/releases/$target" || fail failed "carry"
        rm -f "$root/releases/.staging-$$"
    fi
    switch "$target"
    say rolledback "$target"
}

prune_command() {  # $1: wait, $2: keep
    check_root write
    check_current
    take_lock "$1" prune
    check_current
    clean_leftovers
    prune "$2"
}

list() {
    check_root read
    live=$(live_id)
    for id in $(release_ids); do
        reason=$(verify "$root/releases/$id")
        [ "$id" = "$live" ] && mark=live || mark=-
        say release "$id" "$mark" "${reason:-ok}"
    done
    if [ -L "$root/current" ]; then say current "$(readlink "$root/current")"; fi
    if [ -e "$root/current" ] && [ ! -L "$root/current" ]; then say current-not-link; fi
}

main() {  # VERSION ROOT COMMAND ARGS…
    [ "$1" = "$PROTOCOL" ] || fail protocol "$1" "$PROTOCOL"
    root=$2 command=$3
    shift 3
    case "$root" in /*) ;; *) fail root-relative "$root" ;; esac
    root=${root%/}
    trap 'release_lock; [ -z "$incoming" ] || rm -rf "$incoming"' EXIT
    trap 'exit 129' HUP
    trap 'exit 130' INT
    trap 'exit 143' TERM
    IFS=$NL
    case "$command" in
        publish) publish "$1" "$2" ;;
        rollback) rollback "$1" "${2:-}" ;;
        prune) prune_command "$1" "$2" ;;
        list) list ;;
        *) fail unknown-command "$command" ;;
    esac
    exit 0
}

# ---------------------------------------------------------------- a key that can only deploy

word_ok() { case "$1" in "" | *[!A-Za-z0-9._/:@=+-]*) return 1 ;; esac; }

refuse() { printf 'bulletin-deploy: %s\n' "$*" >&2; exit 1; }

forced() {  # ROOT: run only our own commands on ROOT, and rsync uploads into its incoming folders
    root=${1%/}
    request=${SSH_ORIGINAL_COMMAND:-}
    set -f
    case "$request" in
        "$LAUNCHER "*)  # scripts/deploy's call: COUNT VERSION ROOT COMMAND ARGS, the script on stdin
            set -- ${request#"$LAUNCHER "}
            for word in "$@"; do word_ok "$word" || refuse "不是 scripts/deploy 的要求：$request"; done
            [ "$#" -ge 4 ] || refuse "不是 scripts/deploy 的要求：$request"
            [ "${3%/}" = "$root" ] || { dd bs=1 count="$1" >/dev/null 2>&1; fail forced-root "$3" "$root"; }
            dd bs=1 count="$1" >/dev/null 2>&1  # the client's copy of this script: ours runs instead
            shift
            set +f
            main "$@" ;;
        "rsync --server "*)
            set -- $request
            [ "$#" -ge 5 ] && [ "$#" -le 9 ] || refuse "不是 scripts/deploy 的上傳：$request"
            flags=$3 head=${3%%e.*}  # options, then e.<capabilities>: only -r, -c and -v may be asked for
            case "$head" in -*[!rcv]* | [!-]* | "") refuse "不允許的 rsync 選項 $3" ;; esac
            case "${3#"$head"}" in "" | e.*) ;; *) refuse "不允許的 rsync 選項 $3" ;; esac
            case "${3#"$head"}" in *[!A-Za-z.]*) refuse "不允許的 rsync 選項 $3" ;; esac
            shift 3
            options=
            while [ "$#" -gt 2 ]; do
                case "$1" in
                    --stats | --log-format=X) options="$options$NL$1" ;;  # what scripts/deploy asks for
                    --link-dest)
                        case "$2" in ../[0-9]*Z) word_ok "$2" || refuse "不是 scripts/deploy 的上傳：$request" ;; *) refuse "不是 scripts/deploy 的上傳：$request" ;; esac
                        options="$options$NL$1$NL$2"
                        shift ;;
                    *) refuse "不是 scripts/deploy 的上傳：$request" ;;
                esac
                shift
            done
            [ "$1" = . ] || refuse "不是 scripts/deploy 的上傳：$request"
            case "$2" in
                "$root"/releases/.incoming-*/) token=${2#"$root"/releases/.incoming-} token=${token%/} ;;
                *) refuse "只能上傳到 $root/releases/.incoming-*/，不能上傳到 $2" ;;
            esac
            word_ok "$token" && [ -d "$root/releases/.incoming-$token" ] || refuse "沒有進行中的發佈：$2"
            IFS=$NL
            exec rsync --server "$flags" $options . "$root/releases/.incoming-$token/" ;;
        *) refuse "這把金鑰只能部署（scripts/deploy … --to），不能執行 $request" ;;
    esac
}

# How scripts/deploy starts this script over ssh: it reads COUNT bytes of itself from stdin.
LAUNCHER='sh -c '\''eval "$(dd bs=1 count=$1 2>/dev/null)"'\'' bulletin-deploy'

if [ "${1:-}" = --forced ]; then
    forced "${2:?usage: deploy_host.sh --forced ROOT}"
else
    [ "$0" = bulletin-deploy ] && shift  # started by the launcher: $1 was COUNT
    main "$@"
fi
