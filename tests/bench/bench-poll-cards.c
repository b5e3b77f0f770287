/* bench-poll-cards.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A district's poll cards to PDF (DOMAIN.md §2.5: some 96,000 cards for one district poll):
 * 100,000 cards, final A6 run in walk order with the pre-print check first, budget 40 s. It
 * prints the time per card too, and the resident memory, sampled as the run passes 10%, 50%
 * and 100% and at its peak (getrusage), which must stay flat: the roll streams the register
 * and the PDF surface writes each page as it goes.
 *
 * The demo district, with its May poll, is made by the command line (the program's argument)
 * in processes of their own, so that the peak is the print run's alone. ED_BENCH_ELECTORS
 * sets the district's size. */

#define G_LOG_DOMAIN "ed-bench-poll-cards"

#include "config.h"

#include <gio/gio.h>
#include <string.h>
#include <sys/resource.h>

#include "ed-bench-util.h"
#include "ed-modules.h"
#include "elections/ed-poll-card-print.h"

/* A few electors of the demo vote nowhere (no contested ward, or no franchise): this many
 * give a little over 100,000 cards. */
#define DEFAULT_ELECTORS 101500
#define BUDGET_S 40.0

typedef struct
{
  double  marks[3];
  double  rss_mb[3];
  guint   next;
} Sampler;

static double
resident_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0.0;
  line = strstr (status, "VmRSS:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) / 1024.0 : 0.0;
}

static void
sample (double      fraction,
        const char *text,
        gpointer    user_data)
{
  Sampler *sampler = user_data;

  while (sampler->next < G_N_ELEMENTS (sampler->marks) &&
         fraction >= sampler->marks[sampler->next])
    sampler->rss_mb[sampler->next++] = resident_mb ();
}

static void
run (const char *cli,
     const char *db,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *)cli);
  g_ptr_array_add (argv, (char *)"--db");
  g_ptr_array_add (argv, (char *)db);
  va_start (args, db);
  for (const char *arg = va_arg (args, const char *); arg != NULL;
       arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                NULL, &wait_status, &error);
  ed_bench_check (error == NULL && g_spawn_check_wait_status (wait_status, NULL), error,
                  "running the command line");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *electors_text = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(GError) error = NULL;
  const char *size = g_getenv ("ED_BENCH_ELECTORS");
  EdPollCardPrintOptions options;
  Sampler sampler = { { 0.10, 0.50, 1.0 }, { 0 }, 0 };
  struct rusage usage;
  guint64 cards = 0;
  gint64 start;
  double seconds;
  GStatBuf st;

  if (argc != 2)
    g_error ("Usage: bench-poll-cards PATH-TO-electoral-desk-cli");
  ed_bench_init ();
  dir = ed_bench_make_dir ();
  db = g_build_filename (dir, "district.db", NULL);
  pdf = g_build_filename (dir, "cards.pdf", NULL);
  electors_text = g_strdup_printf ("%u", size != NULL ? (guint)g_ascii_strtoull (size, NULL, 10)
                                                      : DEFAULT_ELECTORS);
  run (argv[1], db, "demo", "--electors", electors_text, NULL);

  context = ed_modules_open_district (db, &error);
  ed_bench_check (context != NULL, error, "opening the district");
  /* The demo's own May poll, with the parish polls combined with it: cards for both. */
  {
    g_autoptr(GPtrArray) elections = ed_election_list (context, &error);

    ed_bench_check (elections != NULL, error, "listing the elections");
    for (guint i = 0; i < elections->len && election == NULL; i++)
      if (((EdElection *)g_ptr_array_index (elections, i))->kind == ED_ELECTION_LOCAL)
        election = ed_election_load (context, ((EdElection *)elections->pdata[i])->id, &error);
    ed_bench_check (election != NULL, error, "finding the demo's local election");
  }
  g_print ("# resident memory before the run: %.1f MB\n", resident_mb ());

  ed_poll_card_print_options_init (&options);
  start = g_get_monotonic_time ();
  ed_bench_check (ed_poll_cards_write_pdf (context, election, pdf, &options, sample, &sampler,
                                           NULL, &cards, &error),
                  error, "printing the cards");
  seconds = ed_bench_ms_since (start) / 1000.0;
  getrusage (RUSAGE_SELF, &usage);
  g_stat (pdf, &st);

  g_print ("# %s electors, %" G_GUINT64_FORMAT " cards (%" G_GUINT64_FORMAT " A6 pages), "
           "PDF %.1f MB\n", electors_text, cards, 2 * cards, st.st_size / 1e6);
  g_print ("# resident memory at 10%% %.1f MB, 50%% %.1f MB, 100%% %.1f MB; peak %.1f MB\n",
           sampler.rss_mb[0], sampler.rss_mb[1], sampler.rss_mb[2], usage.ru_maxrss / 1024.0);
  g_print ("bench: poll-cards-pdf %.1f s budget %.0f s\n", seconds, BUDGET_S);
  g_print ("bench: poll-cards-per-card %.3f ms\n", seconds * 1000.0 / MAX (cards, 1));
  g_print ("bench: poll-cards-peak-rss %.1f MB\n", usage.ru_maxrss / 1024.0);

  g_clear_object (&context);
  ed_bench_remove_dir (dir);
  return seconds <= BUDGET_S && (size != NULL || cards >= 100000) ? 0 : 1;
}
