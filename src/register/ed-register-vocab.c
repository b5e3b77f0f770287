/* ed-register-vocab.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The register's vocabularies (ed-register-vocab.h), each one table from its enum to the
 * value its column stores and the name people read. The values are what 0004-register.sql
 * lists beside each column; test-register-vocab.c holds the two to each other. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-value-error.h"
#include "register/ed-register-vocab.h"

typedef struct
{
  const char *value;    /* as stored; never changes */
  const char *context;  /* the display name's msgctxt, when it needs one */
  const char *name;     /* the display name, untranslated */
} Term;

static const Term absent_votes[] = {
  [ED_ABSENT_VOTE_NONE] = { "", "absent vote", NC_("absent vote", "None") },
  [ED_ABSENT_VOTE_POSTAL] = { "postal", NULL, N_("Postal") },
  [ED_ABSENT_VOTE_PROXY] = { "proxy", NULL, N_("Proxy") },
  [ED_ABSENT_VOTE_POSTAL_PROXY] = { "postal_proxy", NULL, N_("Postal proxy") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (absent_votes) == ED_N_ABSENT_VOTES);

static const Term elector_statuses[] = {
  [ED_ELECTOR_STATUS_CURRENT] = { "current", NULL, N_("Current") },
  [ED_ELECTOR_STATUS_PENDING_ADDITION] = { "pending_addition", NULL, N_("Pending addition") },
  [ED_ELECTOR_STATUS_PENDING_DELETION] = { "pending_deletion", NULL, N_("Pending deletion") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (elector_statuses) == ED_N_ELECTOR_STATUSES);

static const Term elector_languages[] = {
  [ED_ELECTOR_LANGUAGE_ENGLISH] = { "en", NULL, N_("English") },
  [ED_ELECTOR_LANGUAGE_WELSH] = { "cy", NULL, N_("Welsh") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (elector_languages) == ED_N_ELECTOR_LANGUAGES);

static const Term electoral_area_kinds[] = {
  [ED_ELECTORAL_AREA_WARD] = { "ward", NULL, N_("Ward") },
  [ED_ELECTORAL_AREA_DIVISION] = { "division", NULL, N_("Division") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (electoral_area_kinds) == ED_N_ELECTORAL_AREA_KINDS);

static const Term notice_kinds[] = {
  [ED_NOTICE_KIND_MONTHLY] = { "monthly", NULL, N_("Monthly notice of alteration") },
  [ED_NOTICE_KIND_INTERIM] = { "interim", NULL, N_("Interim notice of alteration") },
  [ED_NOTICE_KIND_REVISED] = { "revised", NULL, N_("Revised register") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (notice_kinds) == ED_N_NOTICE_KINDS);

static const Term alteration_kinds[] = {
  [ED_ALTERATION_ADDITION] = { "addition", NULL, N_("Addition") },
  [ED_ALTERATION_DELETION] = { "deletion", NULL, N_("Deletion") },
  [ED_ALTERATION_AMENDMENT] = { "amendment", NULL, N_("Amendment") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (alteration_kinds) == ED_N_ALTERATION_KINDS);

static const Term deletion_reasons[] = {
  [ED_DELETION_MOVED] = { "moved", NULL, N_("Moved away") },
  [ED_DELETION_DIED] = { "died", NULL, N_("Died") },
  [ED_DELETION_OBJECTION_UPHELD] = { "objection_upheld", NULL, N_("Objection upheld") },
  [ED_DELETION_DUPLICATE] = { "duplicate", NULL, N_("Duplicate entry") },
  [ED_DELETION_OTHER] = { "other", NULL, N_("Other reason") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (deletion_reasons) == ED_N_DELETION_REASONS);

static const Term sale_kinds[] = {
  [ED_SALE_KIND_FULL] = { "full", NULL, N_("Full register") },
  [ED_SALE_KIND_EDITED] = { "edited", NULL, N_("Edited (open) register") },
  [ED_SALE_KIND_NOTICE] = { "notice", NULL, N_("Notice of alteration") },
  [ED_SALE_KIND_OVERSEAS] = { "overseas", NULL, N_("List of overseas electors") },
  [ED_SALE_KIND_MARKED] = { "marked", NULL, N_("Marked register") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (sale_kinds) == ED_N_SALE_KINDS);

static const Term sale_formats[] = {
  [ED_SALE_FORMAT_DATA] = { "data", NULL, N_("Data") },
  [ED_SALE_FORMAT_PRINTED] = { "printed", NULL, N_("Printed") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (sale_formats) == ED_N_SALE_FORMATS);

static const Term register_editions[] = {
  [ED_REGISTER_EDITION_FULL] = { "full", NULL, N_("Full register") },
  [ED_REGISTER_EDITION_OPEN] = { "open", NULL, N_("Open register") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (register_editions) == ED_N_REGISTER_EDITIONS);

#define TERM(terms, i) ((guint)(i) < G_N_ELEMENTS (terms) ? &(terms)[i] : NULL)

static const char *
term_value (const Term *term)
{
  g_return_val_if_fail (term != NULL, NULL);

  return term->value;
}

static const char *
term_display_name (const Term *term)
{
  g_return_val_if_fail (term != NULL, NULL);

  if (term->context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, term->context, term->name);
  return _(term->name);
}

/* Stored values are compared exactly: they are written by this code, never typed. */
static gboolean
term_lookup (const Term *terms,
             guint       n_terms,
             const char *text,
             guint      *out)
{
  for (guint i = 0; i < n_terms; i++)
    if (g_str_equal (terms[i].value, text))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* Sets an %ED_VALUE_ERROR_INVALID from @format, which quotes @text with one %s. */
static gboolean
set_unknown_error (GError     **error,
                   const char  *format,
                   const char  *text)
{
  g_autofree char *display = NULL;

  if (error == NULL)
    return FALSE;
  display = ed_value_display_text (text);
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID, format, display);
  return FALSE;
}

/**
 * ed_absent_vote_to_string:
 * @vote: an absent vote
 *
 * Returns: (transfer none): the value `elector.absent_vote` stores: "", `postal`, `proxy`
 *   or `postal_proxy`
 */
const char *
ed_absent_vote_to_string (EdAbsentVote vote)
{
  return term_value (TERM (absent_votes, vote));
}

/**
 * ed_absent_vote_from_string:
 * @text: a value of `elector.absent_vote`
 * @out: (out) (optional): the absent vote
 * @error: return location for an %ED_VALUE_ERROR_INVALID
 *
 * Returns: %TRUE if @text is one
 */
gboolean
ed_absent_vote_from_string (const char    *text,
                            EdAbsentVote  *out,
                            GError       **error)
{
  guint i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!term_lookup (absent_votes, G_N_ELEMENTS (absent_votes), text, &i))
    /* Translators: %s is the value; the words after the colon are what may be stored, so
     * they are not to be translated. */
    return set_unknown_error (error, _("“%s” is not a kind of absent vote: expected postal, "
                                       "proxy, postal_proxy or nothing"), text);
  if (out != NULL)
    *out = i;
  return TRUE;
}

/**
 * ed_absent_vote_get_display_name:
 * @vote: an absent vote
 *
 * Returns: (transfer none): its name for people, translated: “Postal”, …, and “None” for
 *   voting in person
 */
const char *
ed_absent_vote_get_display_name (EdAbsentVote vote)
{
  return term_display_name (TERM (absent_votes, vote));
}

/**
 * ed_absent_vote_is_by_proxy:
 * @vote: an absent vote
 *
 * Returns: whether someone else votes for the elector, whose name must then be on record
 */
gboolean
ed_absent_vote_is_by_proxy (EdAbsentVote vote)
{
  return vote == ED_ABSENT_VOTE_PROXY || vote == ED_ABSENT_VOTE_POSTAL_PROXY;
}

/**
 * ed_elector_status_to_string:
 * @status: a status
 *
 * Returns: (transfer none): the value `elector.status` stores
 */
const char *
ed_elector_status_to_string (EdElectorStatus status)
{
  return term_value (TERM (elector_statuses, status));
}

/**
 * ed_elector_status_from_string:
 * @text: a value of `elector.status`
 * @out: (out) (optional): the status
 * @error: return location for an %ED_VALUE_ERROR_INVALID
 *
 * Returns: %TRUE if @text is one
 */
gboolean
ed_elector_status_from_string (const char       *text,
                               EdElectorStatus  *out,
                               GError          **error)
{
  guint i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!term_lookup (elector_statuses, G_N_ELEMENTS (elector_statuses), text, &i))
    /* Translators: %s is the value; the words after the colon are what may be stored, so
     * they are not to be translated. */
    return set_unknown_error (error, _("“%s” is not the status of an entry: expected current, "
                                       "pending_addition or pending_deletion"), text);
  if (out != NULL)
    *out = i;
  return TRUE;
}

/**
 * ed_elector_status_get_display_name:
 * @status: a status
 *
 * Returns: (transfer none): its name for people, translated: “Current”, “Pending addition”
 *   or “Pending deletion”
 */
const char *
ed_elector_status_get_display_name (EdElectorStatus status)
{
  return term_display_name (TERM (elector_statuses, status));
}

/**
 * ed_elector_language_to_string:
 * @language: a language
 *
 * Returns: (transfer none): the value `elector.language` stores: `en` or `cy`
 */
const char *
ed_elector_language_to_string (EdElectorLanguage language)
{
  return term_value (TERM (elector_languages, language));
}

/**
 * ed_elector_language_from_string:
 * @text: a value of `elector.language`
 * @out: (out) (optional): the language
 * @error: return location for an %ED_VALUE_ERROR_INVALID
 *
 * Returns: %TRUE if @text is one
 */
gboolean
ed_elector_language_from_string (const char         *text,
                                 EdElectorLanguage  *out,
                                 GError            **error)
{
  guint i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!term_lookup (elector_languages, G_N_ELEMENTS (elector_languages), text, &i))
    /* Translators: %s is the value; “en” and “cy” are what may be stored, so they are not
     * to be translated. */
    return set_unknown_error (error, _("“%s” is not a language of the register: expected en "
                                       "or cy"), text);
  if (out != NULL)
    *out = i;
  return TRUE;
}

/**
 * ed_elector_language_get_display_name:
 * @language: a language
 *
 * Returns: (transfer none): its name for people, translated: “English” or “Welsh”
 */
const char *
ed_elector_language_get_display_name (EdElectorLanguage language)
{
  return term_display_name (TERM (elector_languages, language));
}

/**
 * ed_electoral_area_kind_to_string:
 * @kind: a kind of electoral area
 *
 * Returns: (transfer none): the value `electoral_area.kind` stores: `ward` or `division`
 */
const char *
ed_electoral_area_kind_to_string (EdElectoralAreaKind kind)
{
  return term_value (TERM (electoral_area_kinds, kind));
}

/**
 * ed_electoral_area_kind_from_string:
 * @text: a value of `electoral_area.kind`
 * @out: (out) (optional): the kind
 * @error: return location for an %ED_VALUE_ERROR_INVALID
 *
 * Returns: %TRUE if @text is one
 */
gboolean
ed_electoral_area_kind_from_string (const char           *text,
                                    EdElectoralAreaKind  *out,
                                    GError              **error)
{
  guint i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!term_lookup (electoral_area_kinds, G_N_ELEMENTS (electoral_area_kinds), text, &i))
    /* Translators: %s is the value; “ward” and “division” are what may be stored, so they
     * are not to be translated. */
    return set_unknown_error (error, _("“%s” is not a kind of electoral area: expected ward "
                                       "or division"), text);
  if (out != NULL)
    *out = i;
  return TRUE;
}

/**
 * ed_electoral_area_kind_get_display_name:
 * @kind: a kind of electoral area
 *
 * Returns: (transfer none): its name for people, translated: “Ward” or “Division”
 */
const char *
ed_electoral_area_kind_get_display_name (EdElectoralAreaKind kind)
{
  return term_display_name (TERM (electoral_area_kinds, kind));
}

/**
 * ed_notice_kind_to_string:
 * @kind: a kind of publication
 *
 * Returns: (transfer none): the value `register_notice.kind` stores: `monthly`, `interim`
 *   or `revised`
 */
const char *
ed_notice_kind_to_string (EdNoticeKind kind)
{
  return term_value (TERM (notice_kinds, kind));
}

/**
 * ed_notice_kind_from_string:
 * @text: a value of `register_notice.kind`
 * @out: (out) (optional): the kind
 * @error: return location for an %ED_VALUE_ERROR_INVALID
 *
 * Returns: %TRUE if @text is one
 */
gboolean
ed_notice_kind_from_string (const char    *text,
                            EdNoticeKind  *out,
                            GError       **error)
{
  guint i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!term_lookup (notice_kinds, G_N_ELEMENTS (notice_kinds), text, &i))
    /* Translators: %s is the value; the words after the colon are what may be stored, so
     * they are not to be translated. */
    return set_unknown_error (error, _("“%s” is not a kind of notice: expected monthly, "
                                       "interim or revised"), text);
  if (out != NULL)
    *out = i;
  return TRUE;
}

/**
 * ed_notice_kind_get_display_name:
 * @kind: a kind of publication
 *
 * Returns: (transfer none): its name for people, translated: “Monthly notice of
 *   alteration”, …
 */
const char *
ed_notice_kind_get_display_name (EdNoticeKind kind)
{
  return term_display_name (TERM (notice_kinds, kind));
}

/**
 * ed_alteration_kind_to_string:
 * @kind: a kind of alteration
 *
 * Returns: (transfer none): the value `register_alteration.kind` stores, which is also the
 *   `alteration` column of a notice's CSV: `addition`, `deletion` or `amendment`
 */
const char *
ed_alteration_kind_to_string (EdAlterationKind kind)
{
  return term_value (TERM (alteration_kinds, kind));
}

/**
 * ed_alteration_kind_from_string:
 * @text: a value of `register_alteration.kind`
 * @out: (out) (optional): the kind
 * @error: return location for an %ED_VALUE_ERROR_INVALID
 *
 * Returns: %TRUE if @text is one
 */
gboolean
ed_alteration_kind_from_string (const char        *text,
                                EdAlterationKind  *out,
                                GError           **error)
{
  guint i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!term_lookup (alteration_kinds, G_N_ELEMENTS (alteration_kinds), text, &i))
    /* Translators: %s is the value; the words after the colon are what may be stored, so
     * they are not to be translated. */
    return set_unknown_error (error, _("“%s” is not a kind of alteration: expected addition, "
                                       "deletion or amendment"), text);
  if (out != NULL)
    *out = i;
  return TRUE;
}

/**
 * ed_alteration_kind_get_display_name:
 * @kind: a kind of alteration
 *
 * Returns: (transfer none): its name for people, translated: “Addition”, …
 */
const char *
ed_alteration_kind_get_display_name (EdAlterationKind kind)
{
  return term_display_name (TERM (alteration_kinds, kind));
}

/**
 * ed_alteration_kind_get_heading:
 * @kind: a kind of alteration
 *
 * Returns: (transfer none): the heading of its list in a notice, translated: “Additions”, …
 */
const char *
ed_alteration_kind_get_heading (EdAlterationKind kind)
{
  static const char *headings[] = {
    [ED_ALTERATION_ADDITION] = N_("Additions"),
    [ED_ALTERATION_DELETION] = N_("Deletions"),
    [ED_ALTERATION_AMENDMENT] = N_("Amendments"),
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (headings) == ED_N_ALTERATION_KINDS);

  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (headings), NULL);

  return _(headings[kind]);
}

/**
 * ed_deletion_reason_to_string:
 * @reason: a reason
 *
 * Returns: (transfer none): the reason as recorded in `register_alteration.reason`
 */
const char *
ed_deletion_reason_to_string (EdDeletionReason reason)
{
  return term_value (TERM (deletion_reasons, reason));
}

/**
 * ed_deletion_reason_from_string:
 * @text: a deletion's `register_alteration.reason`
 * @out: (out) (optional): the reason
 * @error: return location for an %ED_VALUE_ERROR_INVALID
 *
 * Returns: %TRUE if @text is one
 */
gboolean
ed_deletion_reason_from_string (const char        *text,
                                EdDeletionReason  *out,
                                GError           **error)
{
  guint i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!term_lookup (deletion_reasons, G_N_ELEMENTS (deletion_reasons), text, &i))
    /* Translators: %s is the value; the words after the colon are what may be stored, so
     * they are not to be translated. */
    return set_unknown_error (error, _("“%s” is not a reason for deleting an entry: expected "
                                       "moved, died, objection_upheld, duplicate or other"),
                              text);
  if (out != NULL)
    *out = i;
  return TRUE;
}

/**
 * ed_deletion_reason_get_display_name:
 * @reason: a reason
 *
 * Returns: (transfer none): the reason as an officer chooses it and a notice prints it,
 *   translated: “Moved away”, …
 */
const char *
ed_deletion_reason_get_display_name (EdDeletionReason reason)
{
  return term_display_name (TERM (deletion_reasons, reason));
}

/**
 * ed_sale_kind_to_string:
 * @kind: a kind of sale
 *
 * Returns: (transfer none): `full`, `edited`, `notice`, `overseas` or `marked`, as
 *   `register_supply.item` stores it and the command line takes it
 */
const char *
ed_sale_kind_to_string (EdSaleKind kind)
{
  return term_value (TERM (sale_kinds, kind));
}

/**
 * ed_sale_kind_from_string:
 * @text: `full`, `edited` (or `open`, its other name), `notice`, `overseas` or `marked`,
 *   in any case, with optional spaces around it
 * @out: (out) (optional): the kind
 * @error: return location for an %ED_VALUE_ERROR
 *
 * As people type the kind on the command line too, this reads it more loosely than the
 * other vocabularies: every stored value still reads as itself.
 *
 * Returns: %TRUE if @text names a kind of sale
 */
gboolean
ed_sale_kind_from_string (const char  *text,
                          EdSaleKind  *out,
                          GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = ed_value_strip (text);

  for (guint i = 0; i < G_N_ELEMENTS (sale_kinds); i++)
    {
      if (g_ascii_strcasecmp (stripped, sale_kinds[i].value) == 0)
        {
          if (out != NULL)
            *out = i;
          return TRUE;
        }
    }

  /* The edited register is also called the open register (DOMAIN.md §1.3). */
  if (g_ascii_strcasecmp (stripped, ed_register_edition_to_string (ED_REGISTER_EDITION_OPEN))
      == 0)
    {
      if (out != NULL)
        *out = ED_SALE_KIND_EDITED;
      return TRUE;
    }

  if (*stripped == '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   _("No register was given: expected full, edited, notice, overseas or "
                     "marked"));
      return FALSE;
    }

  display = ed_value_display_text (text);
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
               /* Translators: %s is what the user typed; the words after it are not to be
                * translated, they are what must be typed. */
               _("“%s” is not something the register office sells: expected full (the full "
                 "register), edited (the open register), notice (a notice of alteration), "
                 "overseas (the list of overseas electors) or marked (a marked register or "
                 "absent voting list)"),
               display);
  return FALSE;
}

/**
 * ed_sale_kind_get_display_name:
 * @kind: a kind of sale
 *
 * Returns: (transfer none): the copy's name for people, translated: “Full register”, …
 */
const char *
ed_sale_kind_get_display_name (EdSaleKind kind)
{
  return term_display_name (TERM (sale_kinds, kind));
}

/**
 * ed_sale_format_to_string:
 * @format: a format
 *
 * Returns: (transfer none): `data` or `printed`, as `register_supply.format` stores it
 */
const char *
ed_sale_format_to_string (EdSaleFormat format)
{
  return term_value (TERM (sale_formats, format));
}

/**
 * ed_sale_format_from_string:
 * @text: `data` or `printed`, in any case, with optional spaces around it
 * @out: (out) (optional): the format
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Returns: %TRUE if @text names a format
 */
gboolean
ed_sale_format_from_string (const char    *text,
                            EdSaleFormat  *out,
                            GError       **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = ed_value_strip (text);

  for (guint i = 0; i < G_N_ELEMENTS (sale_formats); i++)
    {
      if (g_ascii_strcasecmp (stripped, sale_formats[i].value) == 0)
        {
          if (out != NULL)
            *out = i;
          return TRUE;
        }
    }

  if (*stripped == '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   _("No format was given: expected data or printed"));
      return FALSE;
    }

  display = ed_value_display_text (text);
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
               /* Translators: %s is what the user typed; “data” and “printed” are what
                * must be typed, so they are not to be translated. */
               _("“%s” is not a format for a copy of the register: expected data or printed"),
               display);
  return FALSE;
}

/**
 * ed_sale_format_get_display_name:
 * @format: a format
 *
 * Returns: (transfer none): its name for people, translated: “Data” or “Printed”
 */
const char *
ed_sale_format_get_display_name (EdSaleFormat format)
{
  return term_display_name (TERM (sale_formats, format));
}

/**
 * ed_register_edition_to_string:
 * @edition: an edition
 *
 * Returns: (transfer none): `full` or `open`
 */
const char *
ed_register_edition_to_string (EdRegisterEdition edition)
{
  return term_value (TERM (register_editions, edition));
}

/**
 * ed_register_edition_from_string:
 * @text: `full`, or `open` or its other name `edited`
 * @out: (out) (optional): the edition
 * @error: return location for an %ED_VALUE_ERROR_INVALID
 *
 * Returns: %TRUE if @text names an edition
 */
gboolean
ed_register_edition_from_string (const char         *text,
                                 EdRegisterEdition  *out,
                                 GError            **error)
{
  guint i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (term_lookup (register_editions, G_N_ELEMENTS (register_editions), text, &i))
    {
      if (out != NULL)
        *out = i;
      return TRUE;
    }
  /* The open register is also called the edited register (DOMAIN.md §1.3). */
  if (g_str_equal (text, ed_sale_kind_to_string (ED_SALE_KIND_EDITED)))
    {
      if (out != NULL)
        *out = ED_REGISTER_EDITION_OPEN;
      return TRUE;
    }
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
               _("“%s” is not an edition of the register: expected full or open"), text);
  return FALSE;
}

/**
 * ed_register_edition_get_display_name:
 * @edition: an edition
 *
 * Returns: (transfer none): its name for people, translated: “Full register” or “Open
 *   register”
 */
const char *
ed_register_edition_get_display_name (EdRegisterEdition edition)
{
  return term_display_name (TERM (register_editions, edition));
}
