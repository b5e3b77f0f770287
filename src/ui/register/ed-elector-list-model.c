/* ed-elector-list-model.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-register"

#include "config.h"

#include "ui/register/ed-elector-list-model.h"
#include "ui/register/ed-elector-row.h"
#include "core/ed-database.h"
#include "register/ed-register-search.h"

/* The whole register as a lazy list (DESIGN.md §2): the count comes from one query, and rows
 * are fetched a page at a time around whatever the view asks for. Only a few pages are kept,
 * so scrolling through a million electors holds a few thousand rows at most.
 *
 * A page is read from its key (where its first entry stands in register order,
 * ed_register_key_seek()), not from its position: reading by OFFSET walks the index from the
 * start, tens of milliseconds a page at the far end of a million entries, which made every
 * frame of a scroll there late. The model remembers the key of each page it has found, a few
 * bytes a page, and finds a new page's key by counting from the nearest key it knows, before
 * or after it, or from either end of the register: a drag of the scrollbar counts a few
 * thousand index entries, a jump to the end none. */

/* A view keeps some two hundred rows around what it shows (ed-screenful-model.c); a jump reads
 * the pages under them, so small pages read few rows beyond them. */
#define PAGE_SIZE 50
#define MAX_PAGES 24

/* The window's connection reads a million entries in passing as the register scrolls; a page
 * cache the size a long import wants (ed-database.c) would only keep them resident. Enough for
 * the index's upper levels, the pages on screen and a search's terms. */
#define READ_CACHE_KIB (12 * 1024)

struct _EdElectorListModel
{
  GObject           parent_instance;

  EdContext        *context;
  EdRegisterFilter  filter;    /* its strings are district and marker */
  char             *district;
  char             *marker;
  guint             n_items;
  GHashTable       *pages;     /* page index → GPtrArray of EdElectorRow */
  GArray           *keys;      /* page index → EdRegisterKey of its first entry; prefix NULL
                                * while not known */
  GQueue            lru;       /* page indices as GUINT_TO_POINTER, most recently used first */
  gboolean          warned;    /* a broken database would otherwise warn once per visible row */
};

static void ed_elector_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EdElectorListModel, ed_elector_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ed_elector_list_model_iface_init))

static void
warn_once (EdElectorListModel *self,
           const char         *what,
           GError             *error)
{
  if (!self->warned)
    g_warning ("Could not %s the register: %s", what, error->message);
  self->warned = TRUE;
}

static void
drop_pages (EdElectorListModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
  g_array_set_size (self->keys, 0);
}

static guint
n_pages (EdElectorListModel *self)
{
  return (self->n_items + PAGE_SIZE - 1) / PAGE_SIZE;
}

#define KEY(self, page) (&g_array_index ((self)->keys, EdRegisterKey, (page)))

/* The key of @page's first entry, counted from the nearest one known; NULL with @error set
 * if it cannot be read, or with no error if the register no longer reaches it. */
static const EdRegisterKey *
page_key (EdElectorListModel  *self,
          guint                page,
          GError             **error)
{
  const EdRegisterKey *from = NULL;
  EdRegisterKey found = { 0 };
  gboolean backwards = FALSE;
  guint64 distance;
  guint skip;
  guint before = G_MAXUINT;
  guint after = G_MAXUINT;

  if (self->keys->len != n_pages (self))
    g_array_set_size (self->keys, n_pages (self));
  if (KEY (self, page)->prefix != NULL)
    return KEY (self, page);

  for (guint i = page; i-- > 0;)
    if (KEY (self, i)->prefix != NULL)
      {
        before = i;
        break;
      }
  for (guint i = page + 1; i < self->keys->len; i++)
    if (KEY (self, i)->prefix != NULL)
      {
        after = i;
        break;
      }

  /* Forwards from the start or the nearest key before, or backwards from the end or the
   * nearest key after: whichever counts fewest entries. */
  distance = (guint64)page * PAGE_SIZE;
  skip = page * PAGE_SIZE;
  if (before != G_MAXUINT)
    {
      from = KEY (self, before);
      distance = skip = (page - before) * PAGE_SIZE;
    }
  if (after != G_MAXUINT && (guint64)(after - page) * PAGE_SIZE - 1 < distance)
    {
      from = KEY (self, after);
      backwards = TRUE;
      distance = skip = (after - page) * PAGE_SIZE - 1;
    }
  else if (after == G_MAXUINT && self->n_items - 1 - page * PAGE_SIZE < distance)
    {
      from = NULL;
      backwards = TRUE;
      skip = self->n_items - 1 - page * PAGE_SIZE;
    }

  if (!ed_register_key_seek (self->context, &self->filter, from, backwards, skip, &found, error))
    return NULL;
  /* The register shrank under us (another desk's changes merged) before a refresh: no
   * rows, as the page past the end has none. */
  if (found.prefix == NULL)
    return NULL;
  *KEY (self, page) = found;
  return KEY (self, page);
}

static guint
count (EdElectorListModel *self)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!ed_register_count_filtered (self->context, &self->filter, &n, &error))
    {
      warn_once (self, "count", error);
      return 0;
    }
  return n;
}

static GPtrArray *
fetch_page (EdElectorListModel *self,
            guint               page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  const EdRegisterKey *key;
  GPtrArray *rows;

  key = page_key (self, page, &error);
  if (key == NULL && error == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  if (key != NULL)
    summaries = ed_register_list_from_key (self->context, &self->filter, key, PAGE_SIZE,
                                           &error);
  if (summaries == NULL)
    {
      warn_once (self, "read", error);
      return NULL;
    }

  /* The rows take over the summaries. */
  g_ptr_array_set_free_func (summaries, NULL);
  rows = g_ptr_array_new_full (summaries->len, g_object_unref);
  for (guint i = 0; i < summaries->len; i++)
    g_ptr_array_add (rows, ed_elector_row_new (g_ptr_array_index (summaries, i)));
  return rows;
}

static GPtrArray *
get_page (EdElectorListModel *self,
          guint               page)
{
  gpointer key = GUINT_TO_POINTER (page);
  GPtrArray *rows = g_hash_table_lookup (self->pages, key);

  if (rows != NULL)
    {
      GList *link = g_queue_find (&self->lru, key);

      g_queue_unlink (&self->lru, link);
      g_queue_push_head_link (&self->lru, link);
      return rows;
    }

  rows = fetch_page (self, page);
  if (rows == NULL)
    return NULL;

  if (g_queue_get_length (&self->lru) >= MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
  g_hash_table_insert (self->pages, key, rows);
  g_queue_push_head (&self->lru, key);
  return rows;
}

static GType
ed_elector_list_model_get_item_type (GListModel *model)
{
  return ED_TYPE_ELECTOR_ROW;
}

static guint
ed_elector_list_model_get_n_items (GListModel *model)
{
  return ED_ELECTOR_LIST_MODEL (model)->n_items;
}

static gpointer
ed_elector_list_model_get_item (GListModel *model,
                                guint       position)
{
  EdElectorListModel *self = ED_ELECTOR_LIST_MODEL (model);
  GPtrArray *rows;
  guint offset;

  if (position >= self->n_items)
    return NULL;

  rows = get_page (self, position / PAGE_SIZE);
  offset = position % PAGE_SIZE;
  /* The register can shrink under us (another desk's changes merged) before a refresh. */
  if (rows == NULL || offset >= rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, offset));
}

static void
ed_elector_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ed_elector_list_model_get_item_type;
  iface->get_n_items = ed_elector_list_model_get_n_items;
  iface->get_item = ed_elector_list_model_get_item;
}

static void
ed_elector_list_model_finalize (GObject *object)
{
  EdElectorListModel *self = (EdElectorListModel *)object;

  drop_pages (self);
  g_hash_table_unref (self->pages);
  g_array_unref (self->keys);
  g_clear_object (&self->context);
  g_free (self->district);
  g_free (self->marker);

  G_OBJECT_CLASS (ed_elector_list_model_parent_class)->finalize (object);
}

static void
ed_elector_list_model_class_init (EdElectorListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_elector_list_model_finalize;
}

static void
ed_elector_list_model_init (EdElectorListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_queue_init (&self->lru);
  self->keys = g_array_new (FALSE, TRUE, sizeof (EdRegisterKey));
  g_array_set_clear_func (self->keys, (GDestroyNotify)ed_register_key_clear);
  ed_register_filter_init (&self->filter);
}

EdElectorListModel *
ed_elector_list_model_new (EdContext *context)
{
  EdElectorListModel *self;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  self = g_object_new (ED_TYPE_ELECTOR_LIST_MODEL, NULL);
  self->context = g_object_ref (context);
  ed_database_set_cache_size_kib (ed_context_get_database (context), READ_CACHE_KIB);
  self->n_items = count (self);
  return self;
}

/**
 * ed_elector_list_model_refresh:
 * @self: a model
 *
 * Counts the register again and forgets every cached page, for after the register changed.
 */
void
ed_elector_list_model_refresh (EdElectorListModel *self)
{
  guint old_n_items;

  g_return_if_fail (ED_IS_ELECTOR_LIST_MODEL (self));

  old_n_items = self->n_items;
  drop_pages (self);
  self->warned = FALSE;
  self->n_items = count (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
}

/**
 * ed_elector_list_model_reload:
 * @self: a model
 * @kept_end: the end of the rows the view has built (those it shows and some around them)
 *
 * Reads the register afresh after another desk's edits came in, telling the view as little
 * at once as will keep it right. A change notice makes a GTK 4.8 view build every row it
 * covers again, some hundreds of milliseconds for the two hundred rows it keeps; the rows it
 * has not built cost it nothing. So only a change in the count is told here, as rows past
 * @kept_end; the built rows, which still show what they showed, are told with
 * ed_elector_list_model_rows_changed(), a few a frame. Every row read from now on is read
 * afresh.
 */
void
ed_elector_list_model_reload (EdElectorListModel *self,
                              guint               kept_end)
{
  guint old_n_items;
  guint tail;

  g_return_if_fail (ED_IS_ELECTOR_LIST_MODEL (self));

  old_n_items = self->n_items;
  drop_pages (self);
  self->warned = FALSE;
  self->n_items = count (self);
  if (self->n_items == old_n_items)
    return;
  tail = MIN (kept_end, MIN (old_n_items, self->n_items));
  g_list_model_items_changed (G_LIST_MODEL (self), tail, old_n_items - tail,
                              self->n_items - tail);
}

/**
 * ed_elector_list_model_rows_changed:
 * @self: a model
 * @position: the first row
 * @n: how many rows
 *
 * Tells the view that @n rows from @position may show something new since
 * ed_elector_list_model_reload(); rows past the end are left out.
 */
void
ed_elector_list_model_rows_changed (EdElectorListModel *self,
                                    guint               position,
                                    guint               n)
{
  g_return_if_fail (ED_IS_ELECTOR_LIST_MODEL (self));

  if (position >= self->n_items)
    return;
  n = MIN (n, self->n_items - position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, n, n);
}

/**
 * ed_elector_list_model_set_filter:
 * @self: a model
 * @filter: (nullable): which entries to list, %NULL for the whole register
 *
 * Lists only the entries @filter keeps, in register order. @filter is copied.
 */
void
ed_elector_list_model_set_filter (EdElectorListModel     *self,
                                  const EdRegisterFilter *filter)
{
  g_return_if_fail (ED_IS_ELECTOR_LIST_MODEL (self));

  g_free (self->district);
  g_free (self->marker);
  ed_register_filter_init (&self->filter);
  if (filter != NULL)
    self->filter = *filter;
  self->filter.polling_district = self->district = g_strdup (self->filter.polling_district);
  self->filter.marker = self->marker = g_strdup (self->filter.marker);
  ed_elector_list_model_refresh (self);
}
