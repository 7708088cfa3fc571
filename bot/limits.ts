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
  /** Modals: the title, and a text input's label, placeholder and value. */
  modalTitle: 45,
  textInputLabel: 45,
  textInputPlaceholder: 100,
  textInputValue: 4000,
} as const;

/** The interaction response flag that makes a reply visible to its caller only. */
export const EPHEMERAL = 64;

/** How replies spend Discord's limits: our own budgets, each within the limit it divides. */
export const LAYOUT = {
  /** Embed colour of every reply (the bot's accent). */
  accent: 0x3b82f6,
  /** Content kept free around the snippets for the heading and the "Also relevant" line. */
  contentReserve: 200,
  /** A snippet line is never cut below this, even when three share the message. */
  minSnippetChars: 300,
  /** An article title in a source line, a topic list or /help: long titles would crowd out the sections. */
  titleChars: 150,
  /** An "Also relevant" snippet: one line on a desktop client, cut at a word, its citation kept whole. */
  alsoRelevantChars: 160,
  /** A section heading in the Sources embed: a long heading would push other articles out. */
  sectionChars: 120,
  /** The Sources embed's description: well under the 4096 allowed, so fact cards still fit in the 6000 total. */
  sourcesChars: 2000,
  /** A fact card's footer (its citation). */
  footerChars: 300,
  /** Suggestions listed under a declined question. */
  suggestions: 10,
  /** Text a user typed, shown back (a question heading, a filter). */
  userTextChars: 200,
  /** A title or section inside a timeline event's citation line. */
  timelineCiteChars: 120,
  /** A timeline event's quote is never cut below this. */
  timelineMinEventChars: 120,
  /** The query filter shown in a timeline's title. */
  timelineQueryChars: 60,
} as const;
