import { Combobox, Option } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { timeZones, zoneLabel } from './settings-format';
import { useT } from '../../i18n/use-t';

const normalize = (text: string) =>
  text.toLowerCase().replace(/[_/]/g, ' ').replace(/\s+/g, ' ').trim();

interface Props {
  value: string;
  onChange: (zone: string) => void;
  disabled?: boolean;
}

/**
 * The team's IANA time zone, searchable: typing "berlin" or "new york" narrows the list of the
 * browser's `Intl.supportedValuesOf('timeZone')`. Rendered inside a Field, which labels it.
 */
export function TimeZonePicker({ value, onChange, disabled }: Props) {
  const t = useT();
  const all = useMemo(() => {
    const zones = timeZones();
    return zones.includes(value) ? zones : [value, ...zones];
  }, [value]);
  // What the person is typing; undefined shows the chosen zone.
  const [query, setQuery] = useState<string>();
  const matches = useMemo(() => {
    if (!query) return all;
    const q = normalize(query);
    return all.filter((z) => normalize(z).includes(q));
  }, [all, query]);

  return (
    <Combobox
      value={query ?? zoneLabel(value)}
      selectedOptions={[value]}
      disabled={disabled}
      onChange={(event) => setQuery(event.target.value)}
      onOptionSelect={(_, data) => {
        // Typing past the chosen zone "clears" the selection: the zone stays until another is picked.
        if (!data.optionValue) return;
        onChange(data.optionValue);
        setQuery(undefined);
      }}
      onOpenChange={(_, data) => {
        if (!data.open) setQuery(undefined);
      }}
      expandIcon={{ 'aria-label': t('tab.common.openList') }}
      data-testid="time-zone"
    >
      {matches.map((zone) => (
        <Option key={zone} value={zone}>
          {zoneLabel(zone)}
        </Option>
      ))}
      {matches.length === 0 && (
        <Option key="none" value="" disabled text="">
          {t('tab.settings.noZoneMatch', { query })}
        </Option>
      )}
    </Combobox>
  );
}
