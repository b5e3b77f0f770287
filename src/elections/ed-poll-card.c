/* ed-poll-card.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A poll card's content as data (DOMAIN.md §2): made once from an entry of the roll, then
 * drawn (ed-poll-card-render.c) and written to the printer's data file (ed-poll-card-data.c)
 * from the same struct.
 *
 * The card's wording is in the elector's language, not in the language of the person
 * printing the cards, so it is not gettext's: the pairs below are the card's own text, in
 * English and in Welsh, using the Electoral Commission's Welsh terms (cerdyn pleidleisio,
 * gorsaf bleidleisio, diwrnod pleidleisio, pleidlais bost, dirprwy, Tystysgrif Awdurdod
 * Pleidleisiwr). Welsh sentences are written whole rather than built from pieces, so that
 * their mutations are right; dates inside them are formatted for the place they stand
 * ("ddydd Mawrth" after a time, "dydd Mawrth" after "erbyn"). */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-date.h"
#include "elections/ed-poll-card.h"

typedef struct
{
  const char *en;
  const char *cy;
} TextPair;

static const TextPair texts[ED_N_CARD_TEXTS] = {
  [ED_CARD_TEXT_OFFICIAL_POLL_CARD] =
    { "Official poll card", "Cerdyn pleidleisio swyddogol" },
  [ED_CARD_TEXT_POSTAL_POLL_CARD] =
    { "Postal poll card", "Cerdyn pleidleisio drwy’r post" },
  [ED_CARD_TEXT_PROXY_POLL_CARD] =
    { "Proxy poll card", "Cerdyn pleidleisio drwy ddirprwy" },
  [ED_CARD_TEXT_PROXY_POSTAL_POLL_CARD] =
    { "Proxy postal poll card", "Cerdyn pleidleisio drwy’r post drwy ddirprwy" },
  [ED_CARD_TEXT_POLLING_DAY] =
    { "Polling day", "Diwrnod pleidleisio" },
  [ED_CARD_TEXT_POLLING_HOURS] =
    { "Polling hours", "Oriau pleidleisio" },
  [ED_CARD_TEXT_HOURS] =
    { "7am to 10pm", "7yb tan 10yh" },
  [ED_CARD_TEXT_YOUR_POLLING_STATION] =
    { "Your polling station", "Eich gorsaf bleidleisio" },
  [ED_CARD_TEXT_PROXY_POLLING_STATION] =
    { "Polling station for this vote", "Gorsaf bleidleisio ar gyfer y bleidlais hon" },
  [ED_CARD_TEXT_STATION_CODE_FMT] =
    { "Station %s", "Gorsaf %s" },
  [ED_CARD_TEXT_ELECTOR_NUMBER] =
    { "Elector number", "Rhif etholwr" },
  [ED_CARD_TEXT_ELECTOR_REPRESENTED] =
    { "Number of the elector you represent", "Rhif yr etholwr rydych yn ei gynrychioli" },
  [ED_CARD_TEXT_YOUR_DETAILS] =
    { "Your details", "Eich manylion" },
  [ED_CARD_TEXT_SEATS_FMT] =
    { "Councillors to be elected: %s", "Nifer y cynghorwyr i’w hethol: %s" },
  [ED_CARD_TEXT_NO_CARD_NEEDED] =
    { "You do not need to take this card with you to vote.",
      "Nid oes angen i chi fynd â’r cerdyn hwn gyda chi i bleidleisio." },
  [ED_CARD_TEXT_PHOTO_ID_NEEDED] =
    { "You will need to show photo ID to vote at a polling station.",
      "Bydd angen i chi ddangos prawf adnabod â llun i bleidleisio mewn gorsaf bleidleisio." },
  [ED_CARD_TEXT_PHOTO_ID_SEE_BACK] =
    { "The back of this card lists the photo ID you can use.",
      "Mae cefn y cerdyn hwn yn rhestru’r prawf adnabod â llun y gallwch ei ddefnyddio." },
  [ED_CARD_TEXT_PHOTO_ID_HEADING] =
    { "Bring photo ID to vote", "Dewch â phrawf adnabod â llun i bleidleisio" },
  [ED_CARD_TEXT_PHOTO_ID_ACCEPTED] =
    { "Accepted photo ID includes: a passport; a driving licence (full or provisional); a Blue "
      "Badge; an older person’s or disabled person’s bus pass; an Oyster 60+ card or Freedom "
      "Pass; a PASS card; a Ministry of Defence Form 90; a biometric immigration document; a "
      "national identity card from the EEA; a Scottish, Welsh or Northern Ireland "
      "concessionary travel card; a Voter Authority Certificate.",
      "Mae’r prawf adnabod â llun a dderbynnir yn cynnwys: pasbort; trwydded yrru (lawn neu "
      "dros dro); Bathodyn Glas; pàs bws person hŷn neu berson anabl; cerdyn Oyster 60+ neu "
      "Freedom Pass; cerdyn PASS; Ffurflen 90 y Weinyddiaeth Amddiffyn; dogfen fewnfudo "
      "fiometrig; cerdyn adnabod cenedlaethol o’r AEE; cerdyn teithio rhatach yr Alban, Cymru "
      "neu Ogledd Iwerddon; Tystysgrif Awdurdod Pleidleisiwr." },
  [ED_CARD_TEXT_PHOTO_ID_EXPIRED] =
    { "You can use photo ID that has expired if the photo still looks like you.",
      "Gallwch ddefnyddio prawf adnabod â llun sydd wedi dod i ben os yw’r llun yn dal i "
      "edrych fel chi." },
  [ED_CARD_TEXT_VAC_FMT] =
    { "No accepted photo ID? Apply for a free Voter Authority Certificate by %s.",
      "Dim prawf adnabod â llun a dderbynnir? Gwnewch gais am Dystysgrif Awdurdod "
      "Pleidleisiwr am ddim erbyn %s." },
  [ED_CARD_TEXT_POSTAL_YOU_VOTE] =
    { "You have chosen to vote by post.", "Rydych wedi dewis pleidleisio drwy’r post." },
  [ED_CARD_TEXT_POSTAL_SENT_FMT] =
    { "We will send your postal vote soon after %s.",
      "Byddwn yn anfon eich pleidlais bost yn fuan ar ôl %s." },
  [ED_CARD_TEXT_POSTAL_NOT_RECEIVED_FMT] =
    { "If it has not arrived by %s, contact us and we will send a replacement.",
      "Os nad yw wedi cyrraedd erbyn %s, cysylltwch â ni a byddwn yn anfon un arall." },
  [ED_CARD_TEXT_POSTAL_RETURN] =
    { "Your postal vote must reach us by 10pm on polling day.",
      "Rhaid i’ch pleidlais bost ein cyrraedd erbyn 10yh ar y diwrnod pleidleisio." },
  [ED_CARD_TEXT_POSTAL_NOT_IN_PERSON] =
    { "You cannot vote in person at a polling station.",
      "Ni allwch bleidleisio’n bersonol mewn gorsaf bleidleisio." },
  [ED_CARD_TEXT_POSTAL_CHANGE_FMT] =
    { "To cancel your postal vote and vote in person, or to change where it is sent, tell us "
      "by %s.",
      "I ganslo eich pleidlais bost a phleidleisio’n bersonol, neu i newid i ble y caiff ei "
      "hanfon, rhowch wybod i ni erbyn %s." },
  [ED_CARD_TEXT_PROXY_APPOINTED_FMT] =
    { "You have been appointed to vote as proxy for the elector whose number on the register "
      "is %s.",
      "Rydych wedi cael eich penodi i bleidleisio fel dirprwy ar ran yr etholwr sydd â’r rhif "
      "%s ar y gofrestr." },
  [ED_CARD_TEXT_PROXY_POSTAL_APPOINTED_FMT] =
    { "You will vote by post as proxy for the elector whose number on the register is %s.",
      "Byddwch yn pleidleisio drwy’r post fel dirprwy ar ran yr etholwr sydd â’r rhif %s ar y "
      "gofrestr." },
  [ED_CARD_TEXT_PROXY_POSTAL_NOT_IN_PERSON] =
    { "You cannot vote as proxy at a polling station.",
      "Ni allwch bleidleisio fel dirprwy mewn gorsaf bleidleisio." },
  [ED_CARD_TEXT_PROXY_LATE] =
    { "You cannot be given a ballot paper after 10pm.",
      "Ni ellir rhoi papur pleidleisio i chi ar ôl 10yh." },
  [ED_CARD_TEXT_ANONYMOUS_ELECTOR] =
    { "Anonymous elector", "Etholwr dienw" },
  [ED_CARD_TEXT_ANONYMOUS_IN_PERSON] =
    { "You are registered anonymously. To vote at your polling station, take this card and "
      "your Anonymous Elector’s Document with you.",
      "Rydych wedi cofrestru’n ddienw. I bleidleisio yn eich gorsaf bleidleisio, ewch â’r "
      "cerdyn hwn a’ch Dogfen Etholwr Dienw gyda chi." },
  [ED_CARD_TEXT_ANONYMOUS_POSTAL] =
    { "You are registered anonymously. Your postal vote will reach you in the same way as "
      "this card.",
      "Rydych wedi cofrestru’n ddienw. Bydd eich pleidlais bost yn eich cyrraedd yn yr un "
      "ffordd â’r cerdyn hwn." },
  [ED_CARD_TEXT_CANT_GET_THERE] =
    { "Can’t vote in person?", "Methu pleidleisio’n bersonol?" },
  [ED_CARD_TEXT_POSTAL_APPLY_FMT] =
    { "To vote by post, apply by %s.", "I bleidleisio drwy’r post, gwnewch gais erbyn %s." },
  [ED_CARD_TEXT_PROXY_APPLY_FMT] =
    { "To ask someone you trust to vote for you (a proxy), apply by %s.",
      "I ofyn i rywun rydych yn ymddiried ynddo bleidleisio ar eich rhan (dirprwy), gwnewch "
      "gais erbyn %s." },
  [ED_CARD_TEXT_EMERGENCY_PROXY] =
    { "In an emergency you can apply for a proxy until 5pm on polling day.",
      "Mewn argyfwng, gallwch wneud cais am ddirprwy tan 5yh ar y diwrnod pleidleisio." },
  [ED_CARD_TEXT_CHANGES_HEADING] =
    { "Changes to how you vote", "Newid y ffordd rydych yn pleidleisio" },
  [ED_CARD_TEXT_CONTACT_US] =
    { "Contact us", "Cysylltu â ni" },
  [ED_CARD_TEXT_PHONE] =
    { "Phone", "Ffôn" },
  [ED_CARD_TEXT_EMAIL] =
    { "Email", "E-bost" },
  [ED_CARD_TEXT_WEBSITE] =
    { "Website", "Gwefan" },
  [ED_CARD_TEXT_RETURN_TO] =
    { "If undelivered, return to", "Os na ellir ei ddosbarthu, dychwelwch i" },
  [ED_CARD_TEXT_ISSUED_BY_FMT] =
    { "Issued by %s, Returning Officer", "Cyhoeddwyd gan %s, Swyddog Canlyniadau" },
  [ED_CARD_TEXT_ISSUED_BY_RO] =
    { "Issued by the Returning Officer", "Cyhoeddwyd gan y Swyddog Canlyniadau" },
  [ED_CARD_TEXT_NO_STATION] =
    { "Contact us to find out where your polling station is.",
      "Cysylltwch â ni i gael gwybod ble mae eich gorsaf bleidleisio." },
  [ED_CARD_TEXT_VOTING_BY_POST] =
    { "Voting by post", "Pleidleisio drwy’r post" },
  [ED_CARD_TEXT_PHOTO_ID_PROXY] =
    { "You will need to show your own photo ID to vote as a proxy at the polling station.",
      "Bydd angen i chi ddangos eich prawf adnabod â llun eich hun i bleidleisio fel dirprwy "
      "yn yr orsaf bleidleisio." },
  [ED_CARD_TEXT_VOTE_ONCE] =
    { "It is an offence to vote more than once in the same election, except as a proxy.",
      "Mae’n drosedd pleidleisio fwy nag unwaith yn yr un etholiad, ac eithrio fel dirprwy." },
};

/**
 * ed_poll_card_text:
 * @text: which piece of wording
 * @language: the card's language
 *
 * Returns: (transfer none): the wording
 */
const char *
ed_poll_card_text (EdPollCardText     text,
                   EdElectorLanguage  language)
{
  g_return_val_if_fail (text < ED_N_CARD_TEXTS, "");

  return language == ED_ELECTOR_LANGUAGE_WELSH ? texts[text].cy : texts[text].en;
}

/**
 * ed_poll_card_languages_to_string:
 * @languages: a card's languages
 *
 * Returns: (transfer none): "en", "cy" or "cy+en", as the printer's data file writes them
 */
const char *
ed_poll_card_languages_to_string (EdPollCardLanguages languages)
{
  switch (languages)
    {
    case ED_POLL_CARD_WELSH:
      return "cy";
    case ED_POLL_CARD_BILINGUAL:
      return "cy+en";
    case ED_POLL_CARD_ENGLISH:
    case ED_N_POLL_CARD_LANGUAGES:
    default:
      return "en";
    }
}

/**
 * ed_poll_card_languages_get:
 * @languages: a card's languages
 * @out: (out caller-allocates) (array fixed-size=2): the languages in the order they are
 *   printed
 *
 * Returns: how many languages the card is written in, 1 or 2
 */
guint
ed_poll_card_languages_get (EdPollCardLanguages  languages,
                            EdElectorLanguage    out[2])
{
  switch (languages)
    {
    case ED_POLL_CARD_WELSH:
      out[0] = ED_ELECTOR_LANGUAGE_WELSH;
      return 1;
    case ED_POLL_CARD_BILINGUAL:
      out[0] = ED_ELECTOR_LANGUAGE_WELSH;
      out[1] = ED_ELECTOR_LANGUAGE_ENGLISH;
      return 2;
    case ED_POLL_CARD_ENGLISH:
    case ED_N_POLL_CARD_LANGUAGES:
    default:
      out[0] = ED_ELECTOR_LANGUAGE_ENGLISH;
      return 1;
    }
}

/* Dates in the card's language, whatever the locale of the desk printing it. */
static const char *const day_names[2][8] = {
  { "", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" },
  { "", "Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul" },
};

static const char *const month_names[2][13] = {
  { "", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December" },
  { "", "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
    "Medi", "Hydref", "Tachwedd", "Rhagfyr" },
};

/* Welsh "dydd" takes its soft mutation ("ddydd") where the date says when, after a time. */
typedef enum
{
  DATE_HEADING,   /* Dydd Iau 6 Mai 2027 */
  DATE_SENTENCE,  /* dydd Iau 6 Mai 2027: after a preposition */
  DATE_WHEN,      /* ddydd Iau 6 Mai 2027: after a time */
} DateForm;

static char *
format_date (const GDate       *date,
             EdElectorLanguage  language,
             DateForm           form)
{
  guint l = language == ED_ELECTOR_LANGUAGE_WELSH ? 1 : 0;
  GDateWeekday weekday;
  GDateMonth month;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  weekday = g_date_get_weekday (date);
  month = g_date_get_month (date);
  if (l == 0)
    return g_strdup_printf ("%s %u %s %u", day_names[0][weekday], g_date_get_day (date),
                            month_names[0][month], g_date_get_year (date));
  return g_strdup_printf ("%s %s %u %s %u",
                          form == DATE_HEADING ? "Dydd" : form == DATE_WHEN ? "ddydd" : "dydd",
                          day_names[1][weekday], g_date_get_day (date), month_names[1][month],
                          g_date_get_year (date));
}

/**
 * ed_poll_card_format_date:
 * @date: a day
 * @language: the card's language
 *
 * Returns: (transfer full): "Thursday 6 May 2027", "Dydd Iau 6 Mai 2027"; "" for a cleared
 *   date
 */
char *
ed_poll_card_format_date (const GDate       *date,
                          EdElectorLanguage  language)
{
  return format_date (date, language, DATE_HEADING);
}

static char *
format_hour (guint              hour,
             EdElectorLanguage  language)
{
  gboolean welsh = language == ED_ELECTOR_LANGUAGE_WELSH;
  guint twelve = hour % 12 == 0 ? 12 : hour % 12;

  if (hour == 12)
    return g_strdup (welsh ? "hanner dydd" : "noon");
  return g_strdup_printf ("%u%s", twelve,
                          hour < 12 ? (welsh ? "yb" : "am") : (welsh ? "yh" : "pm"));
}

/**
 * ed_poll_card_format_deadline:
 * @deadline: a deadline
 * @language: the card's language
 *
 * Returns: (transfer full): "5pm on Tuesday 27 April 2027", "5yh ddydd Mawrth 27 Ebrill
 *   2027"; "" for a cleared date
 */
char *
ed_poll_card_format_deadline (const EdPollCardDeadline *deadline,
                              EdElectorLanguage         language)
{
  g_autofree char *hour = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (deadline != NULL, NULL);

  if (!g_date_valid (&deadline->date))
    return g_strdup ("");
  hour = format_hour (deadline->hour, language);
  day = format_date (&deadline->date, language, DATE_WHEN);
  return language == ED_ELECTOR_LANGUAGE_WELSH ? g_strdup_printf ("%s %s", hour, day)
                                               : g_strdup_printf ("%s on %s", hour, day);
}

/**
 * ed_poll_card_format_day_in_sentence:
 * @date: a day
 * @language: the card's language
 *
 * Returns: (transfer full): a day after a preposition in a sentence: "Friday 9 April 2027",
 *   "dydd Gwener 9 Ebrill 2027" ("ar ôl dydd Gwener …")
 */
char *
ed_poll_card_format_day_in_sentence (const GDate       *date,
                                     EdElectorLanguage  language)
{
  return format_date (date, language, DATE_SENTENCE);
}

/**
 * ed_poll_card_title:
 * @variant: a card
 * @language: its language
 *
 * Returns: (transfer none): the card's name, as its heading says it
 */
const char *
ed_poll_card_title (EdPollCardVariant  variant,
                    EdElectorLanguage  language)
{
  switch (variant)
    {
    case ED_POLL_CARD_POSTAL:
      return ed_poll_card_text (ED_CARD_TEXT_POSTAL_POLL_CARD, language);
    case ED_POLL_CARD_PROXY:
      return ed_poll_card_text (ED_CARD_TEXT_PROXY_POLL_CARD, language);
    case ED_POLL_CARD_PROXY_POSTAL:
      return ed_poll_card_text (ED_CARD_TEXT_PROXY_POSTAL_POLL_CARD, language);
    case ED_POLL_CARD_ORDINARY:
    case ED_N_POLL_CARD_VARIANTS:
    default:
      return ed_poll_card_text (ED_CARD_TEXT_OFFICIAL_POLL_CARD, language);
    }
}

/**
 * ed_poll_card_kind_name:
 * @kind: what a poll is for
 * @country: where it is held
 * @language: the card's language
 *
 * Returns: (transfer none): what the card calls the poll: "Parish council election"
 */
const char *
ed_poll_card_kind_name (EdElectionKind     kind,
                        EdCountry          country,
                        EdElectorLanguage  language)
{
  gboolean welsh = language == ED_ELECTOR_LANGUAGE_WELSH;

  switch (kind)
    {
    case ED_ELECTION_UK_PARLIAMENTARY_GENERAL:
      return welsh ? "Etholiad cyffredinol Senedd y DU" : "UK Parliamentary general election";
    case ED_ELECTION_UK_PARLIAMENTARY_BY:
      return welsh ? "Isetholiad Senedd y DU" : "UK Parliamentary by-election";
    case ED_ELECTION_LOCAL:
      return welsh ? "Etholiad llywodraeth leol" : "Local government election";
    case ED_ELECTION_PARISH:
      if (country == ED_COUNTRY_WALES)
        return welsh ? "Etholiad cyngor cymuned" : "Community council election";
      return welsh ? "Etholiad cyngor plwyf" : "Parish council election";
    case ED_ELECTION_PCC:
      return welsh ? "Etholiad Comisiynydd Heddlu a Throseddu"
                   : "Police and Crime Commissioner election";
    case ED_ELECTION_MAYORAL:
      return welsh ? "Etholiad maerol" : "Mayoral election";
    case ED_ELECTION_SENEDD:
      return welsh ? "Etholiad y Senedd" : "Senedd election";
    case ED_ELECTION_SCOTTISH_LOCAL:
      return welsh ? "Etholiad cyngor yn yr Alban" : "Scottish council election";
    case ED_ELECTION_REFERENDUM:
      return welsh ? "Refferendwm" : "Referendum";
    case ED_N_ELECTION_KINDS:
    default:
      return "";
    }
}

/**
 * ed_poll_card_describe_poll:
 * @card: a card
 * @poll: the index of one of the polls it lists
 * @language: the language to describe it in
 * @out_contest: (out) (optional) (transfer full): the contest's line: "Mill Ward ·
 *   Councillors to be elected: 2", or "" when the poll is of the whole area
 *
 * Returns: (transfer full): the poll's line: "Local government election: Ashmere Vale
 *   District Council"
 */
char *
ed_poll_card_describe_poll (const EdPollCard   *card,
                            guint               poll,
                            EdElectorLanguage   language,
                            char              **out_contest)
{
  EdElection *election;
  const EdContest *contest;

  g_return_val_if_fail (card != NULL, NULL);
  g_return_val_if_fail (poll < card->setup->n_polls, NULL);

  election = card->setup->polls[poll];
  contest = card->contests[poll];
  if (out_contest != NULL)
    {
      if (contest == NULL || election->kind == ED_ELECTION_REFERENDUM ||
          contest->area_kind == ED_CONTEST_AREA_WHOLE)
        *out_contest = g_strdup ("");
      else if (contest->area_kind == ED_CONTEST_AREA_WARD ||
               contest->area_kind == ED_CONTEST_AREA_PARISH)
        {
          g_autofree char *seats = g_strdup_printf ("%u", contest->seats);
          g_autofree char *seats_line =
            g_strdup_printf (ed_poll_card_text (ED_CARD_TEXT_SEATS_FMT, language), seats);

          *out_contest = g_strdup_printf ("%s · %s", contest->name, seats_line);
        }
      else
        *out_contest = g_strdup (contest->name);
    }
  return g_strdup_printf ("%s: %s",
                          ed_poll_card_kind_name (election->kind, card->setup->country,
                                                  language),
                          election->title);
}

/**
 * ed_poll_card_is_in_person:
 * @variant: a card
 *
 * Returns: %TRUE for the cards of votes cast at a polling station (Forms A and B)
 */
gboolean
ed_poll_card_is_in_person (EdPollCardVariant variant)
{
  return variant == ED_POLL_CARD_ORDINARY || variant == ED_POLL_CARD_PROXY;
}

/**
 * ed_poll_card_is_postal:
 * @variant: a card
 *
 * Returns: %TRUE for the cards of votes cast by post (Forms A1 and B1)
 */
gboolean
ed_poll_card_is_postal (EdPollCardVariant variant)
{
  return variant == ED_POLL_CARD_POSTAL || variant == ED_POLL_CARD_PROXY_POSTAL;
}

/**
 * ed_poll_card_is_proxy:
 * @variant: a card
 *
 * Returns: %TRUE for the cards sent to a proxy (Forms B and B1)
 */
gboolean
ed_poll_card_is_proxy (EdPollCardVariant variant)
{
  return variant == ED_POLL_CARD_PROXY || variant == ED_POLL_CARD_PROXY_POSTAL;
}

static void
set_deadline (EdPollCardDeadline     *deadline,
              const EdTimetableEntry *entry)
{
  g_date_clear (&deadline->date, 1);
  deadline->hour = 17;
  if (entry == NULL)
    return;
  deadline->date = entry->date;
  if (entry->time != NULL)
    deadline->hour = (guint)MIN (g_ascii_strtoull (entry->time, NULL, 10), 23);
}

static void
set_date (GDate                  *date,
          const EdTimetableEntry *entry)
{
  g_date_clear (date, 1);
  if (entry != NULL)
    *date = entry->date;
}

/**
 * ed_poll_card_setup_new:
 * @context: the district
 * @roll: the roll the cards are made from
 * @error: return location for an error
 *
 * Reads what every card of the run shares: the council's details from the district's
 * settings, and the deadlines from the polls' timetables. The deadlines are the first poll's:
 * a combination's polls share polling day and their absent-vote deadlines; the Voter
 * Authority Certificate's is that of the first poll that asks for photo ID.
 *
 * Returns: (transfer full): the setup, or %NULL with @error set
 */
EdPollCardSetup *
ed_poll_card_setup_new (EdContext       *context,
                        EdElectionRoll  *roll,
                        GError         **error)
{
  g_autoptr(EdPollCardSetup) setup = g_new0 (EdPollCardSetup, 1);
  EdDistrictSettings *settings;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (roll != NULL, NULL);

  settings = ed_context_get_settings (context);
  setup->council_name = g_strdup (ed_district_settings_get_council_name (settings));
  setup->council_address = g_strdup (ed_district_settings_get (settings, "council-address"));
  setup->phone = g_strdup (ed_district_settings_get (settings, "phone"));
  setup->email = g_strdup (ed_district_settings_get (settings, "email"));
  setup->website = g_strdup (ed_district_settings_get (settings, "website"));
  setup->ro_name = g_strdup (ed_district_settings_get (settings, "ro-name"));
  setup->country = ed_district_settings_get_country (settings);
  setup->welsh_language = ed_district_settings_get_welsh_language (settings);
  setup->n_polls = MIN (roll->polls->len, ED_ROLL_MAX_POLLS);
  g_date_clear (&setup->vac_deadline.date, 1);
  setup->vac_deadline.hour = 17;
  for (guint p = 0; p < setup->n_polls; p++)
    {
      EdElection *poll = g_ptr_array_index (roll->polls, p);
      g_autoptr(EdTimetable) timetable = ed_election_get_timetable (context, poll, error);

      if (timetable == NULL)
        return NULL;
      setup->polls[p] = poll;
      setup->photo_id[p] = ed_election_needs_photo_id (poll->kind, poll->country, &poll->poll);
      if (p == 0)
        {
          setup->poll = poll->poll;
          set_deadline (&setup->postal_deadline,
                        ed_timetable_lookup (timetable, ED_TIMETABLE_POSTAL_DEADLINE));
          set_deadline (&setup->proxy_deadline,
                        ed_timetable_lookup (timetable, ED_TIMETABLE_PROXY_DEADLINE));
          set_date (&setup->postal_packs_from,
                    ed_timetable_lookup (timetable,
                                         ED_TIMETABLE_STATEMENT_OF_PERSONS_NOMINATED));
          set_date (&setup->postal_replacement_from,
                    ed_timetable_lookup (timetable, ED_TIMETABLE_POSTAL_REPLACEMENT_FROM));
        }
      if (setup->photo_id[p] && !g_date_valid (&setup->vac_deadline.date))
        set_deadline (&setup->vac_deadline,
                      ed_timetable_lookup (timetable, ED_TIMETABLE_VAC_DEADLINE));
    }
  return g_steal_pointer (&setup);
}

/**
 * ed_poll_card_setup_free:
 * @setup: (nullable): a setup
 */
void
ed_poll_card_setup_free (EdPollCardSetup *setup)
{
  if (setup == NULL)
    return;
  g_free (setup->council_name);
  g_free (setup->council_address);
  g_free (setup->phone);
  g_free (setup->email);
  g_free (setup->website);
  g_free (setup->ro_name);
  g_free (setup);
}

/* "14" or "14A" goes on the street's line; "Flat 2, Orchard House" has a line of its own. */
static gboolean
is_house_number (const char *property)
{
  const char *p = property;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (g_ascii_isalpha (*p))
    p++;
  return *p == '\0';
}

static void
add_line (GPtrArray  *lines,
          const char *text)
{
  g_autofree char *line = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*line != '\0')
    g_ptr_array_add (lines, g_steal_pointer (&line));
}

static char *
voter_name (const EdRegisterVoter *voter)
{
  if (*voter->forenames == '\0')
    return g_strdup (voter->surname);
  return g_strdup_printf ("%s %s", voter->forenames, voter->surname);
}

/* The elector's name and qualifying address, as the address block sets them. */
static char **
elector_address_block (const EdRegisterVoter *voter)
{
  GPtrArray *lines = g_ptr_array_new ();

  g_ptr_array_add (lines, voter_name (voter));
  if (*voter->property != '\0' && *voter->street != '\0' && is_house_number (voter->property))
    {
      g_autofree char *first = g_strdup_printf ("%s %s", voter->property, voter->street);

      add_line (lines, first);
    }
  else
    {
      add_line (lines, voter->property);
      add_line (lines, voter->street);
    }
  add_line (lines, voter->locality);
  add_line (lines, voter->town);
  add_line (lines, voter->postcode);
  g_ptr_array_add (lines, NULL);
  return (char **)g_ptr_array_free (lines, FALSE);
}

/* The proxy list keeps the proxy's address as one line; the address block splits it at its
 * commas. */
static char **
proxy_address_block (const EdRegisterVoter *voter)
{
  GPtrArray *lines = g_ptr_array_new ();
  g_auto(GStrv) parts = g_strsplit (voter->proxy_address, ",", -1);

  add_line (lines, voter->proxy_name);
  for (guint i = 0; parts[i] != NULL; i++)
    add_line (lines, parts[i]);
  g_ptr_array_add (lines, NULL);
  return (char **)g_ptr_array_free (lines, FALSE);
}

/**
 * ed_poll_card_new:
 * @setup: what the run's cards share
 * @roll: the roll
 * @entry: an entry of @roll that gets a card (ed_election_roll_entry_gets_card())
 *
 * Makes one card's content (DOMAIN.md §2.1–§2.4, §1.7): the polls the elector votes at; the
 * station on cards for voting in person; the elector's name, address and number, or for a
 * proxy's card the proxy's name and address and the elector's number only; for an anonymous
 * elector the number only, marked for a sealed envelope; the voter-ID text on in-person
 * cards where a poll listed asks for photo ID, and never on postal cards.
 *
 * Returns: (transfer full): the card
 */
EdPollCard *
ed_poll_card_new (const EdPollCardSetup *setup,
                  EdElectionRoll        *roll,
                  const EdRollEntry     *entry)
{
  EdPollCard *card = g_new0 (EdPollCard, 1);
  const EdRegisterVoter *voter = entry->voter;
  gboolean in_person = ed_poll_card_is_in_person (entry->variant);
  gboolean any_photo_id = FALSE;

  card->setup = setup;
  card->variant = entry->variant;
  if (setup->country == ED_COUNTRY_WALES && voter->language == ED_ELECTOR_LANGUAGE_WELSH)
    card->languages = ED_POLL_CARD_WELSH;
  else if (setup->country == ED_COUNTRY_WALES && setup->welsh_language)
    /* The register keeps en or cy and no "no choice yet", so en, its default, is read as
     * the bilingual card every elector gets who has not asked for Welsh only. */
    card->languages = ED_POLL_CARD_BILINGUAL;
  else
    card->languages = ED_POLL_CARD_ENGLISH;
  card->anonymous = voter->anonymous;
  card->sealed_envelope = voter->anonymous;
  for (guint p = 0; p < setup->n_polls; p++)
    if ((entry->votes & (1u << p)) != 0)
      {
        card->polls |= 1u << p;
        card->contests[p] = ed_election_roll_get_contest (roll, entry, p);
        any_photo_id = any_photo_id || setup->photo_id[p];
      }
  /* An anonymous elector shows the card and their Anonymous Elector's Document, which the
   * special wording says, in place of the voter-ID text of Forms A and B. */
  card->voter_id = in_person && any_photo_id && !voter->anonymous;
  card->elector_number = ed_elector_number_format (&voter->number);
  /* A proxy's card names the elector by number only. */
  card->elector_name = voter->anonymous || ed_poll_card_is_proxy (entry->variant)
                         ? g_strdup ("") : voter_name (voter);
  if (ed_poll_card_is_proxy (entry->variant))
    {
      card->addressee = proxy_address_block (voter);
      card->postcode = g_strdup ("");
    }
  else if (voter->anonymous)
    {
      card->addressee = g_new0 (char *, 1);
      card->postcode = g_strdup ("");
    }
  else
    {
      card->addressee = elector_address_block (voter);
      card->postcode = g_strdup (voter->postcode);
    }
  if (in_person && entry->station >= 0 && (guint)entry->station < roll->stations->len)
    card->station = g_ptr_array_index (roll->stations, (guint)entry->station);
  return card;
}

/**
 * ed_poll_card_free:
 * @card: (nullable): a card
 */
void
ed_poll_card_free (EdPollCard *card)
{
  if (card == NULL)
    return;
  g_free (card->elector_number);
  g_free (card->elector_name);
  g_strfreev (card->addressee);
  g_free (card->postcode);
  g_free (card);
}
