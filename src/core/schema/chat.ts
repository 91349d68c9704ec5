import { z } from '../zod';

// One chat message as sent to (and stored from) an OpenAI-compatible endpoint. This is the shape of
// `prompt` and `completion` entries in verifiers' results.jsonl (results-format.md), so runs we store
// and runs we import share it.

export const ChatRoleSchema = z.enum(['system', 'user', 'assistant']);
export type ChatRole = z.infer<typeof ChatRoleSchema>;

export const ChatMessageSchema = z.object({
  role: ChatRoleSchema,
  content: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;
