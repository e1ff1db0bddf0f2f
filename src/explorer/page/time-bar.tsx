import { useEffect, useState } from 'react';
import { EARLIEST_DATE, dateOfDay, dayNumber, isIsoDate, longDate } from './dates';

/**
 * The page's day: a date input and a slider over the days from EARLIEST_DATE to today. The slider
 * commits after a short pause, so dragging it sends one query, not one per day crossed.
 */
export function TimeBar({
  asOf,
  today,
  onChange,
}: {
  asOf: string;
  today: string;
  onChange: (date: string) => void;
}) {
  const [day, setDay] = useState(() => dayNumber(asOf));
  const [typed, setTyped] = useState(asOf);
  useEffect(() => {
    setDay(dayNumber(asOf));
    setTyped(asOf);
  }, [asOf]);
  useEffect(() => {
    const date = dateOfDay(day);
    if (date === asOf) return;
    const timer = setTimeout(() => onChange(date), 250);
    return () => clearTimeout(timer);
  }, [day, asOf, onChange]);

  const sliderDate = dateOfDay(day);
  return (
    <div className="time-bar">
      <label htmlFor="as-of-date">As of</label>
      <input
        id="as-of-date"
        type="date"
        min={EARLIEST_DATE}
        max={today}
        value={typed}
        onChange={(e) => {
          const value = e.target.value;
          setTyped(value);
          if (isIsoDate(value) && value >= EARLIEST_DATE && value <= today) onChange(value);
        }}
      />
      <label htmlFor="as-of-slider" className="visually-hidden">
        Move through time
      </label>
      <input
        id="as-of-slider"
        type="range"
        min={dayNumber(EARLIEST_DATE)}
        max={dayNumber(today)}
        step={1}
        value={day}
        aria-valuetext={longDate(sliderDate)}
        onChange={(e) => setDay(Number(e.target.value))}
      />
      <button type="button" onClick={() => onChange(today)} disabled={asOf === today}>
        Today
      </button>
    </div>
  );
}
