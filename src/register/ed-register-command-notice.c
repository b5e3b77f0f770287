/* ed-register-command-notice.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli register notice|revise: notices of alteration and the revised register
 * (DOMAIN.md §1.4). */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-today.h"
#include "register/ed-register-command-private.h"
#include "core/ed-date.h"
#include "register/ed-notice-timetable.h"
#include "register/ed-register-notice.h"
#include "register/ed-register-revise-files.h"
#include "register/ed-register-revise.h"

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_date (JsonBuilder *builder,
          const char  *member,
          const GDate *date)
{
  g_autofree char *iso = g_date_valid (date) ? ed_date_format_iso (date) : g_strdup ("");

  add_string (builder, member, iso);
}

static void
print_notice_json (EdNotice *notice)
{
  static const char *lists[ED_N_ALTERATION_KINDS] = { "additions", "deletions", "amendments" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_date (builder, "publication", &notice->publication);
  add_date (builder, "determination", &notice->determination);
  json_builder_set_member_name (builder, "required");
  json_builder_add_boolean_value (builder, notice->required);
  json_builder_set_member_name (builder, "alterations");
  json_builder_add_int_value (builder, notice->n_alterations);
  json_builder_set_member_name (builder, "additions");
  json_builder_add_int_value (builder, notice->changes.n_additions);
  json_builder_set_member_name (builder, "deletions");
  json_builder_add_int_value (builder, notice->changes.n_deletions);
  json_builder_set_member_name (builder, "amendments");
  json_builder_add_int_value (builder, notice->changes.n_amendments);
  json_builder_set_member_name (builder, "withheld");
  json_builder_add_int_value (builder, notice->n_withheld);
  json_builder_set_member_name (builder, "polling_districts");
  json_builder_begin_array (builder);
  for (guint d = 0; d < notice->districts->len; d++)
    {
      EdNoticeDistrict *district = g_ptr_array_index (notice->districts, d);

      json_builder_begin_object (builder);
      add_string (builder, "code", district->code);
      add_string (builder, "name", district->name);
      for (guint k = 0; k < ED_N_ALTERATION_KINDS; k++)
        {
          json_builder_set_member_name (builder, lists[k]);
          json_builder_begin_array (builder);
          for (guint i = 0; i < district->entries[k]->len; i++)
            {
              EdNoticeEntry *entry = g_ptr_array_index (district->entries[k], i);

              json_builder_begin_object (builder);
              add_string (builder, "elector_number", entry->number);
              add_string (builder, "franchise_marker", entry->marker);
              add_string (builder, "name", entry->name);
              add_string (builder, "address", entry->address);
              add_string (builder, "attainer_date", entry->attainer_date);
              add_string (builder, "reason", entry->reason);
              add_string (builder, "detail", entry->detail);
              add_date (builder, "determined_on", &entry->determined_on);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

static void
print_notice_text (EdNotice *notice)
{
  g_autofree char *published = ed_notice_format_date (&notice->publication);
  g_autofree char *determined = ed_notice_format_date (&notice->determination);

  g_print (_("Notice of alteration of %s%s\n"), published,
           notice->required ? "" : _(" (optional: before the revised register)"));
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u alteration determined by %s\n",
                        "%u alterations determined by %s\n", notice->n_alterations),
           notice->n_alterations, determined);
  {
    g_autofree char *changes = ed_notice_changes_describe (&notice->changes);

    /* Translators: %s is "3 additions, 1 deletion and 2 amendments". */
    g_print (_("Publishing it makes %s\n"), changes);
  }
  if (notice->n_withheld > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u of them is about an elector under 16 and is not printed\n",
                          "%u of them are about electors under 16 and are not printed\n",
                          notice->n_withheld),
             notice->n_withheld);

  for (guint d = 0; d < notice->districts->len; d++)
    {
      EdNoticeDistrict *district = g_ptr_array_index (notice->districts, d);

      g_print ("\n%s  %s\n", district->code, district->name);
      for (guint k = 0; k < ED_N_ALTERATION_KINDS; k++)
        {
          GPtrArray *entries = district->entries[k];

          if (entries->len == 0)
            continue;
          g_print ("  %s\n", ed_alteration_kind_get_heading (k));
          for (guint i = 0; i < entries->len; i++)
            {
              EdNoticeEntry *entry = g_ptr_array_index (entries, i);

              g_print ("    %-10s %-2s %-30s %-40s %s\n", entry->number, entry->marker,
                       entry->name, entry->address, entry->detail);
            }
        }
    }
}

/* The notice to publish when no date is given: the next one due, or the next one at all
 * when an optional notice is asked for. */
static gboolean
default_notice_date (EdContext  *context,
                     gboolean    optional,
                     GDate      *out,
                     GError    **error)
{
  EdCountry country = ed_district_settings_get_country (ed_context_get_settings (context));
  g_autoptr(EdCalendar) calendar = NULL;
  EdNoticeDates dates;
  GDate today;

  calendar = ed_calendar_new (country == ED_COUNTRY_SCOTLAND ? ED_JURISDICTION_SCOTLAND
                                                             : ED_JURISDICTION_ENGLAND_AND_WALES,
                              error);
  if (calendar == NULL)
    return FALSE;
  g_date_clear (&today, 1);
  ed_today (&today);
  if (optional ? !ed_notice_timetable_next_possible (calendar, &today, NULL, &dates, error)
               : !ed_notice_timetable_next_required (calendar, &today, NULL, &dates, error))
    return FALSE;
  *out = dates.publication;
  return TRUE;
}

/* An interim notice's dates from the day it is published, as the election's timetable gives
 * them (ed_notice_timetable_election_interim()): it lists what was determined by the day
 * before. */
static void
interim_dates (const GDate   *publication,
               EdNoticeDates *out)
{
  out->publication = *publication;
  out->determination = *publication;
  g_date_subtract_days (&out->determination, 1);
  out->last_application = out->determination;
  out->required = TRUE;
}

static int
notice_preview (EdContext          *context,
                const GDate        *date,
                const char * const *areas,
                EdNoticeFlags       flags,
                gboolean            json)
{
  g_autoptr(EdNotice) notice = NULL;
  GError *error = NULL;

  if (areas != NULL)
    {
      EdNoticeDates dates;

      interim_dates (date, &dates);
      notice = ed_register_notice_prepare_interim (context, &dates, areas, &error);
    }
  else
    notice = ed_register_notice_prepare (context, date, flags, &error);
  if (notice == NULL)
    return ed_command_fail (error);
  if (json)
    print_notice_json (notice);
  else
    print_notice_text (notice);
  return ED_COMMAND_EXIT_OK;
}

static int
notice_publish (EdContext          *context,
                const GDate        *date,
                const char * const *areas,
                EdNoticeFlags       flags,
                const char         *out_dir)
{
  g_autoptr(EdNotice) notice = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *when = NULL;
  GError *error = NULL;
  EdJob *job;

  if (!g_file_test (out_dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (out_dir);

      g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR,
                   _("“%s” is not a folder"), name);
      return ed_command_fail (error);
    }

  when = ed_notice_format_date (date);
  if (areas != NULL)
    {
      EdNoticeDates dates;

      /* The elections module will publish it the same way, with its poll's areas. */
      interim_dates (date, &dates);
      if (!ed_register_notice_publish_interim (context, &dates, areas, flags, out_dir, &notice,
                                               &pdf_path, &csv_path, &error))
        return ed_command_fail (error);
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Published the interim notice of alteration of %s: %u alteration\n",
                            "Published the interim notice of alteration of %s: %u alterations\n",
                            notice->n_alterations),
               when, notice->n_alterations);
    }
  else
    {
      /* The same job the window runs. */
      job = ed_register_notice_publish_async (context, date, flags, out_dir, NULL,
                                              ed_command_job_done, &result);
      ed_command_wait (job, &result);
      if (!ed_register_notice_publish_finish (job, result, &notice, &pdf_path, &csv_path,
                                              &error))
        return ed_command_fail (error);
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Published the notice of alteration of %s: %u alteration\n",
                            "Published the notice of alteration of %s: %u alterations\n",
                            notice->n_alterations),
               when, notice->n_alterations);
    }
  {
    g_autofree char *changes = ed_notice_changes_describe (&notice->changes);

    /* Translators: %s is "3 additions, 1 deletion and 2 amendments". */
    g_print (_("It made %s\n"), changes);
  }
  g_print ("%s\n%s\n", pdf_path, csv_path);
  return ED_COMMAND_EXIT_OK;
}

static int
register_revise (EdContext   *context,
                 const GDate *date,
                 const char  *out_dir,
                 gboolean     json)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) files_error = NULL;
  g_autofree char *when = NULL;
  EdReviseSummary summary;
  GError *error = NULL;
  EdJob *job;

  /* The same job as the window's: the revision, then its four files. */
  job = ed_register_revise_async (context, date, out_dir, NULL, ed_command_job_done, &result);
  ed_command_wait (job, &result);
  if (!ed_register_revise_finish (job, result, &summary, &files, &files_error, &error))
    return ed_command_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      const struct
      {
        const char *name;
        guint       value;
      } counts[] = {
        { "polling_districts", summary.n_parts },
        { "electors", summary.n_electors },
        { "renumbered", summary.n_renumbered },
        { "alterations", summary.n_alterations },
        { "added", summary.n_added },
        { "deleted", summary.n_deleted },
        { "left_pending", summary.n_left_pending },
      };

      json_builder_begin_object (builder);
      add_date (builder, "publication", date);
      for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
        {
          json_builder_set_member_name (builder, counts[i].name);
          json_builder_add_int_value (builder, counts[i].value);
        }
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);
      for (guint i = 0; i < files->len; i++)
        {
          g_autofree char *display = g_filename_display_name (g_ptr_array_index (files, i));

          json_builder_add_string_value (builder, display);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
    }
  else
    {
      when = ed_notice_format_date (date);
      g_print (_("Revised register of %s: %u electors in %u polling districts, %u renumbered\n"),
               when, summary.n_electors, summary.n_parts, summary.n_renumbered);
      g_print (_("Published %u alterations: %u added, %u deleted\n"), summary.n_alterations,
               summary.n_added, summary.n_deleted);
      if (summary.n_left_pending > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              "%u addition determined after the cut-off waits for the next "
                              "notice\n",
                              "%u additions determined after the cut-off wait for the next "
                              "notice\n",
                              summary.n_left_pending),
                 summary.n_left_pending);
      for (guint i = 0; i < files->len; i++)
        {
          g_autofree char *display = g_filename_display_name (g_ptr_array_index (files, i));

          g_print ("%s\n", display);
        }
    }

  if (files_error != NULL)
    {
      g_prefix_error_literal (&files_error,
                              _("The revised register is published, but not every file was "
                                "written: "));
      return ed_command_fail (g_steal_pointer (&files_error));
    }
  return ED_COMMAND_EXIT_OK;
}

/* argv[0] is "register", argv[1] "notice" or "revise". */
int
_ed_register_command_notice (const EdCommandGlobals  *globals,
                         int                  argc,
                         char               **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autofree char *command = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *areas_text = NULL;
  g_auto(GStrv) areas = NULL;
  gboolean interim = FALSE;
  gboolean preview = FALSE;
  gboolean publish = FALSE;
  gboolean optional = FALSE;
  gboolean before_date = FALSE;
  gboolean json = FALSE;
  gboolean revise;
  EdNoticeFlags flags;
  GError *error = NULL;
  GDate date;
  int status;
  const GOptionEntry notice_entries[] = {
    { "preview", 0, 0, G_OPTION_ARG_NONE, &preview,
      N_("Print the notice as it stands, without publishing it"), NULL },
    { "publish", 0, 0, G_OPTION_ARG_NONE, &publish,
      N_("Publish the notice: write it as PDF and CSV and stamp its alterations"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The notice's publication date (default: the next notice due)"), N_("DATE") },
    { "optional", 0, 0, G_OPTION_ARG_NONE, &optional,
      N_("Allow a notice in the months before the revised register, when none is due"), NULL },
    { "before-date", 0, 0, G_OPTION_ARG_NONE, &before_date,
      N_("With --publish: confirm publishing after the determination deadline but before the "
         "notice's date"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir,
      N_("With --publish: the folder to write the files into (default: the current folder)"),
      N_("DIR") },
    { "interim", 0, 0, G_OPTION_ARG_NONE, &interim,
      N_("An election's interim notice (section 13AB) of the day --date, listing what was "
         "determined by the day before in the polling districts of --areas only"), NULL },
    { "areas", 0, 0, G_OPTION_ARG_STRING, &areas_text,
      N_("With --interim: the codes of the polling districts the election covers, separated "
         "by commas"), N_("CODE,CODE…") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("With --preview: print JSON"), NULL },
    { NULL }
  };
  const GOptionEntry revise_entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day the revised register is published, usually 1 December"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir,
      N_("The folder to write the registers' files into, made if missing (default: "
         "Electoral Desk/Registers in your Documents folder, as in the window)"),
      N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_assert (argc >= 2);
  revise = g_str_equal (argv[1], "revise");
  command = g_strdup_printf ("register %s", argv[1]);
  argc--;
  argv++;

  if (revise)
    {
      option_context = g_option_context_new (NULL);
      g_option_context_set_summary (option_context,
                                    _("Publishes the revised register: every change determined "
                                      "by the day before it is published, and every polling "
                                      "district numbered afresh in street order, then Other "
                                      "electors, then anonymous entries, without suffixes. "
                                      "Then writes the full and open registers as "
                                      "register-full-DATE.pdf and .csv and "
                                      "register-open-DATE.pdf and .csv, as the window does."));
      g_option_context_add_main_entries (option_context, revise_entries, GETTEXT_PACKAGE);
    }
  else
    {
      option_context = g_option_context_new (NULL);
      g_option_context_set_summary (option_context,
                                    _("The monthly notice of alteration: every change determined "
                                      "by its determination deadline, per polling district. "
                                      "--preview prints it; --publish writes "
                                      "notice-YYYY-MM-DD.pdf and .csv and records it as "
                                      "published. With --interim, an election's interim "
                                      "notice for the polling districts of --areas only, "
                                      "written as interim-notice-YYYY-MM-DD.pdf and .csv."));
      g_option_context_add_main_entries (option_context, notice_entries, GETTEXT_PACKAGE);
    }
  if (!ed_command_parse (option_context, command, &argc, &argv, &status))
    return status;

  if (argc != 1)
    return ed_command_usage (command, _("“%s” takes no arguments"), command);
  if (revise && date_text == NULL)
    return ed_command_usage (command, _("Usage: register revise --date DATE"));
  if (!revise && preview == publish)
    return ed_command_usage (command, _("Usage: register notice --preview|--publish "
                                     "[--date DATE] [--optional] [--before-date] [-o DIR]"));
  if (!revise && out_dir != NULL && !publish)
    return ed_command_usage (command, _("-o is for --publish"));
  if (!revise && before_date && !publish)
    return ed_command_usage (command, _("--before-date is for --publish"));
  if (!revise && areas_text != NULL && !interim)
    return ed_command_usage (command, _("--areas is for --interim"));
  if (!revise && interim)
    {
      if (optional)
        return ed_command_usage (command, _("--optional is for monthly notices, not --interim"));
      if (date_text == NULL || areas_text == NULL)
        return ed_command_usage (command, _("Usage: register notice --preview|--publish "
                                            "--interim --date DATE --areas CODE,CODE… "
                                            "[--before-date] [-o DIR]"));
      areas = g_strsplit (areas_text, ",", -1);
      for (guint i = 0; areas[i] != NULL; i++)
        {
          g_strstrip (areas[i]);
          if (areas[i][0] == '\0')
            return ed_command_usage (command, _("--areas names an empty polling district "
                                                "code: give codes separated by commas, such "
                                                "as AA,AB"));
        }
    }

  g_date_clear (&date, 1);
  if (date_text != NULL && !ed_date_parse_iso (date_text, &date, &error))
    return ed_command_fail (error);

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);

  if (revise)
    {
      g_autofree char *folder = out_dir != NULL ? g_strdup (out_dir)
                                                : ed_register_revise_default_folder ();

      return register_revise (context, &date, folder, json);
    }

  if (date_text == NULL && !default_notice_date (context, optional, &date, &error))
    return ed_command_fail (error);
  flags = (optional ? ED_NOTICE_FLAGS_OPTIONAL : 0) |
          (before_date ? ED_NOTICE_FLAGS_BEFORE_DATE : 0);
  if (preview)
    return notice_preview (context, &date, (const char * const *)areas, flags, json);
  return notice_publish (context, &date, (const char * const *)areas, flags,
                         out_dir != NULL ? out_dir : ".");
}
