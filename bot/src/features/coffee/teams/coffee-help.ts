import type { FeatureHelp } from '../../../platform/feature';

export const COFFEE_HELP: FeatureHelp = {
  welcome: 'Virtual coffee: pairs teammates for a casual chat on a rhythm the team sets',
  commands: ['**coffee**: virtual coffee here, with join, pause and leave'],
};
