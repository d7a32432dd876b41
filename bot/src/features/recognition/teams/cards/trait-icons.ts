import type { RecognitionTag } from '../../domain/recognition';
import type { TraitId } from '../../../../platform/domain/traits';

const ICONS: Record<TraitId, string> = {
  'psychological-safety': '🛡️',
  dependability: '🤝',
  'structure-clarity': '🧭',
  meaning: '💡',
  impact: '🚀',
};

export const tagIcon = (tag: RecognitionTag) => (tag.kind === 'trait' ? ICONS[tag.id] : '⭐');
