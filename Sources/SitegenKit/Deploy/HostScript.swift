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
/// both: `cleaned <id>` for each unfinished upload removed (lock only), `current <id>`, `release
/// <id>` for each release, `log <line>` for each line of `deploy.log`, then `end`. With `lock`, it
/// then holds the lock and runs commands (a name and a release id per line, `log` followed by one
/// more line) until its input ends, answering `ok` or `fail` to each (`space` first prints `df -Pk`
/// of the folder, each line after `df `). A busy lock is `busy <who>`
/// and exit status 75.
enum HostScript {
    static let text = #"""
        umask 022
        IFS= read -r mode && IFS= read -r base || exit 70
        case $mode in
        lock)
          mkdir -p -- "$base/releases" || exit 71
          cd -- "$base" || exit 71
          exec 9>>.deploy.lock || exit 71
          if ! flock -n 9; then printf "busy "; cat .deploy.who 2>/dev/null || echo; exit 75; fi
          IFS= read -r who || exit 70
          printf "%s\n" "$who" > .deploy.who || exit 71
          for d in releases/.incoming-*; do
            if [ -e "$d" ]; then rm -rf -- "$d" || exit 71; echo "cleaned ${d#releases/.incoming-}"; fi
          done ;;
        peek)
          if ! cd -- "$base" 2>/dev/null; then echo end; exit 0; fi ;;
        *) exit 70 ;;
        esac
        c=$(readlink current 2>/dev/null) || c=
        echo "current ${c#releases/}"
        for d in releases/*; do if [ -d "$d" ]; then echo "release ${d#releases/}"; fi; done
        if [ -f deploy.log ]; then while IFS= read -r l || [ -n "$l" ]; do echo "log $l"; done < deploy.log; fi
        echo end
        [ "$mode" = lock ] || exit 0
        while IFS= read -r cmd && IFS= read -r id; do
          case $id in ""|*[!0-9a-f]*) echo "fail not a release id"; continue ;; esac
          case $cmd in
          publish)
            if mv -T -- "releases/.incoming-$id" "releases/$id" && ln -sfn -- "releases/$id" .current.new && mv -T -- .current.new current; then echo ok; else echo fail; fi ;;
          switch)
            if [ -d "releases/$id" ] && ln -sfn -- "releases/$id" .current.new && mv -T -- .current.new current; then echo ok; else echo fail; fi ;;
          remove)
            if rm -rf -- "releases/$id"; then echo ok; else echo fail; fi ;;
          space)
            df -Pk -- . | while IFS= read -r l; do echo "df $l"; done; echo ok ;;
          log)
            if IFS= read -r line && printf "%s\n" "$line" >> deploy.log; then echo ok; else echo fail; fi ;;
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
