// The files the importer reads: exports from analytics tools and CRMs are comma- or tab-separated text. Only the
// file dialog filters by these (the CSM can still switch it to all files): a file dropped on the window always
// goes to main, which says what is wrong with it ("This file is an image, not a CSV…") better than a silent
// refusal would.
export const ACCEPTED_EXTENSIONS = '.csv,.tsv,.txt,text/csv,text/tab-separated-values';
