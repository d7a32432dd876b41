import { afterCommand, startsWithCommand } from '../../../../bot/src/platform/teams/command-text';
import { weekdayAndTime } from '../../../../bot/src/platform/teams/weekday-words';
import {
  completeCommand,
  parseRecognizeText,
  recognizeVerb,
} from '../../../../bot/src/features/recognition/domain/recognition';
import { RECOGNITION_WORDS } from '../../../../bot/src/features/recognition/teams/recognition-words';

describe('chat commands in every language Rapport speaks', () => {
  it.each([
    ['checkin now', 'commands.checkinNow.word'],
    ['Check-in NOW', 'commands.checkinNow.word'],
    ['checkin jetzt', 'commands.checkinNow.word'],
    ['café', 'commands.coffee.word'],
    ['cafe', 'commands.coffee.word'],
    ['Kaffee', 'commands.coffee.word'],
    ['コーヒー', 'commands.coffee.word'],
    ['brise-glace', 'commands.icebreaker.word'],
    ['quebra-gelo', 'commands.icebreaker.word'],
  ] as const)('reads "%s" as %s', (text, key) => {
    expect(startsWithCommand(text, key)).toBe(true);
  });

  it('keeps what follows the command word, and refuses a longer word', () => {
    expect(afterCommand('Frage der Woche freitag 15:00', 'commands.questionOfTheWeek.word')).toBe(
      'freitag 15:00',
    );
    expect(afterCommand('今週の質問 金曜日 15:00', 'commands.questionOfTheWeek.word')).toBe(
      '金曜日 15:00',
    );
    expect(startsWithCommand('coffeehouse', 'commands.coffee.word')).toBe(false);
    expect(startsWithCommand('recognize @Ana', 'commands.coffee.word')).toBe(false);
  });

  it.each([
    ['friday 15:00', 'friday'],
    ['Freitag 15:00', 'friday'],
    ['vendredi 09:30', 'friday'],
    ['sábado 10:00', 'saturday'],
    ['月曜日 08:00', 'monday'],
  ])('reads the weekly question’s "%s"', (text, day) => {
    expect(weekdayAndTime(text)?.day).toBe(day);
  });

  it('reads a recognition typed in German, Japanese or French, trait names included', () => {
    const bo = { aadObjectId: 'aad-bo', name: 'Bo' };
    const mentioned = [{ marker: '<at>Bo</at>', person: bo }];
    const read = (text: string) => {
      const parsed = parseRecognizeText(text, mentioned, RECOGNITION_WORDS)!;
      return { ...completeCommand(parsed, [], RECOGNITION_WORDS), recipients: parsed.recipients };
    };
    expect(read('anerkennen <at>Bo</at> für Zuverlässigkeit tolle Release-Notes')).toEqual({
      tag: { kind: 'trait', id: 'dependability' },
      message: 'tolle Release-Notes',
      recipients: [bo],
    });
    expect(read('称賛 <at>Bo</at> で 心理的安全性 いつも話しやすい').tag).toEqual({
      kind: 'trait',
      id: 'psychological-safety',
    });
    expect(read('remercier <at>Bo</at> pour securite psychologique merci').tag).toEqual({
      kind: 'trait',
      id: 'psychological-safety',
    });
    expect(recognizeVerb('reconocer <at>Bo</at>', RECOGNITION_WORDS)).toBe('recognize');
    expect(recognizeVerb('reconocerlo', RECOGNITION_WORDS)).toBeUndefined();
  });
});
