/* ed-account-labels.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the statement's PDF and workbook both say of an account's polls and entries, said
 * once: a poll's name, the polls an entry is charged to, and whether an entry's evidence is
 * still to come. */

#define G_LOG_DOMAIN "ed-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accounts/ed-account-document-private.h"

/* The poll's title; two polls of one combination may share one (a council's two referendums),
 * and then its id, which is unique, tells them apart. */
char *
_ed_account_poll_label (EdAccount *account,
                        guint      poll)
{
  EdElection *election = ed_account_get_poll (account, poll)->election;
  const char *title = *election->title != '\0' ? election->title : election->id;

  for (guint p = 0; p < ed_account_n_polls (account); p++)
    {
      EdElection *other = ed_account_get_poll (account, p)->election;

      if (p != poll && g_str_equal (other->title, election->title))
        /* Translators: a poll's title, then its id, to tell apart two polls of one title */
        return g_strdup_printf (_("%s (%s)"), title,
                                *election->slug != '\0' ? election->slug : election->id);
    }
  return g_strdup (title);
}

/* The one poll that bears an entry's cost, or -1 when polls share it. A cost of nothing
 * (entered to be reversed, say) is no one's share: the first poll it names then. */
gint
_ed_account_entry_bearer (EdAccount            *account,
                          const EdAccountEntry *entry)
{
  guint n_polls = ed_account_n_polls (account);

  if (entry->sharing != 1)
    return -1;
  for (guint p = 0; p < n_polls; p++)
    if (entry->gross != 0 && entry->shares[p] == entry->gross)
      return (gint)p;
  for (guint i = 0; entry->polls[i] != NULL; i++)
    for (guint p = 0; p < n_polls; p++)
      if (g_str_equal (ed_account_get_poll (account, p)->election->id, entry->polls[i]))
        return (gint)p;
  return 0;
}

/* Which polls an entry is charged to: one poll's name, or how many share it. */
char *
_ed_account_entry_polls_text (EdAccount            *account,
                              const EdAccountEntry *entry)
{
  gint bearer = _ed_account_entry_bearer (account, entry);

  if (bearer >= 0)
    return _ed_account_poll_label (account, (guint)bearer);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Shared by %u poll",
                                       "Shared by %u polls", entry->sharing),
                          entry->sharing);
}

/* Whether the evidence checklist lists an entry: a cost that stands (not reversed, not a
 * reversal) with nothing held, or only the contract or order, its invoice still to come. */
gboolean
_ed_account_entry_wants_evidence (const EdAccountEntry *entry)
{
  return entry->reverses[0] == '\0' && entry->reversed_by[0] == '\0' &&
         (entry->evidence == ED_EVIDENCE_NONE || entry->evidence == ED_EVIDENCE_CONTRACT);
}

/* The rule that split the account's costs among its polls, in a sentence. */
const char *
_ed_account_apportionment_rule (EdAccount *account)
{
  gboolean parish = FALSE;

  for (guint p = 0; p < ed_account_n_polls (account); p++)
    parish |= ed_account_get_poll (account, p)->election->kind == ED_ELECTION_PARISH;
  if (!parish)
    return _("Costs the polls share are split equally among the polls that share them, the odd "
             "penny to the first poll (RPA 1985 s.15(4)); a cost solely for one poll is charged "
             "to it.");
  if (account->parish_recharge == ED_PARISH_RECHARGE_ADDITIONAL)
    return _("Costs the polls share are split equally among the polls that share them, the odd "
             "penny to the first poll (RPA 1985 s.15(4)), but parish polls bear their additional "
             "cost only; a cost solely for one poll is charged to it.");
  return _("Costs the polls share are split equally among the polls that share them, parish "
           "polls among them, the odd penny to the first poll (RPA 1985 s.15(4)); a cost solely "
           "for one poll is charged to it.");
}
