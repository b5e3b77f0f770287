/* ed-transport-webdav.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#include "sync/ed-transport-webdav-private.h"

/* A share on a WebDAV server (SYNC.md §4.9), through libsoup's blocking calls on the sync
 * worker's thread. Only what sync needs: PROPFIND to list, GET, PUT with If-None-Match,
 * MOVE with Overwrite: F, DELETE and MKCOL. Never LOCK: locks on a share outlive the desks
 * that take them. A server that is busy or has a file locked (Nextcloud answers 423) is
 * asked again after a pause that doubles each time.
 *
 * The session is made and set up on the thread that creates the transport; requests are
 * then sent from the sync worker's thread, which libsoup allows since 3.2. */

#define DEFAULT_ATTEMPTS 5
#define DEFAULT_FIRST_DELAY_MS 200
#define TIMEOUT_SECONDS 30

/* The pause between attempts is slept in slices so that a cancelled sync stops soon. */
#define SLEEP_SLICE_MS 50

#define DAV_NAMESPACE "DAV:"

static const char propfind_body[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<D:propfind xmlns:D=\"DAV:\"><D:prop>"
  "<D:resourcetype/><D:getcontentlength/><D:getlastmodified/>"
  "</D:prop></D:propfind>\n";

struct _EdTransportWebdav
{
  GObject parent_instance;

  SoupSession *session;
  char        *base;           /* scheme://host[:port]/path/, percent-encoded, no user */
  char        *authorization;  /* the Basic header's value, or NULL: a secret */
  guint        attempts;
  guint        first_delay_ms;
};

static void ed_transport_webdav_iface_init (EdTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EdTransportWebdav, ed_transport_webdav, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ED_TYPE_TRANSPORT,
                                                      ed_transport_webdav_iface_init))

/* --- URLs ------------------------------------------------------------------------------ */

/* The address of @path under the share: each part percent-encoded, so that a space, "#",
 * "?" or a non-ASCII letter in a name stays in the name. A folder's address ends with "/",
 * which spares a redirect on servers that would add it. */
static char *
url_for (EdTransportWebdav *self,
         const char        *path,
         gboolean           folder)
{
  g_auto(GStrv) parts = NULL;
  GString *url = g_string_new (self->base);

  if (path[0] == '\0')
    return g_string_free (url, FALSE);

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (parts[i], NULL, FALSE);

      if (i > 0)
        g_string_append_c (url, '/');
      g_string_append (url, escaped);
    }
  if (folder)
    g_string_append_c (url, '/');
  return g_string_free (url, FALSE);
}

/* The path of a URL or of an absolute path, still escaped, without a trailing "/". */
static char *
escaped_path (const char *href)
{
  g_autofree char *path = NULL;
  gsize length;

  if (strstr (href, "://") != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (href, G_URI_FLAGS_ENCODED, NULL);

      if (uri == NULL)
        return NULL;
      path = g_strdup (g_uri_get_path (uri));
    }
  else
    {
      path = g_strdup (href);
    }

  length = strlen (path);
  while (length > 1 && path[length - 1] == '/')
    path[--length] = '\0';
  return g_steal_pointer (&path);
}

/* Decoded, for comparing: servers differ in which characters they escape, and how. */
static char *
decoded_path (const char *href)
{
  g_autofree char *path = escaped_path (href);

  return path != NULL ? g_uri_unescape_string (path, NULL) : NULL;
}

/* The last part of @href's path, decoded; NULL if it does not decode to a name. */
static char *
last_name (const char *href)
{
  g_autofree char *path = escaped_path (href);
  const char *slash = path != NULL ? strrchr (path, '/') : NULL;

  return g_uri_unescape_string (slash != NULL ? slash + 1 : path, "/");
}

/* --- The multistatus answer to PROPFIND ------------------------------------------------- */

/* Servers name the DAV: namespace with any prefix (D:, d:, lp1:, or none), so elements are
 * matched by namespace and local name, the namespace found from the xmlns declarations in
 * scope. GMarkup knows nothing of namespaces, hence this small table of them. */
typedef struct
{
  char  *prefix;  /* "" for the default namespace */
  char  *uri;
  guint  depth;
} Namespace;

typedef struct
{
  GArray    *namespaces;  /* of Namespace, innermost last */
  GPtrArray *stack;       /* local names of the DAV: elements open, "" for others */
  GString   *text;
  gboolean   capturing;

  /* The response being read. */
  char      *href;
  gboolean   response_failed;
  gboolean   found;
  gboolean   is_folder;
  guint64    size;
  gint64     mtime;

  /* Its propstat being read: taken only if its status is a success. */
  gboolean   prop_is_folder;
  guint64    prop_size;
  gint64     prop_mtime;
  guint      prop_status;

  char      *folder_path;  /* decoded, of the folder listed */
  GPtrArray *entries;
} Multistatus;

static void
clear_namespace (gpointer data)
{
  Namespace *ns = data;

  g_free (ns->prefix);
  g_free (ns->uri);
}

static const char *
namespace_of (Multistatus *ms,
              const char  *prefix)
{
  for (guint i = ms->namespaces->len; i > 0; i--)
    {
      Namespace *ns = &g_array_index (ms->namespaces, Namespace, i - 1);

      if (g_str_equal (ns->prefix, prefix))
        return ns->uri;
    }
  return NULL;
}

/* The local name of @qname if it is in the DAV: namespace, else "". */
static const char *
dav_local_name (Multistatus *ms,
                const char  *qname)
{
  const char *colon = strchr (qname, ':');
  g_autofree char *prefix = colon != NULL ? g_strndup (qname, (gsize) (colon - qname))
                                          : g_strdup ("");
  const char *uri = namespace_of (ms, prefix);

  if (uri == NULL || !g_str_equal (uri, DAV_NAMESPACE))
    return "";
  return colon != NULL ? colon + 1 : qname;
}

static const char *
parent_element (Multistatus *ms)
{
  /* The element just opened is on top; its parent is below it. */
  if (ms->stack->len < 2)
    return "";
  return g_ptr_array_index (ms->stack, ms->stack->len - 2);
}

static gboolean
is_captured (const char *name)
{
  return g_str_equal (name, "href") || g_str_equal (name, "getcontentlength") ||
         g_str_equal (name, "getlastmodified") || g_str_equal (name, "status");
}

static void
multistatus_start (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **attribute_names,
                   const char          **attribute_values,
                   gpointer              user_data,
                   GError              **error)
{
  Multistatus *ms = user_data;
  guint depth = ms->stack->len + 1;
  const char *name;

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      Namespace ns = { NULL, NULL, depth };

      if (g_str_equal (attribute_names[i], "xmlns"))
        ns.prefix = g_strdup ("");
      else if (g_str_has_prefix (attribute_names[i], "xmlns:"))
        ns.prefix = g_strdup (attribute_names[i] + strlen ("xmlns:"));
      else
        continue;
      ns.uri = g_strdup (attribute_values[i]);
      g_array_append_val (ms->namespaces, ns);
    }

  name = dav_local_name (ms, element);
  g_ptr_array_add (ms->stack, g_strdup (name));

  if (g_str_equal (name, "response"))
    {
      g_clear_pointer (&ms->href, g_free);
      ms->response_failed = FALSE;
      ms->found = FALSE;
      ms->is_folder = FALSE;
      ms->size = 0;
      ms->mtime = 0;
    }
  else if (g_str_equal (name, "propstat"))
    {
      ms->prop_is_folder = FALSE;
      ms->prop_size = 0;
      ms->prop_mtime = 0;
      ms->prop_status = 0;
    }
  else if (g_str_equal (name, "collection") && g_str_equal (parent_element (ms), "resourcetype"))
    {
      ms->prop_is_folder = TRUE;
    }

  ms->capturing = is_captured (name);
  g_string_truncate (ms->text, 0);
}

static guint
status_code (const char *status_line)
{
  /* "HTTP/1.1 200 OK" */
  const char *space = strchr (status_line, ' ');

  return space != NULL ? (guint) strtoul (space + 1, NULL, 10) : 0;
}

static void
add_entry (Multistatus *ms)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  EdShareEntry *entry;

  if (ms->href == NULL || ms->response_failed || !ms->found)
    return;
  path = decoded_path (ms->href);
  name = last_name (ms->href);
  /* The folder's own entry, and any name that does not decode (or decodes to hold "/" or
   * nothing), are left out. */
  if (path == NULL || name == NULL || name[0] == '\0' ||
      (ms->folder_path != NULL && g_str_equal (path, ms->folder_path)))
    return;

  entry = g_new0 (EdShareEntry, 1);
  entry->name = g_steal_pointer (&name);
  entry->is_folder = ms->is_folder;
  entry->size = ms->is_folder ? 0 : ms->size;
  entry->mtime = ms->mtime;
  g_ptr_array_add (ms->entries, entry);
}

static void
multistatus_end (GMarkupParseContext  *context,
                 const char           *element,
                 gpointer              user_data,
                 GError              **error)
{
  Multistatus *ms = user_data;
  g_autofree char *name = g_ptr_array_steal_index (ms->stack, ms->stack->len - 1);
  const char *parent = ms->stack->len > 0 ? g_ptr_array_index (ms->stack, ms->stack->len - 1)
                                          : "";
  const char *text = ms->text->str;

  if (g_str_equal (name, "href") && g_str_equal (parent, "response"))
    {
      g_free (ms->href);
      ms->href = g_strstrip (g_strdup (text));
    }
  else if (g_str_equal (name, "getcontentlength"))
    {
      ms->prop_size = g_ascii_strtoull (text, NULL, 10);
    }
  else if (g_str_equal (name, "getlastmodified"))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (stripped);

      if (when != NULL)
        ms->prop_mtime = g_date_time_to_unix (when) * G_USEC_PER_SEC;
    }
  else if (g_str_equal (name, "status") && g_str_equal (parent, "propstat"))
    {
      ms->prop_status = status_code (text);
    }
  else if (g_str_equal (name, "status") && g_str_equal (parent, "response"))
    {
      guint code = status_code (text);

      ms->response_failed = code < 200 || code > 299;
    }
  else if (g_str_equal (name, "propstat") && ms->prop_status >= 200 && ms->prop_status <= 299)
    {
      ms->found = TRUE;
      ms->is_folder = ms->is_folder || ms->prop_is_folder;
      if (ms->prop_size != 0)
        ms->size = ms->prop_size;
      if (ms->prop_mtime != 0)
        ms->mtime = ms->prop_mtime;
    }
  else if (g_str_equal (name, "response"))
    {
      add_entry (ms);
    }

  while (ms->namespaces->len > 0 &&
         g_array_index (ms->namespaces, Namespace, ms->namespaces->len - 1).depth >
           ms->stack->len)
    g_array_remove_index (ms->namespaces, ms->namespaces->len - 1);
  ms->capturing = FALSE;
  g_string_truncate (ms->text, 0);
}

static void
multistatus_text (GMarkupParseContext  *context,
                  const char           *text,
                  gsize                 length,
                  gpointer              user_data,
                  GError              **error)
{
  Multistatus *ms = user_data;

  if (ms->capturing)
    g_string_append_len (ms->text, text, (gssize) length);
}

static const GMarkupParser multistatus_parser = {
  multistatus_start,
  multistatus_end,
  multistatus_text,
  NULL,
  NULL,
};

/**
 * _ed_transport_webdav_parse_multistatus:
 * @body: a 207 Multi-Status answer to PROPFIND with Depth 1
 * @folder_url: the address of the folder listed
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdShareEntry): the folder's entries, without the
 *   folder itself, or %NULL if @body is not XML
 */
GPtrArray *
_ed_transport_webdav_parse_multistatus (GBytes      *body,
                                        const char  *folder_url,
                                        GError     **error)
{
  Multistatus ms = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);
  gboolean parsed;

  ms.namespaces = g_array_new (FALSE, TRUE, sizeof (Namespace));
  g_array_set_clear_func (ms.namespaces, clear_namespace);
  ms.stack = g_ptr_array_new_with_free_func (g_free);
  ms.text = g_string_new (NULL);
  ms.folder_path = decoded_path (folder_url);
  ms.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_share_entry_free);

  context = g_markup_parse_context_new (&multistatus_parser, G_MARKUP_TREAT_CDATA_AS_TEXT,
                                        &ms, NULL);
  parsed = g_markup_parse_context_parse (context, data != NULL ? data : "", (gssize) length,
                                         &local_error) &&
           g_markup_parse_context_end_parse (context, &local_error);

  g_array_unref (ms.namespaces);
  g_ptr_array_unref (ms.stack);
  g_string_free (ms.text, TRUE);
  g_free (ms.href);
  g_free (ms.folder_path);

  if (!parsed)
    {
      g_ptr_array_unref (ms.entries);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The server's list of the folder could not be read: %s"),
                   local_error->message);
      return NULL;
    }
  return ms.entries;
}

/* --- Requests and retries --------------------------------------------------------------- */

typedef struct
{
  const char *method;
  const char *url;
  GBytes     *body;
  const char *content_type;
  const char *depth;
  const char *destination;
  gboolean    if_none_match;
  gboolean    no_overwrite;
} Request;

static SoupMessage *
build_message (EdTransportWebdav *self,
               const Request     *request)
{
  g_autoptr(GUri) uri = g_uri_parse (request->url, G_URI_FLAGS_ENCODED, NULL);
  SoupMessage *message;
  SoupMessageHeaders *headers;

  g_assert (uri != NULL);
  message = soup_message_new_from_uri (request->method, uri);
  headers = soup_message_get_request_headers (message);
  /* A redirect would carry the password to wherever the server pointed. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  if (self->authorization != NULL)
    soup_message_headers_replace (headers, "Authorization", self->authorization);
  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (message, request->content_type, request->body);
  if (request->depth != NULL)
    soup_message_headers_replace (headers, "Depth", request->depth);
  if (request->destination != NULL)
    soup_message_headers_replace (headers, "Destination", request->destination);
  if (request->if_none_match)
    soup_message_headers_replace (headers, "If-None-Match", "*");
  if (request->no_overwrite)
    soup_message_headers_replace (headers, "Overwrite", "F");
  return message;
}

static gboolean
is_busy_status (guint status)
{
  return status == SOUP_STATUS_LOCKED || status == SOUP_STATUS_INTERNAL_SERVER_ERROR ||
         status == SOUP_STATUS_BAD_GATEWAY || status == SOUP_STATUS_SERVICE_UNAVAILABLE ||
         status == SOUP_STATUS_GATEWAY_TIMEOUT;
}

/* Errors of the network, worth another attempt; not a bad certificate, which stays bad. */
static gboolean
is_network_error (const GError *error)
{
  if (error->domain == G_RESOLVER_ERROR || error->domain == SOUP_SESSION_ERROR)
    return TRUE;
  return error->domain == G_IO_ERROR && error->code != G_IO_ERROR_CANCELLED;
}

static gboolean
pause_before_retry (guint          delay_ms,
                    GCancellable  *cancellable,
                    GError       **error)
{
  gint64 end = g_get_monotonic_time () + (gint64) delay_ms * 1000;

  for (;;)
    {
      gint64 now = g_get_monotonic_time ();

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (now >= end)
        return TRUE;
      g_usleep ((gulong) MIN (end - now, SLEEP_SLICE_MS * 1000));
    }
}

static void
set_gave_up_error (EdTransportWebdav  *self,
                   guint               status,
                   const char         *reason,
                   const GError       *network_error,
                   GError            **error)
{
  if (network_error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                 _("The server at %s is busy or has the file locked (%u %s); sync will try "
                   "again later"),
                 self->base, status, reason != NULL ? reason : "");
  else if (g_error_matches (network_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                 _("The server at %s did not answer in time; sync will try again later"),
                 self->base);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE,
                 _("Could not reach the server at %s (%s); sync will try again later"),
                 self->base, network_error->message);
}

/* Sends @request, again while the server is busy or out of reach, and returns the answer
 * with its status. Answers that no operation can use (a refused password, a full server)
 * become errors here; the rest are for the caller to read. */
static GBytes *
send_request (EdTransportWebdav  *self,
              const Request      *request,
              guint              *status,
              GCancellable       *cancellable,
              GError            **error)
{
  guint delay_ms = self->first_delay_ms;

  for (guint attempt = 1;; attempt++)
    {
      g_autoptr(SoupMessage) message = build_message (self, request);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) answer = NULL;
      gboolean last = attempt >= self->attempts;
      guint code = 0;

      answer = soup_session_send_and_read (self->session, message, cancellable, &local_error);
      if (answer == NULL)
        {
          if (!is_network_error (local_error))
            {
              if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
                g_propagate_error (error, g_steal_pointer (&local_error));
              else
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("Could not talk to the server at %s: %s"),
                             self->base, local_error->message);
              return NULL;
            }
          g_debug ("%s %s: attempt %u: %s", request->method, request->url, attempt,
                   local_error->message);
          if (last)
            {
              set_gave_up_error (self, 0, NULL, local_error, error);
              return NULL;
            }
        }
      else
        {
          code = soup_message_get_status (message);
          g_debug ("%s %s: attempt %u: %u", request->method, request->url, attempt, code);

          if (code == SOUP_STATUS_UNAUTHORIZED || code == SOUP_STATUS_FORBIDDEN)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("The server at %s refused access (%u %s): check the user name "
                             "and password in the sync settings"),
                           self->base, code, soup_message_get_reason_phrase (message));
              return NULL;
            }
          if (code == SOUP_STATUS_INSUFFICIENT_STORAGE)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("The server at %s is full: nothing more can be written to the "
                             "shared folder"),
                           self->base);
              return NULL;
            }
          if (!is_busy_status (code))
            {
              *status = code;
              return g_steal_pointer (&answer);
            }
          if (last)
            {
              set_gave_up_error (self, code, soup_message_get_reason_phrase (message), NULL,
                                 error);
              return NULL;
            }
        }

      if (!pause_before_retry (delay_ms, cancellable, error))
        return NULL;
      delay_ms = delay_ms <= G_MAXUINT / 2 ? delay_ms * 2 : G_MAXUINT;
    }
}

static void
set_unexpected_error (EdTransportWebdav  *self,
                      const Request      *request,
                      const char         *path,
                      guint               status,
                      GError            **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The server at %s answered %u (%s) to %s of “%s”"),
               self->base, status, soup_status_get_phrase (status), request->method, path);
}

static gboolean
is_success (guint status)
{
  return status >= 200 && status <= 299;
}

/* --- The transport ---------------------------------------------------------------------- */

static GPtrArray *
ed_transport_webdav_list (EdTransport   *transport,
                          const char    *folder,
                          GCancellable  *cancellable,
                          GError       **error)
{
  EdTransportWebdav *self = ED_TRANSPORT_WEBDAV (transport);
  g_autofree char *url = url_for (self, folder, TRUE);
  g_autoptr(GBytes) body = g_bytes_new_static (propfind_body, strlen (propfind_body));
  g_autoptr(GBytes) answer = NULL;
  Request request = {
    .method = "PROPFIND",
    .url = url,
    .body = body,
    .content_type = "application/xml; charset=utf-8",
    .depth = "1",
  };
  guint status = 0;

  answer = send_request (self, &request, &status, cancellable, error);
  if (answer == NULL)
    return NULL;
  if (status == SOUP_STATUS_NOT_FOUND)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) ed_share_entry_free);
  if (status != SOUP_STATUS_MULTI_STATUS)
    {
      set_unexpected_error (self, &request, folder, status, error);
      return NULL;
    }
  return _ed_transport_webdav_parse_multistatus (answer, url, error);
}

static GBytes *
ed_transport_webdav_read (EdTransport   *transport,
                          const char    *path,
                          GCancellable  *cancellable,
                          GError       **error)
{
  EdTransportWebdav *self = ED_TRANSPORT_WEBDAV (transport);
  g_autofree char *url = url_for (self, path, FALSE);
  g_autoptr(GBytes) answer = NULL;
  Request request = { .method = "GET", .url = url };
  guint status = 0;

  answer = send_request (self, &request, &status, cancellable, error);
  if (answer == NULL)
    return NULL;
  if (status == SOUP_STATUS_NOT_FOUND)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” is not on the server at %s"), path, self->base);
      return NULL;
    }
  if (status != SOUP_STATUS_OK)
    {
      set_unexpected_error (self, &request, path, status, error);
      return NULL;
    }
  return g_steal_pointer (&answer);
}

static void
set_exists_error (EdTransportWebdav  *self,
                  const char         *path,
                  GError            **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("“%s” already exists on the server at %s"), path, self->base);
}

static void
set_no_folder_error (EdTransportWebdav  *self,
                     const char         *path,
                     GError            **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("The folder for “%s” is not on the server at %s"), path, self->base);
}

static gboolean
ed_transport_webdav_write_new (EdTransport   *transport,
                               const char    *path,
                               GBytes        *contents,
                               GCancellable  *cancellable,
                               GError       **error)
{
  EdTransportWebdav *self = ED_TRANSPORT_WEBDAV (transport);
  g_autofree char *url = url_for (self, path, FALSE);
  g_autoptr(GBytes) answer = NULL;
  Request request = {
    .method = "PUT",
    .url = url,
    .body = contents,
    .content_type = "application/octet-stream",
    .if_none_match = TRUE,
  };
  guint status = 0;

  /* A PUT whose answer was lost is sent again and then finds its own file: EXISTS. Callers
   * write under a temporary name and compare contents when a final name exists
   * (SYNC.md §3), so that is safe. */
  answer = send_request (self, &request, &status, cancellable, error);
  if (answer == NULL)
    return FALSE;
  if (status == SOUP_STATUS_PRECONDITION_FAILED)
    set_exists_error (self, path, error);
  else if (status == SOUP_STATUS_CONFLICT || status == SOUP_STATUS_NOT_FOUND)
    set_no_folder_error (self, path, error);
  else if (!is_success (status))
    set_unexpected_error (self, &request, path, status, error);
  return is_success (status);
}

static gboolean
ed_transport_webdav_rename_new (EdTransport   *transport,
                                const char    *from,
                                const char    *to,
                                GCancellable  *cancellable,
                                GError       **error)
{
  EdTransportWebdav *self = ED_TRANSPORT_WEBDAV (transport);
  g_autofree char *url = url_for (self, from, FALSE);
  g_autofree char *destination = url_for (self, to, FALSE);
  g_autoptr(GBytes) answer = NULL;
  Request request = {
    .method = "MOVE",
    .url = url,
    .destination = destination,
    .no_overwrite = TRUE,
  };
  guint status = 0;

  answer = send_request (self, &request, &status, cancellable, error);
  if (answer == NULL)
    return FALSE;
  if (status == SOUP_STATUS_PRECONDITION_FAILED)
    set_exists_error (self, to, error);
  else if (status == SOUP_STATUS_NOT_FOUND)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("“%s” is not on the server at %s"), from, self->base);
  else if (status == SOUP_STATUS_CONFLICT)
    set_no_folder_error (self, to, error);
  else if (!is_success (status))
    set_unexpected_error (self, &request, from, status, error);
  return is_success (status);
}

static gboolean
ed_transport_webdav_remove (EdTransport   *transport,
                            const char    *path,
                            GCancellable  *cancellable,
                            GError       **error)
{
  EdTransportWebdav *self = ED_TRANSPORT_WEBDAV (transport);
  g_autofree char *url = url_for (self, path, FALSE);
  g_autoptr(GBytes) answer = NULL;
  Request request = { .method = "DELETE", .url = url };
  guint status = 0;

  answer = send_request (self, &request, &status, cancellable, error);
  if (answer == NULL)
    return FALSE;
  if (status == SOUP_STATUS_NOT_FOUND)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("“%s” is not on the server at %s"), path, self->base);
  else if (!is_success (status))
    set_unexpected_error (self, &request, path, status, error);
  return is_success (status);
}

/* MKCOL of one folder: 405 means something is there already, which is what was wanted.
 * Sets *missing_parent on 409, when the folder above is missing. */
static gboolean
make_one_folder (EdTransportWebdav  *self,
                 const char         *path,
                 gboolean           *missing_parent,
                 GCancellable       *cancellable,
                 GError            **error)
{
  g_autofree char *url = url_for (self, path, TRUE);
  g_autoptr(GBytes) answer = NULL;
  Request request = { .method = "MKCOL", .url = url };
  guint status = 0;

  *missing_parent = FALSE;
  answer = send_request (self, &request, &status, cancellable, error);
  if (answer == NULL)
    return FALSE;
  if (is_success (status) || status == SOUP_STATUS_METHOD_NOT_ALLOWED)
    return TRUE;
  if (status == SOUP_STATUS_CONFLICT)
    {
      *missing_parent = TRUE;
      set_no_folder_error (self, path, error);
      return FALSE;
    }
  set_unexpected_error (self, &request, path, status, error);
  return FALSE;
}

static gboolean
ed_transport_webdav_make_folder (EdTransport   *transport,
                                 const char    *path,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  EdTransportWebdav *self = ED_TRANSPORT_WEBDAV (transport);
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) level = NULL;
  gboolean missing_parent = FALSE;

  /* Usually only the last level is missing: one request. Otherwise each level from the top. */
  if (make_one_folder (self, path, &missing_parent, cancellable, &local_error))
    return TRUE;
  if (!missing_parent)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  parts = g_strsplit (path, "/", -1);
  level = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (level, '/');
      g_string_append (level, parts[i]);
      if (!make_one_folder (self, level->str, &missing_parent, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static char *
ed_transport_webdav_describe (EdTransport *transport)
{
  EdTransportWebdav *self = ED_TRANSPORT_WEBDAV (transport);

  return g_strdup (self->base);
}

static void
ed_transport_webdav_finalize (GObject *object)
{
  EdTransportWebdav *self = ED_TRANSPORT_WEBDAV (object);

  g_clear_object (&self->session);
  g_free (self->base);
  if (self->authorization != NULL)
    {
      /* Not left in freed memory for whatever allocates it next. */
      memset (self->authorization, 0, strlen (self->authorization));
      g_free (self->authorization);
    }
  G_OBJECT_CLASS (ed_transport_webdav_parent_class)->finalize (object);
}

static void
ed_transport_webdav_iface_init (EdTransportInterface *iface)
{
  iface->list = ed_transport_webdav_list;
  iface->read = ed_transport_webdav_read;
  iface->write_new = ed_transport_webdav_write_new;
  iface->rename_new = ed_transport_webdav_rename_new;
  iface->remove = ed_transport_webdav_remove;
  iface->make_folder = ed_transport_webdav_make_folder;
  iface->describe = ed_transport_webdav_describe;
}

static void
ed_transport_webdav_class_init (EdTransportWebdavClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ed_transport_webdav_finalize;
}

static void
ed_transport_webdav_init (EdTransportWebdav *self)
{
  self->attempts = DEFAULT_ATTEMPTS;
  self->first_delay_ms = DEFAULT_FIRST_DELAY_MS;
}

/* The share's address, checked and normalised: http or https, a host, no user name or
 * password in it (they have their own fields, and an address is shown to people), no query;
 * the path percent-encoded and ending with "/". */
static char *
base_from_url (const char  *url,
               GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *path = NULL;
  g_autofree char *lower_scheme = NULL;
  const char *scheme;

  if (uri == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a web address"), url);
      return NULL;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A WebDAV share's address starts with https:// or http://"));
      return NULL;
    }
  if (g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A WebDAV share's address needs the name of its server"));
      return NULL;
    }
  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Give the user name and password in their own fields, not in the "
                     "share's address"));
      return NULL;
    }
  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A WebDAV share's address cannot have “?” or “#” in it"));
      return NULL;
    }

  path = g_str_has_suffix (g_uri_get_path (uri), "/") ? g_strdup (g_uri_get_path (uri))
                                                      : g_strconcat (g_uri_get_path (uri), "/",
                                                                     NULL);
  lower_scheme = g_ascii_strdown (scheme, -1);
  return g_uri_join (G_URI_FLAGS_ENCODED, lower_scheme, NULL, g_uri_get_host (uri),
                     g_uri_get_port (uri), path, NULL, NULL);
}

/**
 * ed_transport_webdav_new:
 * @url: the share's address: http or https, with a host and perhaps a path
 * @user: (nullable): the user name for Basic authentication, or %NULL for none
 * @password: (nullable): its password
 * @error: return location for an error
 *
 * Creates a transport for a WebDAV folder. Nothing is sent until it is used. The password is
 * kept only to be sent; describe () and error messages name the address alone. Use https:
 * Basic authentication over http shows the password to the network.
 *
 * Returns: (transfer full): the transport, or %NULL if @url is not a WebDAV address
 */
EdTransport *
ed_transport_webdav_new (const char  *url,
                         const char  *user,
                         const char  *password,
                         GError     **error)
{
  g_autoptr(EdTransportWebdav) self = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  base = base_from_url (url, error);
  if (base == NULL)
    return NULL;

  self = g_object_new (ED_TYPE_TRANSPORT_WEBDAV, NULL);
  self->base = g_steal_pointer (&base);
  self->session = soup_session_new_with_options ("timeout", TIMEOUT_SECONDS,
                                                 "user-agent", "electoral-desk/" PACKAGE_VERSION,
                                                 NULL);
  /* The credentials go with every request (ed_transport_webdav_new's caller knows the
   * server wants them); libsoup's own authentication would only add a refused round trip. */
  soup_session_remove_feature_by_type (self->session, SOUP_TYPE_AUTH_MANAGER);
  if (user != NULL && user[0] != '\0')
    {
      g_autofree char *pair = g_strconcat (user, ":", password != NULL ? password : "", NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

      self->authorization = g_strconcat ("Basic ", encoded, NULL);
      memset (pair, 0, strlen (pair));
      memset (encoded, 0, strlen (encoded));
    }
  return ED_TRANSPORT (g_steal_pointer (&self));
}

/**
 * ed_transport_webdav_set_retries:
 * @self: a WebDAV transport
 * @attempts: how many times a request is sent at most, 1 or more
 * @first_delay_ms: the pause after the first failed attempt; each later pause doubles
 *
 * Changes how long a busy or unreachable server is waited for (5 attempts from 200 ms by
 * default, about 3 s in all); tests make it short.
 */
void
ed_transport_webdav_set_retries (EdTransportWebdav *self,
                                 guint              attempts,
                                 guint              first_delay_ms)
{
  g_return_if_fail (ED_IS_TRANSPORT_WEBDAV (self));
  g_return_if_fail (attempts >= 1);

  self->attempts = attempts;
  self->first_delay_ms = first_delay_ms;
}
