// The files the importer reads: exports from analytics tools and CRMs are comma- or tab-separated text. Some
// systems label CSV as Excel or plain text, so those MIME types are accepted too when the extension matches.
export const ACCEPTED_FILES = {
  'text/csv': ['.csv'],
  'text/tab-separated-values': ['.tsv'],
  'application/vnd.ms-excel': ['.csv'],
  'text/plain': ['.csv', '.tsv', '.txt'],
};
