"""Helpers for scripts/check-security: a listener that logs connections, the hostile report,
the checks of a PDF, and small database chores."""
import socket
import sqlite3
import subprocess
import sys


def listen(port_file, log_file):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    with open(port_file, "w") as f:
        f.write(str(server.getsockname()[1]))
    while True:
        connection, address = server.accept()
        connection.settimeout(2)
        try:
            request = connection.recv(1024).split(b"\r\n", 1)[0].decode("latin-1")
        except OSError:
            request = ""
        with open(log_file, "a") as f:
            f.write(f"{address[0]}:{address[1]} {request}\n")
        connection.close()


def report(port):
    """A text report whose every field a reporter fills holds markup."""
    url = f"http://127.0.0.1:{port}"
    attach = '</style><link rel=attachment href="file:///etc/passwd"><link rel=attachment href=file:///etc/passwd>'
    image = f'<img src="{url}/x">'
    meta = '"><meta http-equiv=refresh content="0;url=http://evil.example">'
    closing = "</title></script>"
    environ = '</style><link rel="attachment" href="file:///proc/self/environ"><link rel=attachment href=file:///proc/self/environ>'
    extra = "'quotes' & \"quotes\" &amp; @import url(" + url + "/css); file:///etc/shadow " + url + "/tekst"
    print(f"""PROGRAMMA **VEILIGHEID**

Projectnaam: Rapportage {attach} {image}
Doorlooptijd: 2024
Programmanager: Piet {meta}

Rapportageperiode: mei 2024 {closing}

Inleiding

Tekst met {environ} {extra} en [een link]({url}/link) en [bestand](file:///etc/passwd).

8. Bijlagen

| Projectnaam | Projectleider | Status | Opmerking(en) |
|-------------|---|--|--|
| 1 | Project {attach} | Jan {meta} | {image} {closing} |
| 2 | Project {image} | Els | {environ} {extra} |
| 3 | Project {meta} {closing} | Ali | {attach} [x]({url}/md) |
""")


def check_pdf(path, canary):
    data = open(path, "rb").read()
    ok = True
    if not data.startswith(b"%PDF-"):
        print(f"  {path}: no PDF: {data[:200]!r}", file=sys.stderr)
        return False
    listing = subprocess.run(["pdfdetach", "-list", path], capture_output=True, text=True).stdout
    if not listing.startswith("0 embedded files"):
        print(f"  {path}: attachments: {listing.strip()}", file=sys.stderr)
        ok = False
    if b"/EmbeddedFile" in data:
        print(f"  {path}: /EmbeddedFile in the PDF", file=sys.stderr)
        ok = False
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    for outside in ["root:x:0:0", "SQLite format", canary, "STOPLICHT_SQLITE=", "PATH=/"]:
        if outside in text:
            print(f"  {path}: the text holds {outside!r}", file=sys.stderr)
            ok = False
    if "Project" not in text:
        print(f"  {path}: the report's own text is missing", file=sys.stderr)
        ok = False
    return ok


def slug(database, table):
    return sqlite3.connect(database).execute(f"SELECT slug FROM {table} LIMIT 1").fetchone()[0]


def open_reports(database):
    db = sqlite3.connect(database)
    db.execute("UPDATE programmes SET access = 'rapportages-openbaar'")
    db.commit()


def freeport():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "listen":
        listen(sys.argv[2], sys.argv[3])
    elif command == "report":
        report(sys.argv[2])
    elif command == "pdf":
        sys.exit(0 if check_pdf(sys.argv[2], sys.argv[3]) else 1)
    elif command == "slug":
        print(slug(sys.argv[2], sys.argv[3]))
    elif command == "open":
        open_reports(sys.argv[2])
    elif command == "freeport":
        print(freeport())
