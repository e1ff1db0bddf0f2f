import type { IncomingMessage } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';

/** The largest request body accepted, in bytes: as sent, and again once decompressed. */
export const BODY_LIMIT_BYTES = 100 * 1024;
export const BODY_LIMIT_MESSAGE = 'The request body is larger than 100 kB.';

/** A parsed body (`undefined`: none, or not JSON, which Apollo then refuses), or why it was refused. */
export type BodyResult =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly status: number; readonly message: string };

const DECOMPRESSORS: Record<string, () => Transform> = {
  gzip: createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** The charsets RFC 8259 allows for JSON, as TextDecoder names them. */
const CHARSETS: Record<string, string> = {
  'utf-8': 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

const refuse = (status: number, message: string): BodyResult => ({ ok: false, status, message });
const NO_BODY: BodyResult = { ok: true, body: undefined };

/**
 * Reads a POST body as GraphQL over HTTP sends it: JSON (application/json, a UTF charset), possibly
 * compressed with gzip, deflate or br. Whatever else is sent is left unread with body `undefined`, for
 * Apollo to answer (its CSRF rule or "POST body missing"). The limit holds for the bytes received and
 * for the bytes they inflate to, so a small compressed bomb is refused as early as a large body.
 */
export function readJsonBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<BodyResult> {
  const { headers } = req;
  // No content-length and no transfer-encoding: the request has no body at all.
  if (headers['transfer-encoding'] === undefined && headers['content-length'] === undefined)
    return Promise.resolve(NO_BODY);
  const [mediaType, ...parameters] = (headers['content-type'] ?? '').split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json') return Promise.resolve(NO_BODY);
  let charset = 'utf-8';
  for (const parameter of parameters) {
    const [name, value = ''] = parameter.split('=');
    if (name.trim().toLowerCase() === 'charset')
      charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
  }
  const decoding = CHARSETS[charset];
  if (decoding === undefined)
    return Promise.resolve(refuse(415, `The charset "${charset}" is not supported for JSON.`));
  const encoding = (headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decompress = encoding === 'identity' ? undefined : DECOMPRESSORS[encoding];
  if (encoding !== 'identity' && decompress === undefined) {
    return Promise.resolve(
      refuse(415, `The content encoding "${encoding}" is not supported (gzip, deflate or br).`),
    );
  }
  if (Number(headers['content-length']) > limit)
    return Promise.resolve(refuse(413, BODY_LIMIT_MESSAGE));

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let decoded = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      // A refused body is still read to its end (and dropped), so the connection stays usable.
      if (!result.ok) req.resume();
      resolve(result);
    };
    const inflater = decompress?.();
    const collect = (chunk: Buffer) => {
      decoded += chunk.length;
      if (decoded > limit) {
        finish(refuse(413, BODY_LIMIT_MESSAGE));
        inflater?.destroy();
      } else chunks.push(chunk);
    };
    const parse = () => {
      if (settled) return;
      const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      let text: string;
      try {
        text = decoding === 'utf-8' ? raw.toString('utf8') : new TextDecoder(decoding).decode(raw);
      } catch {
        return finish(refuse(400, 'The request body is not valid JSON.'));
      }
      // Strict JSON: an empty body is {} (a common client slip); a bare string or number is refused.
      if (text.length === 0) return finish({ ok: true, body: {} });
      if (!/^[ \t\n\r]*[{[]/.test(text))
        return finish(refuse(400, 'The request body is not valid JSON.'));
      try {
        finish({ ok: true, body: JSON.parse(text) });
      } catch {
        finish(refuse(400, 'The request body is not valid JSON.'));
      }
    };

    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      received += chunk.length;
      if (received > limit) {
        finish(refuse(413, BODY_LIMIT_MESSAGE));
        inflater?.destroy();
      } else if (inflater) inflater.write(chunk);
      else collect(chunk);
    });
    req.on('error', () => finish(refuse(400, 'The request body could not be read.')));
    if (inflater) {
      inflater.on('data', collect);
      inflater.on('end', parse);
      inflater.on('error', () =>
        finish(refuse(400, `The request body is not valid ${encoding} data.`)),
      );
      req.on('end', () => inflater.end());
    } else req.on('end', parse);
  });
}
