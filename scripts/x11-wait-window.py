#!/usr/bin/env python3
"""x11-wait-window.py PID [PREFIX]: waits, without polling, until a top-level window whose title
starts with PREFIX (default "Nernst") and is at least 400 pixels wide is mapped on the X server,
then prints the wall-clock time of that moment (nanoseconds, as `date +%s%N`) and the window id.

Used by benchmark-startup.sh. It listens for the X server's MapNotify events on the root window, so
it uses no CPU while the application starts (polling with xwininfo every 20 ms cost the measured
application a share of the machine's two cores). Prints "ready" once it is listening, so the caller
starts the application only then (as process PID, e.g. a subshell waiting for a signal to exec it).
Exits 1 if process PID ends before such a window appears."""
import ctypes
import ctypes.util
import os
import select
import sys
import time

lib = ctypes.util.find_library('X11')
if not lib:
    sys.exit('x11-wait-window: libX11 not found')
x = ctypes.cdll.LoadLibrary(lib)
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XDefaultRootWindow.restype = ctypes.c_ulong
x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
x.XConnectionNumber.argtypes = [ctypes.c_void_p]
x.XPending.argtypes = [ctypes.c_void_p]
x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
x.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
x.XFree.argtypes = [ctypes.c_void_p]
x.XGetGeometry.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong)] \
    + [ctypes.POINTER(ctypes.c_int)] * 2 + [ctypes.POINTER(ctypes.c_uint)] * 4
x.XSetErrorHandler.restype = ctypes.c_void_p

MAP_NOTIFY, PROPERTY_NOTIFY = 19, 28
SUBSTRUCTURE_NOTIFY_MASK, PROPERTY_CHANGE_MASK = 1 << 19, 1 << 22


class AnyEvent(ctypes.Structure):
    # the leading fields every X event shares; for MapNotify, `window` is the mapped window and for
    # PropertyNotify the field at the same offset as `event` is the window whose property changed
    _fields_ = [('type', ctypes.c_int), ('serial', ctypes.c_ulong), ('send_event', ctypes.c_int),
                ('display', ctypes.c_void_p), ('event', ctypes.c_ulong), ('window', ctypes.c_ulong)]


class XEvent(ctypes.Union):
    _fields_ = [('any', AnyEvent), ('pad', ctypes.c_long * 24)]


x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]

# a window can vanish between its event and our query: ignore X errors instead of exiting
ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda d, e: 0)
x.XSetErrorHandler(ERROR_HANDLER)

pid = int(sys.argv[1])
prefix = (sys.argv[2] if len(sys.argv) > 2 else 'Nernst').encode()
display = x.XOpenDisplay(None)
if not display:
    sys.exit('x11-wait-window: cannot open the display (DISPLAY not set?)')
root = x.XDefaultRootWindow(display)
x.XSelectInput(display, root, SUBSTRUCTURE_NOTIFY_MASK)
x.XSync(display, 0)
print('ready', flush=True)


def matches(window):
    name = ctypes.c_char_p()
    if not x.XFetchName(display, window, ctypes.byref(name)) or not name.value:
        return False
    title = name.value
    x.XFree(name)
    if not title.startswith(prefix):
        return False
    r, i, u = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_uint()
    width = ctypes.c_uint()
    if not x.XGetGeometry(display, window, ctypes.byref(r), ctypes.byref(i), ctypes.byref(i),
                          ctypes.byref(width), ctypes.byref(u), ctypes.byref(u), ctypes.byref(u)):
        return False
    return width.value >= 400


mapped = set()  # top-level windows mapped so far whose title did not match (yet)
fd = x.XConnectionNumber(display)
ev = XEvent()
while True:
    while x.XPending(display):
        x.XNextEvent(display, ctypes.byref(ev))
        now = time.time_ns()
        window = None
        if ev.any.type == MAP_NOTIFY and ev.any.event == root:
            window = ev.any.window
            mapped.add(window)
            # the title may be set after the map: watch the window's properties as well
            x.XSelectInput(display, window, PROPERTY_CHANGE_MASK)
        elif ev.any.type == PROPERTY_NOTIFY and ev.any.event in mapped:
            window = ev.any.event
        if window is not None and matches(window):
            print(now, hex(window), flush=True)
            sys.exit(0)
    ready, _, _ = select.select([fd], [], [], 0.2)
    if not ready:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            sys.exit(1)
        # a zombie child still answers kill(0): treat it as gone
        try:
            with open(f'/proc/{pid}/stat') as f:
                if f.read().rsplit(')', 1)[1].split()[0] == 'Z':
                    sys.exit(1)
        except FileNotFoundError:
            sys.exit(1)
