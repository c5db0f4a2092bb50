// Parse an iCalendar file from stdin with Mozilla's ical.js (the parser inside
// Thunderbird) and print what a calendar client would take from it, as JSON.
//
//   npm ci --prefix tests/js
//   node tests/js/parse_ics.mjs < trip.ics
//
// Each VTIMEZONE of the file is registered first, so that a TZID resolves to
// the rules the file carries (never to the machine's own zone database).
import ICAL from "ical.js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString("utf8");

const calendar = new ICAL.Component(ICAL.parse(text));
const timezones = calendar.getAllSubcomponents("vtimezone").map((vtimezone) => {
  const timezone = new ICAL.Timezone(vtimezone);
  ICAL.TimezoneService.register(timezone, timezone.tzid);
  return timezone.tzid;
});

function instant(time) {
  if (!time) return null;
  return time.toJSDate().toISOString();
}

function zoneOf(time) {
  if (!time || time.isDate) return null;
  return time.zone ? time.zone.tzid : null;
}

const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  const start = event.startDate;
  const explicitEnd = vevent.hasProperty("dtend") || vevent.hasProperty("duration");
  return {
    uid: event.uid,
    summary: event.summary,
    start: instant(start),
    start_date: start && start.isDate ? start.toString() : null,
    end: explicitEnd ? instant(event.endDate) : null,
    end_date: explicitEnd && event.endDate.isDate ? event.endDate.toString() : null,
    all_day: Boolean(start && start.isDate),
    zone: zoneOf(start),
    status: vevent.getFirstPropertyValue("status"),
    sequence: event.sequence,
    location: event.location,
    description: event.description,
  };
});

process.stdout.write(
  JSON.stringify({
    name: calendar.getFirstPropertyValue("x-wr-calname"),
    timezones,
    events,
  }),
);
