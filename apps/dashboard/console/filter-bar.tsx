import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { IncidentFilter } from './incident-filter';
import { CALL_SOURCES, GRADES, PARTNERS, STATUS_LABELS, TAXONOMY, TOWNS } from './reference-data';

interface Props {
  filter: IncidentFilter;
  onChange: (filter: IncidentFilter) => void;
  showPartner: boolean;
  searchRef: Ref<HTMLInputElement>;
  view: 'board' | 'search';
  onView: (view: 'board' | 'search') => void;
}

/** Filters (partner, town, grade, status, category, source) and the search box; the view switch between the live board and a search that includes closed incidents. */
export function FilterBar({ filter, onChange, showPartner, searchRef, view, onView }: Props) {
  // Folded on a handheld, where six selects would push the board off the first screen.
  const [unfolded] = useState(() => window.matchMedia('(min-width: 761px)').matches);
  const active = Object.entries(filter).filter(([key, v]) => key !== 'q' && v !== undefined && v !== '').length;
  const set = (key: keyof IncidentFilter) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    onChange({ ...filter, [key]: value === '' ? undefined : key === 'grade' ? Number(value) : value });
  };
  const choose = (key: keyof IncidentFilter, label: string, options: ReadonlyArray<readonly [string, string]>) => (
    <label>
      <span>{label}</span>
      <select value={filter[key] === undefined ? '' : String(filter[key])} onChange={set(key)}>
        <option value="">any</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form id="filters" role="search" aria-label="Filter and search incidents" onSubmit={(e) => e.preventDefault()}>
      <div class="views" role="group" aria-label="View">
        <button type="button" aria-pressed={view === 'board'} onClick={() => onView('board')}>
          Open board
        </button>
        <button type="button" aria-pressed={view === 'search'} onClick={() => onView('search')}>
          Search all, incl. closed
        </button>
      </div>
      <label class="search">
        <span>Reference or text</span>
        <input ref={searchRef} type="search" id="search" value={filter.q ?? ''} onInput={set('q')} placeholder="VIG-2026-… or words" />
      </label>
      <details class="more-filters" open={unfolded}>
        <summary>Filters{active ? ` (${active} on)` : ''}</summary>
        <div class="filter-fields">
      {showPartner && choose('partnerId', 'Partner', PARTNERS.map((p) => [p.id, p.name] as const))}
      {choose('town', 'Town', TOWNS.map((t) => [t, t] as const))}
      {choose('grade', 'Grade', GRADES.map((g) => [String(g), String(g)] as const))}
      {choose('status', 'Status', Object.entries(STATUS_LABELS).filter(([s]) => view === 'search' || s !== 'closed'))}
      {choose('category', 'Category', TAXONOMY.map((c) => [c.name, c.name] as const))}
      {choose('source', 'Source', CALL_SOURCES.map((s) => [s, s] as const))}
        </div>
      </details>
      {Object.values(filter).some((v) => v !== undefined && v !== '') && (
        <button type="button" class="quiet" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </form>
  );
}
