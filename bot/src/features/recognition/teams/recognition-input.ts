import { z } from 'zod';
import { MAX_ID_LENGTH } from '../../../platform/teams/incoming-activity';

const MAX_PEOPLE = 50;
/** Far above what a recognition may say, so that an overlong one still reaches its error message. */
export const MAX_DRAFT_MESSAGE = 20_000;
const personId = z.string().max(MAX_ID_LENGTH);

/** Choice sets submit several values as one comma-separated string. */
const idList = z
  .union([z.string().max(MAX_PEOPLE * (MAX_ID_LENGTH + 1)), z.array(personId)])
  .optional()
  .transform((v) =>
    (Array.isArray(v) ? v : (v ?? '').split(','))
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, MAX_PEOPLE),
  );

/** What the recognition form submits, from a task module or an Action.Execute card. */
export const recognitionFormData = z.object({
  author: personId.optional(),
  people: idList,
  teammates: idList,
  tag: z.string().max(200).default(''),
  message: z.string().max(MAX_DRAFT_MESSAGE).default(''),
  /** A cited working agreement's id; empty when none was chosen. */
  agreement: z.string().max(100).optional(),
});

export type RecognitionFormData = z.infer<typeof recognitionFormData>;

const person = z.object({
  aadObjectId: z.string().min(1).max(200),
  name: z.string().min(1).max(256),
  teamsUserId: z.string().max(300).optional(),
});

/** The draft carried inside the preview card, read back when the sender presses Send or Edit. */
export const recognitionDraft = z.object({
  recipients: z.array(person).min(1).max(50),
  tag: z.string().max(200),
  message: z.string().max(MAX_DRAFT_MESSAGE),
  agreementId: z.string().max(100).optional(),
});

export type RecognitionDraft = z.infer<typeof recognitionDraft>;

/**
 * A form the bot posts in a conversation is one person's draft: its own id (so that sending it
 * twice posts once, whichever invoke carries it) and its owner (the only one who may send it).
 */
export const chatDraft = z.object({
  draftId: z.string().min(1).max(100),
  ownerId: personId,
  ownerName: z.string().max(512),
});

export type ChatDraft = z.infer<typeof chatDraft>;

/** What a posted draft carries to rebuild its owner's form: what the command could read. */
export const chatDraftContent = chatDraft.extend({
  recipients: z.array(personId).max(MAX_PEOPLE).default([]),
  tag: z.string().max(200).default(''),
  message: z.string().max(MAX_DRAFT_MESSAGE).default(''),
  error: z.string().max(2000).optional(),
});

export type ChatDraftContent = z.infer<typeof chatDraftContent>;
