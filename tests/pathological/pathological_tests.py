#!/usr/bin/env python3
"""Pathological inputs: pages shaped to make a quadratic pass or an unbounded tree show.

In the manner of cmark's pathological_tests.py: each case generates one page at a size that
would take minutes (or gigabytes) if any pass were quadratic (or memory unbounded), runs the
built pressparse on it with a generous time bound and an address-space bound, and checks the
exit status, that the output is one valid JSON object and any case-specific expectations.

    pathological_tests.py PRESSPARSE [--only SUBSTRING] [--verbose] [--keep DIR]
    pathological_tests.py PRESSPARSE --skip REASON     (exit 77: skipped, e.g. under sanitizers)

The bounds are not benchmarks: a case takes at most a few seconds of CPU on a Release build,
well under its bound; a quadratic regression misses it by minutes. Time is counted in CPU
seconds, so a machine busy with other work does not fail the suite.
"""

import argparse
import gzip
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile

MIB = 1024 * 1024
SKIP = 77

# Bounds for every case unless it states its own: seconds of CPU time (RLIMIT_CPU: a machine
# busy with other work does not make a case fail), and the address space (RLIMIT_AS) the
# process may map. Wall time is bounded too, far above, in case the process hangs.
TIME_BOUND = 20
MEMORY_BOUND = 1536 * MIB
WALL_FACTOR = 10


def html(body, head=b"<title>A headline of a page</title>"):
    return b"<!doctype html><html><head>" + head + b"</head><body>" + body + b"</body></html>"


def article(words=120, h1=True):
    """A plain article, so that the page has a body besides whatever is pathological."""
    sentence = b"The council met on Tuesday, and the decision was taken after a long debate. "
    heading = b"<h1>A headline of a page</h1>" if h1 else b""
    return b"<article>" + heading + b"<p>" + sentence * (words // 12) + b"</p></article>"


def many_p():
    # Just under the default --max-bytes (64 MiB): about 22 million elements before the cap.
    return b"<p>" * ((64 * MIB - 1024) // 3)


def warc_record(payload, content_encoding=None):
    headers = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
    if content_encoding:
        headers += b"Content-Encoding: " + content_encoding + b"\r\n"
    headers += b"Content-Length: " + str(len(payload)).encode() + b"\r\n\r\n"
    block = headers + payload
    return (b"WARC/1.0\r\nWARC-Type: response\r\n"
            b"WARC-Target-URI: http://example.org/page\r\n"
            b"WARC-Date: 2026-01-01T00:00:00Z\r\n"
            b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " + str(len(block)).encode() + b"\r\n\r\n" + block + b"\r\n\r\n")


def teaser_item_links(n):
    links = b"".join(b'<a href="/a%d">Teaser headline number %d today</a> lead words here ' % (i, i)
                     for i in range(n))
    return html(article() + b'<ul class="related"><li>' + links + b"</li></ul>")


def teaser_links(n, same=False):
    items = b"".join(b'<li><a href="/a%d">Teaser headline number %d today</a></li>' % (i, 0 if same else i)
                     for i in range(n))
    return html(article() + b'<ul class="related">' + items + b"</ul>")


def nested_teaser_items(levels, text_bytes):
    lead = b"Some words of a lead that goes on. " * (text_bytes // 35 // levels)
    opened = b"".join(b'<li><a href="/a%d">Teaser headline number %d today</a> ' % (i, i) + lead + b"<ul>"
                      for i in range(levels))
    return html(article() + b'<ul class="related">' + opened + b"</ul></li>" * levels + b"</ul>")


def huge_title_headings(title_bytes, headings):
    title = b"<title>" + b"".join(b"word%d " % i for i in range(title_bytes // 10)) + b"</title>"
    body = b"".join(b"<h2>Section heading %d of the page</h2><p>Text of the section %d.</p>" % (i, i)
                    for i in range(headings))
    # No <h1>: a long <title> would give way to the only one.
    return html(article(h1=False) + body, head=title)


def jsonld_markers(markers):
    noise = b"]]><!--" * (markers // 2)
    ld = b'{"@type":"NewsArticle","headline":"A headline of a page","description":"' + noise + b'"}'
    return html(article(), head=b'<title>A headline of a page</title><script type="application/ld+json">'
                + ld + b"</script>")


def nested_authors(levels, text_bytes):
    text = b"Many words of a long biography. " * (text_bytes // 32)
    return html(article() + b'<div class="author">' * levels + text + b"</div>" * levels)


def nested_headings(levels, text_bytes):
    text = b"Many words of a long section. " * (text_bytes // 30)
    return html(article() + b"<h2><div>" * levels + text + b"</div></h2>" * levels)


def comment_items(n):
    items = b"".join(b'<li class="comment" id="comment-%d"><cite class="fn">Reader %d</cite> '
                     b"<time>1 May 2026</time><p>A comment of a reader, number %d.</p>"
                     b'<a class="comment-reply-link" href="#respond">Reply</a></li>' % (i, i, i)
                     for i in range(n))
    return html(article() + b'<ol class="commentlist">' + items + b"</ol>")


def nested_replies(levels, text_bytes):
    text = b"Many words of a long reply. " * (text_bytes // 28 // levels)
    opened = b"".join(b'<li class="comment"><span class="author">Reader %d</span><p>' % i + text
                      + b'</p><ol class="children">' for i in range(levels))
    return html(article() + b'<ol class="commentlist">' + opened + b"</ol></li>" * levels + b"</ol>")


def text_page(lines):
    return b" date 2026-01-01 Press.lv - Latvian news\n" + lines


CASES = [
    # The shapes of the issue.
    ("one teaser item holding 20,000 links", "html", lambda: teaser_item_links(20_000), {}),
    ("200,000 separate teaser links", "html", lambda: teaser_links(200_000), {}),
    ("text page of 1,000,000 lone-CR lines", "txt",
     lambda: text_page(b"".join(b"Line number %d of the page\r" % i for i in range(1_000_000))), {}),
    ("1 MB <title> and 5,000 headings", "html", lambda: huge_title_headings(1_000_000, 5_000), {}),
    ("JSON-LD with 1,000,000 comment and CDATA markers", "html", lambda: jsonld_markers(1_000_000), {}),
    ("1,000 nested author containers around 16 MB of text", "html",
     lambda: nested_authors(1_000, 16 * MIB), {}),
    ("<p> x 22 million (64 MiB)", "html", many_p, {"warning": "page cut off"}),
    ("<p> x 22 million as .gz", "html.gz", lambda: gzip.compress(many_p(), 9), {"warning": "page cut off"}),
    ("<p> x 22 million in a gzip-encoded archive record", "warc",
     lambda: warc_record(gzip.compress(many_p(), 9), b"gzip"), {"warning": "page cut off"}),
    ("100,000 reader comment items", "html", lambda: comment_items(100_000),
     {"warning": "reader comments past the first 10000"}),
    ("1,000 nested comment replies around 16 MB of text", "html",
     lambda: nested_replies(1_000, 16 * MIB), {}),
    # Others of the same families.
    ("200,000 identical teaser links", "html", lambda: teaser_links(200_000, same=True), {}),
    ("1,000 nested teaser items around 16 MB of text", "html",
     lambda: nested_teaser_items(1_000, 16 * MIB), {}),
    ("1,000 nested headings around 32 MB of text", "html", lambda: nested_headings(1_000, 32 * MIB), {}),
    ("nesting 100,000 deep", "html", lambda: html(b"<div>" * 100_000 + b"deep text" + b"</div>" * 100_000),
     {"warning": "flattened"}),
    ("1,000,000 attributes on one element", "html",
     lambda: html(b"<div" + b"".join(b" a%d=x" % i for i in range(1_000_000)) + b">text</div>"),
     {"warning": "attributes past"}),
    ("2,000,000 sibling elements", "html", lambda: html(b"<span>x</span>" * 2_000_000),
     {"warning": "page cut off"}),
    ("16,000,000 stray end tags", "html", lambda: html(article() + b"</p>" * 16_000_000),
     {"warning": "page cut off"}),
    ("9,000,000 comments", "html", lambda: html(article() + b"<!---->" * 9_000_000),
     {"warning": "page cut off"}),
    ("16,000,000 bogus comments", "html", lambda: html(article() + b"</1>" * 16_000_000),
     {"warning": "page cut off"}),
    ("200,000 unclosed formatting elements", "html", lambda: html(b"<b><i>" * 100_000 + b"text"), {}),
    ("100,000 misnested formatting blocks", "html",
     lambda: html(article() + b"<b><i><p>text</b> more</i></p>" * 100_000), {}),
    ("a table of 500,000 cells", "html",
     lambda: html(article() + b"<table>" + b"<tr>" + b"<td>cell</td>" * 500_000 + b"</tr></table>"), {}),
    ("100,000 captions with credits", "html", lambda: html(article() + b"".join(
        b'<figure><img src="/i%d.jpg"><figcaption>Caption number %d <span class="credit">Photo: A. Person</span>'
        b"</figcaption></figure>" % (i, i) for i in range(100_000))), {}),
    ("200,000 headings", "html",
     lambda: html(article() + b"".join(b"<h2>Heading number %d</h2>" % i for i in range(200_000))), {}),
    ("50,000 JSON-LD blocks", "html", lambda: html(article(), head=b"<title>A headline</title>" + b"".join(
        b'<script type="application/ld+json">{"@type":"NewsArticle","headline":"Headline %d"}</script>' % i
        for i in range(50_000))), {}),
    ("200,000 <meta> tags", "html", lambda: html(article(), head=b"<title>A headline</title>" + b"".join(
        b'<meta property="og:title" content="Title number %d">' % i for i in range(200_000))), {}),
    ("100,000 author elements", "html",
     lambda: html(article() + b'<span class="author">A. Person</span> and text. ' * 100_000), {}),
    ("200,000 date elements without a date", "html",
     lambda: html(b"<h1>A headline</h1>" + b'<span class="date">no date here</span> ' * 200_000 + article()), {}),
    ("1,000 nested date elements around a short text", "html",
     lambda: html(article() + b'<div class="post-date">' * 1_000 + b"no date" + b"</div>" * 1_000), {}),
    ("1,000 nested date containers around 16 MB of text", "html",
     lambda: html(article() + b'<div class="entry-meta">' * 1_000 + b"Many words, no date. " * (16 * MIB // 21)
                  + b"</div>" * 1_000), {}),
    ("a 32 MB attribute value", "html", lambda: html(b'<div title="' + b"x" * (32 * MIB) + b'">text</div>'), {}),
    ("a 32 MB unclosed comment", "html", lambda: html(article() + b"<!--" + b"x" * (32 * MIB)), {}),
    ("a 48 MB single-line text page", "txt", lambda: text_page(b"word " * (48 * MIB // 5)), {}),
    ("a text page of 32,000,000 tiny lines (64 MiB)", "txt", lambda: text_page(b"a\n" * ((64 * MIB - 1024) // 2)),
     {"warning": "page cut off"}),
    ("a text page of 1,500,000 CR LF lines", "txt",
     lambda: text_page(b"".join(b"Line %d\r\n" % i for i in range(1_500_000))), {"warning": "page cut off"}),
    ("a text page of 2,000,000 blank lines", "txt", lambda: text_page(b"\n" * 2_000_000 + b"end"), {}),
    ("a text page of 1,000,000 list items", "txt", lambda: text_page(b"* an item of a list\n" * 1_000_000), {}),
    ("200,000 read-also boxes amid paragraphs", "html", lambda: html(article() + "".join(
        f'<p>Читайте также: <a href="/n/{i}">Другая новость номер {i} о мосте</a></p><p>Text {i}.</p>'
        for i in range(200_000)).encode()), {}),
    ("a teaser run of 200,000 titled links under a heading", "html", lambda: html(article() + b"<section><h3>Other news</h3>" + "".join(
        f'<div><a href="/n/{i}">A title of another story {i}</a><span>A short lead {i}.</span></div>'
        for i in range(200_000)).encode() + b"</section>"), {}),
    # Metadata a page states about itself: description, image, tags, bylines.
    ("200,000 article:tag metas and 200,000 rel=tag links", "html", lambda: html(
        article() + b"".join(b'<a rel="tag" href="/t/%d">link tag %d</a>' % (i, i) for i in range(200_000)),
        head=b"<title>A headline</title>" + b"".join(
            b'<meta property="article:tag" content="tag %d">' % i for i in range(200_000))),
     {"check": lambda d: None if len(d["tags"]) == 100 else "%d tags" % len(d["tags"])}),
    ("32 MB og:description, og:image, author and <base href>", "html", lambda: html(article(), head=(
        b"<title>A headline</title>" + b'<base href="/' + b"b" * (8 * MIB) + b'/">'
        + b'<meta property="og:description" content="' + b"word " * (8 * MIB // 5) + b'">'
        + b'<meta property="og:image" content="/' + b"i" * (8 * MIB) + b'.jpg">'
        + b'<meta name="author" content="By ' + b"Name " * (8 * MIB // 5) + b'">')),
     {"check": lambda d: None if d["description"] is not None and len(d["description"].encode()) <= 2000
      else "description %r" % (d["description"] or "")[:40]}),
    ("JSON-LD keywords: 1,000,000 strings", "html", lambda: html(
        article(), head=b"<title>A headline</title>"
        + b'<script type="application/ld+json">{"@type":"NewsArticle","keywords":['
        + b",".join(b'"k%d"' % i for i in range(1_000_000)) + b']}</script>'),
     {"check": lambda d: None if len(d["tags"]) == 100 else "%d tags" % len(d["tags"])}),
    ("JSON-LD keywords: one string of 1,000,000 commas", "html", lambda: html(
        article(), head=b"<title>A headline</title>"
        + b'<script type="application/ld+json">{"@type":"NewsArticle","keywords":"'
        + b"".join(b", k%d" % i for i in range(1_000_000)) + b'"}</script>'),
     {"check": lambda d: None if len(d["tags"]) == 100 else "%d tags" % len(d["tags"])}),
    ("JSON-LD image: 1,000,000 objects and nesting 10,000 deep", "html", lambda: html(
        article(), head=b"<title>A headline</title>"
        + b'<script type="application/ld+json">{"@type":"NewsArticle","image":'
        + b"[" * 10_000 + b"]" * 10_000 + b"}</script>"
        + b'<script type="application/ld+json">{"@type":"NewsArticle","image":['
        + b",".join(b'{"width":%d}' % i for i in range(1_000_000)) + b"]}</script>"), {}),
    ("50,000 JSON-LD blocks stating only dates", "html", lambda: html(article(), head=b"<title>A headline</title>" + b"".join(
        b'<script type="application/ld+json">{"@type":"Review","datePublished":"2020-01-%02d"}</script>' % (i % 28 + 1)
        for i in range(50_000))), {}),
    ("20,000 figures with 100-candidate srcsets and a 16 MB srcset", "html", lambda: html(
        article() + b'<figure><img srcset="' + b"/a.jpg 1w, " * (16 * MIB // 11) + b'"><figcaption>Big</figcaption></figure>'
        + b"".join(b'<figure><img src="data:," data-srcset="' + b", ".join(b"/i%d-%d.jpg %dw" % (i, w, w) for w in range(100))
                   + b'"><figcaption>Figure %d</figcaption></figure>' % i for i in range(20_000))), {}),
    ("200,000 undated update labels, comment times and 32 MB of inline JSON", "html", lambda: html(
        article() + b"".join(b'<p>Updated: see %d</p><div class="comment"><time datetime="2020-01-%02d">x</time></div>'
                             % (i, i % 28 + 1) for i in range(200_000)),
        head=b"<title>A headline</title>"
        + b'<script type="application/json">{"k":"' + b"publishedDate " * (32 * MIB // 14) + b'"}</script>'), {}),
    ("100,000 rel=author links and byline elements of dates", "html", lambda: html(
        b"".join(b'<span class="byline">Sunday, Feb %d, 2015 11:57 AM</span><a rel="author" href="/u">'
                 b"View all posts by Someone %d \xe2\x86\x92</a>" % (i % 28 + 1, i) for i in range(100_000)) + article()), {}),
]


def limits(seconds, memory):
    def apply():
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    return apply


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_case(pressparse, workdir, index, case):
    name, suffix, generate, expect = case
    path = os.path.join(workdir, "case%02d.%s" % (index, suffix))
    with open(path, "wb") as f:
        f.write(generate())
    size = os.path.getsize(path)
    out_path = path + ".out"
    time_bound = expect.get("seconds", TIME_BOUND)
    memory_bound = expect.get("memory", MEMORY_BOUND)
    cpu_before = children_cpu()
    try:
        with open(out_path, "wb") as out:
            proc = subprocess.run([pressparse, "-q", path], stdout=out, stderr=subprocess.PIPE,
                                  timeout=time_bound * WALL_FACTOR,
                                  preexec_fn=limits(time_bound, memory_bound))
    except subprocess.TimeoutExpired:
        return False, "over the wall-time bound of %d s" % (time_bound * WALL_FACTOR), None
    finally:
        os.remove(path)
    elapsed = children_cpu() - cpu_before
    problems = []
    if proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        problems.append("over the time bound of %d s of CPU" % time_bound)
    elif proc.returncode != 0:
        problems.append("exit status %d: %s" % (proc.returncode, proc.stderr.decode(errors="replace")[:300]))
    try:
        with open(out_path, "rb") as f:
            doc = json.loads(f.read())
        if not isinstance(doc, dict) or "body" not in doc:
            problems.append("output is not an article")
        elif "warning" in expect and not any(expect["warning"] in w for w in doc.get("warnings", [])):
            problems.append("no warning containing %r (warnings: %s)" % (expect["warning"], doc.get("warnings")))
        elif "check" in expect and expect["check"](doc):
            problems.append(expect["check"](doc))
    except (ValueError, UnicodeDecodeError) as e:
        problems.append("output is not valid JSON: %s" % e)
    finally:
        os.remove(out_path)
    detail = "; ".join(problems) if problems else "%.1f MB" % (size / 1e6)
    return not problems, detail, elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pressparse")
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("--skip", metavar="REASON", help="skip the suite (exit 77), saying why")
    args = parser.parse_args()
    if args.skip:
        print("pathological: skipped: %s" % args.skip)
        return SKIP
    pressparse = os.path.abspath(args.pressparse)
    cases = [c for c in CASES if not args.only or args.only in c[0]]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="pathological-") as workdir:
        for i, case in enumerate(cases):
            ok, detail, elapsed = run_case(pressparse, workdir, i, case)
            seconds = "  wall" if elapsed is None else "%6.2f" % elapsed
            print("%s %-55s %s s CPU  %s" % ("ok  " if ok else "FAIL", case[0], seconds, detail), flush=True)
            failed += not ok
    print("%d passed, %d failed" % (len(cases) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
