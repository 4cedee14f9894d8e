/**
 * Every piece of text the map shows, keyed by id (the strings convention, docs/model.md section 12). To translate,
 * replace the values; placeholders look like {name}.
 */
export const VIEW_STRINGS = {
  'legend.title': 'Map key',
  'legend.hidden': 'Map key (L)',
  'legend.citizens': 'Citizens',
  'legend.quiet': 'Quiet',
  'legend.active': 'Protesting',
  'legend.injured': 'Injured',
  'legend.officers': 'Officers: colour = loyalty',
  'legend.masked': 'On duty, masked',
  'legend.unmasked': 'On duty, identity known',
  'legend.shirking': 'Shirking',
  'legend.insider': 'Insider (leaks)',
  'legend.joined': 'Joined the crowd',
  'legend.loyal': 'loyal',
  'legend.defecting': 'near defection',
  'legend.places': 'Places',
  'legend.square': 'Square',
  'legend.metro': 'Metro',
  'legend.station': 'Police',
  'legend.keys': 'Drag / arrows: pan\nWheel / + −: zoom · 0: reset\nClick an officer to inspect',
  'legend.density': 'Zoomed out: each cell shows its main group',

  'event.resign-noisy': 'Noisy resignation',
  'event.walkout': 'Unit walks out',
  'event.join': 'Officer joins the crowd',
  'event.unmasking': 'Officer unmasked',
  'event.death': 'Protester dies in custody',
  'event.deploy': 'Reserves deployed',
  'event.patron-withdraws': 'Foreign patron withdraws support',
  'event.tactic': 'Movement: {detail}',
  'event.tactic-refused': 'Tactic refused: {detail}',

  'banner.success': 'THE REGIME HAS FALLEN',
  'banner.failure': 'THE MOVEMENT IS CRUSHED',
  'banner.stalemate': 'STALEMATE: THE REGIME HOLDS ON',
  'banner.route.force': 'Route: not enough loyal force left to hold the streets',
  'banner.route.overwhelm': 'Route: the crowds overwhelmed the security forces',
  'banner.route.elite': 'Route: the ruling elite split',
  'banner.route.economy': 'Cause: the regime ran out of money to pay its forces',
  'banner.route.patron': 'Cause: the patron abandoned the regime',
  'banner.failure.why': 'The streets emptied: too few protesters for too long',
  'banner.stalemate.why': 'Neither side prevailed by the end of the scenario',
  'banner.tipping': 'Tipping point: {date}',
  'banner.decided': 'Decided: {date}',

  'selection.officer': 'Officer {n}',
  'selection.offMap': 'Officer {n} is not on the map',
  'status.loading': 'Loading the model…',
  'status.error': 'The model could not start',
} as const;

export type ViewStringId = keyof typeof VIEW_STRINGS;

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function vt(id: ViewStringId, vars: Record<string, string | number> = {}): string {
  return VIEW_STRINGS[id].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** "2020-09-14T18:00" -> "14 September 2020, 18:00"; anything else is returned as it is. */
export function formatDateTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return iso;
  const day = `${Number(m[3])} ${month} ${m[1]}`;
  return m[4] ? `${day}, ${m[4]}:${m[5]}` : day;
}
