/* bench-time-to-map.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by tools/bench-startup.sh: starts a program, waits until the X server maps its
 * first top-level window, prints the milliseconds from just before exec() to the map,
 * and ends the program. Watching the X server from outside needs no code in the
 * program measured, and the MapNotify event arrives within microseconds of the map.
 *
 *   bench-time-to-map [--timeout SECONDS] PROGRAM [ARGUMENT...]
 */

#include "config.h"

#include <X11/Xlib.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
stop_child (pid_t pid)
{
  int status;

  kill (pid, SIGTERM);
  for (int i = 0; i < 200; i++)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        return;
      usleep (10000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
}

int
main (int   argc,
      char *argv[])
{
  double timeout_ms = 30000;
  Display *display;
  double start;
  pid_t pid;
  int first = 1;

  if (argc > 2 && strcmp (argv[1], "--timeout") == 0)
    {
      timeout_ms = atof (argv[2]) * 1000;
      first = 3;
    }
  if (first >= argc)
    {
      fprintf (stderr, "usage: %s [--timeout SECONDS] PROGRAM [ARGUMENT...]\n", argv[0]);
      return 2;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "%s: cannot open the X display (run under xvfb-run)\n", argv[0]);
      return 2;
    }
  /* Without a window manager, top-level windows are children of the root window. */
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("fork");
      return 2;
    }
  if (pid == 0)
    {
      close (ConnectionNumber (display));
      execvp (argv[first], argv + first);
      perror (argv[first]);
      _exit (127);
    }

  for (;;)
    {
      struct pollfd pfd = { .fd = ConnectionNumber (display), .events = POLLIN };
      double left = timeout_ms - (now_ms () - start);
      int status;

      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && !event.xmap.override_redirect)
            {
              printf ("%.2f\n", now_ms () - start);
              fflush (stdout);
              stop_child (pid);
              XCloseDisplay (display);
              return 0;
            }
        }

      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          fprintf (stderr, "%s: %s exited before mapping a window\n", argv[0], argv[first]);
          return 1;
        }
      if (left <= 0)
        {
          fprintf (stderr, "%s: no window after %.0f s\n", argv[0], timeout_ms / 1000);
          stop_child (pid);
          return 1;
        }
      if (poll (&pfd, 1, left < 50 ? (int) left + 1 : 50) < 0 && errno != EINTR)
        {
          perror ("poll");
          stop_child (pid);
          return 2;
        }
    }
}
