/* ed-sync-describe.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "district/ed-district-settings.h"
#include "register/ed-elector-edit.h"
#include "sync/ed-sync-status.h"
#include "ui/sync/ed-sync-describe.h"

/* What the Sync page says of a record, a field, a value, a time and a desk, in the words a
 * person uses: the elector's name and number rather than a table and a row id. */

#define ELECTOR_TABLE "elector"
#define PROPERTY_TABLE "property"
#define DISTRICT_TABLE "district"

static const struct
{
  const char *table;
  const char *label;
} table_labels[] = {
  { "polling_district", N_("Polling district") },
  { "electoral_area", N_("Ward or division") },
  { "parish", N_("Parish") },
  { "register_notice", N_("Notice of alteration") },
  { "register_alteration", N_("Alteration to the register") },
  { "register_supply", N_("Supply of the register") },
};

/* A table the page has no words for is still named, not by its id: "polling_district"
 * reads "Polling district". */
static char *
humanise (const char *id)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (id), "_-", ' ');
  g_autofree char *first = g_utf8_strup (spaced, g_utf8_next_char (spaced) - spaced);

  return g_strconcat (first, g_utf8_next_char (spaced), NULL);
}

static char *
describe_elector (EdContext  *context,
                  const char *row_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElectorEdit) elector = ed_elector_edit_load (context, row_id, &error);
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;

  if (elector == NULL)
    return g_strdup (_("An elector no longer in the register"));
  number = ed_elector_number_format (&elector->number);
  name = g_strstrip (g_strdup_printf ("%s %s", elector->forenames, elector->surname));
  /* Translators: an elector's name and elector number, such as "Jane Smith (AB124)" */
  return g_strdup_printf (_("%s (%s)"), name, number);
}

/**
 * ed_sync_describe_record:
 * @context: the district
 * @table: a synced table
 * @row_id: a row of it
 *
 * Returns: (transfer full): the record for a person: an elector's name and number, an
 *   address, the district's settings
 */
char *
ed_sync_describe_record (EdContext  *context,
                         const char *table,
                         const char *row_id)
{
  if (g_strcmp0 (table, ELECTOR_TABLE) == 0)
    return describe_elector (context, row_id);
  if (g_strcmp0 (table, PROPERTY_TABLE) == 0)
    {
      g_autofree char *address = ed_elector_edit_address_text (context, row_id, NULL);

      if (address != NULL && address[0] != '\0')
        return g_strdup_printf (_("The address %s"), address);
      return g_strdup (_("An address no longer in the register"));
    }
  if (g_strcmp0 (table, DISTRICT_TABLE) == 0)
    return g_strdup (_("The district’s settings"));
  for (guint i = 0; i < G_N_ELEMENTS (table_labels); i++)
    if (g_str_equal (table_labels[i].table, table))
      return g_strdup (_(table_labels[i].label));
  return humanise (table);
}

/**
 * ed_sync_describe_field:
 * @table: a synced table
 * @column: one of its columns
 *
 * Returns: (transfer full): the field's name as its form shows it
 */
char *
ed_sync_describe_field (const char *table,
                        const char *column)
{
  if (g_strcmp0 (table, ELECTOR_TABLE) == 0)
    {
      const char *label = ed_elector_field_get_display_name (column);

      if (label != column)
        return g_strdup (label);
    }
  if (g_strcmp0 (table, DISTRICT_TABLE) == 0)
    {
      guint n_keys;
      const EdSettingInfo *keys = ed_district_settings_get_keys (&n_keys);

      for (guint i = 0; i < n_keys; i++)
        if (g_strcmp0 (keys[i].column, column) == 0)
          return g_strdup (_(keys[i].label));
    }
  return humanise (column);
}

/**
 * ed_sync_describe_value:
 * @head: one competing version
 *
 * Returns: (transfer full): its value as a person reads it, in quotes, or what it does to
 *   the record
 */
char *
ed_sync_describe_value (const EdConflictHead *head)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autofree char *display = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *line = NULL;
  EdValueType type;

  switch (head->kind)
    {
    case ED_OP_DEL:
      return g_strdup (_("Deleted"));
    case ED_OP_RESTORE:
      return g_strdup (_("Restored"));
    case ED_OP_INS:
      if (head->value_json != NULL && g_str_has_prefix (head->value_json, "{"))
        return g_strdup (_("As it was created"));
      break;
    case ED_OP_SET:
    default:
      break;
    }
  if (head->value_json == NULL)
    return g_strdup (_("No value"));

  /* The type comes from the JSON: a head of a delete conflict may be an edit of any column. */
  node = json_from_string (head->value_json, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup (head->value_json);
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      type = ED_VALUE_BOOLEAN;
      break;
    case G_TYPE_INT64:
      type = ED_VALUE_INTEGER;
      break;
    case G_TYPE_STRING:
      type = ED_VALUE_TEXT;
      break;
    default:
      return g_strdup (head->value_json);
    }
  value = ed_value_from_json (type, head->value_json, NULL);
  if (value == NULL)
    return g_strdup (head->value_json);
  display = ed_value_to_display (value);
  if (display[0] == '\0')
    return g_strdup (_("Empty"));
  lines = g_strsplit (display, "\n", -1);
  line = g_strjoinv (", ", lines);
  return g_strdup_printf (_("“%s”"), line);
}

/**
 * ed_sync_describe_when:
 * @ms: a time, in Unix milliseconds
 * @now_ms: now
 *
 * Another desk's clock may be off, so the time is given roughly: "2 hours ago", or the date
 * for anything older than a day (or ahead of this desk's clock).
 *
 * Returns: (transfer full): the time for a person, to go in the middle of a sentence
 */
char *
ed_sync_describe_when (gint64 ms,
                       gint64 now_ms)
{
  gint64 ago = (now_ms - ms) / 1000;
  g_autoptr(GDateTime) time = NULL;

  if (ms <= 0)
    return g_strdup (_("never"));
  if (ago >= -60 && ago < 60)
    return g_strdup (_("just now"));
  if (ago >= 60 && ago < 60 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago",
                                         (gulong)(ago / 60)), (int)(ago / 60));
  if (ago >= 60 * 60 && ago < 24 * 60 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago",
                                         (gulong)(ago / 3600)), (int)(ago / 3600));
  time = g_date_time_new_from_unix_local (ms / 1000);
  if (time == NULL)
    return g_strdup (_("at an unknown time"));
  /* Translators: a date and time in g_date_time_format() form, such as "4 Dec 2026, 14:05" */
  return g_date_time_format (time, _("%-d %b %Y, %H:%M"));
}

/**
 * ed_sync_describe_desk:
 * @device: a desk's device id
 * @user: (nullable): the person who made a change there
 * @desks: (element-type EdSyncDeskStatus) (nullable): the team, for the desk's computer name
 *
 * Returns: (transfer full): "jane on DESK-2", or the desk's short id when the team does not
 *   name it
 */
char *
ed_sync_describe_desk (const char *device,
                       const char *user,
                       GPtrArray  *desks)
{
  const char *host = NULL;
  g_autofree char *short_id = g_strndup (device != NULL ? device : "", 8);

  for (guint i = 0; desks != NULL && i < desks->len; i++)
    {
      const EdSyncDeskStatus *desk = g_ptr_array_index (desks, i);

      if (g_strcmp0 (desk->device, device) == 0 && desk->host[0] != '\0')
        host = desk->host;
    }
  if (user == NULL || user[0] == '\0')
    user = _("someone");
  if (host != NULL)
    /* Translators: a person and the computer they used, such as "jane on ELECTIONS-2" */
    return g_strdup_printf (_("%s on %s"), user, host);
  /* Translators: a person and the short id of their desk, such as "jane on desk 1a2b3c4d" */
  return g_strdup_printf (_("%s on desk %s"), user, short_id);
}
