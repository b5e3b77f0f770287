/* ed-review-pane.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The review workspace of the Polling Stations page: a review of polling districts and
 * places (DOMAIN.md §3.2, §3.3) with what the law asks of it and whether it is done, the
 * dates of its steps, the representations made and the council's responses, a proposal per
 * district, and its notice and committee report saved as PDF. */

#define G_LOG_DOMAIN "ed-ui-stations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "core/ed-today.h"
#include "register/ed-register-search.h"
#include "stations/ed-polling-place.h"
#include "stations/ed-review-document.h"
#include "stations/ed-review-rules.h"
#include "stations/ed-station-review.h"
#include "ui/ed-accessible.h"
#include "ui/stations/ed-review-pane.h"
#include "ui/widgets/ed-date-row.h"
#include "ui/widgets/ed-field-error.h"
#include "ui/widgets/ed-list-placeholder.h"

struct _EdReviewPane
{
  AdwBin      parent_instance;

  EdContext  *context;
  GPtrArray  *reviews;          /* EdStationReview, in the combo's order */
  char       *review_id;        /* the one shown */
  char       *output_folder;
  gboolean    loading;
  GtkWidget  *step_rows[ED_N_REVIEW_STEPS];

  GtkWidget  *toasts;
  GtkWidget  *stack;
  GtkWidget  *none_page;
  GtkWidget  *review_group;
  GtkWidget  *review_row;
  GtkWidget  *checklist_list;
  GtkWidget  *steps_group;
  GtkWidget  *representations_list;
  GtkWidget  *proposals_list;
  GtkWidget  *saved_label;
};

G_DEFINE_FINAL_TYPE (EdReviewPane, ed_review_pane, ADW_TYPE_BIN)

static void
toast (EdReviewPane *self,
       const char   *message)
{
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), adw_toast_new (message));
}

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static char *
format_date (const GDate *date)
{
  return g_date_valid (date) ? ed_date_format_long (date) : g_strdup ("");
}

static const EdStationReview *
current_review (EdReviewPane *self)
{
  for (guint i = 0; self->reviews != NULL && i < self->reviews->len; i++)
    {
      EdStationReview *review = g_ptr_array_index (self->reviews, i);

      if (g_strcmp0 (review->id, self->review_id) == 0)
        return review;
    }
  return NULL;
}

/* What the law asks ----------------------------------------------------------------------- */

static void
show_checklist (EdReviewPane          *self,
                const EdStationReview *review)
{
  g_autoptr(GPtrArray) checks = NULL;
  GDate today;

  clear_list (self->checklist_list);
  ed_today (&today);
  checks = ed_review_checklist (&review->dates, &today);
  for (guint i = 0; i < checks->len; i++)
    {
      EdReviewCheck *check = g_ptr_array_index (checks, i);
      g_autofree char *deadline = format_date (&check->deadline);
      g_autofree char *state = NULL;
      const char *icon = NULL;
      const char *css = NULL;
      GtkWidget *row;
      GtkWidget *image;

      switch (check->state)
        {
        case ED_REVIEW_CHECK_DONE:
          state = g_strdup (_("Done"));
          icon = "emblem-ok-symbolic";
          css = "success";
          break;
        case ED_REVIEW_CHECK_LATE:
          /* Translators: %s is the date a step of a review was due */
          state = *deadline != '\0' ? g_strdup_printf (_("Late: due by %s"), deadline)
                                    : g_strdup (_("Late"));
          icon = "dialog-warning-symbolic";
          css = "error";
          break;
        case ED_REVIEW_CHECK_WAITING:
          state = g_strdup (_("Waiting for an earlier step"));
          icon = "content-loading-symbolic";
          break;
        case ED_REVIEW_CHECK_TO_DO:
        default:
          /* Translators: %s is the date a step of a review is due */
          state = *deadline != '\0' ? g_strdup_printf (_("To do by %s"), deadline)
                                    : g_strdup (_("To do"));
          icon = "alarm-symbolic";
          css = "warning";
          break;
        }
      row = text_row (check->text, state);
      /* The state is said once, by the subtitle; the icon only shows it. */
      image = g_object_new (GTK_TYPE_IMAGE, "icon-name", icon,
                            "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
      if (css != NULL)
        gtk_widget_add_css_class (image, css);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
      gtk_list_box_append (GTK_LIST_BOX (self->checklist_list), row);
    }
}

/* The timetable ---------------------------------------------------------------------------- */

static void show_review (EdReviewPane *self);

static void
step_applied_cb (EdReviewPane *self,
                 EdDateRow    *row)
{
  EdReviewStep step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "step"));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  GDate date;

  if (self->review_id == NULL)
    return;
  if (*text != '\0' && !ed_date_row_get_date (row, &date, &error))
    {
      ed_field_error_show (GTK_WIDGET (row), error->message);
      return;
    }
  if (!ed_station_review_set_step (self->context, self->review_id, step,
                                   *text != '\0' ? &date : NULL, &error))
    {
      ed_field_error_show (GTK_WIDGET (row), error->message);
      return;
    }
  ed_field_error_show (GTK_WIDGET (row), NULL);
  ed_review_pane_reload (self);
}

static void
build_steps (EdReviewPane *self)
{
  for (guint i = 0; i < ED_N_REVIEW_STEPS; i++)
    {
      GtkWidget *row = ed_date_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ed_review_step_get_display_name (i));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "step", GUINT_TO_POINTER (i));
      g_signal_connect_swapped (row, "apply", G_CALLBACK (step_applied_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->steps_group), row);
      self->step_rows[i] = row;
    }
}

static void
show_steps (EdReviewPane          *self,
            const EdStationReview *review)
{
  for (guint i = 0; i < ED_N_REVIEW_STEPS; i++)
    {
      const GDate *date = &review->dates.steps[i];
      g_autofree char *text = g_date_valid (date) ? ed_date_format_iso (date) : g_strdup ("");
      GDate shown;

      /* A date half typed is kept; one that reads as the stored date is shown afresh. */
      if (gtk_widget_has_focus (self->step_rows[i]) ||
          (ed_date_row_get_date (ED_DATE_ROW (self->step_rows[i]), &shown, NULL) &&
           g_date_valid (date) && g_date_compare (&shown, date) == 0))
        continue;
      gtk_editable_set_text (GTK_EDITABLE (self->step_rows[i]), text);
      ed_field_error_show (self->step_rows[i], NULL);
    }
}

/* Representations and proposals ----------------------------------------------------------- */

static void
show_representations (EdReviewPane *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) representations = NULL;

  clear_list (self->representations_list);
  representations = ed_review_representation_list (self->context, self->review_id, &error);
  if (representations == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < representations->len; i++)
    {
      EdReviewRepresentation *representation = g_ptr_array_index (representations, i);
      g_autofree char *received = format_date (&representation->received_on);
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      const char *about = *representation->polling_district_code != '\0'
                            ? representation->polling_district_code
                            : representation->place_name;

      /* Translators: who made a representation, what they are, and when it came */
      title = g_strdup_printf (_("%s (%s), %s"), representation->from_whom,
                               ed_representation_kind_get_display_name (representation->kind),
                               received);
      if (*about != '\0')
        /* Translators: %s is the polling district or place a representation is about */
        g_string_append_printf (subtitle, _("About %s: "), about);
      g_string_append (subtitle, representation->body);
      g_string_append_c (subtitle, '\n');
      if (*representation->response != '\0')
        /* Translators: %s is the council's response to a representation */
        g_string_append_printf (subtitle, _("Response: %s"), representation->response);
      else
        g_string_append (subtitle, _("No response yet"));
      gtk_list_box_append (GTK_LIST_BOX (self->representations_list),
                           text_row (title, subtitle->str));
    }
}

static void
show_proposals (EdReviewPane *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) proposals = NULL;

  clear_list (self->proposals_list);
  proposals = ed_review_proposal_list (self->context, self->review_id, &error);
  if (proposals == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < proposals->len; i++)
    {
      EdReviewProposal *proposal = g_ptr_array_index (proposals, i);
      g_autofree char *title = NULL;

      if (proposal->action == ED_PROPOSAL_CHANGE && *proposal->proposed_place_name != '\0')
        /* Translators: a polling district's code, then the polling place proposed for it */
        title = g_strdup_printf (_("%s: move to %s"), proposal->polling_district_code,
                                 proposal->proposed_place_name);
      else
        /* Translators: a polling district's code, then "No change" or "Change" */
        title = g_strdup_printf (_("%s: %s"), proposal->polling_district_code,
                                 ed_proposal_action_get_display_name (proposal->action));
      gtk_list_box_append (GTK_LIST_BOX (self->proposals_list),
                           text_row (title, proposal->reason));
    }
}

static void
show_review (EdReviewPane *self)
{
  const EdStationReview *review = current_review (self);
  g_autofree char *description = NULL;
  GDate first, last;

  if (review == NULL)
    return;
  if (review->dates.kind == ED_REVIEW_COMPULSORY &&
      g_date_valid (&review->dates.steps[ED_REVIEW_STEP_STARTED]) &&
      ed_review_window_containing (&review->dates.steps[ED_REVIEW_STEP_STARTED], &first, &last))
    {
      g_autofree char *from = ed_date_format_long (&first);
      g_autofree char *to = ed_date_format_long (&last);

      /* Translators: the first and last days of the window a compulsory review must start
       * and finish in */
      description = g_strdup_printf (_("A compulsory review must start and finish between %s "
                                       "and %s."), from, to);
    }
  else
    description = g_strdup (ed_review_kind_get_display_name (review->dates.kind));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->review_group),
                                         description);
  show_checklist (self, review);
  show_steps (self, review);
  show_representations (self);
  show_proposals (self);
}

/**
 * ed_review_pane_reload:
 * @self: the pane
 *
 * Reads the district's reviews afresh, keeping the one shown and any date being typed.
 */
void
ed_review_pane_reload (EdReviewPane *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint selected = 0;

  g_return_if_fail (ED_IS_REVIEW_PANE (self));

  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  if (self->context != NULL)
    self->reviews = ed_station_review_list (self->context, &error);
  if (self->reviews == NULL || self->reviews->len == 0)
    {
      GDate today, first, last;
      g_autofree char *from = NULL, *to = NULL, *text = NULL;

      if (error != NULL)
        g_warning ("The reviews cannot be read: %s", error->message);
      ed_today (&today);
      if (!ed_review_window_containing (&today, &first, &last))
        ed_review_window_next (&today, &first, &last);
      from = ed_date_format_long (&first);
      to = ed_date_format_long (&last);
      /* Translators: the first and last days of a compulsory review's window */
      text = g_strdup_printf (_("The council reviews its polling districts and places every "
                                "five years, starting and finishing between %s and %s this "
                                "time, and may review them at any other time."), from, to);
      adw_status_page_set_description (ADW_STATUS_PAGE (self->none_page), text);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "none");
      g_clear_pointer (&self->review_id, g_free);
      return;
    }

  /* The latest started unless one was chosen. */
  if (current_review (self) == NULL)
    {
      g_free (self->review_id);
      self->review_id = g_strdup (((EdStationReview *)
                                   g_ptr_array_index (self->reviews,
                                                      self->reviews->len - 1))->id);
    }
  for (guint i = 0; i < self->reviews->len; i++)
    {
      EdStationReview *review = g_ptr_array_index (self->reviews, i);

      gtk_string_list_append (titles, review->title);
      if (g_str_equal (review->id, self->review_id))
        selected = i;
    }
  self->loading = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->review_row), G_LIST_MODEL (titles));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->review_row), selected);
  self->loading = FALSE;
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "review");
  show_review (self);
}

static void
review_selected_cb (EdReviewPane *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->review_row));

  if (self->loading || self->reviews == NULL || selected >= self->reviews->len)
    return;
  g_free (self->review_id);
  self->review_id = g_strdup (((EdStationReview *)g_ptr_array_index (self->reviews,
                                                                     selected))->id);
  show_review (self);
}

/* Dialogs ---------------------------------------------------------------------------------- */

/* A small form in a message dialog: a boxed list of rows, and a callback on its main
 * response. */
typedef void (*FormDone) (EdReviewPane *self,
                          gpointer      form);

typedef struct
{
  EdReviewPane     *self;
  AdwMessageDialog *dialog;
  GtkWidget        *list;
  FormDone          done;
  gpointer          form;
  GDestroyNotify    form_free;
} Form;

static void
form_free (gpointer  data,
           GClosure *closure)
{
  Form *form = data;

  g_object_unref (form->self);
  if (form->form_free != NULL)
    form->form_free (form->form);
  g_free (form);
}

static void
form_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  Form             *form)
{
  if (g_str_equal (response, "ok"))
    form->done (form->self, form->form);
}

static Form *
form_new (EdReviewPane *self,
          const char   *heading,
          const char   *ok_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  Form *form = g_new0 (Form, 1);

  form->self = g_object_ref (self);
  form->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (form->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (form->list, "boxed-list");
  form->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root)
                                                               ? GTK_WINDOW (root) : NULL,
                                                             heading, NULL));
  adw_message_dialog_set_extra_child (form->dialog, form->list);
  adw_message_dialog_add_responses (form->dialog, "cancel", _("_Cancel"), "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (form->dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (form->dialog, "cancel");
  return form;
}

static void
form_show (Form *form)
{
  g_signal_connect_data (form->dialog, "response", G_CALLBACK (form_response_cb), form,
                         form_free, 0);
  ed_accessible_name_buttons (GTK_WIDGET (form->dialog));
  gtk_window_present (GTK_WINDOW (form->dialog));
}

static GtkWidget *
form_entry (Form       *form,
            const char *title,
            const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (form->list), row);
  return row;
}

static GtkWidget *
form_date (Form        *form,
           const char  *title,
           const GDate *date)
{
  GtkWidget *row = ed_date_row_new ();
  g_autofree char *text = ed_date_format_iso (date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (GTK_LIST_BOX (form->list), row);
  return row;
}

static GtkWidget *
form_combo (Form          *form,
            const char    *title,
            GtkStringList *choices)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  gtk_list_box_append (GTK_LIST_BOX (form->list), row);
  return row;
}

/* The districts as "AA Abbey" after a first choice of @none, with their codes in @codes. */
static GtkStringList *
district_choices (EdReviewPane *self,
                  const char   *none,
                  GPtrArray    *codes)
{
  GtkStringList *choices = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) districts = ed_register_polling_districts (self->context, NULL);

  if (none != NULL)
    {
      gtk_string_list_append (choices, none);
      g_ptr_array_add (codes, g_strdup (""));
    }
  for (guint i = 0; districts != NULL && i < districts->len; i++)
    {
      EdPollingDistrictRef *district = g_ptr_array_index (districts, i);
      g_autofree char *label = g_strdup_printf ("%s %s", district->code, district->name);

      gtk_string_list_append (choices, label);
      g_ptr_array_add (codes, g_strdup (district->code));
    }
  return choices;
}

static GtkStringList *
place_choices (EdReviewPane *self,
               const char   *none,
               GPtrArray    *names)
{
  GtkStringList *choices = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) places = ed_place_list (self->context, NULL);

  gtk_string_list_append (choices, none);
  g_ptr_array_add (names, g_strdup (""));
  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      EdPlaceSummary *place = g_ptr_array_index (places, i);

      gtk_string_list_append (choices, place->name);
      g_ptr_array_add (names, g_strdup (place->name));
    }
  return choices;
}

static const char *
chosen (GtkWidget *combo,
        GPtrArray *values)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (combo));

  return selected < values->len ? g_ptr_array_index (values, selected) : "";
}

/* Starting a review */

typedef struct
{
  GtkWidget *kind;
  GtkWidget *title;
  GtkWidget *started;
} StartForm;

static void
start_done (EdReviewPane *self,
            gpointer      data)
{
  StartForm *form = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (form->kind));
  GDate started;

  if (!ed_date_row_get_date (ED_DATE_ROW (form->started), &started, &error))
    {
      toast (self, error->message);
      return;
    }
  id = ed_station_review_start (self->context,
                                kind < ED_N_REVIEW_KINDS ? kind : ED_REVIEW_INTERIM,
                                gtk_editable_get_text (GTK_EDITABLE (form->title)), &started,
                                &error);
  if (id == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_free (self->review_id);
  self->review_id = g_steal_pointer (&id);
  ed_review_pane_reload (self);
}

static void
start_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EdReviewPane *self = ED_REVIEW_PANE (widget);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  StartForm *fields = g_new0 (StartForm, 1);
  Form *form;
  GDate today, first, last;
  g_autofree char *title = NULL;

  if (self->context == NULL)
    {
      g_free (fields);
      return;
    }
  ed_today (&today);
  for (guint i = 0; i < ED_N_REVIEW_KINDS; i++)
    gtk_string_list_append (kinds, ed_review_kind_get_display_name (i));
  form = form_new (self, _("Start Review"), _("_Start"));
  fields->kind = form_combo (form, _("Kind"), kinds);
  if (!ed_review_window_containing (&today, &first, &last))
    adw_combo_row_set_selected (ADW_COMBO_ROW (fields->kind), ED_REVIEW_INTERIM);
  /* Translators: the title a new review is given to start with; %d is the year */
  title = g_strdup_printf (_("Review of polling districts and places %d"),
                           (int)g_date_get_year (&today));
  fields->title = form_entry (form, _("Title"), title);
  fields->started = form_date (form, _("Started on"), &today);
  form->done = start_done;
  form->form = fields;
  form->form_free = g_free;
  form_show (form);
}

/* Recording a representation */

typedef struct
{
  GtkWidget *from;
  GtkWidget *kind;
  GtkWidget *received;
  GtkWidget *district;
  GtkWidget *place;
  GtkWidget *body;
  GtkWidget *response;
  GPtrArray *district_codes;
  GPtrArray *place_names;
} RepresentationForm;

static void
representation_form_free (gpointer data)
{
  RepresentationForm *form = data;

  g_ptr_array_unref (form->district_codes);
  g_ptr_array_unref (form->place_names);
  g_free (form);
}

static void
representation_done (EdReviewPane *self,
                     gpointer      data)
{
  RepresentationForm *form = data;
  g_autoptr(EdReviewRepresentation) representation = g_new0 (EdReviewRepresentation, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (form->kind));

  if (!ed_date_row_get_date (ED_DATE_ROW (form->received), &representation->received_on,
                             &error))
    {
      toast (self, error->message);
      return;
    }
  representation->review = g_strdup (self->review_id);
  representation->from_whom = g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->from)));
  representation->kind = kind < ED_N_REPRESENTATION_KINDS ? kind : ED_REPRESENTATION_OTHER;
  representation->polling_district_code = g_strdup (chosen (form->district,
                                                            form->district_codes));
  representation->place_name = g_strdup (chosen (form->place, form->place_names));
  representation->body = g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->body)));
  representation->response = g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->response)));
  id = ed_review_representation_add (self->context, representation, &error);
  if (id == NULL)
    {
      toast (self, error->message);
      return;
    }
  ed_review_pane_reload (self);
}

static void
add_representation_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  EdReviewPane *self = ED_REVIEW_PANE (widget);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) districts = NULL;
  g_autoptr(GtkStringList) places = NULL;
  RepresentationForm *fields;
  Form *form;
  GDate today;

  if (self->context == NULL || self->review_id == NULL)
    return;
  fields = g_new0 (RepresentationForm, 1);
  fields->district_codes = g_ptr_array_new_with_free_func (g_free);
  fields->place_names = g_ptr_array_new_with_free_func (g_free);
  ed_today (&today);
  for (guint i = 0; i < ED_N_REPRESENTATION_KINDS; i++)
    gtk_string_list_append (kinds, ed_representation_kind_get_display_name (i));
  districts = district_choices (self, _("No district in particular"), fields->district_codes);
  places = place_choices (self, _("No place in particular"), fields->place_names);

  form = form_new (self, _("Add Representation"), _("_Add"));
  fields->from = form_entry (form, _("From"), NULL);
  fields->kind = form_combo (form, _("Who they are"), kinds);
  adw_combo_row_set_selected (ADW_COMBO_ROW (fields->kind), ED_REPRESENTATION_ELECTOR);
  fields->received = form_date (form, _("Received on"), &today);
  fields->district = form_combo (form, _("About polling district"), districts);
  fields->place = form_combo (form, _("About polling place"), places);
  fields->body = form_entry (form, _("What it says"), NULL);
  fields->response = form_entry (form, _("The council’s response"), NULL);
  form->done = representation_done;
  form->form = fields;
  form->form_free = representation_form_free;
  form_show (form);
}

/* Proposing for a district */

typedef struct
{
  GtkWidget *district;
  GtkWidget *action;
  GtkWidget *place;
  GtkWidget *reason;
  GPtrArray *district_codes;
  GPtrArray *place_names;
} ProposalForm;

static void
proposal_form_free (gpointer data)
{
  ProposalForm *form = data;

  g_ptr_array_unref (form->district_codes);
  g_ptr_array_unref (form->place_names);
  g_free (form);
}

static void
proposal_done (EdReviewPane *self,
               gpointer      data)
{
  ProposalForm *form = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint action = adw_combo_row_get_selected (ADW_COMBO_ROW (form->action));

  id = ed_review_proposal_set (self->context, self->review_id,
                               chosen (form->district, form->district_codes),
                               action < ED_N_PROPOSAL_ACTIONS ? action : ED_PROPOSAL_KEEP,
                               chosen (form->place, form->place_names),
                               gtk_editable_get_text (GTK_EDITABLE (form->reason)), &error);
  if (id == NULL)
    {
      toast (self, error->message);
      return;
    }
  ed_review_pane_reload (self);
}

static void
propose_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EdReviewPane *self = ED_REVIEW_PANE (widget);
  g_autoptr(GtkStringList) actions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) districts = NULL;
  g_autoptr(GtkStringList) places = NULL;
  ProposalForm *fields;
  Form *form;

  if (self->context == NULL || self->review_id == NULL)
    return;
  fields = g_new0 (ProposalForm, 1);
  fields->district_codes = g_ptr_array_new_with_free_func (g_free);
  fields->place_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ED_N_PROPOSAL_ACTIONS; i++)
    gtk_string_list_append (actions, ed_proposal_action_get_display_name (i));
  districts = district_choices (self, NULL, fields->district_codes);
  places = place_choices (self, _("Its present place"), fields->place_names);

  form = form_new (self, _("Propose for a District"), _("_Propose"));
  fields->district = form_combo (form, _("Polling district"), districts);
  fields->action = form_combo (form, _("Proposal"), actions);
  fields->place = form_combo (form, _("Polling place"), places);
  fields->reason = form_entry (form, _("Reason"), NULL);
  form->done = proposal_done;
  form->form = fields;
  form->form_free = proposal_form_free;
  form_show (form);
}

/* Documents -------------------------------------------------------------------------------- */

typedef struct
{
  EdReviewPane *self;
  char         *path;
} SaveJob;

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  SaveJob *job = data;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  if (ed_review_document_write_pdf_finish (ED_JOB (source), result, &n_pages, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Saved as %s"), job->path);

      gtk_label_set_text (GTK_LABEL (job->self->saved_label), text);
      gtk_widget_set_visible (job->self->saved_label, TRUE);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (job->self, error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (job->self), "review.save-notice", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (job->self), "review.save-report", TRUE);
  g_object_unref (job->self);
  g_free (job->path);
  g_free (job);
}

static void
save_document (EdReviewPane         *self,
               EdReviewDocumentKind  kind)
{
  const EdStationReview *review = current_review (self);
  g_autofree char *started = NULL;
  g_autofree char *name = NULL;
  SaveJob *job;

  if (review == NULL)
    return;
  if (g_mkdir_with_parents (self->output_folder, 0755) != 0)
    {
      g_autofree char *display = g_filename_display_name (self->output_folder);
      g_autofree char *message = g_strdup_printf (_("Could not create the folder “%s”: %s"),
                                                  display, g_strerror (errno));

      toast (self, message);
      return;
    }
  started = g_date_valid (&review->dates.steps[ED_REVIEW_STEP_STARTED])
              ? ed_date_format_iso (&review->dates.steps[ED_REVIEW_STEP_STARTED])
              : g_strdup ("");
  name = g_strdup_printf (kind == ED_REVIEW_DOCUMENT_REPORT
                            /* Translators: a file name; %s is the date the review started */
                            ? _("review-%s-committee-report.pdf")
                            /* Translators: a file name; %s is the date the review started */
                            : _("review-%s-notice.pdf"), started);
  job = g_new0 (SaveJob, 1);
  job->self = g_object_ref (self);
  job->path = g_build_filename (self->output_folder, name, NULL);
  gtk_widget_set_visible (self->saved_label, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save-notice", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save-report", FALSE);
  /* The job lives until save_done_cb () has run. */
  ed_review_document_write_pdf_async (self->context, kind, review->id, job->path, NULL,
                                      save_done_cb, job);
}

static void
save_notice_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  save_document (ED_REVIEW_PANE (widget), ED_REVIEW_DOCUMENT_NOTICE);
}

static void
save_report_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  save_document (ED_REVIEW_PANE (widget), ED_REVIEW_DOCUMENT_REPORT);
}

/* The pane ---------------------------------------------------------------------------------- */

void
ed_review_pane_set_context (EdReviewPane *self,
                            EdContext    *context)
{
  g_return_if_fail (ED_IS_REVIEW_PANE (self));

  g_set_object (&self->context, context);
  g_clear_pointer (&self->review_id, g_free);
  gtk_widget_set_visible (self->saved_label, FALSE);
  ed_review_pane_reload (self);
}

/**
 * ed_review_pane_set_output_folder:
 * @self: the pane
 * @folder: where the review's documents are saved
 */
void
ed_review_pane_set_output_folder (EdReviewPane *self,
                                  const char   *folder)
{
  g_return_if_fail (ED_IS_REVIEW_PANE (self));
  g_return_if_fail (folder != NULL);

  g_free (self->output_folder);
  self->output_folder = g_strdup (folder);
}

static void
ed_review_pane_dispose (GObject *object)
{
  EdReviewPane *self = ED_REVIEW_PANE (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  g_clear_pointer (&self->review_id, g_free);
  g_clear_pointer (&self->output_folder, g_free);

  G_OBJECT_CLASS (ed_review_pane_parent_class)->dispose (object);
}

static void
ed_review_pane_class_init (EdReviewPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_review_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/electoraldesk/ElectoralDesk/"
                                               "stations/ed-review-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, EdReviewPane, toasts);
  gtk_widget_class_bind_template_child (widget_class, EdReviewPane, stack);
  gtk_widget_class_bind_template_child (widget_class, EdReviewPane, none_page);
  gtk_widget_class_bind_template_child (widget_class, EdReviewPane, review_group);
  gtk_widget_class_bind_template_child (widget_class, EdReviewPane, review_row);
  gtk_widget_class_bind_template_child (widget_class, EdReviewPane, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, EdReviewPane, steps_group);
  gtk_widget_class_bind_template_child (widget_class, EdReviewPane, representations_list);
  gtk_widget_class_bind_template_child (widget_class, EdReviewPane, proposals_list);
  gtk_widget_class_bind_template_child (widget_class, EdReviewPane, saved_label);
  gtk_widget_class_bind_template_callback (widget_class, review_selected_cb);

  gtk_widget_class_install_action (widget_class, "review.start", NULL, start_action_cb);
  gtk_widget_class_install_action (widget_class, "review.add-representation", NULL,
                                   add_representation_action_cb);
  gtk_widget_class_install_action (widget_class, "review.propose", NULL, propose_action_cb);
  gtk_widget_class_install_action (widget_class, "review.save-notice", NULL,
                                   save_notice_action_cb);
  gtk_widget_class_install_action (widget_class, "review.save-report", NULL,
                                   save_report_action_cb);
}

static void
ed_review_pane_init (EdReviewPane *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  gtk_widget_init_template (GTK_WIDGET (self));
  build_steps (self);
  ed_list_box_set_placeholder_text (GTK_LIST_BOX (self->representations_list),
                   _("No representations recorded yet."));
  ed_list_box_set_placeholder_text (GTK_LIST_BOX (self->proposals_list),
                   _("No proposals yet: propose a change, or no change, for each district."));
  self->output_folder = g_build_filename (documents != NULL ? documents : g_get_home_dir (),
                                          _("Electoral Desk"), _("Reviews"), NULL);
  ed_accessible_name_buttons (GTK_WIDGET (self));
}
