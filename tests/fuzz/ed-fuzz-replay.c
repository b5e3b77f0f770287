/* ed-fuzz-replay.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "ed-fuzz.h"

/* Drives a fuzz target without libFuzzer, so that every build can run it: each file of the
 * corpus once, then a number of inputs made from them by the mutations a fuzzer starts with
 * (bytes flipped, inserted, removed, repeated; lines swapped; files spliced), from a fixed
 * seed so that a failure in CI replays the same way. A crash, a sanitizer report or a failed
 * assertion in the target fails the run; the hour-long search uses libFuzzer
 * (HACKING.md, "Fuzzing").
 *
 * Usage: fuzz-TARGET [--mutations N] [--seed S] CORPUS-DIR-OR-FILE… */

static GPtrArray *
read_corpus (char **paths)
{
  GPtrArray *corpus = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (paths[i], 0, NULL);
      const char *name;
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

      if (dir == NULL)
        g_ptr_array_add (files, g_strdup (paths[i]));
      else
        while ((name = g_dir_read_name (dir)) != NULL)
          g_ptr_array_add (files, g_build_filename (paths[i], name, NULL));
      /* Sorted, so that the mutations are the same on every machine. */
      g_ptr_array_sort (files, (GCompareFunc)g_strcmp0);
      for (guint j = 0; j < files->len; j++)
        {
          char *contents;
          gsize length;

          if (!g_file_get_contents (g_ptr_array_index (files, j), &contents, &length, NULL))
            g_error ("Cannot read %s", (char *)g_ptr_array_index (files, j));
          g_ptr_array_add (corpus, g_bytes_new_take (contents, length));
        }
    }
  return corpus;
}

static const char *const interesting[] = {
  "\"", ",", "\n", "\r\n", "\xef\xbb\xbf", "\xff\xfe", "\xc3", "\xe9", "\x80", "\0", "'=",
  "{", "}", "[", "]", "null", "-1", "99999999999999999999", "1e308", "\\u0000", "\\ud800",
  "e\xcc\x81", "\x1b[31m", "\t",
};

static void
insert_bytes (GByteArray   *array,
              guint         at,
              const guint8 *data,
              guint         length)
{
  guint old_length = array->len;

  g_byte_array_set_size (array, old_length + length);
  memmove (array->data + at + length, array->data + at, old_length - at);
  memcpy (array->data + at, data, length);
}

static GByteArray *
mutate (GPtrArray *corpus,
        GRand     *rand)
{
  GBytes *base = g_ptr_array_index (corpus, g_rand_int_range (rand, 0, corpus->len));
  gsize size;
  const guint8 *bytes = g_bytes_get_data (base, &size);
  GByteArray *out = g_byte_array_sized_new (size + 64);
  guint n_edits = g_rand_int_range (rand, 1, 9);

  g_byte_array_append (out, bytes, size);
  for (guint e = 0; e < n_edits; e++)
    {
      guint at = out->len > 0 ? g_rand_int_range (rand, 0, out->len) : 0;

      switch (g_rand_int_range (rand, 0, 7))
        {
        case 0:   /* flip a bit */
          if (out->len > 0)
            out->data[at] ^= 1 << g_rand_int_range (rand, 0, 8);
          break;
        case 1:   /* a byte that means something to a parser */
          {
            const char *token = interesting[g_rand_int_range (rand, 0,
                                                              G_N_ELEMENTS (interesting))];
            gsize length = token[0] == '\0' ? 1 : strlen (token);

            insert_bytes (out, at, (const guint8 *)token, length);
          }
          break;
        case 2:   /* cut */
          if (out->len > 0)
            g_byte_array_remove_range (out, at, g_rand_int_range (rand, 1,
                                                                  MIN (out->len - at, 64) + 1));
          break;
        case 3:   /* truncate */
          g_byte_array_set_size (out, at);
          break;
        case 4:   /* repeat a stretch */
          if (out->len > 0)
            {
              guint length = g_rand_int_range (rand, 1, MIN (out->len - at, 256) + 1);
              g_autofree guint8 *copy = g_memdup2 (out->data + at, length);

              for (guint r = g_rand_int_range (rand, 1, 4); r > 0; r--)
                insert_bytes (out, at, copy, length);
            }
          break;
        case 5:   /* splice in part of another file */
          {
            GBytes *other = g_ptr_array_index (corpus, g_rand_int_range (rand, 0, corpus->len));
            gsize other_size;
            const guint8 *other_bytes = g_bytes_get_data (other, &other_size);

            if (other_size > 0)
              {
                guint from = g_rand_int_range (rand, 0, other_size);

                g_byte_array_set_size (out, at);
                g_byte_array_append (out, other_bytes + from, other_size - from);
              }
          }
          break;
        default:  /* a random byte */
          if (out->len > 0)
            out->data[at] = g_rand_int_range (rand, 0, 256);
          break;
        }
    }
  return out;
}

int
main (int    argc,
      char **argv)
{
  int mutations = 1000;
  int seed = 1;
  g_auto(GStrv) paths = NULL;
  GOptionEntry entries[] = {
    { "mutations", 0, 0, G_OPTION_ARG_INT, &mutations, "Mutated inputs to run", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the mutations", "S" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("CORPUS…");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) corpus = NULL;
  g_autoptr(GRand) rand = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || paths == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Give the corpus");
      return 2;
    }

  LLVMFuzzerInitialize (&argc, &argv);
  corpus = read_corpus (paths);
  if (corpus->len == 0)
    {
      g_printerr ("The corpus is empty\n");
      return 2;
    }
  for (guint i = 0; i < corpus->len; i++)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (g_ptr_array_index (corpus, i), &size);

      LLVMFuzzerTestOneInput (data, size);
    }

  rand = g_rand_new_with_seed (seed);
  for (int i = 0; i < mutations; i++)
    {
      g_autoptr(GByteArray) input = mutate (corpus, rand);

      LLVMFuzzerTestOneInput (input->data, input->len);
    }
  g_print ("%u corpus files and %d mutations of them, seed %d: no crash\n", corpus->len,
           mutations, seed);
  return 0;
}
