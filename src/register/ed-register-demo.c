/* ed-demo-register.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The demo register: wards, parishes, polling districts, streets of properties and the
 * electors living in them, in the shares a real district has (DOMAIN.md §6 and §1): about a
 * fifth vote by post, most opt out of the open register, a few are attainers, EU citizens,
 * overseas electors, proxies or anonymous. Every place, street and postcode is invented (the
 * postcode area ZY does not exist), so no synthetic name lands on a real address. */

#define G_LOG_DOMAIN "ed-demo"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "district/ed-district-settings.h"
#include "register/ed-franchise.h"
#include "register/ed-register-demo.h"
#include "register/ed-register-order.h"
#include "register/ed-register-tables.h"
#include "register/ed-register-vocab.h"

/* A district of about 1,500 electors per polling district and 3 districts per ward. */
#define ELECTORS_PER_POLLING_DISTRICT 1500
#define POLLING_DISTRICTS_PER_WARD 3
#define ROWS_PER_CHANGE_SET 20000

static const char *towns[] = {
  "Wexcombe", "Ashmere Vale", "Brackenford", "Hollinridge", "Marlowmead", "Elderwick",
  "Corrisham", "Fennimore Cross", "Quenby Magna", "Tarrowfield", "Silverleat", "Oakhanger Green",
  "Rushmere Abbots", "Kelsbridge", "Wyndle", "Pennock St Giles",
};

static const char *street_names[] = {
  "Alder", "Beacon", "Bramble", "Chantry", "Coppice", "Dairy", "Dovecote", "Elm", "Fernhill",
  "Foundry", "Furlong", "Glebe", "Granary", "Harebell", "Hawthorn", "Heron", "Hopyard",
  "Juniper", "Kestrel", "Kiln", "Lantern", "Linden", "Maltings", "Meadow", "Millpond",
  "Nightingale", "Orchard", "Osier", "Paddock", "Pinfold", "Quarry", "Rectory", "Ropewalk",
  "Rowan", "Saddler", "Sandpit", "Sheepwash", "Sorrel", "Spinney", "Tanyard", "Teasel",
  "Tithe Barn", "Vicarage", "Wagtail", "Warren", "Weavers", "Willow", "Wheelwright", "Yew Tree",
};

static const char *street_kinds[] = {
  "Road", "Lane", "Close", "Street", "Way", "Avenue", "Gardens", "Drive", "Crescent", "Row",
  "Court", "Place", "Rise", "Walk",
};

static const char *house_names[] = {
  "Rose Cottage", "The Old Forge", "Hillcrest", "Woodlands", "The Granary", "Orchard House",
  "Meadow View", "Little Thatch", "The Coach House", "Brook Cottage",
};

/* Forenames and titles come in two sets so that a Mr is not called Keira; the lists mix the
 * backgrounds of a British district. */
static const char *forenames_a[] = {
  "Abigail", "Aisha", "Alice", "Amara", "Amelia", "Anya", "Beatrice", "Bethan", "Caitlin",
  "Ceri", "Charlotte", "Daisy", "Deepa", "Eilidh", "Eleanor", "Evie", "Farah", "Freya",
  "Georgia", "Harriet", "Imogen", "Isla", "Jasmine", "Keira", "Laila", "Lowri", "Maja", "Megan",
  "Nadia", "Niamh", "Olivia", "Phoebe", "Priya", "Rosa", "Sakura", "Seren", "Sian", "Sofia",
  "Wiktoria", "Zara",
};

static const char *forenames_b[] = {
  "Aaron", "Adeel", "Alfie", "Angus", "Arjun", "Callum", "Chidi", "Ciaran", "Darius", "Declan",
  "Dylan", "Elliot", "Emeka", "Ewan", "Finley", "Gareth", "Hamza", "Harvey", "Ibrahim", "Jack",
  "Jonah", "Kai", "Kwame", "Leon", "Lucas", "Marek", "Mohammed", "Nikhil", "Oscar", "Owain",
  "Patrick", "Rhys", "Rowan", "Samuel", "Tariq", "Theo", "Tomasz", "Yusuf",
};

static const char *middle_names_a[] = { "", "", "", "", "Marie", "Rose", "Louise", "Grace" };
static const char *middle_names_b[] = { "", "", "", "", "James", "John", "Ali", "Thomas" };
static const char *titles_a[] = { "", "", "", "Mrs", "Ms", "Miss", "Dr", "Mx" };
static const char *titles_b[] = { "", "", "", "Mr", "Mr", "Mr", "Dr", "Mx" };

static const char *surnames[] = {
  "Abbott", "Achterberg", "Adebayo", "Ahmed", "Ainsworth", "Allard", "Appleby", "Ashdown",
  "Bancroft", "Barraclough", "Bhatt", "Blackwood", "Brereton", "Brightwell", "Carmody",
  "Cartwright", "Chowdhury", "Clegg", "Culverhouse", "Dalrymple", "Davenport", "Dunmore",
  "Ellery", "Evans", "Fairbairn", "Fenwick", "Forsyth", "Gallagher", "Greenhalgh", "Griffiths",
  "Halloran", "Hartigan", "Hepworth", "Hussain", "Ingleby", "Iqbal", "Jessop", "Jovanovic",
  "Kaczmarek", "Kingsmill", "Kowalski", "Lavington", "Lennox", "Llewellyn", "MacAulay",
  "Mahmood", "Marchetti", "Merriman", "Mistry", "Nakamura", "Nwosu", "O'Brien", "Okafor",
  "Oyelaran", "Pargeter", "Patel", "Pemberton", "Quayle", "Radcliffe", "Rahman", "Rossiter",
  "Sandoval", "Sherwood", "Singh", "Sutcliffe", "Szymanski", "Tennant", "Thackeray",
  "Underwood", "Varga", "Wainwright", "Whitlock", "Winterbottom", "Yardley", "Zielinski",
};

static const char *polling_district_kinds[] = { "North", "South", "East", "West", "Central" };

typedef struct
{
  EdContext    *context;
  GRand        *rand;
  GDate         today;
  EdCountry     country;
  EdChangeSet  *change_set;
  guint         rows_in_change_set;

  GHashTable   *street_names_used;   /* per town: "town/street" */
  guint64       next_uprn;
  guint         postcode_district;   /* the number after ZY, per ward */
} Builder;

static gboolean
builder_flush (Builder  *builder,
               GError  **error)
{
  if (builder->change_set == NULL)
    return TRUE;
  if (!ed_change_set_commit (builder->change_set, error))
    return FALSE;
  g_clear_object (&builder->change_set);
  builder->rows_in_change_set = 0;
  return TRUE;
}

/* Inserts a row, committing every ROWS_PER_CHANGE_SET rows so the write-ahead log of a
 * million-elector demo stays small. Takes the floating references in @values. */
static char *
builder_insert (Builder            *builder,
                const EdTableDef   *table,
                GVariant          **values,
                GError            **error)
{
  const char **columns = g_newa (const char *, table->n_columns);
  char *id = NULL;

  if (builder->change_set == NULL)
    {
      builder->change_set = ed_change_set_begin (ED_REPLICA (builder->context), error);
      if (builder->change_set == NULL)
        return NULL;
    }
  ed_register_table_column_names (table, columns);
  if (!ed_change_set_insert (builder->change_set, table->name, NULL, columns,
                             (GVariant * const *)values, table->n_columns, &id, error))
    return NULL;
  if (++builder->rows_in_change_set >= ROWS_PER_CHANGE_SET && !builder_flush (builder, error))
    g_clear_pointer (&id, g_free);
  return id;
}

static GVariant *
text (const char *value)
{
  return g_variant_new_string (value);
}

static GVariant *
take_text (char *value)
{
  GVariant *variant = g_variant_new_string (value);

  g_free (value);
  return variant;
}

static gboolean
chance (Builder *builder,
        double   probability)
{
  return g_rand_double (builder->rand) < probability;
}

static const char *
pick (Builder      *builder,
      const char  **choices,
      guint         n_choices)
{
  return ed_demo_pick (builder->rand, choices, n_choices);
}

#define PICK(builder, list) pick ((builder), (list), G_N_ELEMENTS (list))

/* "AA", "AB", … "ZZ", then "AAA": the letters that prefix elector numbers (RPR 2001 reg 39). */
static char *
polling_district_code (guint index)
{
  if (index < 26 * 26)
    return g_strdup_printf ("%c%c", 'A' + index / 26, 'A' + index % 26);
  index -= 26 * 26;
  return g_strdup_printf ("%c%c%c", 'A' + index / (26 * 26), 'A' + (index / 26) % 26,
                          'A' + index % 26);
}

static char *
add_electoral_area (Builder     *builder,
                    guint        index,
                    const char  *town,
                    guint        n_polling_districts,
                    GError     **error)
{
  GVariant *values[ED_ELECTORAL_AREA_N_COLS];
  guint seats = n_polling_districts >= 3 ? 3 : n_polling_districts;

  values[ED_ELECTORAL_AREA_COL_CODE] = take_text (g_strdup_printf ("W%02u", index + 1));
  values[ED_ELECTORAL_AREA_COL_NAME] = take_text (index == 0 ? g_strdup_printf ("%s Town", town)
                                                             : g_strdup_printf ("%s", town));
  values[ED_ELECTORAL_AREA_COL_KIND] =
    text (ed_electoral_area_kind_to_string (ED_ELECTORAL_AREA_WARD));
  values[ED_ELECTORAL_AREA_COL_SEATS] = g_variant_new_int64 (seats);
  return builder_insert (builder, &ed_electoral_area_table, values, error);
}

static char *
add_parish (Builder     *builder,
            guint        index,
            const char  *town,
            GError     **error)
{
  GVariant *values[ED_PARISH_N_COLS];

  values[ED_PARISH_COL_CODE] = take_text (g_strdup_printf ("P%02u", index + 1));
  values[ED_PARISH_COL_NAME] = take_text (g_strdup_printf ("%s Parish", town));
  return builder_insert (builder, &ed_parish_table, values, error);
}

static char *
add_polling_district (Builder     *builder,
                      const char  *code,
                      const char  *name,
                      const char  *area_id,
                      const char  *parish_id,
                      const char  *constituency,
                      GError     **error)
{
  GVariant *values[ED_POLLING_DISTRICT_N_COLS];

  values[ED_POLLING_DISTRICT_COL_CODE] = text (code);
  values[ED_POLLING_DISTRICT_COL_NAME] = text (name);
  values[ED_POLLING_DISTRICT_COL_ELECTORAL_AREA] = text (area_id);
  values[ED_POLLING_DISTRICT_COL_PARISH] = text (parish_id);
  values[ED_POLLING_DISTRICT_COL_CONSTITUENCY] = text (constituency);
  return builder_insert (builder, &ed_polling_district_table, values, error);
}

/* A street name not yet used in the town. */
static char *
new_street (Builder    *builder,
            const char *town)
{
  for (guint attempt = 0;; attempt++)
    {
      const char *name = PICK (builder, street_names);
      const char *kind = PICK (builder, street_kinds);
      g_autofree char *street = attempt < 50 ? g_strdup_printf ("%s %s", name, kind)
                                             : g_strdup_printf ("%s %s %u", name, kind, attempt);
      char *key = g_strdup_printf ("%s/%s", town, street);

      if (!g_hash_table_contains (builder->street_names_used, key))
        {
          g_hash_table_add (builder->street_names_used, key);
          return g_steal_pointer (&street);
        }
      g_free (key);
    }
}

typedef struct
{
  const char *polling_district_id;
  const char *prefix;
  guint       next_number;
  gint64      easting;    /* the south-west corner of the district's streets */
  gint64      northing;
} PartState;

/* Where the demo's properties stand, in Ordnance Survey National Grid metres: each ward a
 * town of its own on a grid five kilometres apart, in an invented corner of square SU; each
 * polling district a neighbourhood about 1.6 km across within its ward, three abreast; its
 * streets leading out from the middle at turns of the golden angle, each starting a little
 * further out than the last so that they fill the neighbourhood rather than cross at its
 * middle, houses 14 m apart with odd numbers on one side and even on the other; the flats of
 * a house at the house. Worked out from the positions alone, so the register's random
 * stream, and with it every other part of the demo, is the same as without coordinates. */
#define DEMO_FIRST_EASTING 447000
#define DEMO_FIRST_NORTHING 121000
#define DEMO_WARD_SPACING 5000
#define DEMO_WARDS_ACROSS 6
#define DEMO_DISTRICT_SPACING 1600
#define DEMO_HOUSE_SPACING 14
#define DEMO_GOLDEN_ANGLE 2.399963229728653

static void
part_place (PartState *part,
            guint      ward,
            guint      district_in_ward)
{
  part->easting = DEMO_FIRST_EASTING + (gint64)(ward % DEMO_WARDS_ACROSS) * DEMO_WARD_SPACING +
                  (district_in_ward % 3) * DEMO_DISTRICT_SPACING;
  part->northing = DEMO_FIRST_NORTHING + (gint64)(ward / DEMO_WARDS_ACROSS) * DEMO_WARD_SPACING +
                   (district_in_ward / 3) * DEMO_DISTRICT_SPACING;
}

static void
house_place (const PartState *part,
             guint            street,
             guint            house,
             gint64          *out_easting,
             gint64          *out_northing)
{
  double centre_e = part->easting + DEMO_DISTRICT_SPACING / 2.0;
  double centre_n = part->northing + DEMO_DISTRICT_SPACING / 2.0;
  double angle = street * DEMO_GOLDEN_ANGLE;
  double along = 60.0 + (street % 6) * 70.0 + ((house - 1) / 2) * (double)DEMO_HOUSE_SPACING;
  double side = house % 2 == 1 ? 8.0 : -8.0;

  /* A long street bends back towards the middle rather than run into the next district. */
  if (along > 700.0)
    along = 1400.0 - along;
  *out_easting = (gint64)(centre_e + along * cos (angle) - side * sin (angle));
  *out_northing = (gint64)(centre_n + along * sin (angle) + side * cos (angle));
}

static char *
add_property (Builder      *builder,
              PartState    *part,
              const char   *property,
              const char   *street,
              const char   *locality,
              const char   *town,
              const char   *postcode,
              gint64        easting,
              gint64        northing,
              GError      **error)
{
  GVariant *values[ED_PROPERTY_N_COLS];

  values[ED_PROPERTY_COL_UPRN] = g_variant_new_int64 ((gint64)builder->next_uprn++);
  values[ED_PROPERTY_COL_PROPERTY] = text (property);
  values[ED_PROPERTY_COL_STREET] = text (street);
  values[ED_PROPERTY_COL_LOCALITY] = text (locality);
  values[ED_PROPERTY_COL_TOWN] = text (town);
  /* The demo's towns are not divided into areas. */
  values[ED_PROPERTY_COL_AREA] = text ("");
  values[ED_PROPERTY_COL_POSTCODE] = text (postcode);
  values[ED_PROPERTY_COL_POLLING_DISTRICT] = text (part->polling_district_id);
  values[ED_PROPERTY_COL_EASTING] = g_variant_new_int64 (easting);
  values[ED_PROPERTY_COL_NORTHING] = g_variant_new_int64 (northing);
  return builder_insert (builder, &ed_property_table, values, error);
}

static char *
date_after (const GDate *from,
            guint        days)
{
  GDate date = *from;

  g_date_add_days (&date, days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* An attainer's date of birth: the day they reach voting age, that age earlier. */
static char *
birth_before (const GDate *from,
              guint        days,
              guint        years)
{
  GDate date = *from;

  g_date_add_days (&date, days);
  g_date_subtract_years (&date, years);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static char *
person_name (Builder    *builder,
             const char *surname)
{
  gboolean set_a = g_rand_boolean (builder->rand);
  const char *forename = set_a ? PICK (builder, forenames_a) : PICK (builder, forenames_b);
  const char *middle = set_a ? PICK (builder, middle_names_a) : PICK (builder, middle_names_b);

  return middle[0] != '\0' ? g_strdup_printf ("%s %s %s", forename, middle, surname)
                           : g_strdup_printf ("%s %s", forename, surname);
}

/* One elector, drawn in the shares of DOMAIN.md §6 and §1.2. Each draw is its own statement
 * so the same seed gives the same register whatever the compiler. */
static gboolean
add_elector (Builder      *builder,
             PartState    *part,
             const char   *property_id,
             const char   *surname,
             gboolean      overseas,
             GError      **error)
{
  GVariant *values[ED_ELECTOR_N_COLS];
  gboolean set_a = g_rand_boolean (builder->rand);
  const char *title = set_a ? PICK (builder, titles_a) : PICK (builder, titles_b);
  const char *forename = set_a ? PICK (builder, forenames_a) : PICK (builder, forenames_b);
  const char *middle = set_a ? PICK (builder, middle_names_a) : PICK (builder, middle_names_b);
  const char *marker = overseas ? "F" : chance (builder, 0.03) ? "B"
                                      : chance (builder, 0.0002) ? "L" : "";
  gboolean attainer = !overseas && chance (builder, 0.015);
  guint attainer_days = g_rand_int_range (builder->rand, 1, 300);
  gboolean opted_out = chance (builder, 0.55);
  double vote_draw = g_rand_double (builder->rand);
  EdAbsentVote absent_vote = vote_draw < 0.18 ? ED_ABSENT_VOTE_POSTAL
                             : vote_draw < 0.19 ? ED_ABSENT_VOTE_PROXY
                             : vote_draw < 0.192 ? ED_ABSENT_VOTE_POSTAL_PROXY
                             : ED_ABSENT_VOTE_NONE;
  guint vote_days = g_rand_int_range (builder->rand, 30, 3 * 365);
  gboolean anonymous = !overseas && chance (builder, 0.0002);
  g_autofree char *proxy = NULL;
  g_autofree char *proxy_address = NULL;
  g_autofree char *id = NULL;

  if (ed_absent_vote_is_by_proxy (absent_vote))
    {
      const char *proxy_surname = PICK (builder, surnames);
      guint house = g_rand_int_range (builder->rand, 1, 90);
      const char *proxy_street = PICK (builder, street_names);
      const char *proxy_town = PICK (builder, towns);

      proxy = person_name (builder, proxy_surname);
      proxy_address = g_strdup_printf ("%u %s Road, %s", house, proxy_street, proxy_town);
    }

  values[ED_ELECTOR_COL_POLLING_DISTRICT] = text (part->polling_district_id);
  values[ED_ELECTOR_COL_PROPERTY] = text (property_id != NULL ? property_id : "");
  values[ED_ELECTOR_COL_NUMBER_PREFIX] = text (part->prefix);
  values[ED_ELECTOR_COL_NUMBER] = g_variant_new_int64 (part->next_number++);
  values[ED_ELECTOR_COL_NUMBER_SUFFIX] = g_variant_new_int64 (0);
  values[ED_ELECTOR_COL_TITLE] = text (title);
  values[ED_ELECTOR_COL_FORENAMES] =
    take_text (middle[0] != '\0' ? g_strdup_printf ("%s %s", forename, middle)
                                 : g_strdup (forename));
  values[ED_ELECTOR_COL_SURNAME] = text (surname);
  values[ED_ELECTOR_COL_MARKER] = text (marker);
  values[ED_ELECTOR_COL_ATTAINER_DATE] =
    take_text (attainer ? date_after (&builder->today, attainer_days) : g_strdup (""));
  values[ED_ELECTOR_COL_OPEN_REGISTER_OPT_OUT] = g_variant_new_boolean (opted_out);
  values[ED_ELECTOR_COL_ABSENT_VOTE] = text (ed_absent_vote_to_string (absent_vote));
  values[ED_ELECTOR_COL_ABSENT_VOTE_ENDS] =
    take_text (absent_vote != ED_ABSENT_VOTE_NONE ? date_after (&builder->today, vote_days)
                                                  : g_strdup (""));
  values[ED_ELECTOR_COL_PROXY_NAME] = text (proxy != NULL ? proxy : "");
  values[ED_ELECTOR_COL_PROXY_ADDRESS] = text (proxy_address != NULL ? proxy_address : "");
  values[ED_ELECTOR_COL_ANONYMOUS] = g_variant_new_boolean (anonymous);
  values[ED_ELECTOR_COL_OTHER_ELECTOR] = g_variant_new_boolean (overseas);
  values[ED_ELECTOR_COL_LANGUAGE] =
    text (ed_elector_language_to_string (ED_ELECTOR_LANGUAGE_ENGLISH));
  values[ED_ELECTOR_COL_STATUS] = text (ed_elector_status_to_string (ED_ELECTOR_STATUS_CURRENT));
  /* An attainer's entry holds the date of birth their dates come from (DOMAIN.md §1.2). */
  values[ED_ELECTOR_COL_DATE_OF_BIRTH] =
    take_text (attainer ? birth_before (&builder->today, attainer_days,
                                        ed_attainer_voting_age (builder->country))
                        : g_strdup (""));

  id = builder_insert (builder, &ed_elector_table, values, error);
  return id != NULL;
}

/* How many electors live at a property: most households have one or two. */
static guint
household_size (Builder *builder)
{
  double draw = g_rand_double (builder->rand);

  return draw < 0.32 ? 1 : draw < 0.78 ? 2 : draw < 0.90 ? 3 : draw < 0.97 ? 4 : 5;
}

static gboolean
add_household (Builder      *builder,
               PartState    *part,
               const char   *property_id,
               guint        *placed,
               guint         wanted,
               GError      **error)
{
  guint size = household_size (builder);
  const char *surname = PICK (builder, surnames);

  for (guint i = 0; i < size && *placed < wanted; i++, (*placed)++)
    {
      /* Not every household shares a surname. */
      const char *own_surname = i > 0 && chance (builder, 0.25) ? PICK (builder, surnames)
                                                                : surname;

      if (!add_elector (builder, part, property_id, own_surname, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char  *name;
  guint  n_houses;
  guint  sector;
} StreetPlan;

static void
street_plan_clear (StreetPlan *plan)
{
  g_free (plan->name);
}

static int
street_plan_compare (gconstpointer a,
                     gconstpointer b)
{
  return ed_register_street_compare (((const StreetPlan *)a)->name,
                                     ((const StreetPlan *)b)->name);
}

/* Enough streets for @wanted electors, every house holding at least one, in street order:
 * the order the revised register numbers them in (ed-register-order.c), so that revising the
 * demo register keeps its numbers. */
static GArray *
plan_streets (Builder    *builder,
              const char *town,
              guint       wanted)
{
  GArray *plans = g_array_new (FALSE, FALSE, sizeof (StreetPlan));
  guint houses = 0;

  g_array_set_clear_func (plans, (GDestroyNotify)street_plan_clear);
  while (houses < wanted)
    {
      StreetPlan plan = { new_street (builder, town), g_rand_int_range (builder->rand, 8, 90),
                          g_rand_int_range (builder->rand, 1, 10) };

      houses += plan.n_houses;
      g_array_append_val (plans, plan);
    }
  g_array_sort (plans, street_plan_compare);
  return plans;
}

/* Streets of numbered houses, some named houses and the odd block of flats, each unit of the
 * postcode covering a stretch of about fifteen front doors. Properties are written in street
 * order, so numbering electors as they are written gives the statutory order (reg 41). */
static gboolean
add_streets (Builder      *builder,
             PartState    *part,
             const char   *town,
             const char   *locality,
             guint         wanted,
             GError      **error)
{
  static const char unit_letters[] = "ABDEFGHJLNPQRSTUWXYZ";
  g_autoptr(GArray) plans = plan_streets (builder, town, wanted);
  guint placed = 0;

  for (guint s = 0; s < plans->len && placed < wanted; s++)
    {
      const char *street = g_array_index (plans, StreetPlan, s).name;
      guint n_houses = g_array_index (plans, StreetPlan, s).n_houses;
      guint sector = g_array_index (plans, StreetPlan, s).sector;
      g_autofree char *postcode = NULL;

      for (guint house = 1; house <= n_houses && placed < wanted; house++)
        {
          gint64 easting, northing;

          house_place (part, s, house, &easting, &northing);
          if (postcode == NULL || house % 15 == 0)
            {
              char unit1 = unit_letters[g_rand_int_range (builder->rand, 0,
                                                          sizeof unit_letters - 1)];
              char unit2 = unit_letters[g_rand_int_range (builder->rand, 0,
                                                          sizeof unit_letters - 1)];

              g_free (postcode);
              postcode = g_strdup_printf ("ZY%u %u%c%c", builder->postcode_district, sector,
                                          unit1, unit2);
            }

          if (chance (builder, 0.04))
            {
              /* A converted house or a small block: flats 1 to n. */
              guint n_flats = g_rand_int_range (builder->rand, 2, 9);

              for (guint flat = 1; flat <= n_flats && placed < wanted; flat++)
                {
                  g_autofree char *name = g_strdup_printf ("Flat %u, %u", flat, house);
                  g_autofree char *id = add_property (builder, part, name, street, locality,
                                                      town, postcode, easting, northing,
                                                      error);

                  if (id == NULL || !add_household (builder, part, id, &placed, wanted, error))
                    return FALSE;
                }
            }
          else
            {
              g_autofree char *name = chance (builder, 0.03)
                ? g_strdup_printf ("%s, %u", PICK (builder, house_names), house)
                : g_strdup_printf ("%u", house);
              g_autofree char *id = add_property (builder, part, name, street, locality, town,
                                                  postcode, easting, northing, error);

              if (id == NULL || !add_household (builder, part, id, &placed, wanted, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

/* Overseas electors have no printed address: they come under "Other electors" (reg 41(3)). */
static gboolean
add_other_electors (Builder      *builder,
                    PartState    *part,
                    guint         n,
                    GError      **error)
{
  for (guint i = 0; i < n; i++)
    {
      const char *surname = PICK (builder, surnames);

      if (!add_elector (builder, part, NULL, surname, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ed_register_demo:
 * @context: a district being written as the demo
 * @rand: the demo's random stream
 * @options: its size and date
 * @error: return location for an error
 *
 * The register's part of the demo district: wards, parishes, polling districts, streets,
 * households and their electors, numbered in street order.
 */
gboolean
ed_register_demo (EdContext            *context,
                  GRand                *rand,
                  const EdDemoOptions  *options,
                  GError              **error)
{
  guint n_electors = options->electors;
  const GDate *today = &options->today;
  Builder builder = { 0 };
  guint n_polling_districts = MAX (2, (n_electors + ELECTORS_PER_POLLING_DISTRICT / 2) /
                                      ELECTORS_PER_POLLING_DISTRICT);
  guint n_wards = MAX (1, n_polling_districts / POLLING_DISTRICTS_PER_WARD);
  g_autofree char *constituency = NULL;
  guint pd_index = 0;
  guint parish_index = 0;
  gboolean ok = FALSE;

  if (n_electors == 0)
    return TRUE;

  builder.context = context;
  builder.rand = rand;
  builder.today = *today;
  builder.country = ed_district_settings_get_country (ed_context_get_settings (context));
  builder.street_names_used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  builder.next_uprn = G_GUINT64_CONSTANT (990000000001);
  {
    guint first = g_rand_int_range (rand, 0, G_N_ELEMENTS (towns));
    guint second = (first + g_rand_int_range (rand, 1, G_N_ELEMENTS (towns))) %
                   G_N_ELEMENTS (towns);

    constituency = g_strdup_printf ("%s and %s", towns[first], towns[second]);
  }

  for (guint ward = 0; ward < n_wards; ward++)
    {
      const char *town = towns[ward % G_N_ELEMENTS (towns)];
      guint first_pd = ward * n_polling_districts / n_wards;
      guint end_pd = (ward + 1) * n_polling_districts / n_wards;
      g_autofree char *ward_name = ward < G_N_ELEMENTS (towns) ? g_strdup (town)
        : g_strdup_printf ("%s %s", town, polling_district_kinds[ward % 5]);
      g_autofree char *area_id = add_electoral_area (&builder, ward, ward_name,
                                                     end_pd - first_pd, error);
      /* The first ward is the unparished town centre; the rest are parished. */
      g_autofree char *parish_id = NULL;

      if (area_id == NULL)
        goto out;
      if (ward > 0 && (parish_id = add_parish (&builder, parish_index++, ward_name,
                                               error)) == NULL)
        goto out;
      builder.postcode_district = ward + 1;

      for (guint pd = first_pd; pd < end_pd; pd++, pd_index++)
        {
          g_autofree char *code = polling_district_code (pd_index);
          const char *kind = polling_district_kinds[(pd - first_pd) % 5];
          g_autofree char *name = g_strdup_printf ("%s %s", ward_name, kind);
          guint first_elector = (guint)((guint64)pd * n_electors / n_polling_districts);
          guint end_elector = (guint)((guint64)(pd + 1) * n_electors / n_polling_districts);
          guint wanted = end_elector - first_elector;
          guint n_overseas = wanted / 300;
          g_autofree char *pd_id = add_polling_district (&builder, code, name, area_id,
                                                         parish_id != NULL ? parish_id : "",
                                                         constituency, error);
          PartState part = { pd_id, code, 1, 0, 0 };

          part_place (&part, ward, pd - first_pd);
          /* A polling district is a few hundred electors: often enough to report and to
           * stop, rarely enough to cost nothing. */
          if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
            goto out;
          if (options->progress != NULL)
            options->progress ((double)first_elector / n_electors, _("Writing the register"),
                               options->progress_data);
          if (pd_id == NULL ||
              !add_streets (&builder, &part, town, "", wanted - n_overseas, error) ||
              !add_other_electors (&builder, &part, n_overseas, error))
            goto out;
        }
    }

  ok = builder_flush (&builder, error);

out:
  if (builder.change_set != NULL)
    ed_change_set_rollback (builder.change_set);
  g_clear_object (&builder.change_set);
  g_hash_table_unref (builder.street_names_used);
  return ok;
}
