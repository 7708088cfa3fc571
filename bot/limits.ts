/** Discord's limits, in one place (https://discord.com/developers/docs/resources/message). */
export const LIMITS = {
  /** Message content. */
  content: 2000,
  embedsPerMessage: 10,
  /** Sum of every embed's title, description, field names and values, footer and author. */
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  /** Action rows per message, and buttons per row. */
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** Discord drops an interaction that is not acknowledged within this time (ms). */
  ackWindowMs: 3000,
  /** Length of a slash command string option. */
  stringOption: 6000,
} as const;

/** The interaction response flag that makes a reply visible to its caller only. */
export const EPHEMERAL = 64;
