import { useState } from 'preact/hooks';
import type { Incident } from '@vigil/contracts';
import { CommandForm, ReasonField, reasonOf, RunCommand, text } from '../command-form';
import { TAXONOMY } from '../reference-data';

/** Moves the incident to another category of the partnership's taxonomy, with a reason. */
export function ReclassifyForm({ incident, run }: { incident: Incident; run: RunCommand }) {
  const [category, setCategory] = useState(incident.category);
  const subcategories = TAXONOMY.find((c) => c.name === category)?.subcategories ?? [];
  return (
    <CommandForm
      id="reclassify-form"
      title="Reclassify"
      command="reclassify"
      incident={incident}
      run={run}
      submitLabel="Reclassify"
      body={(f) => {
        const reason = reasonOf(f);
        return reason ? { category: text(f, 'category'), subcategory: text(f, 'subcategory') || null, reason } : 'give a reason (3 characters or more)';
      }}
    >
      <label>
        <span>Category</span>
        <select name="category" value={category} onChange={(e) => setCategory((e.currentTarget as HTMLSelectElement).value)}>
          {TAXONOMY.map((c) => (
            <option key={c.name}>{c.name}</option>
          ))}
        </select>
      </label>
      <label>
        <span>Subcategory</span>
        <select name="subcategory" disabled={subcategories.length === 0}>
          <option value="">none</option>
          {subcategories.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <ReasonField id="reclassify" />
    </CommandForm>
  );
}
