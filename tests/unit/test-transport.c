/* test-transport.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "sync/ed-transport-folder-private.h"
#include "sync/ed-transport-webdav-private.h"
#include "ed-test-dir.h"
#include "ed-test-transport.h"
#include "ed-test-webdav.h"

/* The same behaviour is asked of a mounted folder and of a WebDAV server (SYNC.md §4.9): each
 * test below runs against both, the server a real Apache with mod_dav_fs. */

typedef enum
{
  KIND_FOLDER,
  KIND_WEBDAV,
} Kind;

typedef struct
{
  EdTestDir     dir;
  EdTestWebdav *server;
  EdTransport  *transport;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  Kind kind = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;

  ed_test_dir_setup (&fixture->dir, NULL);
  if (kind == KIND_FOLDER)
    {
      fixture->transport = ed_transport_folder_new (fixture->dir.dir);
      return;
    }

  fixture->server = ed_test_webdav_start (&error);
  if (fixture->server == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      return;
    }
  fixture->transport = ed_transport_webdav_new (fixture->server->url, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->transport);
  g_clear_pointer (&fixture->server, ed_test_webdav_stop);
  ed_test_dir_teardown (&fixture->dir, NULL);
}

/* Without Apache the WebDAV tests are skipped, saying why; CI installs it (deps.sh). */
static gboolean
skipped (Fixture *fixture)
{
  if (fixture->transport != NULL)
    return FALSE;
  g_test_skip ("Apache httpd with mod_dav_fs is not installed: apt-get install apache2");
  return TRUE;
}

static GBytes *
random_bytes (gsize   length,
              guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (length + 1);

  for (gsize i = 0; i < length; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  return g_bytes_new_take (data, length);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
write_file (EdTransport *transport,
            const char  *path,
            GBytes      *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_transport_write_new (transport, path, contents, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_contents (EdTransport *transport,
                 const char  *path,
                 GBytes      *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) got = ed_transport_read (transport, path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (got);
  g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
assert_missing (EdTransport *transport,
                const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) got = ed_transport_read (transport, path, NULL, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (got);
}

static EdShareEntry *
find_entry (GPtrArray  *entries,
            const char *name)
{
  for (guint i = 0; i < entries->len; i++)
    {
      EdShareEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->name, name))
        return entry;
    }
  return NULL;
}

static GPtrArray *
list (EdTransport *transport,
      const char  *folder)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = ed_transport_list (transport, folder, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

/* --- Both transports -------------------------------------------------------------------- */

static void
test_list_missing_folder (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) root = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  if (skipped (fixture))
    return;
  root = list (fixture->transport, "");
  g_assert_cmpuint (root->len, ==, 0);
  missing = list (fixture->transport, "esync-v1/devices/nobody");
  g_assert_cmpuint (missing->len, ==, 0);
}

static void
test_make_folder_nested (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) top = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GPtrArray) deepest = NULL;
  EdShareEntry *entry;

  if (skipped (fixture))
    return;
  g_assert_true (ed_transport_make_folder (fixture->transport, "esync-v1/devices/d1", NULL,
                                           &error));
  g_assert_no_error (error);
  /* Again: a folder that exists is fine. */
  g_assert_true (ed_transport_make_folder (fixture->transport, "esync-v1/devices/d1", NULL,
                                           &error));
  g_assert_no_error (error);
  g_assert_true (ed_transport_make_folder (fixture->transport, "esync-v1/devices/d2", NULL,
                                           &error));
  g_assert_no_error (error);

  top = list (fixture->transport, "esync-v1");
  g_assert_cmpuint (top->len, ==, 1);
  entry = find_entry (top, "devices");
  g_assert_nonnull (entry);
  g_assert_true (entry->is_folder);
  g_assert_cmpuint (entry->size, ==, 0);
  devices = list (fixture->transport, "esync-v1/devices");
  g_assert_cmpuint (devices->len, ==, 2);
  g_assert_nonnull (find_entry (devices, "d1"));
  g_assert_nonnull (find_entry (devices, "d2"));
  deepest = list (fixture->transport, "esync-v1/devices/d1");
  g_assert_cmpuint (deepest->len, ==, 0);
}

static void
test_write_read (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) large = random_bytes (200 * 1024, 7);
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) small = text_bytes ("{\"format\":\"esync-v1\"}\n");
  g_autoptr(GError) error = NULL;

  if (skipped (fixture))
    return;
  g_assert_true (ed_transport_make_folder (fixture->transport, "d", NULL, &error));
  g_assert_no_error (error);
  write_file (fixture->transport, "d/large.esb", large);
  write_file (fixture->transport, "d/empty.esb", empty);
  write_file (fixture->transport, "team.json", small);
  assert_contents (fixture->transport, "d/large.esb", large);
  assert_contents (fixture->transport, "d/empty.esb", empty);
  assert_contents (fixture->transport, "team.json", small);
  assert_missing (fixture->transport, "d/other.esb");
}

static void
test_write_existing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) first = text_bytes ("first");
  g_autoptr(GBytes) second = text_bytes ("second, longer");
  g_autoptr(GError) error = NULL;

  if (skipped (fixture))
    return;
  write_file (fixture->transport, "b.esb", first);
  g_assert_false (ed_transport_write_new (fixture->transport, "b.esb", second, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  assert_contents (fixture->transport, "b.esb", first);
}

static void
test_rename_to_free_name (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) contents = random_bytes (4096, 11);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  if (skipped (fixture))
    return;
  g_assert_true (ed_transport_make_folder (fixture->transport, "d", NULL, &error));
  write_file (fixture->transport, "d/.~b-1-2.esb.partial", contents);
  g_assert_true (ed_transport_rename_new (fixture->transport, "d/.~b-1-2.esb.partial",
                                          "d/b-1-2.esb", NULL, &error));
  g_assert_no_error (error);
  assert_contents (fixture->transport, "d/b-1-2.esb", contents);
  assert_missing (fixture->transport, "d/.~b-1-2.esb.partial");
  entries = list (fixture->transport, "d");
  g_assert_cmpuint (entries->len, ==, 1);
}

static void
test_rename_onto_existing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GBytes) old = text_bytes ("the file already there");
  g_autoptr(GBytes) new = text_bytes ("the new one");
  g_autoptr(GError) error = NULL;

  if (skipped (fixture))
    return;
  write_file (fixture->transport, "b.esb", old);
  write_file (fixture->transport, ".~b.esb.partial", new);
  g_assert_false (ed_transport_rename_new (fixture->transport, ".~b.esb.partial", "b.esb",
                                           NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  assert_contents (fixture->transport, "b.esb", old);
  assert_contents (fixture->transport, ".~b.esb.partial", new);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GBytes) contents = text_bytes ("x");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  if (skipped (fixture))
    return;
  write_file (fixture->transport, "a.json", contents);
  g_assert_true (ed_transport_remove (fixture->transport, "a.json", NULL, &error));
  g_assert_no_error (error);
  assert_missing (fixture->transport, "a.json");
  entries = list (fixture->transport, "");
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_false (ed_transport_remove (fixture->transport, "a.json", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_list_names_and_sizes (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GBytes) three = text_bytes ("abc");
  g_autoptr(GBytes) large = random_bytes (70000, 3);
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 now = g_get_real_time ();
  EdShareEntry *entry;

  if (skipped (fixture))
    return;
  g_assert_true (ed_transport_make_folder (fixture->transport, "f/sub", NULL, &error));
  write_file (fixture->transport, "f/three.json", three);
  write_file (fixture->transport, "f/large.esb", large);
  write_file (fixture->transport, "f/empty.esb", empty);

  entries = list (fixture->transport, "f");
  g_assert_cmpuint (entries->len, ==, 4);
  entry = find_entry (entries, "three.json");
  g_assert_nonnull (entry);
  g_assert_cmpuint (entry->size, ==, 3);
  g_assert_false (entry->is_folder);
  /* Only a hint, and a server's has whole seconds; but it is about now. */
  g_assert_cmpint (ABS (entry->mtime - now), <, (gint64) 3600 * G_USEC_PER_SEC);
  entry = find_entry (entries, "large.esb");
  g_assert_nonnull (entry);
  g_assert_cmpuint (entry->size, ==, 70000);
  entry = find_entry (entries, "empty.esb");
  g_assert_nonnull (entry);
  g_assert_cmpuint (entry->size, ==, 0);
  entry = find_entry (entries, "sub");
  g_assert_nonnull (entry);
  g_assert_true (entry->is_folder);
}

static void
test_unusual_names (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *names[] = {
    "b-café (conflicted copy).esb",
    "b-000000000001-000000000010.esb.sync-conflict-20261201-120000-ABCDEFG",
    "100% done #1?.esb",
    "Llanfair ŵ ŷ 日本.json",
    "a+b=c&d;e,f'g.esb",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  if (skipped (fixture))
    return;
  g_assert_true (ed_transport_make_folder (fixture->transport, "dir with space/ŵ", NULL,
                                           &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strconcat ("dir with space/ŵ/", names[i], NULL);
      g_autofree char *renamed = g_strconcat ("dir with space/ŵ/renamed ", names[i], NULL);
      g_autoptr(GBytes) contents = text_bytes (names[i]);

      write_file (fixture->transport, path, contents);
      assert_contents (fixture->transport, path, contents);
      g_assert_true (ed_transport_rename_new (fixture->transport, path, renamed, NULL,
                                              &error));
      g_assert_no_error (error);
      assert_contents (fixture->transport, renamed, contents);
    }

  entries = list (fixture->transport, "dir with space/ŵ");
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *renamed = g_strconcat ("renamed ", names[i], NULL);
      EdShareEntry *entry = find_entry (entries, renamed);

      g_assert_nonnull (entry);
      g_assert_cmpuint (entry->size, ==, strlen (names[i]));
    }
}

static void
test_invalid_paths (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *invalid[] = {
    "", "..", "../x", "a/../../x", "/etc/passwd", "a//b", "a/", "./a", "a\\b", "a/./b",
    "a\nb", "\xff\xfe",
  };
  g_autoptr(GBytes) contents = text_bytes ("x");

  if (skipped (fixture))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) got = NULL;

      g_assert_false (ed_transport_path_is_valid (invalid[i]));
      g_assert_false (ed_transport_write_new (fixture->transport, invalid[i], contents, NULL,
                                              &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
      got = ed_transport_read (fixture->transport, invalid[i], NULL, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
      g_assert_false (ed_transport_rename_new (fixture->transport, "a", invalid[i], NULL,
                                               &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
      g_assert_false (ed_transport_remove (fixture->transport, invalid[i], NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
      g_assert_false (ed_transport_make_folder (fixture->transport, invalid[i], NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
      if (invalid[i][0] != '\0')
        {
          g_autoptr(GPtrArray) entries = ed_transport_list (fixture->transport, invalid[i],
                                                            NULL, &error);

          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
          g_assert_null (entries);
        }
    }
  g_assert_true (ed_transport_path_is_valid ("esync-v1/devices/d/b-1-2.esb"));
  g_assert_true (ed_transport_path_is_valid (".~b.esb.partial"));
  g_assert_true (ed_transport_path_is_valid ("..b"));
}

/* --- The folder alone ------------------------------------------------------------------- */

static void
test_folder_mode (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) contents = text_bytes ("personal data");
  g_autofree char *path = ed_test_dir_file (&fixture->dir, "b.esb");
  g_autofree char *folder = ed_test_dir_file (&fixture->dir, "d/e");
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  GStatBuf info;
  mode_t old_mask = umask (0);

  write_file (fixture->transport, "b.esb", contents);
  g_assert_true (ed_transport_make_folder (fixture->transport, "d/e", NULL, &error));
  umask (old_mask);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);

  described = ed_transport_describe (fixture->transport);
  g_assert_cmpstr (described, ==, fixture->dir.dir);
}

static const char *
method_name (EdRenameMethod method)
{
  const char *names[] = { "renameat2 (RENAME_NOREPLACE)", "link and unlink",
                          "check, then rename" };

  return names[method];
}

/* Each fallback of rename_new, started at directly: the file system here may support them
 * all, and a share may support only the last. */
static void
test_folder_rename_fallbacks (Fixture       *fixture,
                              gconstpointer  data)
{
  for (EdRenameMethod first = ED_RENAME_NOREPLACE; first <= ED_RENAME_CHECK_THEN_RENAME; first++)
    {
      g_autofree char *name = g_strdup_printf ("from-%d", first);
      g_autofree char *to_name = g_strdup_printf ("to-%d", first);
      g_autofree char *from = ed_test_dir_file (&fixture->dir, name);
      g_autofree char *to = ed_test_dir_file (&fixture->dir, to_name);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      EdRenameMethod used = first;

      g_assert_true (g_file_set_contents (from, "one", -1, NULL));
      g_assert_true (_ed_transport_folder_rename_noreplace (from, to, first, &used, &error));
      g_assert_no_error (error);
      g_assert_cmpint (used, >=, first);
      g_test_message ("Starting at %s, renamed with %s", method_name (first), method_name (used));
      g_assert_false (g_file_test (from, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_get_contents (to, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "one");
      g_clear_pointer (&contents, g_free);

      /* Never over an existing file: both stay as they were. */
      g_assert_true (g_file_set_contents (from, "two", -1, NULL));
      g_assert_false (_ed_transport_folder_rename_noreplace (from, to, first, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
      g_assert_true (g_file_get_contents (to, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "one");
      g_clear_pointer (&contents, g_free);
      g_assert_true (g_file_get_contents (from, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "two");
    }
}

static void
test_folder_write_leaves_nothing_on_failure (Fixture       *fixture,
                                             gconstpointer  data)
{
  g_autoptr(GBytes) contents = text_bytes ("x");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  /* The folder is missing: nothing is created, and the error says so. */
  g_assert_false (ed_transport_write_new (fixture->transport, "missing/b.esb", contents, NULL,
                                          &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  entries = list (fixture->transport, "");
  g_assert_cmpuint (entries->len, ==, 0);
}

/* --- WebDAV alone ----------------------------------------------------------------------- */

static void
test_webdav_refuses_addresses (void)
{
  const char *bad[] = {
    "ftp://example.org/share/", "file:///tmp/share", "https:///share", "not a url",
    "https://jane:secret@example.org/dav/", "https://example.org/dav/?x=1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EdTransport) transport = ed_transport_webdav_new (bad[i], NULL, NULL, &error);

      g_assert_null (transport);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_null (strstr (error->message, "secret"));
    }
}

static void
test_webdav_describe (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTransport) transport =
    ed_transport_webdav_new ("HTTPS://dav.example.org/Team%20Share", "jane", "hunter2-secret",
                             &error);
  g_autofree char *described = NULL;

  g_assert_no_error (error);
  described = ed_transport_describe (transport);
  g_assert_cmpstr (described, ==, "https://dav.example.org/Team%20Share/");
}

static void
test_webdav_wrong_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTestWebdav) server = ed_test_webdav_start_with_password ("clerk", "right-one",
                                                                       &error);
  g_autoptr(EdTransport) wrong = NULL;
  g_autoptr(EdTransport) right = NULL;
  g_autoptr(GBytes) contents = text_bytes ("x");
  g_autoptr(GPtrArray) entries = NULL;

  if (server == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      g_test_skip (error->message);
      return;
    }
  wrong = ed_transport_webdav_new (server->url, "clerk", "Wrong-Password-42", &error);
  g_assert_no_error (error);
  entries = ed_transport_list (wrong, "", NULL, &error);
  g_assert_null (entries);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "password"));
  g_assert_null (strstr (error->message, "Wrong-Password-42"));
  g_clear_error (&error);
  g_assert_false (ed_transport_write_new (wrong, "a", contents, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_null (strstr (error->message, "Wrong-Password-42"));
  g_clear_error (&error);

  right = ed_transport_webdav_new (server->url, "clerk", "right-one", &error);
  g_assert_no_error (error);
  write_file (right, "a", contents);
  assert_contents (right, "a", contents);
}

/* A server that answers every request with the next status of a list (the last repeated),
 * on a thread of its own: enough HTTP to test what the transport does with 423 and 503. */
typedef struct
{
  GSocketListener *listener;
  GCancellable    *stop;
  GThread         *thread;
  guint            port;
  const guint     *statuses;
  guint            n_statuses;
  guint            requests;
} Responder;

static void
answer_one (Responder         *responder,
            GSocketConnection *connection)
{
  GInputStream *input = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *output = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GDataInputStream) lines = g_data_input_stream_new (input);
  guint index = MIN (responder->requests, responder->n_statuses - 1);
  guint status = responder->statuses[index];
  g_autofree char *reply = NULL;
  gsize body = 0;

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (lines), FALSE);
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (lines, NULL, NULL, NULL);

      if (line == NULL)
        return;
      g_strchomp (line);
      if (line[0] == '\0')
        break;
      if (g_ascii_strncasecmp (line, "Content-Length:", 15) == 0)
        body = (gsize) g_ascii_strtoull (line + 15, NULL, 10);
    }
  if (body > 0)
    g_input_stream_skip (G_INPUT_STREAM (lines), body, NULL, NULL);

  responder->requests++;
  reply = g_strdup_printf ("HTTP/1.1 %u Test\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                           status);
  g_output_stream_write_all (output, reply, strlen (reply), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
}

static gpointer
responder_thread (gpointer data)
{
  Responder *responder = data;

  for (;;)
    {
      g_autoptr(GSocketConnection) connection =
        g_socket_listener_accept (responder->listener, NULL, responder->stop, NULL);

      if (connection == NULL)
        return NULL;
      answer_one (responder, connection);
    }
}

static Responder *
responder_start (const guint *statuses,
                 guint        n_statuses)
{
  Responder *responder = g_new0 (Responder, 1);
  g_autoptr(GError) error = NULL;

  responder->listener = g_socket_listener_new ();
  responder->port = g_socket_listener_add_any_inet_port (responder->listener, NULL, &error);
  g_assert_no_error (error);
  responder->stop = g_cancellable_new ();
  responder->statuses = statuses;
  responder->n_statuses = n_statuses;
  responder->thread = g_thread_new ("responder", responder_thread, responder);
  return responder;
}

static guint
responder_stop (Responder *responder)
{
  guint requests;

  g_cancellable_cancel (responder->stop);
  g_thread_join (responder->thread);
  g_socket_listener_close (responder->listener);
  g_object_unref (responder->listener);
  g_object_unref (responder->stop);
  requests = responder->requests;
  g_free (responder);
  return requests;
}

static EdTransport *
transport_for (Responder *responder,
               guint      attempts,
               guint      first_delay_ms)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/share/", responder->port);
  g_autoptr(GError) error = NULL;
  EdTransport *transport = ed_transport_webdav_new (url, NULL, NULL, &error);

  g_assert_no_error (error);
  ed_transport_webdav_set_retries (ED_TRANSPORT_WEBDAV (transport), attempts, first_delay_ms);
  return transport;
}

static void
test_webdav_busy_then_gives_up (void)
{
  static const guint statuses[] = { 503 };
  Responder *responder = responder_start (statuses, G_N_ELEMENTS (statuses));
  g_autoptr(EdTransport) transport = transport_for (responder, 4, 20);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) got = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed_ms;

  got = ed_transport_read (transport, "b.esb", NULL, &error);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_assert_null (got);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_cmpuint (responder_stop (responder), ==, 4);
  /* Pauses of 20, 40 and 80 ms between the four attempts. */
  g_assert_cmpint (elapsed_ms, >=, 140);
  g_assert_cmpint (elapsed_ms, <, 5000);
}

static void
test_webdav_locked_then_created (void)
{
  static const guint statuses[] = { 423, 423, 201 };
  Responder *responder = responder_start (statuses, G_N_ELEMENTS (statuses));
  g_autoptr(EdTransport) transport = transport_for (responder, 5, 10);
  g_autoptr(GBytes) contents = text_bytes ("bundle");
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_transport_write_new (transport, "b.esb", contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (responder_stop (responder), ==, 3);
}

/* A full server and a refused password are answers, not hiccups: asked once. */
static void
test_webdav_full_and_refused_not_retried (void)
{
  static const guint full[] = { 507 };
  static const guint refused[] = { 403 };
  Responder *responder = responder_start (full, G_N_ELEMENTS (full));
  g_autoptr(EdTransport) transport = transport_for (responder, 5, 10);
  g_autoptr(GBytes) contents = text_bytes ("bundle");
  g_autoptr(GError) error = NULL;

  g_assert_false (ed_transport_write_new (transport, "b.esb", contents, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (responder_stop (responder), ==, 1);
  g_clear_object (&transport);
  g_clear_error (&error);

  responder = responder_start (refused, G_N_ELEMENTS (refused));
  transport = transport_for (responder, 5, 10);
  g_assert_false (ed_transport_rename_new (transport, "a", "b", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpuint (responder_stop (responder), ==, 1);
}

static gpointer
cancel_soon (gpointer data)
{
  g_usleep (100 * 1000);
  g_cancellable_cancel (data);
  return NULL;
}

/* A sync that is stopped does not sit out the pauses between attempts. */
static void
test_webdav_cancel_while_busy (void)
{
  static const guint statuses[] = { 503 };
  Responder *responder = responder_start (statuses, G_N_ELEMENTS (statuses));
  g_autoptr(EdTransport) transport = transport_for (responder, 5, 2000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) got = NULL;
  GThread *canceller = g_thread_new ("cancel", cancel_soon, cancellable);
  gint64 start = g_get_monotonic_time ();

  got = ed_transport_read (transport, "b.esb", cancellable, &error);
  g_thread_join (canceller);
  g_assert_null (got);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1500 * 1000);
  g_assert_cmpuint (responder_stop (responder), ==, 1);
}

static void
test_webdav_unreachable (void)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/", ed_test_free_port ());
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTransport) transport = ed_transport_webdav_new (url, NULL, NULL, &error);
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_no_error (error);
  ed_transport_webdav_set_retries (ED_TRANSPORT_WEBDAV (transport), 2, 10);
  entries = ed_transport_list (transport, "", NULL, &error);
  g_assert_null (entries);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE);
}

/* Servers write the DAV: namespace with any prefix, or as the default; hrefs as paths or as
 * whole addresses, escaped in either case; and a propstat per status. */
static void
test_webdav_parses_multistatus (void)
{
  static const char nextcloud[] =
    "<?xml version=\"1.0\"?>\n"
    "<d:multistatus xmlns:d=\"DAV:\" xmlns:s=\"http://sabredav.org/ns\" "
    "xmlns:oc=\"http://owncloud.org/ns\">"
    "<d:response><d:href>/remote.php/dav/files/jane/Team%20Share/devices/</d:href>"
    "<d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype>"
    "<d:getlastmodified>Tue, 01 Dec 2026 12:00:00 GMT</d:getlastmodified></d:prop>"
    "<d:status>HTTP/1.1 200 OK</d:status></d:propstat>"
    "<d:propstat><d:prop><d:getcontentlength/></d:prop>"
    "<d:status>HTTP/1.1 404 Not Found</d:status></d:propstat></d:response>"
    "<d:response><d:href>https://cloud.example.org/remote.php/dav/files/jane/Team%20Share/"
    "devices/b-caf%C3%A9%20%28conflicted%20copy%29.esb</d:href>"
    "<d:propstat><d:prop><d:resourcetype/><d:getcontentlength>1234</d:getcontentlength>"
    "<d:getlastmodified>Tue, 01 Dec 2026 12:00:00 GMT</d:getlastmodified></d:prop>"
    "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
    "<d:response><d:href>/remote.php/dav/files/jane/Team%20Share/devices/d1/</d:href>"
    "<d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop>"
    "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
    "<d:response><d:href>/remote.php/dav/files/jane/Team%20Share/devices/gone.esb</d:href>"
    "<d:status>HTTP/1.1 404 Not Found</d:status></d:response>"
    "</d:multistatus>";
  static const char default_namespace[] =
    "<multistatus xmlns=\"DAV:\"><response><href>/dav/x/</href>"
    "<propstat><prop><resourcetype><collection/></resourcetype></prop>"
    "<status>HTTP/1.1 200 OK</status></propstat></response>"
    "<response><href>/dav/x/a%2fb.esb</href><propstat><prop><resourcetype/></prop>"
    "<status>HTTP/1.1 200 OK</status></propstat></response>"
    "<response><href>/dav/x/b%2Dc.esb</href><propstat><prop>"
    "<resourcetype/><getcontentlength>7</getcontentlength>"
    "<collection xmlns=\"urn:not-dav\"/></prop>"
    "<status>HTTP/1.1 200 OK</status></propstat></response></multistatus>";
  g_autoptr(GBytes) body = g_bytes_new_static (nextcloud, strlen (nextcloud));
  g_autoptr(GBytes) other = g_bytes_new_static (default_namespace, strlen (default_namespace));
  g_autoptr(GBytes) broken = g_bytes_new_static ("<d:multistatus", 14);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) broken_entries = NULL;
  EdShareEntry *entry;

  entries = _ed_transport_webdav_parse_multistatus (
    body, "https://cloud.example.org/remote.php/dav/files/jane/Team%20Share/devices/", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = find_entry (entries, "b-café (conflicted copy).esb");
  g_assert_nonnull (entry);
  g_assert_cmpuint (entry->size, ==, 1234);
  g_assert_false (entry->is_folder);
  g_assert_cmpint (entry->mtime, ==, (gint64) 1796126400 * G_USEC_PER_SEC);
  entry = find_entry (entries, "d1");
  g_assert_nonnull (entry);
  g_assert_true (entry->is_folder);
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = _ed_transport_webdav_parse_multistatus (other, "http://h/dav/x/", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->name, ==, "b-c.esb");
  g_assert_false (entry->is_folder);
  g_assert_cmpuint (entry->size, ==, 7);

  broken_entries = _ed_transport_webdav_parse_multistatus (broken, "http://h/", &error);
  g_assert_null (broken_entries);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
}

/* --- The wrappers ----------------------------------------------------------------------- */

static void
test_owned_passes_own_paths (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(EdTransport) owned = ed_test_owned_transport_new (fixture->transport, "d1");
  g_autoptr(GBytes) contents = text_bytes ("x");
  g_autoptr(GError) error = NULL;
  const char *own[] = {
    "esync-v1/devices/d1/.~b-000000000001-000000000002.esb.partial",
    "esync-v1/acks/a-d1-3.json",
    "esync-v1/acks/.~a-d1-4.json.partial",
    "esync-v1/snapshots/s-d1-123.ess",
    "esync-v1/roster/r-1764590400000-d1.json",
    "esync-v1/keys/team-1.d2.sealed",
    "esync-v1/.~team.json.partial",
    "esync-v1/team.json",
  };
  const char *others[] = {
    "esync-v1/devices/d2/b-1-2.esb", "esync-v1/devices/d1", "esync-v1/acks/a-d2-3.json",
    "esync-v1/acks/a-d10-3.json", "esync-v1/snapshots/s-d2-1.ess",
    "esync-v1/roster/r-1-d2.json", "esync-v1/roster/r-1-d1.json/x", "esync-v1/other.json",
    "team.json", "esync-v1/devices/d10/b-1-2.esb", "esync-v1/team.json.old",
    "esync-v1/acks/a-d1-", "esync-v1/keys/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_false (ed_test_owned_transport_may_write ("d1", others[i]));

  g_assert_true (ed_transport_make_folder (owned, "esync-v1/devices/d1", NULL, &error));
  g_assert_true (ed_transport_make_folder (owned, "esync-v1/acks", NULL, &error));
  g_assert_true (ed_transport_make_folder (owned, "esync-v1/snapshots", NULL, &error));
  g_assert_true (ed_transport_make_folder (owned, "esync-v1/roster", NULL, &error));
  g_assert_true (ed_transport_make_folder (owned, "esync-v1/keys", NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      g_assert_true (ed_test_owned_transport_may_write ("d1", own[i]));
      write_file (owned, own[i], contents);
    }
  g_assert_true (ed_transport_rename_new (owned, own[0], "esync-v1/devices/d1/b-1-2.esb", NULL,
                                          &error));
  g_assert_true (ed_transport_remove (owned, "esync-v1/devices/d1/b-1-2.esb", NULL, &error));
  g_assert_no_error (error);
}

static void
test_owned_aborts_on_another_desk (Fixture       *fixture,
                                   gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(EdTransport) owned = ed_test_owned_transport_new (fixture->transport, "d1");
      g_autoptr(GBytes) contents = text_bytes ("x");

      g_assert_true (ed_transport_make_folder (owned, "esync-v1/devices/d2", NULL, NULL));
      ed_transport_write_new (owned, "esync-v1/devices/d2/b-1-2.esb", contents, NULL, NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Desk d1 tried to write*esync-v1/devices/d2/b-1-2.esb*one "
                             "writer*");
}

static void
test_adversarial_faults_then_heal (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(EdTransport) transport = ed_test_adversarial_transport_new (fixture->transport, 42);
  EdTestAdversarialTransport *adversarial = ED_TEST_ADVERSARIAL_TRANSPORT (transport);
  g_autoptr(GBytes) bundle = random_bytes (3000, 5);
  g_autoptr(GError) error = NULL;
  const char *folder = "esync-v1/devices/d1";
  guint intact = 0;
  gboolean listed_copy = FALSE;

  g_assert_true (ed_transport_make_folder (transport, folder, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *temp = g_strdup_printf ("%s/.~b-%012u.esb.partial", folder, i);
      g_autofree char *final = g_strdup_printf ("%s/b-%012u-%012u.esb", folder, i, i);
      g_autoptr(GPtrArray) entries = NULL;

      write_file (transport, temp, bundle);
      g_assert_true (ed_transport_rename_new (transport, temp, final, NULL, &error));
      g_assert_no_error (error);
      entries = list (transport, folder);
      for (guint j = 0; j < entries->len; j++)
        {
          EdShareEntry *entry = g_ptr_array_index (entries, j);
          g_autofree char *path = g_strconcat (folder, "/", entry->name, NULL);
          g_autoptr(GBytes) got = ed_transport_read (transport, path, NULL, &error);

          g_assert_no_error (error);
          if (strstr (entry->name, "conflict") != NULL || strstr (entry->name, "DESKTOP") != NULL)
            listed_copy = TRUE;
          if (g_bytes_equal (got, bundle))
            intact++;
        }
    }
  for (EdTestFault fault = 0; fault < ED_TEST_N_FAULTS; fault++)
    {
      g_test_message ("%s: %u", ed_test_fault_to_string (fault),
                      ed_test_adversarial_transport_count (adversarial, fault));
      g_assert_cmpuint (ed_test_adversarial_transport_count (adversarial, fault), >, 0);
    }
  g_assert_true (listed_copy);
  g_assert_cmpuint (intact, >, 0);

  /* Healed: every listing complete and every read intact. */
  ed_test_adversarial_transport_heal (adversarial, TRUE);
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GPtrArray) entries = list (transport, folder);

      g_assert_cmpuint (entries->len, ==, 40);
      for (guint j = 0; j < entries->len; j++)
        {
          EdShareEntry *entry = g_ptr_array_index (entries, j);
          g_autofree char *path = g_strconcat (folder, "/", entry->name, NULL);

          assert_contents (transport, path, bundle);
        }
    }
}

static void
test_adversarial_replays (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) bundle = random_bytes (1000, 9);
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GString) second = g_string_new (NULL);
  GString *runs[2] = { first, second };

  write_file (fixture->transport, "b.esb", bundle);
  for (guint run = 0; run < 2; run++)
    {
      g_autoptr(EdTransport) transport = ed_test_adversarial_transport_new (fixture->transport, 7);

      for (guint i = 0; i < 50; i++)
        {
          g_autoptr(GPtrArray) entries = list (transport, "");
          g_autoptr(GBytes) got = ed_transport_read (transport, "b.esb", NULL, NULL);
          g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, got);

          for (guint j = 0; j < entries->len; j++)
            g_string_append_printf (runs[run], "%s;",
                                    ((EdShareEntry *) g_ptr_array_index (entries, j))->name);
          g_string_append_printf (runs[run], "%s\n", sum);
        }
    }
  g_assert_cmpstr (first->str, ==, second->str);
}

static void
add_both (const char *name,
          void (*test) (Fixture *, gconstpointer))
{
  g_autofree char *folder = g_strconcat ("/transport/folder/", name, NULL);
  g_autofree char *webdav = g_strconcat ("/transport/webdav/", name, NULL);

  g_test_add (folder, Fixture, GINT_TO_POINTER (KIND_FOLDER), fixture_setup, test,
              fixture_teardown);
  g_test_add (webdav, Fixture, GINT_TO_POINTER (KIND_WEBDAV), fixture_setup, test,
              fixture_teardown);
}

static void
add_folder (const char *path,
            void (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, GINT_TO_POINTER (KIND_FOLDER), fixture_setup, test,
              fixture_teardown);
}

int
main (int   argc,
      char *argv[])
{
  /* The servers are on 127.0.0.1; a proxy from the environment must not stand between. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");
  g_test_init (&argc, &argv, NULL);

  add_both ("list-missing-folder-is-empty", test_list_missing_folder);
  add_both ("make-folder-nested", test_make_folder_nested);
  add_both ("write-then-read", test_write_read);
  add_both ("write-over-existing-refused", test_write_existing);
  add_both ("rename-to-free-name", test_rename_to_free_name);
  add_both ("rename-onto-existing-refused", test_rename_onto_existing);
  add_both ("remove", test_remove);
  add_both ("list-names-and-sizes", test_list_names_and_sizes);
  add_both ("unusual-names-round-trip", test_unusual_names);
  add_both ("invalid-paths-refused", test_invalid_paths);

  add_folder ("/transport/folder/files-0600-folders-0700", test_folder_mode);
  add_folder ("/transport/folder/rename-fallbacks", test_folder_rename_fallbacks);
  add_folder ("/transport/folder/write-into-missing-folder",
              test_folder_write_leaves_nothing_on_failure);

  g_test_add_func ("/transport/webdav/refuses-bad-addresses", test_webdav_refuses_addresses);
  g_test_add_func ("/transport/webdav/describe-without-password", test_webdav_describe);
  g_test_add_func ("/transport/webdav/wrong-password", test_webdav_wrong_password);
  g_test_add_func ("/transport/webdav/busy-retried-then-gives-up",
                   test_webdav_busy_then_gives_up);
  g_test_add_func ("/transport/webdav/locked-twice-then-created",
                   test_webdav_locked_then_created);
  g_test_add_func ("/transport/webdav/unreachable", test_webdav_unreachable);
  g_test_add_func ("/transport/webdav/cancel-while-busy", test_webdav_cancel_while_busy);
  g_test_add_func ("/transport/webdav/full-and-refused-not-retried",
                   test_webdav_full_and_refused_not_retried);
  g_test_add_func ("/transport/webdav/parses-multistatus", test_webdav_parses_multistatus);

  add_folder ("/transport/owned/passes-own-paths", test_owned_passes_own_paths);
  add_folder ("/transport/owned/aborts-on-another-desk", test_owned_aborts_on_another_desk);
  add_folder ("/transport/adversarial/faults-then-heal", test_adversarial_faults_then_heal);
  add_folder ("/transport/adversarial/seed-replays", test_adversarial_replays);

  return g_test_run ();
}
