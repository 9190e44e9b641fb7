// Survey tools head the score column with the question itself ("How likely is it that you would recommend
// Ledgerly to a friend or colleague?"), Qualtrics with Q1 over a second header row that holds the question. These
// find the score column (whole numbers 0 to 10 under a question asking for a score) and the comment column (the
// open question about the score), for shape detection and the mapping's suggestion alike.

/** A question's text that asks for a score: NPS ("how likely … recommend") or CSAT ("how satisfied"). */
export const SCORE_QUESTION = /recommend|how likely|satisf|\bnps\b|\bcsat\b|^score$|rating/i;
const COMMENT_QUESTION = /reason|why|comment|better|feedback|tell us|explain|improve/i;

/** The column's question: its header, else (Qualtrics) the cell under it in the second header row. */
function questionOf(headers: readonly string[], rows: readonly string[][], i: number, re: RegExp): string {
  return re.test(headers[i]) ? headers[i] : (rows[0]?.[i] ?? '');
}

/** At least one sample is a whole number 0..10 and nearly every non-empty one is (header rows aside). */
function scoreValues(rows: readonly string[][], col: number): boolean {
  let seen = 0;
  let other = 0;
  for (const r of rows) {
    const v = (r[col] ?? '').trim();
    if (v === '') continue;
    if (/^(10|\d)$/.test(v)) seen++;
    else other++;
  }
  return seen > 0 && other <= Math.max(2, seen / 4);
}

/** The score column and its question, or null. A Qualtrics "… - Group" column (Promoter, Passive) is not it. */
export function scoreColumn(headers: readonly string[], rows: readonly string[][]): { index: number; question: string } | null {
  for (let i = 0; i < headers.length; i++) {
    const question = questionOf(headers, rows, i, SCORE_QUESTION);
    if (SCORE_QUESTION.test(question) && !/group$/i.test(question) && !/group$/i.test(headers[i]) && scoreValues(rows, i)) return { index: i, question };
  }
  return null;
}

/** The open question about the score: the first column after the score whose question asks why. */
export function commentColumn(headers: readonly string[], rows: readonly string[][], after: number): number {
  for (let i = after + 1; i < headers.length; i++) {
    if (COMMENT_QUESTION.test(questionOf(headers, rows, i, COMMENT_QUESTION))) return i;
  }
  return -1;
}
