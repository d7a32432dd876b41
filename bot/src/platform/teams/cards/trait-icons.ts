import type { RecognitionTag } from '../../../features/recognition/domain/recognition';
import type { TraitId } from '../../domain/traits';

const ICONS: Record<TraitId, string> = {
  'psychological-safety': '🛡️',
  dependability: '🤝',
  'structure-clarity': '🧭',
  meaning: '💡',
  impact: '🚀',
};

export const tagIcon = (tag: RecognitionTag) => (tag.kind === 'trait' ? ICONS[tag.id] : '⭐');
