// The QBR deck (issue #6): build a PPTX with native charts, or the same content as PDF, for one account and one
// calendar quarter; the branding it carries (company name, colour, logo) lives in Settings.
import { z } from 'zod';
import { empty, id, isoDate, method } from './define';
import { FileHandle } from './files';

export const DeckFormat = z.enum(['pptx', 'pdf']);
export type DeckFormat = z.infer<typeof DeckFormat>;

/** A calendar quarter as the CLI spells it: "2026Q3". Parsed (and refused with `invalid_quarter`) by the service. */
const quarterText = z.string().min(1).max(20);

export const DeckSettings = z.object({
  /** The CSM's company on the title slide and in each slide's footer; '' = none. */
  companyName: z.string(),
  /** Who signs the deck on its title slide ("Jane Doe", "Customer Success Manager"); '' = not set yet. */
  csmName: z.string(),
  csmTitle: z.string(),
  /** "#4263eb": the title bars and the "this quarter" series. */
  color: z.string(),
  /** Bearing's own copy of the logo the CSM chose (a PNG or JPEG in the data folder); null = no logo. */
  logoPath: z.string().nullable(),
  /** The name of the file the CSM chose as the logo, for display; null = no logo. */
  logoName: z.string().nullable(),
});
export type DeckSettings = z.infer<typeof DeckSettings>;

export const DeckQuarter = z.object({
  /** "2026Q3" */
  id: z.string(),
  /** "Q3 2026" */
  label: z.string(),
  start: isoDate,
  end: isoDate,
  /** False for the quarter today falls in: its deck reads "to date" and is computed as of today. */
  complete: z.boolean(),
});
export type DeckQuarter = z.infer<typeof DeckQuarter>;

/** The longest executive summary that fits its slide at a readable size. */
export const DECK_SUMMARY_MAX = 1200;

export const deckMethods = {
  'deck.build': method({
    input: z
      .object({
        accountId: id,
        /**
         * Default: the last complete quarter in which the account was a customer throughout, else the latest quarter
         * in which it was one (the quarter to date for a new account). See deck.quarters.
         */
        quarter: quarterText.optional(),
        format: DeckFormat,
        /**
         * The executive summary as the CSM edited it before building (issue #14, point 10); default: the account's
         * story (story.account) as of the deck's date, without the CSM's own renewal estimate.
         */
        summary: z
          .string()
          .trim()
          .min(1, { error: 'The executive summary is empty: write a sentence or two, or leave it as Bearing wrote it.' })
          .max(DECK_SUMMARY_MAX, { error: `The executive summary is longer than ${DECK_SUMMARY_MAX} characters: it would not fit on its slide.` })
          .optional(),
      })
      .strict(),
    output: z.object({
      fileName: z.string(),
      /**
       * Absolute path of the file written, always `<data folder>/decks/…` (only the CLI saves elsewhere, through a
       * function the API does not expose): the desktop shell opens it, the web host serves it from /api/download.
       */
      path: z.string(),
      format: DeckFormat,
      quarter: DeckQuarter,
      /** The as-of date every number was computed at: the quarter's last day, or today for a quarter in progress. */
      asOf: isoDate,
      slides: z.number().int(),
      sizeBytes: z.number().int(),
      durationMs: z.number(),
    }),
  }),
  /**
   * The quarters a deck can be built for (newest first; none before the account's contract start) and the default
   * one (as deck.build picks it when no quarter is given).
   */
  'deck.quarters': method({
    input: z.object({ accountId: id.optional() }).strict(),
    output: z.object({ defaultQuarter: z.string(), quarters: z.array(DeckQuarter) }),
  }),
  'deck.settings.get': method({
    input: empty,
    output: z.object({ settings: DeckSettings, defaults: DeckSettings }),
  }),
  'deck.settings.set': method({
    input: z
      .object({
        companyName: z.string().trim().max(80).optional(),
        csmName: z.string().trim().max(80).optional(),
        csmTitle: z.string().trim().max(80).optional(),
        color: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #RRGGBB')
          .optional(),
        /** A PNG or JPEG the CSM chose (its handle: Choose logo…); Bearing keeps a copy. null removes the logo. */
        logo: FileHandle.nullable().optional(),
      })
      .strict(),
    output: z.object({ settings: DeckSettings }),
    writes: ['settings'],
  }),
};
