/// The one program sitegen runs on the web host (through `ssh`, or `sh` for a local folder).
///
/// The script is a constant: nothing from sitegen.yml or the content is ever part of a command line.
/// Every value (the folder, the release id, the log line) is sent on standard input, one per line,
/// and read with `read -r` into a variable that is only ever expanded in double quotes after `--`,
/// so a folder named `x; rm -rf ~`, `-rf` or `it's "here"` is a folder name and nothing else.
///
/// Layout on the host, in the target's folder:
/// - `releases/<id>/`: complete releases; `releases/.incoming-<id>/` while one is uploaded;
/// - `current`: a symbolic link to `releases/<id>`, replaced by one `rename` (`mv -T`), so readers
///   get the old release or the new one, never a mix;
/// - `deploy.log`: one line per release published or rolled back to;
/// - `.deploy.lock`: held with `flock` for as long as a deploy runs.
///
/// Protocol. Input: a mode (`lock` or `peek`), the folder, and for `lock` who deploys. Output for
/// both: `cleaned <id>` for each unfinished upload removed and `place <folder>`, the target's folder
/// with its links resolved, which the upload goes to (lock only), `current <id>`, `release
/// <id>` for each release, `log <line>` for each line of `deploy.log`, then `end`. With `lock`, it
/// then holds the lock and runs commands (a name and a release id per line; `incoming` makes and marks
/// `releases/.incoming-<id>/` before an upload, refusing one it finds there; `publish`, `switch` and
/// `replace` followed by the log line, written to `deploy.log` in the same step) until its input ends,
/// answering `ok` or `fail <why>` to each (`space` first prints `df -Pk`
/// of the folder, each line after `df `). A busy lock is `busy <who>`
/// and exit status 75. `current` is replaced only when it is a link into `releases/` (or not there):
/// a file or folder someone put there, or a link of theirs, is never replaced. A release is a folder
/// in `releases/` named by a release id that holds the marker file of a build (`.sitegen-output`,
/// uploaded with the site); a folder of such a name without it is never listed, and no command
/// replaces, removes or switches to it. `lock` refuses (status 72) a target that another account can
/// change (`releases/` or a folder above it owned by another account than the deploying one or root, or
/// writable by others without the sticky bit): such an account could swap the upload's folder for a
/// link between `incoming` and the upload, which rsync would follow, deleting what it leads to.
/// `remove` and `replace` take a release away only when it holds nothing but the files on the list
/// uploaded with it (`.sitegen-files`): a file put into it by hand (a search engine's proof of
/// ownership, through `current/`, or a folder) keeps it, `remove` answering `held file <path>` (or
/// `held unlisted` for a release uploaded with no list, `held unreadable` for one that cannot be read
/// whole) and `replace` refusing.
enum HostScript {
    static let text = #"""
        umask 022
        nl=$(printf "\nx"); nl=${nl%x}
        # A folder sitegen made and marked (no link, holding the marker of a build as a plain file): a release,
        # or an upload the incoming command started. Anything else of such a name belongs to someone else.
        marked() { [ -d "$1" ] && [ ! -L "$1" ] && [ -f "$1/.sitegen-output" ] && [ ! -L "$1/.sitegen-output" ]; }
        # A folder no other account can change: this one or root owns it, and no one else may write in it, unless
        # its sticky bit keeps them to their own names (as in /tmp). (With an access list, the group bits are its mask.)
        guarded() (
          set -f
          set -- $(ls -ldn -- "$1" 2>/dev/null) && [ -n "$3" ] || exit 1
          case $3 in "$(id -u)"|0) ;; *) exit 1 ;; esac
          case $1 in ?????w*|????????w*) case $1 in ?????????[tT]*) ;; *) exit 1 ;; esac ;; esac
        )
        # Every folder from the root down to $1 is guarded: an account that could change one of them could put a
        # link in place of the folder of the upload, and rsync would follow it and delete what the link leads to.
        unshared() {
          p=$1
          while :; do
            if ! guarded "$p"; then
              echo "$(printf "%s" "$p" | tr -c "[:alnum:]._/-" "?") can be changed by another account than this one (another owns it, or others may write in it): one could swap the upload for a link, and the upload would then delete what the link leads to; make it owned by this account and writable by it alone (chown, chmod go-w), or deploy to a folder that is" >&2
              exit 72
            fi
            case $p in /) return 0 ;; esac
            p=$(dirname -- "$p")
          done
        }
        IFS= read -r mode && IFS= read -r base || exit 70
        case $mode in
        lock)
          mkdir -p -- "$base" || exit 71
          cd -P -- "$base" || exit 71
          for f in releases .deploy.lock .deploy.who deploy.log; do
            if [ -L "$f" ]; then echo "$f is a symbolic link: sitegen writes only files of its own there; move it away" >&2; exit 72; fi
          done
          for f in .deploy.lock .deploy.who deploy.log; do
            if [ -e "$f" ] && { [ ! -f "$f" ] || [ -n "$(find "$f" -prune -links +1)" ]; }; then
              echo "$f is not a plain file of one name (a folder, a pipe, a second name of another file): sitegen writes only files of its own there; move it away" >&2; exit 72
            fi
          done
          mkdir -p releases || exit 71
          place=$(pwd -P) || exit 71
          unshared "$place/releases"
          # The upload goes to the folder as found here (links resolved), never again through the path as written,
          # whose links another account might point elsewhere by then.
          case $place in *"$nl"*) echo "the target folder has a line break in its name: sitegen cannot name it to rsync; rename it" >&2; exit 72 ;; esac
          exec 9>>.deploy.lock || exit 71
          if ! flock -n 9; then printf "busy "; cat .deploy.who 2>/dev/null || echo; exit 75; fi
          IFS= read -r who || exit 70
          printf "%s\n" "$who" > .deploy.who || exit 71
          for d in releases/.incoming-*; do
            n=${d#releases/.incoming-}
            r=${n%.old}
            # Only a folder sitegen names so (the id of a release, sixteen hex digits), makes (no link) and marks
            # (the marker of a build, written by the incoming command before the upload starts) is its own:
            # anything else of such a name belongs to someone else, and stays (a link is never followed by chmod -R).
            case $r in ????????????????) ;; *) continue ;; esac
            case $r in *[!0-9a-f]*) continue ;; esac
            marked "$d" || continue
            # A release set aside by a replace cut short goes back where it was, when nothing took its place.
            case $n in *.old) if [ ! -e "releases/$r" ] && [ ! -L "releases/$r" ] && mv -T -- "$d" "releases/$r"; then continue; fi ;; esac
            chmod -R u+w -- "$d" 2>/dev/null; rm -rf -- "$d" || exit 71; echo "cleaned $r"
          done
          # sitegen makes no link in a release: an upload compared with one (--link-dest) would follow it and
          # link files from elsewhere into the new release.
          l=$(find releases -mindepth 2 -type l -print 2>/dev/null | head -n 1)
          if [ -n "$l" ]; then
            echo "$(printf "%s" "$l" | tr -c "[:alnum:]._/-" "?") is a symbolic link inside a release, which sitegen never makes: move it away" >&2; exit 72
          fi ;;
        peek)
          if ! cd -P -- "$base" 2>/dev/null; then echo end; exit 0; fi ;;
        *) exit 70 ;;
        esac
        # The release id `current` links to, when it is a link sitegen made (`releases/<id>`); else nothing.
        own() { l=$(readlink current 2>/dev/null) || l=; case $l in releases/*[!0-9a-f]*) l= ;; releases/?*) ;; *) l= ;; esac; printf "%s" "${l#releases/}"; }
        [ "$mode" = lock ] && echo "place $place"
        echo "current $(own)"
        # A release is a folder sitegen uploaded: a built site, which carries the marker file every build writes.
        # A folder named so without it belongs to someone else, and is never listed, compared with, gone
        # back to, replaced or removed.
        mine() { marked "releases/$1"; }
        # A release holds only the files on the list uploaded with it (.sitegen-files): the first file that is on
        # no list, shown safely, else nothing; `unlisted` for a release uploaded with no list (by an older sitegen).
        # Folders count as files do (an empty .well-known/ put there by hand keeps the release too), and what cannot be
        # read is `unreadable`: a release is taken away only when it is known to hold nothing else.
        stranger() {
          if [ ! -f "$1/.sitegen-files" ] || [ -L "$1/.sitegen-files" ] || [ ! -r "$1/.sitegen-files" ]; then echo unlisted; return; fi
          l=$(cd -P -- "$1" && find . -mindepth 1 -print) || { echo unreadable; return; }
          # A name with a line break in it reads as two lines, each perhaps on the list: it is on none.
          w=$(cd -P -- "$1" && find . -mindepth 1 -name "*$nl*" -print)
          if [ -n "$w" ]; then echo "file $(printf "%s" "$w" | sed "s|^[.]/||" | tr -c "[:alnum:]._/-" "?" | cut -c1-200)"; return; fi
          [ -n "$l" ] || return 0
          x=$(printf "%s\n" "$l" | sed "s|^[.]/||" | grep -Fxv -e .sitegen-files -e .sitegen-output -f "$1/.sitegen-files")
          case $? in
          0) x=$(printf "%s\n" "$x" | head -n 1); echo "file $(printf "%s" "$x" | tr -c "[:alnum:]._/-" "?")" ;;
          1) ;;
          *) echo unreadable ;;
          esac
        }
        for d in releases/*; do
          n=${d#releases/}
          case $n in *[!0-9a-f]*) continue ;; esac
          if mine "$n"; then echo "release $n"; fi
        done
        if [ -f deploy.log ]; then while IFS= read -r l || [ -n "$l" ]; do echo "log $l"; done < deploy.log; fi
        echo end
        [ "$mode" = lock ] || exit 0
        fail() { printf "fail %s\n" "$(printf "%s" "$1" | tr "\n\r" "  ")"; }
        ready() {
          if [ -L current ]; then
            if [ -z "$(own)" ]; then fail "current links elsewhere than a release in releases/, so sitegen did not make it: move it away"; return 1; fi
          elif [ -e current ]; then fail "current is no link sitegen made: move it away"; return 1; fi
          # Only the link a switch cut short left (into releases/) is of sitegen: a file of that name belongs to someone else.
          if [ -L .current.new ]; then case $(readlink -- .current.new) in releases/*) rm -f -- .current.new ;; esac; fi
          if [ -e .current.new ] || [ -L .current.new ]; then fail ".current.new is in the way: move it away"; return 1; fi
        }
        # The log line goes with the switch, in the same step: a connection dropped after it loses neither.
        logline() { { [ ! -s deploy.log ] || [ -z "$(tail -c 1 deploy.log)" ] || echo >> deploy.log; } && printf "%s\n" "$1" >> deploy.log; }
        point() {
          if e=$(ln -s -- "releases/$1" .current.new 2>&1 && mv -T -- .current.new current 2>&1); then
            if logline "$2"; then echo ok; else fail "current is releases/$1, but deploy.log could not be written"; fi
          else fail "$e"; fi
        }
        while IFS= read -r cmd && IFS= read -r id; do
          case $id in ""|*[!0-9a-f]*) echo "fail not a release id"; continue ;; esac
          # What goes live comes with its log line.
          case $cmd in publish|switch|replace) IFS= read -r line || exit 70 ;; esac
          case $cmd in
          incoming)
            # The folder an upload goes to, made and marked here first: a leftover of it is then provably of sitegen.
            d="releases/.incoming-$id"
            if [ -e "$d" ] || [ -L "$d" ]; then fail "$d is in the way, and sitegen did not start it: move it away"; continue; fi
            if e=$(mkdir -- "$d" 2>&1 && printf "sitegen output format \#(OutputFolder.formatVersion)\n" > "$d/.sitegen-output" 2>&1); then echo ok; else fail "$e"; fi ;;
          publish)
            if ! marked "releases/.incoming-$id" || [ ! -f "releases/.incoming-$id/.sitegen-files" ]; then
              fail "releases/.incoming-$id is not the upload sitegen made and sent (no list of its files in it): move it away"; continue
            fi
            ready || continue
            if e=$(mv -T -- "releases/.incoming-$id" "releases/$id" 2>&1); then point "$id" "$line"; else fail "$e"; fi ;;
          switch)
            if ! mine "$id"; then fail "releases/$id is not a release sitegen uploaded"; continue; fi
            ready && point "$id" "$line" ;;
          replace)
            if ! mine "$id"; then fail "releases/$id is not a release sitegen uploaded: move it away"; continue; fi
            if ! marked "releases/.incoming-$id" || [ ! -f "releases/.incoming-$id/.sitegen-files" ]; then
              fail "releases/.incoming-$id is not the upload sitegen made and sent (no list of its files in it): move it away"; continue
            fi
            # The release replaced goes whole: not when it holds a file that was never uploaded (put there by hand).
            x=$(stranger "releases/$id")
            case $x in
            unlisted) fail "releases/$id was uploaded with no list of its files (by an older sitegen), so what else is in it cannot be told: move it away, then deploy again"; continue ;;
            unreadable) fail "releases/$id could not be read whole, so what else is in it cannot be told: make it readable, or move it away, then deploy again"; continue ;;
            "file "*) fail "releases/$id holds ${x#file }, which sitegen did not upload: move it out of the release, then deploy again"; continue ;;
            esac
            ready || continue
            if e=$(mv -T -- "releases/$id" "releases/.incoming-$id.old" 2>&1 && mv -T -- "releases/.incoming-$id" "releases/$id" 2>&1); then
              point "$id" "$line"; chmod -R u+w -- "releases/.incoming-$id.old" 2>/dev/null; rm -rf -- "releases/.incoming-$id.old" 2>/dev/null
            else
              # Put the release back when the upload could not take its place.
              [ -e "releases/$id" ] || mv -T -- "releases/.incoming-$id.old" "releases/$id" 2>/dev/null; fail "$e"
            fi ;;
          remove)
            if ! mine "$id"; then fail "releases/$id is not a release sitegen uploaded"; continue; fi
            # A release holding a file that was never uploaded stays, and the answer says which: `held <what>`.
            x=$(stranger "releases/$id")
            if [ -n "$x" ]; then echo "held $x"; continue; fi
            if e=$(rm -rf -- "releases/$id" 2>&1); then echo ok; else fail "$e"; fi ;;
          space)
            df -Pk -- . | while IFS= read -r l; do echo "df $l"; done; echo ok ;;

          *) echo "fail unknown command"; exit 70 ;;
          esac
        done
        """#

    /// The remote command for ssh. ssh hands its command to the login shell as one string, so the
    /// constant script is wrapped for `sh -c` in single quotes, which it never contains.
    static var sshCommand: String {
        precondition(!text.contains("'"), "the host script must not contain a single quote")
        return "sh -c '" + text + "'"
    }
}
