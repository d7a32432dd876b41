import { z } from 'zod';
import {
  localTimeSchema,
  nextWeeklyTime,
  weekdaySchema,
} from '../../../platform/domain/weekly-rhythm';

export const meetingSettingsSchema = z.object({
  enabled: z.boolean().meta({ description: 'Post a prompt in the meeting chat when it starts' }),
  recurringOnly: z.boolean().meta({
    description: 'Only when a recurring meeting starts (Teams reports its type with the event)',
  }),
});
export type MeetingSettings = z.infer<typeof meetingSettingsSchema>;

/** Icebreakers are on for a meeting until someone there switches them off. */
export const DEFAULT_MEETING_SETTINGS: MeetingSettings = { enabled: true, recurringOnly: false };

export const weeklyQuestionSchema = z.object({
  enabled: z.boolean(),
  day: weekdaySchema,
  time: localTimeSchema,
});
export type WeeklyQuestionSettings = z.infer<typeof weeklyQuestionSchema>;

/** The question of the week, and the conversation (a channel, a chat) it is posted in. */
export interface WeeklyQuestion extends WeeklyQuestionSettings {
  /** Unset: the conversation the app was installed in. */
  conversationId?: string;
}

export const DEFAULT_WEEKLY_QUESTION: WeeklyQuestion = {
  enabled: false,
  day: 'monday',
  time: '10:00',
};

/** Whether a meeting that starts gets a prompt: `meetingType` as Teams reports it. */
export const promptsAtStart = (settings: MeetingSettings, meetingType: string): boolean =>
  settings.enabled && (!settings.recurringOnly || meetingType.toLowerCase() === 'recurring');

/** When the next question of the week goes out: the team's day and local time, DST included. */
export const nextQuestionAt = (weekly: WeeklyQuestion, timeZone: string, after: Date): Date =>
  nextWeeklyTime({ day: weekly.day, time: weekly.time, timeZone }, after, () => true);
