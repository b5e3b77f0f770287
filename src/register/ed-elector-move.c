/* ed-elector-move.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An elector who moves to another address in the district, as the editor's Move dialog and
 * `electoral-desk-cli register move` record it.
 *
 * The law gives a move no alteration of its own, and it is recorded as a deletion of the old
 * entry and an addition of a new one, both on the next notice of alteration, not as an
 * amendment:
 * - an entry's place in the register is its address: the register is framed in parts, one per
 *   polling district, in street order, and the elector number is given by that place
 *   (DOMAIN.md §1.1; RPR 2001 regs 38, 39, 41). Between revisions a new address's entry takes
 *   the number of the property it joins with the next suffix, or the part's next number, and
 *   numbers are never re-used or renumbered until the revised register, so the old number
 *   cannot follow the elector and a notice that printed "AB12 amended" would point readers at
 *   the wrong place in the register;
 * - an alteration has effect from its notice (§1.4; RPA 1983 s 13A(2)(b)): until then the
 *   published register still shows the elector at the old address, and from then at the new.
 *   A pending deletion of the old entry and a pending addition of the new one say exactly
 *   that; an amendment would move the entry at once.
 * An entry whose addition is not yet published never appeared in the register, so its old
 * entry goes at once, as a deletion of it does (ed_elector_delete()). Both halves are one
 * change set: a move is recorded whole or not at all. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "core/ed-postcode.h"
#include "core/ed-today.h"
#include "core/ed-value-error.h"
#include "register/ed-elector-edit-private.h"
#include "register/ed-elector-move.h"

/**
 * ed_elector_move_new:
 * @elector_id: the entry that moves
 *
 * Returns: (transfer full): a move of @elector_id, every address field empty
 */
EdElectorMove *
ed_elector_move_new (const char *elector_id)
{
  EdElectorMove *move = g_new0 (EdElectorMove, 1);

  g_return_val_if_fail (elector_id != NULL, NULL);

  move->elector_id = g_strdup (elector_id);
  move->to_property = g_strdup ("");
  move->polling_district = g_strdup ("");
  move->new_address.property = g_strdup ("");
  move->new_address.street = g_strdup ("");
  move->new_address.locality = g_strdup ("");
  move->new_address.town = g_strdup ("");
  move->new_address.postcode = g_strdup ("");
  return move;
}

void
ed_elector_move_free (EdElectorMove *move)
{
  if (move == NULL)
    return;
  g_free (move->elector_id);
  g_free (move->to_property);
  g_free (move->polling_district);
  g_free (move->new_address.property);
  g_free (move->new_address.street);
  g_free (move->new_address.locality);
  g_free (move->new_address.town);
  g_free (move->new_address.postcode);
  g_free (move);
}

static void
add_problem (GPtrArray  *problems,
             const char *field,
             const char *message)
{
  EdFieldProblem *problem = g_new0 (EdFieldProblem, 1);

  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

/* Words of an address compared as a person reads them: case and spacing aside. */
static char *
address_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t,", -1);
  GString *key = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (key, "%s%s", key->len > 0 ? " " : "", words[i]);
  return g_string_free (key, FALSE);
}

/* The new entry: the person as the register holds them, at the new address. */
static EdElectorEdit *
entry_at_new_address (const EdElectorEdit *stored,
                      const EdElectorMove *move)
{
  EdElectorEdit *edit = ed_elector_edit_copy (stored);

  g_clear_pointer (&edit->id, g_free);
  memset (&edit->number, 0, sizeof edit->number);
  edit->status = ED_ELECTOR_STATUS_PENDING_ADDITION;
  g_free (edit->property);
  edit->property = g_strdup (move->to_property);
  if (move->to_property[0] == '\0')
    {
      g_free (edit->new_address.property);
      edit->new_address.property = g_strdup (move->new_address.property);
      g_free (edit->new_address.street);
      edit->new_address.street = g_strdup (move->new_address.street);
      g_free (edit->new_address.locality);
      edit->new_address.locality = g_strdup (move->new_address.locality);
      g_free (edit->new_address.town);
      edit->new_address.town = g_strdup (move->new_address.town);
      g_free (edit->new_address.postcode);
      edit->new_address.postcode = g_strdup (move->new_address.postcode);
      if (move->polling_district[0] != '\0')
        {
          g_free (edit->polling_district);
          edit->polling_district = g_strdup (move->polling_district);
        }
    }
  return edit;
}

/* Whether the new address is the one the entry has: the same property, or the same words. */
static gboolean
same_address (EdContext           *context,
              const EdElectorEdit *stored,
              const EdElectorMove *move,
              GError             **error,
              gboolean            *out_same)
{
  const EdNewAddress *to = &move->new_address;
  g_autoptr(GError) postcode_error = NULL;
  g_autofree char *old_address = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *postcode = NULL;
  g_autofree char *old_key = NULL;
  g_autofree char *new_key = NULL;

  *out_same = FALSE;
  if (move->to_property[0] != '\0')
    {
      *out_same = g_strcmp0 (move->to_property, stored->property) == 0;
      return TRUE;
    }
  old_address = ed_elector_edit_address_text (context, stored->property, error);
  if (old_address == NULL)
    return FALSE;
  if (!ed_postcode_normalise (to->postcode, &postcode, &postcode_error))
    return TRUE;
  /* In the form ed_elector_edit_address_text() gives: "1 Mill Lane, Millbrook, Town PC". */
  new_text = g_strdup_printf ("%s %s, %s, %s %s", to->property, to->street, to->locality,
                              to->town, postcode);
  old_key = address_key (old_address);
  new_key = address_key (new_text);
  *out_same = g_str_equal (old_key, new_key);
  return TRUE;
}

/**
 * ed_elector_move_validate:
 * @context: the district
 * @move: the move as the officer has it
 * @today: the day it is determined
 * @error: return location for an error reading the register (an unknown elector is
 *   %ED_CHANGE_ERROR_NO_SUCH_ROW)
 *
 * Checks a move before it is made. A problem's field is `to` for the move as a whole (an
 * entry that cannot move, an address it already has, an unknown address), or the new
 * address's field (`property`, `street`, `postcode`, `polling_district` …).
 *
 * Returns: (transfer full) (element-type EdFieldProblem): the problems, empty if the move may
 *   be made; %NULL with @error set if the register could not be read
 */
GPtrArray *
ed_elector_move_validate (EdContext            *context,
                          const EdElectorMove  *move,
                          const GDate          *today,
                          GError              **error)
{
  g_autoptr(EdElectorEdit) stored = NULL;
  g_autoptr(EdElectorEdit) edit = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) refusal = NULL;
  gboolean same = FALSE;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (move != NULL && move->elector_id != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  stored = ed_elector_edit_load (context, move->elector_id, error);
  if (stored == NULL)
    return NULL;
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_field_problem_free);

  if (_ed_elector_refuse_pending_deletion (stored, &refusal))
    {
      add_problem (problems, "to", refusal->message);
      return g_steal_pointer (&problems);
    }
  if (stored->other_elector || stored->property[0] == '\0')
    {
      add_problem (problems, "to",
                   _("An Other elector has no address in the register to move from."));
      return g_steal_pointer (&problems);
    }
  if (move->to_property[0] != '\0')
    {
      g_autofree char *address = ed_elector_edit_address_text (context, move->to_property,
                                                               error);

      if (address == NULL)
        return NULL;
      if (address[0] == '\0')
        {
          add_problem (problems, "to", _("There is no such address in the register."));
          return g_steal_pointer (&problems);
        }
    }
  if (!same_address (context, stored, move, error, &same))
    return NULL;
  if (same)
    {
      add_problem (problems, "to",
                   _("The elector already lives at that address: choose another."));
      return g_steal_pointer (&problems);
    }

  edit = entry_at_new_address (stored, move);
  g_ptr_array_unref (problems);
  problems = _ed_elector_edit_validate_move (context, edit, stored, today);
  return g_steal_pointer (&problems);
}

/**
 * ed_elector_move:
 * @context: the district
 * @move: the move
 * @determined_on: (nullable): the day the move was determined; %NULL for today
 * @error: return location for an error; %ED_VALUE_ERROR_INVALID with the first problem
 *   ed_elector_move_validate() finds
 *
 * Moves the entry within the district: the old entry becomes a pending deletion (reason
 * "moved") and a new entry for the same person, with the number the new address gives it
 * (ed_elector_next_number()), a pending addition, both recorded for the next notice of
 * alteration in one change set. A new address is added with it. See the top of this file
 * for why a move is not an amendment.
 *
 * Returns: (transfer full): the new entry, or %NULL
 */
EdElectorEdit *
ed_elector_move (EdContext            *context,
                 const EdElectorMove  *move,
                 const GDate          *determined_on,
                 GError              **error)
{
  g_autoptr(EdElectorEdit) stored = NULL;
  g_autoptr(EdElectorEdit) edit = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *id = NULL;
  g_autofree char *property = NULL;
  g_autofree char *district = NULL;
  g_autofree char *number_text = NULL;
  g_autofree char *detail = NULL;
  EdElectorNumber number;
  GDate day;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (move != NULL && move->elector_id != NULL, NULL);

  if (determined_on != NULL && g_date_valid (determined_on))
    day = *determined_on;
  else
    {
      g_date_clear (&day, 1);
      ed_today (&day);
    }
  problems = ed_elector_move_validate (context, move, &day, error);
  if (problems == NULL)
    return NULL;
  if (problems->len > 0)
    {
      g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                           ((EdFieldProblem *)g_ptr_array_index (problems, 0))->message);
      return NULL;
    }
  stored = ed_elector_edit_load (context, move->elector_id, error);
  if (stored == NULL)
    return NULL;
  edit = entry_at_new_address (stored, move);

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return NULL;
  if (!_ed_elector_edit_add_in (change_set, context, edit, &day, &id, &property, &district,
                                &number, error))
    return NULL;
  number_text = ed_elector_number_format (&number);
  /* Translators: the detail of a deletion in a notice of alteration when the elector moved
   * within the district; %s is their new elector number */
  detail = g_strdup_printf (_("Moved within the district, now %s"), number_text);
  if (!_ed_elector_delete_in (change_set, context, stored, ED_DELETION_MOVED, detail, &day,
                              error))
    return NULL;
  if (!ed_change_set_commit (change_set, error))
    return NULL;
  return ed_elector_edit_load (context, id, error);
}
