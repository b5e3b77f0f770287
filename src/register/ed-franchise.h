/* ed-franchise.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "district/ed-district-settings.h"

G_BEGIN_DECLS

/**
 * EdFranchiseMarker:
 * @ED_FRANCHISE_MARKER_NONE: no marker: a British, Irish or qualifying Commonwealth
 *   citizen, who may vote at every poll
 * @ED_FRANCHISE_MARKER_OVERSEAS: `F`, an overseas elector
 * @ED_FRANCHISE_MARKER_PEER: `L`, a peer entitled to sit in the House of Lords
 * @ED_FRANCHISE_MARKER_EU_CITIZEN: `G`, an EU citizen (in England, only before 7 May 2024)
 * @ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN: `B`, in England from 7 May 2024, a qualifying
 *   EU citizen or an EU citizen with retained rights
 * @ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL: `M`, in Scotland, a qualifying foreign
 *   national
 * @ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN: in Wales, a qualifying foreign citizen; the
 *   letter is configurable (see %ED_FRANCHISE_WELSH_LETTER_DEFAULT)
 * @ED_FRANCHISE_MARKER_LEGACY_E: `E`, a pre-2020 European Parliament franchise marker,
 *   accepted on import and never given to a new entry
 * @ED_FRANCHISE_MARKER_LEGACY_K: `K`, likewise
 *
 * The franchise marker printed before an elector's name (DOMAIN.md §1.2). It says at which
 * polls the elector may vote. The anonymous entry's `N` is not a franchise marker: whether
 * an entry is anonymous is recorded separately (see ed-register-order.h).
 */
typedef enum
{
  ED_FRANCHISE_MARKER_NONE,
  ED_FRANCHISE_MARKER_OVERSEAS,
  ED_FRANCHISE_MARKER_PEER,
  ED_FRANCHISE_MARKER_EU_CITIZEN,
  ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN,
  ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL,
  ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN,
  ED_FRANCHISE_MARKER_LEGACY_E,
  ED_FRANCHISE_MARKER_LEGACY_K,
} EdFranchiseMarker;

/**
 * ED_FRANCHISE_N_MARKERS:
 *
 * How many #EdFranchiseMarker values there are, legacy ones included: room enough for
 * ed_franchise_markers_offered().
 */
#define ED_FRANCHISE_N_MARKERS (ED_FRANCHISE_MARKER_LEGACY_K + 1)

/**
 * ED_FRANCHISE_WELSH_LETTER_DEFAULT:
 *
 * The letter used for a qualifying foreign citizen in Wales when the district has not
 * configured one. The law requires the register to "give an indication of that fact" but
 * the letter in use is unconfirmed (DOMAIN.md §1.2, marked [U]), so each district can set
 * its own; `W` is only a default.
 */
#define ED_FRANCHISE_WELSH_LETTER_DEFAULT "W"

/**
 * ED_ATTAINER_WINDOW_MONTHS:
 *
 * How many months from the next 1 December an attainer may reach voting age in
 * (DOMAIN.md §1.2; RPA 1983 s 4(5)).
 */
#define ED_ATTAINER_WINDOW_MONTHS 12

/**
 * ED_ATTAINER_DEVOLVED_YOUNGEST_AGE:
 *
 * The youngest age at which someone in Wales or Scotland may register on the local
 * government register (DOMAIN.md §1.2, [C] for Scotland, [S] for Wales).
 */
#define ED_ATTAINER_DEVOLVED_YOUNGEST_AGE 14

gboolean     ed_franchise_welsh_letter_check          (const char         *letter,
                                                       GError            **error);

gboolean     ed_franchise_marker_parse                (const char         *text,
                                                       const char         *welsh_letter,
                                                       EdFranchiseMarker  *out,
                                                       GError            **error);
const char  *ed_franchise_marker_to_letter            (EdFranchiseMarker   marker,
                                                       const char         *welsh_letter);
const char  *ed_franchise_marker_get_display_name     (EdFranchiseMarker   marker);
gboolean     ed_franchise_marker_is_legacy            (EdFranchiseMarker   marker);
const char  *ed_franchise_marker_published_letter     (const char         *stored,
                                                       const char         *welsh_letter);

gboolean     ed_franchise_marker_allowed              (EdFranchiseMarker   marker,
                                                       EdCountry           country,
                                                       const GDate        *on_date,
                                                       GError            **error);
guint        ed_franchise_markers_offered             (EdCountry           country,
                                                       const GDate        *on_date,
                                                       EdFranchiseMarker   out[ED_FRANCHISE_N_MARKERS]);
gboolean     ed_franchise_marker_accept_on_import     (EdFranchiseMarker   marker,
                                                       EdCountry           country,
                                                       const GDate        *on_date,
                                                       GError            **error);

gboolean     ed_franchise_marker_votes_at_ukpge       (EdFranchiseMarker   marker);
gboolean     ed_franchise_marker_votes_at_local       (EdFranchiseMarker   marker);

guint        ed_attainer_voting_age                   (EdCountry           country);
void         ed_voting_age_latest_birth               (EdCountry           country,
                                                       const GDate        *today,
                                                       GDate              *out_born);
gboolean     ed_attainer_date_check                   (EdCountry           country,
                                                       const GDate        *attainer_date,
                                                       const GDate        *today,
                                                       GError            **error);
gboolean     ed_attainer_date_check_full              (EdCountry           country,
                                                       const GDate        *attainer_date,
                                                       const GDate        *today,
                                                       guint               window_months,
                                                       guint               devolved_youngest_age,
                                                       GError            **error);
gboolean     ed_elector_is_under_16                   (EdCountry           country,
                                                       const GDate        *attainer_date,
                                                       const GDate        *on_date);

void         ed_elector_dates_from_birth              (EdCountry           country,
                                                       const GDate        *date_of_birth,
                                                       GDate              *out_voting_age,
                                                       GDate              *out_eighteen);
gboolean     ed_elector_shows_eighteen                (EdCountry           country,
                                                       const GDate        *date_of_birth,
                                                       const GDate        *on_date,
                                                       GDate              *out_eighteen);
gboolean     ed_elector_entry_dates                   (EdCountry           country,
                                                       const char         *date_of_birth,
                                                       const char         *attainer_date,
                                                       const GDate        *on_date,
                                                       gboolean           *out_under_16,
                                                       gboolean           *out_eighteen,
                                                       GDate              *out_shown);

G_END_DECLS
