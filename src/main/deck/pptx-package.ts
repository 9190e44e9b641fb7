// Tidies the package pptxgenjs 4.0 writes, for PowerPoint's sake. LibreOffice and Keynote open it as is, but
// PowerPoint offers to "repair" a file with any of these known pptxgenjs defects (gitbrent/PptxGenJS):
// - [Content_Types].xml declares slideMaster2…N, which do not exist (#1444);
// - a shape without text has no <p:txBody> (#1441);
// - every text run after the first in a paragraph gets its own <a:pPr>, which the schema allows only first (#1081);
// - the zip has explicit folder entries, which an OPC package must not have (pptxgenjs-plus #14), also inside the
//   charts' embedded workbooks.
// The deck's content is not touched: tests read the same chart XML after this pass.
import JSZip from 'jszip';

const EMPTY_TEXT_BODY = '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody>';

/** Drops Override entries whose part is not in the package. */
export function dropPhantomOverrides(contentTypes: string, parts: ReadonlySet<string>): string {
  return contentTypes.replace(/<Override\s+PartName="([^"]+)"[^>]*\/>/g, (entry: string, part: string) =>
    parts.has(part.replace(/^\//, '')) ? entry : '',
  );
}

/** Gives each text-less shape the empty text body PowerPoint expects. */
export function addMissingTextBodies(xml: string): string {
  return xml.replace(/<p:sp>([\s\S]*?)<\/p:sp>/g, (shape: string, inner: string) =>
    inner.includes('<p:txBody>') ? shape : `<p:sp>${inner}${EMPTY_TEXT_BODY}</p:sp>`,
  );
}

/** Keeps only a paragraph's leading <a:pPr>; later ones (one per extra run) are dropped. */
export function singleParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_p: string, inner: string) => {
    const lead = /^<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/.exec(inner);
    const head = lead ? lead[0] : '';
    const rest = inner.slice(head.length).replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, '');
    return `<a:p>${head}${rest}</a:p>`;
  });
}

/** Rebuilds a zip with its files only (no folder entries), deflated as Office expects. */
async function filesOnly(zip: JSZip, edit: (name: string, data: Uint8Array) => Promise<Uint8Array | string>): Promise<Buffer> {
  const out = new JSZip();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    out.file(name, await edit(name, await entry.async('uint8array')), { createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function tidyPptx(bytes: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Set(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name));
  const text = (data: Uint8Array) => Buffer.from(data).toString('utf8');
  return filesOnly(zip, async (name, data) => {
    if (name === '[Content_Types].xml') return dropPhantomOverrides(text(data), parts);
    if (/^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/.test(name)) {
      return singleParagraphProperties(addMissingTextBodies(text(data)));
    }
    if (/^ppt\/embeddings\/.+\.xlsx$/.test(name)) return filesOnly(await JSZip.loadAsync(data), async (_n, d) => d);
    return data;
  });
}
