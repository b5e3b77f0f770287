/* test-settings-form.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ed-gui-test-util.h"
#include "staff/ed-staff-person.h"
#include "ui/ed-settings-form.h"
#include "ui/widgets/ed-field-error.h"

static void
test_blank_form_needs_a_name (void)
{
  EdSettingsForm *form = g_object_ref_sink (ed_settings_form_new_blank ());
  GtkWidget *name_row = ed_gui_test_find (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW, "Council name");
  GtkWidget *phone_row = ed_gui_test_find (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW, "Public phone");
  g_autoptr(GHashTable) values = NULL;

  g_assert_nonnull (name_row);
  g_assert_false (ed_settings_form_is_valid (form));
  /* Empty in a fresh form: not yet shown as a mistake. */
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));

  /* Typed and then emptied: now it is. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "T");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  g_assert_false (ed_settings_form_is_valid (form));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Testbury District Council");
  g_assert_true (ed_settings_form_is_valid (form));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));

  /* A bad phone number is flagged as it is typed. */
  gtk_editable_set_text (GTK_EDITABLE (phone_row), "01632");
  g_assert_false (ed_settings_form_is_valid (form));
  g_assert_true (gtk_widget_has_css_class (phone_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (phone_row), "01632 960001");
  g_assert_true (ed_settings_form_is_valid (form));

  values = ed_settings_form_collect (form);
  g_assert_cmpstr (g_hash_table_lookup (values, "council-name"), ==, "Testbury District Council");
  g_assert_cmpstr (g_hash_table_lookup (values, "country"), ==, "england");
  g_assert_cmpstr (g_hash_table_lookup (values, "welsh-language"), ==, "false");
  g_object_unref (form);
}

static void
test_bound_form_applies_one_field (void)
{
  g_autoptr(EdContext) context = ed_gui_test_demo_context (200);
  EdDistrictSettings *settings = ed_context_get_settings (context);
  EdSettingsForm *form = g_object_ref_sink (ed_settings_form_new_for_settings (settings));
  GtkWidget *name_row = ed_gui_test_find (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW, "Council name");
  GtkWidget *email_row = ed_gui_test_find (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW, "Public email");
  g_autofree char *old_email = g_strdup (ed_district_settings_get (settings, "email"));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==,
                   ed_district_settings_get_council_name (settings));
  g_assert_false (ed_settings_form_has_unsaved_changes (form));

  /* Typing alone saves nothing... */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Borough of Testing");
  g_assert_true (ed_settings_form_has_unsaved_changes (form));
  g_assert_cmpstr (ed_district_settings_get_council_name (settings), !=, "Borough of Testing");

  /* ...applying does. */
  g_signal_emit_by_name (name_row, "apply");
  g_assert_cmpstr (ed_district_settings_get_council_name (settings), ==, "Borough of Testing");
  g_assert_false (ed_settings_form_has_unsaved_changes (form));

  /* An invalid value is refused, stays as typed and is still unsaved. */
  gtk_editable_set_text (GTK_EDITABLE (email_row), "nobody");
  g_signal_emit_by_name (email_row, "apply");
  g_assert_cmpstr (ed_district_settings_get (settings, "email"), ==, old_email);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email_row)), ==, "nobody");
  g_assert_true (ed_settings_form_has_unsaved_changes (form));

  g_object_unref (form);
}

static void
test_welsh_switch_follows_country (void)
{
  g_autoptr(EdContext) context = ed_gui_test_demo_context (200);
  EdDistrictSettings *settings = ed_context_get_settings (context);
  EdSettingsForm *form = g_object_ref_sink (ed_settings_form_new_for_settings (settings));
  GtkWidget *welsh_row = ed_gui_test_find (GTK_WIDGET (form), ADW_TYPE_ACTION_ROW,
                                           "Welsh-language mode");
  GtkWidget *country_row = ed_gui_test_find (GTK_WIDGET (form), ADW_TYPE_COMBO_ROW, "Country");

  /* The Welsh qualifying foreign citizen's letter (DOMAIN.md §1.2, [U]) only for Wales. */
  GtkWidget *letter_row = ed_gui_test_find (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW,
                                            "Qualifying foreign citizen marker");

  g_assert_false (gtk_widget_get_sensitive (welsh_row));
  g_assert_false (gtk_widget_get_visible (letter_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (country_row), 1);   /* Wales */
  g_assert_cmpint (ed_district_settings_get_country (settings), ==, ED_COUNTRY_WALES);
  g_assert_true (gtk_widget_get_sensitive (welsh_row));
  g_assert_true (gtk_widget_get_visible (letter_row));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (letter_row)), ==, "W");
  gtk_editable_set_text (GTK_EDITABLE (letter_row), "q");
  g_signal_emit_by_name (letter_row, "apply");
  g_assert_cmpstr (ed_district_settings_get_welsh_marker_letter (settings), ==, "Q");
  gtk_editable_set_text (GTK_EDITABLE (letter_row), "F");
  g_signal_emit_by_name (letter_row, "apply");
  g_assert_cmpstr (ed_district_settings_get_welsh_marker_letter (settings), ==, "Q");
  g_object_unref (form);
}

/* The station thresholds (DOMAIN.md §3.4) are in Preferences, empty for the guidance, and
 * not in the new-district dialog's blank form. */
static void
test_station_thresholds (void)
{
  g_autoptr(EdContext) context = ed_gui_test_demo_context (200);
  EdDistrictSettings *settings = ed_context_get_settings (context);
  EdSettingsForm *blank = g_object_ref_sink (ed_settings_form_new_blank ());
  EdSettingsForm *form = g_object_ref_sink (ed_settings_form_new_for_settings (settings));
  GtkWidget *maximum_row = ed_gui_test_find (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW,
                                             "Most electors per polling station");
  GtkWidget *clerks_row = ed_gui_test_find (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW,
                                            "Most electors for two poll clerks");

  g_assert_null (ed_gui_test_find (GTK_WIDGET (blank), ADW_TYPE_ENTRY_ROW,
                                   "Most electors per polling station"));
  g_assert_nonnull (maximum_row);
  g_assert_nonnull (clerks_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (maximum_row)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (maximum_row), "2,000");
  g_assert_null (ed_field_error_get (maximum_row));
  g_signal_emit_by_name (maximum_row, "apply");
  g_assert_cmpuint (ed_district_settings_get_station_maximum_electors (settings), ==, 2000);
  g_assert_false (ed_settings_form_has_unsaved_changes (form));

  gtk_editable_set_text (GTK_EDITABLE (clerks_row), "lots");
  g_assert_nonnull (ed_field_error_get (clerks_row));
  /* Crossing the maximum is refused on saving. */
  gtk_editable_set_text (GTK_EDITABLE (clerks_row), "2500");
  g_assert_null (ed_field_error_get (clerks_row));
  g_signal_emit_by_name (clerks_row, "apply");
  g_assert_cmpuint (ed_district_settings_get_station_two_clerks_electors (settings), ==, 1250);
  g_assert_true (ed_settings_form_has_unsaved_changes (form));

  g_object_unref (form);
  g_object_unref (blank);
}

/* How long casual staff are kept (issue 16, item 1) is in Preferences, empty for four years,
 * and not in the new-district dialog; the Staff page's retention list follows it. */
static void
test_staff_retention (void)
{
  g_autoptr(EdContext) context = ed_gui_test_demo_context (200);
  EdDistrictSettings *settings = ed_context_get_settings (context);
  EdSettingsForm *blank = g_object_ref_sink (ed_settings_form_new_blank ());
  EdSettingsForm *form = g_object_ref_sink (ed_settings_form_new_for_settings (settings));
  GtkWidget *years_row = ed_gui_test_find (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW,
                                           "Years to keep casual staff");

  g_assert_null (ed_gui_test_find (GTK_WIDGET (blank), ADW_TYPE_ENTRY_ROW,
                                   "Years to keep casual staff"));
  g_assert_nonnull (years_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (years_row)), ==, "");
  g_assert_cmpuint (ed_staff_retention_years (context), ==, 4);

  gtk_editable_set_text (GTK_EDITABLE (years_row), "six");
  g_assert_nonnull (ed_field_error_get (years_row));
  gtk_editable_set_text (GTK_EDITABLE (years_row), "6");
  g_assert_null (ed_field_error_get (years_row));
  g_signal_emit_by_name (years_row, "apply");
  g_assert_cmpuint (ed_staff_retention_years (context), ==, 6);
  g_assert_false (ed_settings_form_has_unsaved_changes (form));

  g_object_unref (form);
  g_object_unref (blank);
}

/* A field's error is shown as on every form: under the row, and said with it. */
static void
test_error_under_row (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  EdSettingsForm *form = ed_settings_form_new_blank ();
  GtkWidget *phone_row = ed_gui_test_find (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW, "Public phone");
  GtkWidget *message;
  const char *error;

  gtk_window_set_child (window, GTK_WIDGET (form));
  gtk_window_present (window);
  ed_gui_test_iterate ();

  gtk_editable_set_text (GTK_EDITABLE (phone_row), "01632");
  error = ed_field_error_get (phone_row);
  g_assert_nonnull (error);
  message = gtk_widget_get_next_sibling (phone_row);
  g_assert_true (ADW_IS_ACTION_ROW (message));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message)), ==, error);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (phone_row),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error);

  gtk_editable_set_text (GTK_EDITABLE (phone_row), "01632 960001");
  g_assert_null (ed_field_error_get (phone_row));
  g_assert_false (gtk_widget_get_visible (message));
  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  ed_gui_test_init (&argc, &argv);

  g_test_add_func ("/ui/settings-form/blank-needs-a-name", test_blank_form_needs_a_name);
  g_test_add_func ("/ui/settings-form/bound-applies-one-field", test_bound_form_applies_one_field);
  g_test_add_func ("/ui/settings-form/welsh-follows-country", test_welsh_switch_follows_country);
  g_test_add_func ("/ui/settings-form/error-under-row", test_error_under_row);
  g_test_add_func ("/ui/settings-form/station-thresholds", test_station_thresholds);
  g_test_add_func ("/ui/settings-form/staff-retention", test_staff_retention);

  return g_test_run ();
}
