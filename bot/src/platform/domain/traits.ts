/** The five traits of effective teams: the measurement model of check-ins and recognitions. */
export const TRAITS = [
  {
    id: 'psychological-safety',
    label: 'Psychological safety',
    summary: 'We can take risks and speak up without fear of being embarrassed or punished.',
  },
  {
    id: 'dependability',
    label: 'Dependability',
    summary: 'We get things done on time and to the standard we agreed.',
  },
  {
    id: 'structure-clarity',
    label: 'Structure & clarity',
    summary: 'Our goals, roles and plans are clear.',
  },
  {
    id: 'meaning',
    label: 'Meaning',
    summary: 'The work is personally important to us.',
  },
  {
    id: 'impact',
    label: 'Impact',
    summary: 'We believe our work makes a difference.',
  },
] as const;

export type TraitId = (typeof TRAITS)[number]['id'];

export const TRAIT_IDS: readonly TraitId[] = TRAITS.map((t) => t.id);
