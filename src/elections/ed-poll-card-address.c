/* ed-poll-card-address.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The addressee block of a poll card, as it shows in the envelope window: whom the card goes
 * to and where. An elector's own card goes to their qualifying address; a proxy card goes to
 * the proxy at the address in the proxy list (DOMAIN.md §2.1). One definition, so that what
 * the pre-print check measures is what the renderer prints. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include "elections/ed-poll-card-address.h"

static void
add_line (GPtrArray  *lines,
          const char *text)
{
  g_autofree char *line = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*line != '\0')
    g_ptr_array_add (lines, g_steal_pointer (&line));
}

static void
add_name (GPtrArray             *lines,
          const EdRegisterVoter *voter)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *parts[] = { voter->title, voter->forenames, voter->surname };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i] != NULL ? parts[i] : ""));

      if (*part == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, part);
    }
  add_line (lines, name->str);
}

/**
 * ed_poll_card_addressee_lines:
 * @voter: the register's entry
 * @variant: the card it is sent
 *
 * The lines of the card's addressee block: for the elector's own card (in person or postal)
 * their name, then "PROPERTY STREET", locality, town and postcode of the qualifying address;
 * for a proxy card the proxy's name, then the proxy's address a line for each of its lines or
 * comma-separated parts. Empty parts are left out, so an entry with no address gives the name
 * alone.
 *
 * Returns: (transfer full): the lines, never %NULL
 */
GStrv
ed_poll_card_addressee_lines (const EdRegisterVoter *voter,
                              EdPollCardVariant      variant)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (voter != NULL, NULL);

  if (variant == ED_POLL_CARD_PROXY || variant == ED_POLL_CARD_PROXY_POSTAL)
    {
      g_auto(GStrv) parts = g_strsplit_set (voter->proxy_address, "\n,", -1);

      add_line (lines, voter->proxy_name);
      for (guint i = 0; parts[i] != NULL; i++)
        add_line (lines, parts[i]);
    }
  else
    {
      g_autofree char *first = g_strdup_printf ("%s %s", voter->property, voter->street);

      add_name (lines, voter);
      add_line (lines, first);
      add_line (lines, voter->locality);
      add_line (lines, voter->town);
      add_line (lines, voter->postcode);
    }
  g_ptr_array_add (lines, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

/**
 * ed_poll_card_addressee_fits:
 * @lines: the addressee block
 * @out_longest: (out) (optional): the characters of its longest line
 *
 * Returns: %TRUE if the block fits the envelope window: at most %ED_POLL_CARD_WINDOW_LINES
 *   lines of at most %ED_POLL_CARD_WINDOW_LINE_CHARS characters
 */
gboolean
ed_poll_card_addressee_fits (const char * const *lines,
                             guint              *out_longest)
{
  guint n = 0;
  guint longest = 0;

  g_return_val_if_fail (lines != NULL, FALSE);

  for (; lines[n] != NULL; n++)
    longest = MAX (longest, (guint)g_utf8_strlen (lines[n], -1));
  if (out_longest != NULL)
    *out_longest = longest;
  return n <= ED_POLL_CARD_WINDOW_LINES && longest <= ED_POLL_CARD_WINDOW_LINE_CHARS;
}
