// The customer's response to a QBR, in the CSM's words and colours.
import type { Qbr } from '../../../../shared/contract';

type Response = Qbr['customerResponse'];

export const RESPONSE_LABEL: Record<Response, string> = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
  none: 'No response',
};

export const RESPONSE_COLOR: Record<Response, string> = { positive: 'teal', neutral: 'gray', negative: 'red', none: 'gray' };
