/* ed-test-webdav.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <unistd.h>

#include "ed-test-dir.h"
#include "ed-test-webdav.h"

/* Debian's apache2 and its modules (build-aux/deps.sh installs them for the tests). */
#define MODULES "/usr/lib/apache2/modules"
#define START_TIMEOUT_US (10 * G_USEC_PER_SEC)
#define STOP_TIMEOUT_US (5 * G_USEC_PER_SEC)

/* ED_TEST_APACHE names another apache2 binary; set to "" it pretends there is none, to see
 * the tests skip as they would on a machine without it. */
static char *
find_apache (void)
{
  const char *chosen = g_getenv ("ED_TEST_APACHE");
  char *path;

  if (chosen != NULL)
    return chosen[0] != '\0' ? g_strdup (chosen) : NULL;
  path = g_find_program_in_path ("apache2");

  if (path == NULL && g_file_test ("/usr/sbin/apache2", G_FILE_TEST_IS_EXECUTABLE))
    path = g_strdup ("/usr/sbin/apache2");
  if (path != NULL && !g_file_test (MODULES "/mod_dav_fs.so", G_FILE_TEST_EXISTS))
    g_clear_pointer (&path, g_free);
  return path;
}

/**
 * ed_test_free_port:
 *
 * A TCP port on 127.0.0.1 that was free a moment ago: the system picks it for a socket bound
 * to port 0, which is then closed.
 *
 * Returns: the port
 */
guint
ed_test_free_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_no_error (error);
  g_socket_bind (socket, any_port, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  g_socket_close (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* Apache refuses to serve as root, and its workers take the identity of User and Group:
 * when the tests run as root (in a container), that is nobody, who must be able to write
 * the served folder and the lock database. */
static gboolean
serve_as_nobody (EdTestWebdav  *server,
                 const char    *var,
                 GString       *config,
                 GError       **error)
{
  struct passwd *nobody = getpwnam ("nobody");
  struct group *group;

  if (geteuid () != 0)
    return TRUE;
  if (nobody == NULL || (group = getgrgid (nobody->pw_gid)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "running as root, and there is no user “nobody” for Apache to serve as");
      return FALSE;
    }
  g_string_append_printf (config, "User %s\nGroup %s\n", nobody->pw_name, group->gr_name);
  if (g_chmod (server->dir, 0711) != 0 ||
      chown (server->folder, nobody->pw_uid, nobody->pw_gid) != 0 ||
      chown (var, nobody->pw_uid, nobody->pw_gid) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "could not hand the served folder to nobody: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* A password file line in the {SHA} form mod_authn_file reads: SHA-1, base64. */
static gboolean
write_password_file (const char  *path,
                     const char  *user,
                     const char  *password,
                     GError     **error)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;
  g_autofree char *encoded = NULL;
  g_autofree char *line = NULL;

  g_checksum_update (sha1, (const guchar *) password, (gssize) strlen (password));
  g_checksum_get_digest (sha1, digest, &length);
  encoded = g_base64_encode (digest, length);
  line = g_strdup_printf ("%s:{SHA}%s\n", user, encoded);
  if (!g_file_set_contents (path, line, -1, error))
    return FALSE;
  return g_chmod (path, 0644) == 0;
}

static char *
make_config (EdTestWebdav  *server,
             const char    *user,
             const char    *password,
             GError       **error)
{
  g_autofree char *var = g_build_filename (server->dir, "var", NULL);
  g_autofree char *passwords = g_build_filename (server->dir, "passwords", NULL);
  g_autoptr(GString) config = g_string_new (NULL);

  g_string_append_printf (config,
                          "ServerRoot \"%1$s\"\n"
                          "ServerName 127.0.0.1\n"
                          "Listen 127.0.0.1:%2$u\n"
                          "PidFile \"%1$s/httpd.pid\"\n"
                          "DefaultRuntimeDir \"%1$s\"\n"
                          "ErrorLog \"%1$s/error.log\"\n"
                          "LogLevel warn\n",
                          server->dir, server->port);
  g_string_append (config,
                   "LoadModule mpm_event_module " MODULES "/mod_mpm_event.so\n"
                   "LoadModule authz_core_module " MODULES "/mod_authz_core.so\n"
                   "LoadModule dav_module " MODULES "/mod_dav.so\n"
                   "LoadModule dav_fs_module " MODULES "/mod_dav_fs.so\n"
                   "StartServers 1\n"
                   "ServerLimit 1\n"
                   "ThreadsPerChild 8\n"
                   "MaxRequestWorkers 8\n"
                   "MinSpareThreads 1\n"
                   "MaxSpareThreads 8\n");
  if (user != NULL)
    g_string_append (config,
                     "LoadModule authn_core_module " MODULES "/mod_authn_core.so\n"
                     "LoadModule authn_file_module " MODULES "/mod_authn_file.so\n"
                     "LoadModule auth_basic_module " MODULES "/mod_auth_basic.so\n"
                     "LoadModule authz_user_module " MODULES "/mod_authz_user.so\n");

  if (g_mkdir (server->folder, 0700) != 0 || g_mkdir (var, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
      return NULL;
    }
  if (!serve_as_nobody (server, var, config, error))
    return NULL;

  g_string_append_printf (config,
                          "DavLockDB \"%1$s/DavLock\"\n"
                          "DocumentRoot \"%2$s\"\n"
                          "<Directory />\n"
                          "  AllowOverride None\n"
                          "  Require all denied\n"
                          "</Directory>\n"
                          "<Directory \"%2$s\">\n"
                          "  Dav On\n",
                          var, server->folder);
  if (user != NULL)
    {
      if (!write_password_file (passwords, user, password, error))
        return NULL;
      g_string_append_printf (config,
                              "  AuthType Basic\n"
                              "  AuthName \"Electoral Desk test\"\n"
                              "  AuthBasicProvider file\n"
                              "  AuthUserFile \"%s\"\n"
                              "  Require valid-user\n",
                              passwords);
    }
  else
    {
      g_string_append (config, "  Require all granted\n");
    }
  g_string_append (config, "</Directory>\n");
  return g_string_free (g_steal_pointer (&config), FALSE);
}

static gboolean
port_answers (guint port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", (guint16) port, NULL, NULL);
  return connection != NULL;
}

static gboolean
has_exited (GPid pid)
{
  int status;

  return waitpid (pid, &status, WNOHANG) == pid;
}

static gboolean
wait_until_serving (EdTestWebdav  *server,
                    GError       **error)
{
  gint64 deadline = g_get_monotonic_time () + START_TIMEOUT_US;

  while (!port_answers (server->port))
    {
      if (has_exited (server->pid) || g_get_monotonic_time () > deadline)
        {
          g_autofree char *log_path = g_build_filename (server->dir, "error.log", NULL);
          g_autofree char *log = NULL;

          server->pid = 0;
          g_file_get_contents (log_path, &log, NULL, NULL);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "Apache did not start on port %u: %s", server->port,
                       log != NULL ? log : "(no log)");
          return FALSE;
        }
      g_usleep (20 * 1000);
    }
  return TRUE;
}

/* Runs in the child before Apache starts: should the test die on a failed assertion, the
 * kernel stops its server too, rather than leaving it to hold a port for ever. */
static void
die_with_test (gpointer data)
{
#ifdef __linux__
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif
}

static void
free_server (EdTestWebdav *server)
{
  g_free (server->url);
  g_free (server->folder);
  g_free (server->dir);
  g_free (server);
}

/**
 * ed_test_webdav_start_with_password:
 * @user: (nullable): a user name the server will ask for, or %NULL to ask for none
 * @password: (nullable): its password
 * @error: return location for an error
 *
 * Starts Apache with mod_dav_fs on a free port, serving an empty folder. Fails with
 * %G_IO_ERROR_NOT_FOUND when Apache is not installed, which a test turns into a skip.
 *
 * Returns: (transfer full): the running server, or %NULL
 */
EdTestWebdav *
ed_test_webdav_start_with_password (const char  *user,
                                    const char  *password,
                                    GError     **error)
{
  g_autofree char *apache = find_apache ();
  g_autofree char *config = NULL;
  g_autofree char *config_path = NULL;
  EdTestWebdav *server;

  if (apache == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "Apache httpd with mod_dav_fs is not installed (apt-get install apache2, "
                   "or build-aux/deps.sh test)");
      return NULL;
    }

  server = g_new0 (EdTestWebdav, 1);
  server->dir = g_dir_make_tmp ("electoral-desk-webdav-XXXXXX", error);
  if (server->dir == NULL)
    {
      free_server (server);
      return NULL;
    }
  server->folder = g_build_filename (server->dir, "www", NULL);
  server->port = ed_test_free_port ();
  server->url = g_strdup_printf ("http://127.0.0.1:%u/", server->port);

  config = make_config (server, user, password != NULL ? password : "", error);
  config_path = g_build_filename (server->dir, "httpd.conf", NULL);
  if (config == NULL || !g_file_set_contents (config_path, config, -1, error))
    {
      ed_test_webdav_stop (server);
      return NULL;
    }

  {
    const char *argv[] = { apache, "-f", config_path, "-DFOREGROUND", NULL };

    /* Its output would break the tests' TAP stream; it logs to error.log. */
    if (!g_spawn_async (server->dir, (char **) argv, NULL,
                        G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                          G_SPAWN_STDERR_TO_DEV_NULL,
                        die_with_test, NULL, &server->pid, error))
      {
        server->pid = 0;
        ed_test_webdav_stop (server);
        return NULL;
      }
  }
  if (!wait_until_serving (server, error))
    {
      ed_test_webdav_stop (server);
      return NULL;
    }
  return server;
}

/**
 * ed_test_webdav_start:
 * @error: return location for an error
 *
 * Starts Apache with mod_dav_fs serving an empty folder to anyone.
 *
 * Returns: (transfer full): the running server, or %NULL
 */
EdTestWebdav *
ed_test_webdav_start (GError **error)
{
  return ed_test_webdav_start_with_password (NULL, NULL, error);
}

/**
 * ed_test_webdav_stop:
 * @server: (nullable): a server from ed_test_webdav_start()
 *
 * Stops the server (SIGTERM, then SIGKILL if it lingers) and removes its folder.
 */
void
ed_test_webdav_stop (EdTestWebdav *server)
{
  if (server == NULL)
    return;
  if (server->pid > 0)
    {
      gint64 deadline = g_get_monotonic_time () + STOP_TIMEOUT_US;

      kill (server->pid, SIGTERM);
      while (!has_exited (server->pid))
        {
          if (g_get_monotonic_time () > deadline)
            {
              kill (server->pid, SIGKILL);
              waitpid (server->pid, NULL, 0);
              break;
            }
          g_usleep (10 * 1000);
        }
      g_spawn_close_pid (server->pid);
    }
  if (server->dir != NULL)
    ed_test_dir_remove_all (server->dir);
  free_server (server);
}
