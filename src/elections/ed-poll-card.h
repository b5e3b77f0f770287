/* ed-poll-card.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "elections/ed-election-roll.h"

G_BEGIN_DECLS

/**
 * EdPollCardLanguages:
 * @ED_POLL_CARD_ENGLISH: English only
 * @ED_POLL_CARD_WELSH: Welsh only
 * @ED_POLL_CARD_BILINGUAL: Welsh first, then English
 *
 * The language(s) a card is written in (DOMAIN.md §2.4): English, except in a Welsh district
 * that writes bilingually, where a card is in Welsh and English, Welsh first, unless the
 * elector asked to be written to in Welsh only.
 */
typedef enum
{
  ED_POLL_CARD_ENGLISH,
  ED_POLL_CARD_WELSH,
  ED_POLL_CARD_BILINGUAL,
  ED_N_POLL_CARD_LANGUAGES,
} EdPollCardLanguages;

const char *ed_poll_card_languages_to_string (EdPollCardLanguages languages);
guint       ed_poll_card_languages_get       (EdPollCardLanguages  languages,
                                              EdElectorLanguage    out[2]);

/**
 * EdPollCardText:
 *
 * Each fixed piece of a card's wording, looked up in the card's language with
 * ed_poll_card_text(). Those ending in `_FMT` take one string (`%s`).
 */
typedef enum
{
  ED_CARD_TEXT_OFFICIAL_POLL_CARD,
  ED_CARD_TEXT_POSTAL_POLL_CARD,
  ED_CARD_TEXT_PROXY_POLL_CARD,
  ED_CARD_TEXT_PROXY_POSTAL_POLL_CARD,
  ED_CARD_TEXT_POLLING_DAY,
  ED_CARD_TEXT_POLLING_HOURS,
  ED_CARD_TEXT_HOURS,
  ED_CARD_TEXT_YOUR_POLLING_STATION,
  ED_CARD_TEXT_PROXY_POLLING_STATION,
  ED_CARD_TEXT_STATION_CODE_FMT,
  ED_CARD_TEXT_ELECTOR_NUMBER,
  ED_CARD_TEXT_ELECTOR_REPRESENTED,
  ED_CARD_TEXT_YOUR_DETAILS,
  ED_CARD_TEXT_SEATS_FMT,
  ED_CARD_TEXT_NO_CARD_NEEDED,
  ED_CARD_TEXT_PHOTO_ID_NEEDED,
  ED_CARD_TEXT_PHOTO_ID_SEE_BACK,
  ED_CARD_TEXT_PHOTO_ID_HEADING,
  ED_CARD_TEXT_PHOTO_ID_ACCEPTED,
  ED_CARD_TEXT_PHOTO_ID_EXPIRED,
  ED_CARD_TEXT_VAC_FMT,
  ED_CARD_TEXT_POSTAL_YOU_VOTE,
  ED_CARD_TEXT_POSTAL_SENT_FMT,
  ED_CARD_TEXT_POSTAL_NOT_RECEIVED_FMT,
  ED_CARD_TEXT_POSTAL_RETURN,
  ED_CARD_TEXT_POSTAL_NOT_IN_PERSON,
  ED_CARD_TEXT_POSTAL_CHANGE_FMT,
  ED_CARD_TEXT_PROXY_APPOINTED_FMT,
  ED_CARD_TEXT_PROXY_POSTAL_APPOINTED_FMT,
  ED_CARD_TEXT_PROXY_POSTAL_NOT_IN_PERSON,
  ED_CARD_TEXT_PROXY_LATE,
  ED_CARD_TEXT_ANONYMOUS_ELECTOR,
  ED_CARD_TEXT_ANONYMOUS_IN_PERSON,
  ED_CARD_TEXT_ANONYMOUS_POSTAL,
  ED_CARD_TEXT_CANT_GET_THERE,
  ED_CARD_TEXT_POSTAL_APPLY_FMT,
  ED_CARD_TEXT_PROXY_APPLY_FMT,
  ED_CARD_TEXT_EMERGENCY_PROXY,
  ED_CARD_TEXT_CHANGES_HEADING,
  ED_CARD_TEXT_CONTACT_US,
  ED_CARD_TEXT_PHONE,
  ED_CARD_TEXT_EMAIL,
  ED_CARD_TEXT_WEBSITE,
  ED_CARD_TEXT_RETURN_TO,
  ED_CARD_TEXT_ISSUED_BY_FMT,
  ED_CARD_TEXT_ISSUED_BY_RO,
  ED_CARD_TEXT_VOTE_ONCE,
  ED_CARD_TEXT_NO_STATION,
  ED_CARD_TEXT_VOTING_BY_POST,
  ED_CARD_TEXT_PHOTO_ID_PROXY,
  ED_N_CARD_TEXTS,
} EdPollCardText;

const char *ed_poll_card_text (EdPollCardText     text,
                               EdElectorLanguage  language);

/**
 * EdPollCardDeadline:
 * @date: the day, or cleared when the timetable has no such date
 * @hour: the hour of that day it falls due, 0 to 23
 */
typedef struct
{
  GDate date;
  guint hour;
} EdPollCardDeadline;

/**
 * EdPollCardSetup:
 * @council_name: the council's name
 * @council_address: its address, lines separated by line feeds
 * @phone: its helpline, or ""
 * @email: its email address, or ""
 * @website: its website, or ""
 * @ro_name: the Returning Officer's name, or ""
 * @country: the district's country
 * @welsh_language: %TRUE when the district writes to electors in Welsh and English
 * @poll: polling day
 * @n_polls: how many polls the combination has
 * @polls: (array length=n_polls): the polls, the first of the combination first
 * @photo_id: (array length=n_polls): whether each poll asks for photo ID in person
 * @postal_deadline: the last day to apply for, change or cancel a postal vote
 * @proxy_deadline: the last day to apply for a proxy
 * @vac_deadline: the last day to apply for a Voter Authority Certificate, cleared when no
 *   poll asks for photo ID
 * @postal_packs_from: the day after which postal votes are sent: nominations close
 * @postal_replacement_from: the first day a lost postal vote may be replaced
 *
 * What every card of a run shares: the council, the polls and the dates of the timetable.
 */
typedef struct
{
  char        *council_name;
  char        *council_address;
  char        *phone;
  char        *email;
  char        *website;
  char        *ro_name;
  EdCountry    country;
  gboolean     welsh_language;
  GDate        poll;
  guint        n_polls;
  EdElection  *polls[ED_ROLL_MAX_POLLS];
  gboolean     photo_id[ED_ROLL_MAX_POLLS];
  EdPollCardDeadline postal_deadline;
  EdPollCardDeadline proxy_deadline;
  EdPollCardDeadline vac_deadline;
  GDate        postal_packs_from;
  GDate        postal_replacement_from;
} EdPollCardSetup;

EdPollCardSetup *ed_poll_card_setup_new  (EdContext        *context,
                                          EdElectionRoll   *roll,
                                          GError          **error);
void             ed_poll_card_setup_free (EdPollCardSetup  *setup);

/**
 * EdPollCard:
 * @setup: what the run's cards share
 * @variant: which of the four cards
 * @languages: the language(s) it is written in
 * @anonymous: the elector is an anonymous entry: no name or address on the card
 * @sealed_envelope: the card goes in a sealed covering envelope (anonymous electors)
 * @voter_id: the card carries the voter-ID text (DOMAIN.md §2.3)
 * @polls: a bit for each poll of @setup (1 << i) the card lists
 * @contests: (array fixed-size=8): for each poll listed, its contest, or %NULL
 * @elector_number: the elector's number on the register, as printed
 * @elector_name: the elector's name, or "" for an anonymous elector and on a proxy's card
 * @addressee: (array zero-terminated=1): the address block: the name of the person the card
 *   is sent to (the elector, or their proxy) then the address lines; empty for an anonymous
 *   elector, whose envelope is addressed from the record of anonymous entries
 * @postcode: the addressee's postcode, or "" when not known apart (a proxy's address)
 * @station: (nullable): the polling station, on cards for voting in person
 *
 * One card's content as data, made from one entry of the roll. The drawing and the printer's
 * data file are both made from it, so they cannot say different things.
 */
typedef struct
{
  const EdPollCardSetup *setup;
  EdPollCardVariant      variant;
  EdPollCardLanguages    languages;
  gboolean               anonymous;
  gboolean               sealed_envelope;
  gboolean               voter_id;
  guint32                polls;
  const EdContest       *contests[ED_ROLL_MAX_POLLS];
  char                  *elector_number;
  char                  *elector_name;
  char                 **addressee;
  char                  *postcode;
  const EdRollStation   *station;
} EdPollCard;

EdPollCard *ed_poll_card_new            (const EdPollCardSetup  *setup,
                                         EdElectionRoll         *roll,
                                         const EdRollEntry      *entry);
void        ed_poll_card_free           (EdPollCard             *card);
gboolean    ed_poll_card_is_in_person   (EdPollCardVariant       variant);
gboolean    ed_poll_card_is_postal      (EdPollCardVariant       variant);
gboolean    ed_poll_card_is_proxy       (EdPollCardVariant       variant);

char       *ed_poll_card_format_date    (const GDate            *date,
                                         EdElectorLanguage       language);
char       *ed_poll_card_format_deadline (const EdPollCardDeadline *deadline,
                                          EdElectorLanguage      language);
char       *ed_poll_card_format_day_in_sentence (const GDate     *date,
                                                EdElectorLanguage language);
const char *ed_poll_card_title          (EdPollCardVariant       variant,
                                         EdElectorLanguage       language);
char       *ed_poll_card_describe_poll  (const EdPollCard       *card,
                                         guint                   poll,
                                         EdElectorLanguage       language,
                                         char                  **out_contest);
const char *ed_poll_card_kind_name      (EdElectionKind          kind,
                                         EdCountry               country,
                                         EdElectorLanguage       language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdPollCard, ed_poll_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdPollCardSetup, ed_poll_card_setup_free)

G_END_DECLS
