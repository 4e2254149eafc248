#!/usr/bin/env python3
"""x11-close-window.py WINDOW_ID...: asks X11 top-level windows to close, the way a window manager's
close button does (a WM_DELETE_WINDOW client message), so the application shuts down normally.
Used by benchmark-startup.sh: killing the workbench instead skips the shutdown that writes the
extension-registry cache, and every later start would then parse all plugin.xml files again."""
import ctypes
import ctypes.util
import sys

lib = ctypes.util.find_library('X11')
if not lib:
    sys.exit('x11-close-window: libX11 not found')
x = ctypes.cdll.LoadLibrary(lib)
x.XOpenDisplay.restype = ctypes.c_void_p
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]


class ClientMessage(ctypes.Structure):
    _fields_ = [('type', ctypes.c_int), ('serial', ctypes.c_ulong), ('send_event', ctypes.c_int),
                ('display', ctypes.c_void_p), ('window', ctypes.c_ulong), ('message_type', ctypes.c_ulong),
                ('format', ctypes.c_int), ('data', ctypes.c_long * 5)]


class XEvent(ctypes.Union):
    _fields_ = [('xclient', ClientMessage), ('pad', ctypes.c_long * 24)]


x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.POINTER(XEvent)]
x.XFlush.argtypes = [ctypes.c_void_p]
x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
display = x.XOpenDisplay(None)
if not display:
    sys.exit('x11-close-window: cannot open the display (DISPLAY not set?)')
protocols = x.XInternAtom(display, b'WM_PROTOCOLS', 0)
delete = x.XInternAtom(display, b'WM_DELETE_WINDOW', 0)
for arg in sys.argv[1:]:
    ev = XEvent()
    ev.xclient.type = 33  # ClientMessage
    ev.xclient.window = int(arg, 16)
    ev.xclient.message_type = protocols
    ev.xclient.format = 32
    ev.xclient.data[0] = delete
    x.XSendEvent(display, int(arg, 16), 0, 0, ctypes.byref(ev))
x.XSync(display, 0)
