#!/usr/bin/python3
# Prints a page to PDF with WebKitGTK's own print operation, as Print does in
# a WebKit browser: WebKitWebDriver has no print command. Run by
# tests/browsers/driver.ts under its Xvfb display, with Debian's python3-gi and
# gir1.2-webkit2-4.1.
#
#   webkit-print.py URL A4|Letter OUT.pdf MARGINS [NOT_READY_SELECTOR]
#
# Loads URL in a fresh view, waits for the load and until no element matches
# NOT_READY_SELECTOR (a page still putting itself together), then prints every
# sheet to OUT.pdf without a dialog. MARGINS is the site's @page margin in mm,
# as CSS writes it ("9mm 10mm"): GTK's page setup sets the margins here, not
# @page. Exits 1 with the reason on stderr.
import json
import sys

import gi

gi.require_version('Gtk', '3.0')
gi.require_version('WebKit2', '4.1')
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

url, paper, out, margins = sys.argv[1:5]
not_ready = sys.argv[5] if len(sys.argv) > 5 else ''
PAPER = {'A4': Gtk.PAPER_NAME_A4, 'Letter': Gtk.PAPER_NAME_LETTER}
if paper not in PAPER:
    sys.exit(f'webkit-print: paper must be A4 or Letter, not {paper!r}')
mm = [float(m[:-2]) for m in margins.split() if m.endswith('mm')]
if not 1 <= len(mm) == len(margins.split()) <= 4:
    sys.exit(f'webkit-print: margins must be 1 to 4 lengths in mm, as in CSS, not {margins!r}')
# CSS order (top, right, bottom, left), the missing ones copied as the shorthand does.
top, right, bottom, left = (mm * 4)[:4] if len(mm) == 1 else (mm + mm)[:4] if len(mm) == 2 else (mm + [mm[1]])[:4] if len(mm) == 3 else mm

# Generous, as the journeys' own waits: the machine may be busy.
TIMEOUT_S = 120
failure = []

view = WebKit2.WebView()
window = Gtk.OffscreenWindow()
window.set_default_size(1280, 800)
window.add(view)
window.show_all()


def fail(reason):
    failure.append(reason)
    Gtk.main_quit()


def print_now():
    settings = Gtk.PrintSettings()
    settings.set_printer('Print to File')
    settings.set(Gtk.PRINT_SETTINGS_OUTPUT_FILE_FORMAT, 'pdf')
    settings.set(Gtk.PRINT_SETTINGS_OUTPUT_URI, GLib.filename_to_uri(out, None))
    setup = Gtk.PageSetup()
    setup.set_paper_size(Gtk.PaperSize.new(PAPER[paper]))
    setup.set_top_margin(top, Gtk.Unit.MM)
    setup.set_right_margin(right, Gtk.Unit.MM)
    setup.set_bottom_margin(bottom, Gtk.Unit.MM)
    setup.set_left_margin(left, Gtk.Unit.MM)
    op = WebKit2.PrintOperation.new(view)
    op.set_print_settings(settings)
    op.set_page_setup(setup)
    op.connect('finished', lambda _op: Gtk.main_quit())
    op.connect('failed', lambda _op, err: fail(f'print failed: {err.message}'))
    op.print_()


def poll():
    # Is the page loaded and put together? Asked again every 100 ms until it is.
    script = 'document.readyState === "complete"' + (f' && !document.querySelector({json.dumps(not_ready)})' if not_ready else '')

    def done(v, result):
        try:
            value = v.evaluate_javascript_finish(result)
            ready = value.to_boolean()
        except GLib.Error as err:
            return fail(f'could not read the page: {err.message}')
        if ready:
            print_now()
        else:
            GLib.timeout_add(100, poll)

    view.evaluate_javascript(script, -1, None, None, None, done)
    return False


def loaded(_view, event):
    if event == WebKit2.LoadEvent.FINISHED:
        poll()


view.connect('load-changed', loaded)
view.connect('load-failed', lambda _v, _e, failing, err: fail(f'{failing} did not load: {err.message}'))
GLib.timeout_add_seconds(TIMEOUT_S, lambda: fail(f'timed out after {TIMEOUT_S} s'))
view.load_uri(url)
Gtk.main()
if failure:
    sys.exit(f'webkit-print: {failure[0]}')
