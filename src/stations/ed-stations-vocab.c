/* ed-stations-vocab.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The stations module's vocabularies (ed-stations-vocab.h), each one table from its enum to
 * the value its column stores and the name people read. The values are what
 * 0013-stations.sql lists beside each column; test-stations-vocab.c holds the two to each
 * other. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-value-error.h"
#include "core/ed-vocab.h"
#include "stations/ed-stations-vocab.h"


static const EdTerm booking_states[] = {
  [ED_BOOKING_PROVISIONAL] = { "provisional", N_("Provisional") },
  [ED_BOOKING_PROVISIONALLY_BOOKED] = { "provisionally_booked", N_("Provisionally booked") },
  [ED_BOOKING_CONFIRMED] = { "confirmed", N_("Confirmed") },
  [ED_BOOKING_CANCELLED] = { "cancelled", N_("Cancelled") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (booking_states) == ED_N_BOOKING_STATES);

static const char * const access_groups[] = {
  [ED_ACCESS_GROUP_APPROACH] = N_("Approach"),
  [ED_ACCESS_GROUP_ENTRANCE] = N_("Entrance"),
  [ED_ACCESS_GROUP_INSIDE] = N_("Inside"),
  [ED_ACCESS_GROUP_EQUIPMENT] = N_("Equipment"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (access_groups) == ED_N_ACCESS_GROUPS);

typedef struct
{
  EdTerm           term;
  EdAccessGroup  group;
  const char    *question;  /* untranslated; put so that yes is the accessible answer */
} AccessTerm;

/* The checklist of DOMAIN.md §3.5, from the Electoral Commission's polling station
 * accessibility checklist and the 1998 Home Affairs annex; 800 mm is the "wide door". */
static const AccessTerm access_items[] = {
  [ED_ACCESS_PARKING] = { { "parking", N_("Accessible parking") }, ED_ACCESS_GROUP_APPROACH,
    N_("Are there designated accessible parking bays close to the entrance?") },
  [ED_ACCESS_PATH] = { { "path", N_("Path") }, ED_ACCESS_GROUP_APPROACH,
    N_("Is the path to the entrance wide, firm and even?") },
  [ED_ACCESS_DROPPED_KERBS] = { { "dropped_kerbs", N_("Dropped kerbs") }, ED_ACCESS_GROUP_APPROACH,
    N_("Are there dropped kerbs where the route crosses a road?") },
  [ED_ACCESS_LEVEL_SITE_ENTRANCE] = { { "level_site_entrance", N_("Level site entrance") },
    ED_ACCESS_GROUP_APPROACH, N_("Is the way into the site level?") },
  [ED_ACCESS_SIGNS] = { { "signs", N_("Signs") }, ED_ACCESS_GROUP_APPROACH,
    N_("Do signs show the way to the accessible entrance?") },
  [ED_ACCESS_OUTSIDE_LIGHTING] = { { "outside_lighting", N_("Outside lighting") },
    ED_ACCESS_GROUP_APPROACH, N_("Is the approach well lit after dark?") },
  [ED_ACCESS_STEP_FREE_ENTRANCE] = { { "step_free_entrance", N_("Step-free entrance") },
    ED_ACCESS_GROUP_ENTRANCE,
    N_("Is the entrance level or ramped (a permanent ramp, or a portable one on the day)?") },
  [ED_ACCESS_HANDRAILS] = { { "handrails", N_("Handrails") }, ED_ACCESS_GROUP_ENTRANCE,
    N_("Do steps and ramps have handrails?") },
  [ED_ACCESS_STEP_EDGES] = { { "step_edges", N_("Step edges") }, ED_ACCESS_GROUP_ENTRANCE,
    N_("Are the edges of steps marked so that they can be seen?") },
  [ED_ACCESS_DOOR_WIDTH] = { { "door_width", N_("Door width") }, ED_ACCESS_GROUP_ENTRANCE,
    N_("Is the entrance door at least 800 mm wide?") },
  [ED_ACCESS_DOOR_EASY] = { { "door_easy", N_("Door easy to open") }, ED_ACCESS_GROUP_ENTRANCE,
    N_("Is the door automatic, light to open, or able to be held open?") },
  [ED_ACCESS_LEVEL_THRESHOLD] = { { "level_threshold", N_("Level threshold") },
    ED_ACCESS_GROUP_ENTRANCE, N_("Are the threshold and the door mats level?") },
  [ED_ACCESS_INTERNAL_WIDTHS] = { { "internal_widths", N_("Internal doors and corridors") },
    ED_ACCESS_GROUP_INSIDE, N_("Are internal doors and corridors at least 800 mm wide?") },
  [ED_ACCESS_INTERNAL_LEVEL] = { { "internal_level", N_("Internal steps") },
    ED_ACCESS_GROUP_INSIDE,
    N_("Is the route to the polling station free of steps, or served by a ramp or a lift?") },
  [ED_ACCESS_TURNING_SPACE] = { { "turning_space", N_("Turning space") }, ED_ACCESS_GROUP_INSIDE,
    N_("Is there room for a wheelchair user to turn and move around?") },
  [ED_ACCESS_FLOOR] = { { "floor", N_("Floor") }, ED_ACCESS_GROUP_INSIDE,
    N_("Is the floor firm, even and not slippery?") },
  [ED_ACCESS_INSIDE_LIGHTING] = { { "inside_lighting", N_("Inside lighting") },
    ED_ACCESS_GROUP_INSIDE, N_("Is the room well lit?") },
  [ED_ACCESS_CHAIRS] = { { "chairs", N_("Chairs") }, ED_ACCESS_GROUP_INSIDE,
    N_("Are there chairs, some with arms, for people who need to sit?") },
  [ED_ACCESS_ACCESSIBLE_BOOTH] = { { "accessible_booth", N_("Accessible booth") },
    ED_ACCESS_GROUP_EQUIPMENT, N_("Is there a polling booth a wheelchair user can use?") },
  [ED_ACCESS_BALLOT_BOX_HEIGHT] = { { "ballot_box_height", N_("Ballot box height") },
    ED_ACCESS_GROUP_EQUIPMENT, N_("Can the ballot box be placed where everyone can reach it?") },
  [ED_ACCESS_VOTING_AIDS] = { { "voting_aids", N_("Voting aids") }, ED_ACCESS_GROUP_EQUIPMENT,
    N_("Are a tactile voting device, a large-print ballot paper and magnifiers provided?") },
  [ED_ACCESS_PRIVATE_AREA] = { { "private_area", N_("Private area for ID checks") },
    ED_ACCESS_GROUP_EQUIPMENT,
    N_("Is there a private area for checking voter ID on request?") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (access_items) == ED_N_ACCESS_ITEMS);

static const EdTerm access_answers[] = {
  [ED_ACCESS_ANSWER_UNKNOWN] = { "", N_("Not assessed") },
  [ED_ACCESS_ANSWER_YES] = { "yes", N_("Yes") },
  [ED_ACCESS_ANSWER_NO] = { "no", N_("No") },
  [ED_ACCESS_ANSWER_NOT_APPLICABLE] = { "not_applicable", N_("Not applicable") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (access_answers) == ED_N_ACCESS_ANSWERS);

static const EdTerm review_kinds[] = {
  [ED_REVIEW_COMPULSORY] = { "compulsory", N_("Compulsory review") },
  [ED_REVIEW_INTERIM] = { "interim", N_("Interim review") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (review_kinds) == ED_N_REVIEW_KINDS);

static const EdTerm representation_kinds[] = {
  [ED_REPRESENTATION_ARO] = { "aro", N_("(Acting) Returning Officer") },
  [ED_REPRESENTATION_ELECTOR] = { "elector", N_("Elector") },
  [ED_REPRESENTATION_COUNCILLOR] = { "councillor", N_("Councillor") },
  [ED_REPRESENTATION_ACCESS_EXPERT] = { "access_expert", N_("Access expert") },
  [ED_REPRESENTATION_PARISH_COUNCIL] = { "parish_council", N_("Parish or town council") },
  [ED_REPRESENTATION_OTHER] = { "other", N_("Other") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (representation_kinds) == ED_N_REPRESENTATION_KINDS);

static const EdTerm proposal_actions[] = {
  [ED_PROPOSAL_KEEP] = { "keep", N_("No change") },
  [ED_PROPOSAL_CHANGE] = { "change", N_("Change") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (proposal_actions) == ED_N_PROPOSAL_ACTIONS);

ED_DEFINE_TERMS (ed_booking_state, EdBookingState, booking_states)
ED_DEFINE_TERMS (ed_access_answer, EdAccessAnswer, access_answers)
ED_DEFINE_TERMS (ed_review_kind, EdReviewKind, review_kinds)
ED_DEFINE_TERMS (ed_representation_kind, EdRepresentationKind, representation_kinds)
ED_DEFINE_TERMS (ed_proposal_action, EdProposalAction, proposal_actions)

/**
 * ed_access_group_get_display_name:
 * @group: a part of the checklist
 *
 * Returns: (transfer none): its heading, translated
 */
const char *
ed_access_group_get_display_name (EdAccessGroup group)
{
  g_return_val_if_fail ((guint)group < ED_N_ACCESS_GROUPS, NULL);
  return _(access_groups[group]);
}

/**
 * ed_access_item_to_string:
 * @item: a checklist question
 *
 * Returns: (transfer none): the value `place_access_check.item` stores
 */
const char *
ed_access_item_to_string (EdAccessItem item)
{
  g_return_val_if_fail ((guint)item < ED_N_ACCESS_ITEMS, NULL);
  return access_items[item].term.value;
}

/**
 * ed_access_item_from_string:
 * @text: a value of `place_access_check.item`
 * @out: (out) (optional): the question
 * @error: return location for an %ED_VALUE_ERROR_INVALID
 *
 * Returns: %TRUE if @text is one
 */
gboolean
ed_access_item_from_string (const char    *text,
                            EdAccessItem  *out,
                            GError       **error)
{
  guint i;

  if (!ed_term_lookup (&access_items[0].term, sizeof (access_items[0]),
                       G_N_ELEMENTS (access_items), text, &i, error))
    return FALSE;
  if (out != NULL)
    *out = (EdAccessItem)i;
  return TRUE;
}

/**
 * ed_access_item_get_display_name:
 * @item: a checklist question
 *
 * Returns: (transfer none): its short name, translated: “Door width”
 */
const char *
ed_access_item_get_display_name (EdAccessItem item)
{
  g_return_val_if_fail ((guint)item < ED_N_ACCESS_ITEMS, NULL);
  return _(access_items[item].term.name);
}

/**
 * ed_access_item_get_question:
 * @item: a checklist question
 *
 * Returns: (transfer none): the question as the assessor reads it, translated
 */
const char *
ed_access_item_get_question (EdAccessItem item)
{
  g_return_val_if_fail ((guint)item < ED_N_ACCESS_ITEMS, NULL);
  return _(access_items[item].question);
}

/**
 * ed_access_item_get_group:
 * @item: a checklist question
 *
 * Returns: the part of the checklist it belongs to
 */
EdAccessGroup
ed_access_item_get_group (EdAccessItem item)
{
  g_return_val_if_fail ((guint)item < ED_N_ACCESS_ITEMS, ED_ACCESS_GROUP_APPROACH);
  return access_items[item].group;
}
