#!/usr/bin/env python3
"""`sitegen serve` on the generated corpus: how long from saving a page to the rebuilt page being served.

Generates the corpus (--pages per language, default 5,000) on tmpfs, starts `sitegen serve` (release
build) on a free loopback port, opens the live-reload event stream as a browser tab does, then saves
one page --edits times (a different page each time, one word appended to a paragraph). For each save
it measures the time from the write to (a) the `reload` event naming the page and (b) a GET of the
page returning the new word. It also times the server's startup (spawn to first page served) against
a full `sitegen build --force` of the same corpus. Prints a table and exits 1 if the median
edit-to-served time is over --budget-ms (default 100) or startup is slower than the full build.
"""
import argparse, os, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def get(port, path):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


class Events:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.s.sendall(f"GET /_sitegen/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        self.buf = b""

    def wait_reload(self, url, timeout=30):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for m in re.finditer(rb"event: reload\ndata: ([^\n]*)\n", self.buf):
                if url.encode() in m.group(1):
                    self.buf = self.buf[m.end():]
                    return time.monotonic()
            self.s.settimeout(max(0.01, end - time.monotonic()))
            try:
                chunk = self.s.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            self.buf += chunk
        raise SystemExit(f"serve_edit: no reload event for {url}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--edits", type=int, default=15)
    ap.add_argument("--budget-ms", type=float, default=100.0)
    ap.add_argument("--bin", default=os.path.join(repo, ".build/release/sitegen"))
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        subprocess.run(["swift", "build", "-c", "release", "--product", "sitegen"], cwd=repo, check=True,
                       stdout=subprocess.DEVNULL)
    base = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    work = tempfile.mkdtemp(prefix="sitegen-serve-bench.", dir=base)
    try:
        corpus = os.path.join(work, "corpus")
        gen = os.environ.get("GEN_CORPUS", os.path.join(repo, "..", "shared", "bench", "gen_corpus.py"))
        subprocess.run([sys.executable, gen, "--pages", str(args.pages), "--out", corpus], check=True,
                       stdout=subprocess.DEVNULL)
        for folder in ("templates", "static", "i18n"):
            shutil.rmtree(os.path.join(corpus, folder), ignore_errors=True)
            shutil.copytree(os.path.join(repo, folder), os.path.join(corpus, folder))

        t = time.monotonic()
        subprocess.run([args.bin, "build", "--force", "--source", corpus, "--output", os.path.join(work, "out")],
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        full_build = time.monotonic() - t

        port = free_port()
        env = dict(os.environ, TMPDIR=work)
        t = time.monotonic()
        server = subprocess.Popen([args.bin, "serve", "--source", corpus, "--port", str(port), "--lang", "en"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
        while True:
            line = server.stderr.readline()
            if not line:
                raise SystemExit("serve_edit: sitegen serve stopped before serving")
            if line.startswith("serving "):
                break
        status, _ = get(port, "/")
        startup = time.monotonic() - t
        assert status == 200, status
        # The server's later lines are read so that it never blocks on a full pipe.
        lines = []
        threading.Thread(target=lambda: [lines.append(l) for l in server.stderr], daemon=True).start()

        events = Events(port)
        time.sleep(0.5)
        pages = sorted(p for p in (os.path.join(dp, f) for dp, _, fs in os.walk(os.path.join(corpus, "content", "ru"))
                                   for f in fs) if p.endswith(".md") and not p.endswith("_index.md"))
        step = max(1, len(pages) // args.edits)
        to_event, to_served = [], []
        for i in range(args.edits):
            path = pages[i * step]
            url = "/" + os.path.relpath(path, os.path.join(corpus, "content"))[:-3] + "/"
            text = open(path, encoding="utf-8").read()
            word = f"правка{i}маркер"
            # The word goes at the end of the first paragraph of the body.
            head_end = text.index("\n---", 3) + 4
            para = text.index("\n\n", head_end + 1)
            end = text.find("\n\n", para + 2)
            end = len(text.rstrip("\n")) if end < 0 else end
            edited = text[:end] + " " + word + text[end:]
            time.sleep(0.3)
            t = time.monotonic()
            with open(path, "w", encoding="utf-8") as f:
                f.write(edited)
            reloaded = events.wait_reload(url)
            status, body = get(port, url)
            served = time.monotonic()
            if status != 200 or word.encode() not in body:
                raise SystemExit(f"serve_edit: {url} was not served with the edit (status {status})")
            to_event.append((reloaded - t) * 1000)
            to_served.append((served - t) * 1000)
        server.terminate()
        server.wait(timeout=10)

        med_event, med_served = statistics.median(to_event), statistics.median(to_served)
        print(f"| figure | value |")
        print(f"| --- | --- |")
        print(f"| corpus | {args.pages} pages per language |")
        print(f"| full build (`sitegen build --force`) | {full_build:.2f} s |")
        print(f"| serve startup (spawn to first page) | {startup:.2f} s ({startup / full_build:.2f}× the full build) |")
        print(f"| save → reload event, median of {args.edits} (min–max) | {med_event:.1f} ms ({min(to_event):.1f}–{max(to_event):.1f}) |")
        print(f"| save → page served with the edit, median (min–max) | {med_served:.1f} ms ({min(to_served):.1f}–{max(to_served):.1f}) |")
        ok = med_served <= args.budget_ms and startup <= full_build * 1.05
        print(f"\n{'met' if ok else 'MISSED'}: edit-to-served ≤ {args.budget_ms:.0f} ms and startup ≤ the full build")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
