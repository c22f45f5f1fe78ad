/**
 * What a person's search and card need (space-api.md §6): the profiles; the card's working hours; the member
 * locations its profile lists; today's absence — OAS `x-rights` of `GET /absences` is "View absences" [C §12]. The
 * token owner (`me`) is a profile too. The first is what a 403 of the search names when Space names none.
 */
export const permissions = ['Profile.View', 'Profile.WorkingDays.View', 'Profile.Locations.View', 'Profile.Absences.View'] as const;
