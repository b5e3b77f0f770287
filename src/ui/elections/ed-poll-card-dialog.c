/* ed-poll-card-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The poll cards of one election, before they are printed: the pre-print check runs as the
 * dialog opens, and its findings, the cards each station gets and a preview of the first card
 * of each kind are shown with the options of the run. A final print over the check's errors
 * needs a reason, which the run records; a proof needs none. Whatever is saved is written by
 * a job the dialog shows with its progress and a Cancel button; a cancelled run leaves no
 * file. */

#define G_LOG_DOMAIN "ed-ui-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "elections/ed-election-electorate.h"
#include "elections/ed-poll-card-check.h"
#include "elections/ed-poll-card-data.h"
#include "elections/ed-poll-card-print.h"
#include "elections/ed-poll-card-render.h"
#include "elections/ed-poll-card-samples.h"
#include "ui/ed-accessible.h"
#include "ui/ed-job-page.h"
#include "ui/ed-number-format.h"
#include "ui/elections/ed-poll-card-dialog.h"

/* A preview's size on screen: the card's size in points, two side by side in the dialog's
 * width, large enough to read the small print. */
#define PREVIEW_SCALE 1.0

struct _EdPollCardDialog
{
  AdwWindow             parent_instance;

  EdContext            *context;
  EdElection           *election;
  EdPollCardCheck      *check;
  EdPollCardSamples    *samples;
  EdPollCardRenderer   *renderer;
  EdJob                *job;          /* the check or a save, while it runs */
  EdJob                *samples_job;
  GtkFileChooserNative *chooser;
  char                 *saving_path;
  gboolean              saving_data;
  gboolean              closed;       /* its widgets are going: jobs ending say nothing */

  EdJobPage            *job_page;
  GtkStack             *stack;
  AdwStatusPage        *failed_page;
  GtkWidget            *print_button;
  GtkWidget            *data_button;
  GtkWidget            *result_label;
  GtkWidget            *check_group;
  GtkWidget            *check_list;
  GtkWidget            *layout_row;
  GtkWidget            *order_row;
  GtkWidget            *proof_switch;
  GtkWidget            *override_row;
  GtkWidget            *override_label;
  GtkWidget            *previews_group;
  GtkWidget            *previews_spinner;
  GtkWidget            *previews_box;
  GtkWidget            *stations_grid;
};

G_DEFINE_FINAL_TYPE (EdPollCardDialog, ed_poll_card_dialog, ADW_TYPE_WINDOW)

static gboolean
is_proof (EdPollCardDialog *self)
{
  return gtk_switch_get_active (GTK_SWITCH (self->proof_switch));
}

static char *
typed_reason (EdPollCardDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->override_row))));
}

/* Print is refused over the check's errors until a reason is typed; a proof is not checked. */
static void
update_buttons (EdPollCardDialog *self)
{
  g_autofree char *reason = typed_reason (self);
  gboolean idle = self->check != NULL && self->job == NULL && self->chooser == NULL;
  gboolean errors = self->check != NULL && self->check->n_errors > 0;
  gboolean needs_reason = errors && !is_proof (self);
  const char *print_label = is_proof (self) ? _("Save _Proof…") : _("_Print…");

  gtk_widget_set_visible (self->override_row, needs_reason);
  gtk_widget_set_visible (self->override_label, needs_reason);
  if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (self->print_button)), print_label) != 0)
    {
      /* A new label names the button afresh; it is to be named by its label widget alone. */
      gtk_button_set_label (GTK_BUTTON (self->print_button), print_label);
      ed_accessible_name_buttons (gtk_widget_get_parent (self->print_button));
    }
  gtk_widget_set_sensitive (self->print_button, idle && (!needs_reason || *reason != '\0'));
  gtk_widget_set_sensitive (self->data_button, idle);
}

static void
proof_toggled_cb (EdPollCardDialog *self)
{
  update_buttons (self);
  if (self->samples != NULL)
    {
      /* The previews show what the run prints: proofs marked as such. */
      g_clear_pointer (&self->renderer, ed_poll_card_renderer_free);
      self->renderer = ed_poll_card_renderer_new (self->samples->setup, is_proof (self));
      for (GtkWidget *row = gtk_widget_get_first_child (self->previews_box); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
             child = gtk_widget_get_next_sibling (child))
          for (GtkWidget *area = gtk_widget_get_first_child (child); area != NULL;
               area = gtk_widget_get_next_sibling (area))
            if (GTK_IS_DRAWING_AREA (area))
              gtk_widget_queue_draw (area);
    }
}

static void
override_changed_cb (EdPollCardDialog *self)
{
  update_buttons (self);
}

static void
show_result (EdPollCardDialog *self,
             const char       *text,
             gboolean          failed)
{
  gtk_label_set_text (GTK_LABEL (self->result_label), text);
  gtk_widget_remove_css_class (self->result_label, failed ? "success" : "error");
  gtk_widget_add_css_class (self->result_label, failed ? "error" : "success");
  gtk_widget_set_visible (self->result_label, TRUE);
}

/* The report --------------------------------------------------------------------------------- */

static void
add_check_row (EdPollCardDialog          *self,
               const EdPollCardCheckItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  GString *subtitle = g_string_new (item->severity == ED_CHECK_ERROR ? _("Error")
                                                                      : _("Warning"));

  if (item->elector_number != NULL && *item->elector_number != '\0')
    /* Translators: %s is an elector number, "AV1-23" */
    g_string_append_printf (subtitle, " · %s", item->elector_number);
  if (item->station_code != NULL && *item->station_code != '\0')
    /* Translators: %s is a polling station's code */
    g_string_append_printf (subtitle, _(" · Station %s"), item->station_code);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->message);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  icon = gtk_image_new_from_icon_name (item->severity == ED_CHECK_ERROR
                                         ? "dialog-error-symbolic"
                                         : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, item->severity == ED_CHECK_ERROR ? "error" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (GTK_LIST_BOX (self->check_list), row);
  g_string_free (subtitle, TRUE);
}

static void
show_check_items (EdPollCardDialog *self)
{
  EdPollCardCheck *check = self->check;
  g_autofree char *description = NULL;

  if (check->n_errors == 0 && check->n_warnings == 0)
    description = g_strdup (_("No problems found: the cards can be printed."));
  else
    {
      g_autofree char *errors = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", check->n_errors),
        check->n_errors);
      g_autofree char *warnings = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", check->n_warnings),
        check->n_warnings);

      if (check->n_errors == 0)
        /* Translators: "5 warnings" */
        description = g_strdup_printf (_("%s: worth a look before the cards are printed."),
                                       warnings);
      else if (check->n_warnings == 0)
        /* Translators: "2 errors" */
        description = g_strdup_printf (_("%s: put right before the cards are printed, or "
                                         "printed over with a reason."), errors);
      else
        /* Translators: "2 errors and 5 warnings" */
        description = g_strdup_printf (_("%s and %s. Errors must be put right before the "
                                         "cards are printed, or printed over with a reason."),
                                       errors, warnings);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->check_group),
                                         description);
  /* Errors come first: the check lists them so. */
  for (guint i = 0; i < check->items->len; i++)
    add_check_row (self, g_ptr_array_index (check->items, i));
  gtk_widget_set_visible (self->check_list, check->items->len > 0);
}

static void
grid_cell (EdPollCardDialog *self,
           const char       *text,
           int               column,
           int               row,
           gboolean          number,
           const char       *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  if (!number)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, column == 1);
    }
  else
    gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (GTK_GRID (self->stations_grid), label, column, row, 1, 1);
}

static void
grid_counts (EdPollCardDialog *self,
             const guint64     cards[ED_N_POLL_CARD_VARIANTS],
             int               row,
             const char       *css_class)
{
  guint64 total = 0;

  for (guint v = 0; v < ED_N_POLL_CARD_VARIANTS; v++)
    {
      g_autofree char *n = ed_number_format_count ((guint)cards[v]);

      grid_cell (self, n, 2 + (int)v, row, TRUE, css_class);
      total += cards[v];
    }
  {
    g_autofree char *n = ed_number_format_count ((guint)total);

    grid_cell (self, n, 2 + ED_N_POLL_CARD_VARIANTS, row, TRUE, css_class);
  }
}

/* Station, place, then the cards of each variant and their total; a total row last. */
static void
show_stations (EdPollCardDialog *self)
{
  EdPollCardCheck *check = self->check;
  int row = 0;

  grid_cell (self, _("Station"), 0, row, FALSE, "heading");
  grid_cell (self, _("Place"), 1, row, FALSE, "heading");
  for (guint v = 0; v < ED_N_POLL_CARD_VARIANTS; v++)
    grid_cell (self, ed_electorate_way_get_display_name (v), 2 + (int)v, row, TRUE, "heading");
  grid_cell (self, _("Total"), 2 + ED_N_POLL_CARD_VARIANTS, row, TRUE, "heading");
  for (guint i = 0; i < check->stations->len; i++)
    {
      const EdPollCardCheckStation *station = g_ptr_array_index (check->stations, i);
      gboolean none = *station->code == '\0';

      row++;
      grid_cell (self, none ? _("None") : station->code, 0, row, FALSE,
                 none ? "warning" : NULL);
      grid_cell (self, none ? _("No polling station") : station->place_name, 1, row, FALSE,
                 none ? "warning" : NULL);
      grid_counts (self, station->cards, row, NULL);
    }
  row++;
  grid_cell (self, _("Total"), 0, row, FALSE, "heading");
  grid_counts (self, check->cards, row, "heading");
}

/* The previews ------------------------------------------------------------------------------- */

static void
draw_side (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  EdPollCardDialog *self = data;
  EdPollCardVariant variant = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "variant"));
  gboolean back = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "back"));
  double scale = MIN (width / ED_POLL_CARD_WIDTH, height / ED_POLL_CARD_HEIGHT);
  const EdPollCard *card;

  if (self->samples == NULL || self->renderer == NULL ||
      (card = self->samples->cards[variant]) == NULL)
    return;
  /* The card on white, as on card stock, with a hairline edge to show where it ends. */
  cairo_rectangle (cr, 0, 0, ED_POLL_CARD_WIDTH * scale, ED_POLL_CARD_HEIGHT * scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  if (back)
    ed_poll_card_draw_back (self->renderer, cr, card);
  else
    ed_poll_card_draw_front (self->renderer, cr, card);
  cairo_restore (cr);
}

static GtkWidget *
side_new (EdPollCardDialog  *self,
          EdPollCardVariant  variant,
          gboolean           back)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *caption = gtk_label_new (back ? _("Back") : _("Front"));
  /* Translators: a preview's name for a screen reader: "Postal poll card, front" */
  g_autofree char *name = g_strdup_printf (back ? _("%s, back") : _("%s, front"),
                                           ed_poll_card_variant_get_display_name (variant));

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area),
                                      (int)(ED_POLL_CARD_WIDTH * PREVIEW_SCALE));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                       (int)(ED_POLL_CARD_HEIGHT * PREVIEW_SCALE));
  g_object_set_data (G_OBJECT (area), "variant", GUINT_TO_POINTER (variant));
  g_object_set_data (G_OBJECT (area), "back", GUINT_TO_POINTER (back));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_side, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  gtk_box_append (GTK_BOX (box), area);
  gtk_box_append (GTK_BOX (box), caption);
  return box;
}

static void
show_previews (EdPollCardDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->previews_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->previews_box), child);
  g_clear_pointer (&self->renderer, ed_poll_card_renderer_free);
  self->renderer = ed_poll_card_renderer_new (self->samples->setup, is_proof (self));
  for (guint v = 0; v < ED_N_POLL_CARD_VARIANTS; v++)
    {
      GtkWidget *heading;
      GtkWidget *sides;

      if (self->samples->cards[v] == NULL)
        continue;
      heading = gtk_label_new (ed_poll_card_variant_get_display_name (v));
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
      gtk_box_append (GTK_BOX (sides), side_new (self, v, FALSE));
      gtk_box_append (GTK_BOX (sides), side_new (self, v, TRUE));
      gtk_box_append (GTK_BOX (self->previews_box), heading);
      gtk_box_append (GTK_BOX (self->previews_box), sides);
    }
  if (ed_poll_card_samples_count (self->samples) == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->previews_group),
                                           _("No elector is sent a card."));
}

static void
samples_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(EdPollCardDialog) self = data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->samples_job);
  if (self->closed)
    return;
  gtk_spinner_stop (GTK_SPINNER (self->previews_spinner));
  gtk_widget_set_visible (self->previews_spinner, FALSE);
  self->samples = ed_poll_card_samples_find_finish (ED_JOB (source), result, &error);
  if (self->samples == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->previews_group),
                                               error->message);
      return;
    }
  show_previews (self);
}

/* The check ---------------------------------------------------------------------------------- */

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(EdPollCardDialog) self = data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->job);
  self->check = ed_poll_card_check_run_finish (ED_JOB (source), result, &error);
  if (self->closed)
    return;
  if (self->check == NULL)
    {
      /* Cancel on the check's progress is closing the dialog. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_window_close (GTK_WINDOW (self));
          return;
        }
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return;
    }
  show_check_items (self);
  show_stations (self);
  gtk_stack_set_visible_child_name (self->stack, "report");
  update_buttons (self);
}

static void
start_check (EdPollCardDialog *self)
{
  EdJob *job;

  ed_job_page_set_title (self->job_page, _("Checking the Poll Cards…"));
  ed_job_page_set_description (self->job_page,
                               _("Every elector’s card is checked before it is printed."));
  gtk_stack_set_visible_child_name (self->stack, "progress");
  job = ed_poll_card_check_run_async (self->context, self->election, NULL, check_done_cb,
                                      g_object_ref (self));
  self->job = g_object_ref (job);
  ed_job_page_watch (self->job_page, job);

  gtk_widget_set_visible (self->previews_spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->previews_spinner));
  job = ed_poll_card_samples_find_async (self->context, self->election->id, NULL,
                                         samples_done_cb, g_object_ref (self));
  self->samples_job = g_object_ref (job);
}

/* Saving ------------------------------------------------------------------------------------- */

static void
save_done (EdPollCardDialog *self,
           gboolean          ok,
           guint64           n_cards,
           GError           *error)
{
  g_autofree char *path = g_steal_pointer (&self->saving_path);

  g_clear_object (&self->job);
  if (self->closed)
    return;
  gtk_stack_set_visible_child_name (self->stack, "report");
  if (ok)
    {
      g_autofree char *count = ed_number_format_count ((guint)n_cards);
      g_autofree char *name = g_filename_display_name (path);
      /* Translators: "Saved 1,840 cards as /home/…/poll-cards.pdf" */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Saved %s card as %s",
                                                            "Saved %s cards as %s",
                                                            (gulong)n_cards),
                                               count, name);

      show_result (self, text, FALSE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_result (self, _("Cancelled: no file was saved."), TRUE);
  else
    show_result (self, error->message, TRUE);
  update_buttons (self);
}

static void
pdf_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(EdPollCardDialog) self = data;
  g_autoptr(GError) error = NULL;
  guint64 n_cards = 0;
  gboolean ok = ed_poll_cards_write_pdf_finish (ED_JOB (source), result, &n_cards, &error);

  save_done (self, ok, n_cards, error);
}

static void
data_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(EdPollCardDialog) self = data;
  g_autoptr(GError) error = NULL;
  guint64 n_cards = 0;
  gboolean ok = ed_poll_cards_write_data_finish (ED_JOB (source), result, &n_cards, &error);

  save_done (self, ok, n_cards, error);
}

static void
watch_save (EdPollCardDialog *self,
            EdJob            *job,
            const char       *title)
{
  self->job = g_object_ref (job);
  ed_job_page_set_title (self->job_page, title);
  ed_job_page_set_description (self->job_page, _("Cancel leaves no file."));
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_visible (self->result_label, FALSE);
  ed_job_page_watch (self->job_page, job);
  update_buttons (self);
}

/**
 * ed_poll_card_dialog_save_pdf:
 * @self: the dialog
 * @path: the PDF to write
 *
 * Writes the cards with the options shown, a proof or the final print, as Print… and
 * Save Proof… do once a file is chosen; the dialog says how it went.
 */
void
ed_poll_card_dialog_save_pdf (EdPollCardDialog *self,
                              const char       *path)
{
  g_autofree char *reason = NULL;
  EdPollCardPrintOptions options;
  EdJob *job;

  g_return_if_fail (ED_IS_POLL_CARD_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->job != NULL || self->check == NULL)
    return;
  reason = typed_reason (self);
  ed_poll_card_print_options_init (&options);
  options.layout = adw_combo_row_get_selected (ADW_COMBO_ROW (self->layout_row));
  options.order = adw_combo_row_get_selected (ADW_COMBO_ROW (self->order_row));
  options.proof = is_proof (self);
  options.override_reason = options.proof ? NULL : reason;
  self->saving_path = g_strdup (path);
  self->saving_data = FALSE;
  job = ed_poll_cards_write_pdf_async (self->context, self->election, path, &options, NULL,
                                       pdf_done_cb, g_object_ref (self));
  watch_save (self, job, options.proof ? _("Drawing the Proofs…") : _("Drawing the Poll Cards…"));
}

/**
 * ed_poll_card_dialog_save_data:
 * @self: the dialog
 * @path: the CSV to write
 *
 * Writes the printer's data file in the order shown, as Save Printer’s Data… does.
 */
void
ed_poll_card_dialog_save_data (EdPollCardDialog *self,
                               const char       *path)
{
  EdJob *job;

  g_return_if_fail (ED_IS_POLL_CARD_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->job != NULL || self->check == NULL)
    return;
  self->saving_path = g_strdup (path);
  self->saving_data = TRUE;
  job = ed_poll_cards_write_data_async (self->context, self->election, path,
                                        adw_combo_row_get_selected (ADW_COMBO_ROW (self->order_row)),
                                        NULL, data_done_cb, g_object_ref (self));
  watch_save (self, job, _("Writing the Printer’s Data…"));
}

/**
 * ed_poll_card_dialog_is_busy:
 * @self: the dialog
 *
 * Returns: %TRUE while the check, the previews or a save are under way
 */
gboolean
ed_poll_card_dialog_is_busy (EdPollCardDialog *self)
{
  g_return_val_if_fail (ED_IS_POLL_CARD_DIALOG (self), FALSE);

  return self->job != NULL || self->samples_job != NULL;
}

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     EdPollCardDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  gboolean data = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "data"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  update_buttons (self);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_result (self, _("The cards can only be saved to a local file."), TRUE);
      return;
    }
  if (data)
    ed_poll_card_dialog_save_data (self, path);
  else
    ed_poll_card_dialog_save_pdf (self, path);
}

static void
choose_file (EdPollCardDialog *self,
             gboolean          data)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *title;

  if (self->chooser != NULL || self->job != NULL)
    return;
  if (data)
    {
      title = _("Save Printer’s Data");
      /* Translators: a file name; %s is the election's id */
      name = g_strdup_printf (_("poll-cards-%s.csv"), self->election->slug);
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      title = is_proof (self) ? _("Save Poll Card Proofs") : _("Print Poll Cards to PDF");
      /* Translators: a file name; %s is the election's id */
      name = g_strdup_printf (is_proof (self) ? _("poll-card-proofs-%s.pdf")
                                              : _("poll-cards-%s.pdf"), self->election->slug);
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data (G_OBJECT (self->chooser), "data", GUINT_TO_POINTER (data));
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  update_buttons (self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_clicked_cb (EdPollCardDialog *self)
{
  choose_file (self, FALSE);
}

static void
data_clicked_cb (EdPollCardDialog *self)
{
  choose_file (self, TRUE);
}

/* The dialog --------------------------------------------------------------------------------- */

static GListModel *
names_model (const char *(*display_name) (guint),
             guint         n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, display_name (i));
  return G_LIST_MODEL (list);
}

static gboolean
ed_poll_card_dialog_close_request (GtkWindow *window)
{
  EdPollCardDialog *self = ED_POLL_CARD_DIALOG (window);

  /* Closing is cancelling: a file is kept only once it is whole. */
  self->closed = TRUE;
  if (self->job != NULL)
    ed_job_cancel (self->job);
  if (self->samples_job != NULL)
    ed_job_cancel (self->samples_job);
  return GTK_WINDOW_CLASS (ed_poll_card_dialog_parent_class)->close_request (window);
}

static void
ed_poll_card_dialog_dispose (GObject *object)
{
  EdPollCardDialog *self = ED_POLL_CARD_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->job);
  g_clear_object (&self->samples_job);

  G_OBJECT_CLASS (ed_poll_card_dialog_parent_class)->dispose (object);
}

static void
ed_poll_card_dialog_finalize (GObject *object)
{
  EdPollCardDialog *self = ED_POLL_CARD_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->election, ed_election_free);
  g_clear_pointer (&self->check, ed_poll_card_check_free);
  g_clear_pointer (&self->renderer, ed_poll_card_renderer_free);
  g_clear_pointer (&self->samples, ed_poll_card_samples_free);
  g_free (self->saving_path);

  G_OBJECT_CLASS (ed_poll_card_dialog_parent_class)->finalize (object);
}

static void
ed_poll_card_dialog_class_init (EdPollCardDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ed_poll_card_dialog_dispose;
  object_class->finalize = ed_poll_card_dialog_finalize;
  window_class->close_request = ed_poll_card_dialog_close_request;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/elections/ed-poll-card-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, data_button);
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, check_group);
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, check_list);
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, layout_row);
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, order_row);
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, proof_switch);
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, override_row);
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, override_label);
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, previews_group);
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, previews_spinner);
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, previews_box);
  gtk_widget_class_bind_template_child (widget_class, EdPollCardDialog, stations_grid);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, data_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, proof_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, override_changed_cb);
}

static void
ed_poll_card_dialog_init (EdPollCardDialog *self)
{
  g_autoptr(GListModel) layouts = NULL;
  g_autoptr(GListModel) orders = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->job_page = ED_JOB_PAGE (ed_job_page_new (_("Checking the Poll Cards…"),
                                                 _("Progress of the poll cards")));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->job_page), "progress");
  layouts = names_model ((const char *(*) (guint))ed_poll_card_layout_get_display_name,
                         ED_N_POLL_CARD_LAYOUTS);
  orders = names_model ((const char *(*) (guint))ed_poll_card_order_get_display_name,
                        ED_N_POLL_CARD_ORDERS);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->layout_row), layouts);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->order_row), orders);
  ed_accessible_name_buttons (GTK_WIDGET (self));
}

/**
 * ed_poll_card_dialog_new:
 * @context: the district
 * @election: the poll whose cards are printed (a copy is kept)
 *
 * Returns: (transfer floating): the dialog, its check already running
 */
GtkWidget *
ed_poll_card_dialog_new (EdContext  *context,
                         EdElection *election)
{
  EdPollCardDialog *self;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  self = g_object_new (ED_TYPE_POLL_CARD_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->election = ed_election_load (context, election->id, NULL);
  if (self->election == NULL)
    {
      adw_status_page_set_description (self->failed_page, _("The election cannot be read."));
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return GTK_WIDGET (self);
    }
  start_check (self);
  return GTK_WIDGET (self);
}
