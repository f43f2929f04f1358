import {
  addDays,
  agencyZone,
  browserZone,
  dateInZone,
  daysUntilIn,
  formatTime,
  fromZoneInput,
  mondayOf,
  startOfDay,
  toZoneInput,
  todayInZone,
  weekOf,
  weekWindow,
} from './zone';

const HOUR = 3_600_000;

describe('dates in the agency’s time zone', () => {
  it('takes the agency’s zone, or the browser’s when it has none or this browser does not know it', () => {
    expect(agencyZone('America/Vancouver')).toBe('America/Vancouver');
    expect(agencyZone(null)).toBe(browserZone());
    expect(agencyZone('Mars/Olympus_Mons')).toBe(browserZone());
  });

  it('has a different today on either side of the date line at the same instant', () => {
    const now = new Date();
    const kiritimati = todayInZone('Pacific/Kiritimati', now);
    const pagoPago = todayInZone('Pacific/Pago_Pago', now);
    // Kiritimati (UTC+14) is 25 hours ahead of Pago Pago (UTC−11): one calendar day, sometimes two, never none.
    const apart = (Date.parse(kiritimati) - Date.parse(pagoPago)) / (24 * HOUR);
    expect([1, 2]).toContain(apart);
  });

  it('starts every day at the zone’s midnight, across a year of clock changes', () => {
    for (const zone of ['America/Vancouver', 'Europe/Paris', 'Australia/Lord_Howe', 'UTC']) {
      const first = todayInZone(zone);
      for (let i = 0; i < 400; i += 1) {
        const date = addDays(first, i);
        const start = startOfDay(date, zone);
        expect(toZoneInput(start, zone)).toBe(`${date}T00:00`);
        expect(dateInZone(new Date(start.getTime() - 1), zone)).toBe(addDays(date, -1));
      }
    }
  });

  it('makes weeks from Monday to Sunday, and their window of instants', () => {
    const today = todayInZone('America/Halifax');
    const monday = mondayOf(today);
    const days = weekOf(monday);
    expect(days).toHaveLength(7);
    expect(days).toContain(today);
    expect(new Date(`${monday}T12:00:00Z`).getUTCDay()).toBe(1);
    expect(new Date(`${days[6]}T12:00:00Z`).getUTCDay()).toBe(0);
    expect(mondayOf(days[6])).toBe(monday);
    const window = weekWindow(monday, 'America/Halifax');
    expect(toZoneInput(new Date(window.from), 'America/Halifax')).toBe(`${monday}T00:00`);
    expect(toZoneInput(new Date(window.to), 'America/Halifax')).toBe(`${addDays(monday, 7)}T00:00`);
  });

  it('counts days to an instant by the zone’s calendar, so one instant is today in one zone and tomorrow in another', () => {
    const now = new Date();
    expect(daysUntilIn(now.toISOString(), 'Pacific/Kiritimati', now)).toBe(0);
    const nextMidnight = startOfDay(addDays(todayInZone('Pacific/Kiritimati', now), 1), 'Pacific/Kiritimati');
    expect(daysUntilIn(nextMidnight.toISOString(), 'Pacific/Kiritimati', now)).toBe(1);
    expect(daysUntilIn(new Date(nextMidnight.getTime() - 60_000).toISOString(), 'Pacific/Kiritimati', now)).toBe(0);
    expect(daysUntilIn(new Date(now.getTime() - 3 * 24 * HOUR).toISOString(), 'America/Vancouver', now)).toBe(-3);
  });

  it('reads and writes form times on the zone’s clock', () => {
    const at = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 3 * 24 * HOUR);
    for (const zone of ['America/Vancouver', 'Asia/Kolkata', 'UTC']) {
      const input = toZoneInput(at, zone);
      expect(fromZoneInput(input, zone)).toBe(at.toISOString());
    }
    expect(formatTime(at.toISOString(), 'UTC')).toBe(at.toISOString().slice(11, 16));
    expect(fromZoneInput('next tuesday', 'UTC')).toBeNull();
  });
});
