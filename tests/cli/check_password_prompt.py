#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# --password-prompt on a real terminal (a pseudo-terminal): collect asks twice and refuses two
# different answers, verify asks once and tells a wrong password; what is typed is never echoed.
# Usage: check_password_prompt.py SUPPORTZIP_BINARY SAMPLEGEN_BINARY
import os
import pty
import select
import subprocess
import sys
import tempfile
import time

BIN, SAMPLEGEN = sys.argv[1], sys.argv[2]


def read_until(fd, needle, timeout):
    buf = b""
    end = time.time() + timeout
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            return buf
        if not chunk:
            return buf
        buf += chunk
        if needle is not None and needle in buf:
            return buf
    return buf


def run(args, answers):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(BIN, [BIN] + args)
    transcript = b""
    for i, answer in enumerate(answers):
        # Wait for the (i+1)-th prompt ("Bundle password: ", "Same password again: "); a prompt
        # may arrive in the same read as the line end after the previous answer.
        end = time.time() + 30
        while transcript.count(b"assword") < i + 1 and time.time() < end:
            transcript += read_until(fd, b"assword", max(0.1, end - time.time()))
        transcript += b"<typed>"
        os.write(fd, answer + b"\n")
    transcript += read_until(fd, None, 120)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), transcript.decode(errors="replace")


def check(condition, message, transcript):
    if not condition:
        sys.exit(f"FAIL: {message}\n--- terminal ---\n{transcript}")


with tempfile.TemporaryDirectory() as work:
    os.chdir(work)
    subprocess.run([SAMPLEGEN, "--out", "s", "--product", "jira"], check=True,
                   stdout=subprocess.DEVNULL)
    collect = ["collect", "--home", "s/jira/home", "--install", "s/jira/install", "--consent",
               "Jana Admin <jana@example.com>", "--vault", "vault", "--thread-dumps", "0",
               "--quiet", "--password-prompt"]

    rc, t = run(collect + ["--out", "differ.zip"], [b"first-password", b"other-password"])
    check(rc == 2 and "the two passwords differ" in t, "differing answers are refused", t)
    check(not os.path.exists("differ.zip"), "nothing is written after differing answers", t)
    check("first-password" not in t and "other-password" not in t, "no echo", t)

    rc, t = run(collect + ["--out", "ok.zip"], [b"prompted-secret", b"prompted-secret"])
    check(rc == 0 and "Same password again" in t, "collect asks twice and writes", t)
    check("prompted-secret" not in t, "no echo", t)

    rc, t = run(["verify", "--password-prompt", "ok.zip"], [b"prompted-secret"])
    check(rc == 0 and "intact:" in t and "Same password again" not in t, "verify asks once", t)

    rc, t = run(["verify", "--password-prompt", "ok.zip"], [b"wrong-secret"])
    check(rc == 1 and "password does not open" in t, "a wrong password is told", t)
    check("wrong-secret" not in t, "no echo", t)
print("password prompt: ok")
