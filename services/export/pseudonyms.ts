/**
 * Pseudonymisation of an export, by field (PIPL Arts. 4, 73 (3): data that cannot identify a person without
 * additional information kept apart). Each compound has its own secret, HMAC-SHA-256 of the compound id under
 * the server's export key (`DATA_DIR/export-pseudonym.key`, created on first use, never exported); under it:
 *
 * - person ids (`personId`, `*PersonId`, `onBehalfOf`; lists `*PersonIds`, `agents`; the actor in the metadata)
 *   become `p-` + 32 hex digits of HMAC(secret, "person" LF id): the same person is the same pseudonym throughout
 *   one compound's exports, so co-owners still make one owner set and one head (区分所有权解释 Art. 9), and the
 *   same person in two compounds cannot be linked;
 * - voter ids (`voterId`, derived from person ids) become `owners:` + HMAC(secret, "voter" LF id), `developer`
 *   stays; ballot streams are renamed with them, and a ballot's receipt is recomputed from the new voter id
 *   (receipt.ts), so the export holds no function of a real person id; receipts named elsewhere (objections,
 *   rulings, re-votes) are mapped to the new ones;
 * - names of persons (`name` beside `personId`, `memberId` or `candidateId`), contact and identity-document
 *   fields (phone, mobile, email, ID numbers, contact) and encrypted personal-data envelopes (`{enc: "pd/…"}`)
 *   are dropped; the request hash in the metadata is dropped (it hashes the request body).
 *
 * Free text (descriptions, reasons, evidence references) is kept as recorded: the registry refuses nothing
 * there, so whoever writes it must keep names out of it.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ballotReceipt, ballotStreamId } from '../../domain/assembly/index.js';

export const EXPORT_KEY_FILE = 'export-pseudonym.key';

/** The server's export key in `dataDir` (32 random bytes, hex, mode 0600), created on first use. */
export function loadExportKey(dataDir: string): Buffer {
  const file = join(dataDir, EXPORT_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/** The compound's own secret. */
export const compoundSecret = (exportKey: Buffer, compoundId: string): Buffer => createHmac('sha256', exportKey).update(`compound-export-secret/v1\n${compoundId}`).digest();

export const PSEUDONYM_SCHEME =
  'hmac-sha256/v1: person ids -> p-<HMAC(compound secret, "person" LF id)[0:32]>; voter ids -> owners:<HMAC(secret, "voter" LF id)[0:32]> (developer kept), ballot streams renamed and receipts recomputed with them; names beside personId/memberId/candidateId, phone, mobile, email, ID-number and contact fields, {enc:"pd/..."} envelopes and metadata.requestHash dropped';

const PERSON = /^(personId|[a-z]+PersonId|onBehalfOf)$/;
const PERSON_LIST = /^([a-z]+PersonIds|agents)$/;
const CONTACT = /^(phone|phoneNumber|mobile|tel|telephone|email|idNumber|idCard|idCardNumber|identityNumber|contact|contacts|contactDetails)$/i;
const NAMED_BY = ['personId', 'memberId', 'candidateId'];

const isEnvelope = (v: unknown): boolean => typeof v === 'object' && v !== null && typeof (v as { enc?: unknown }).enc === 'string' && (v as { enc: string }).enc.startsWith('pd/');

export class Pseudonymiser {
  private readonly receipts = new Map<string, string>();

  constructor(private readonly secret: Buffer) {}

  private mac(kind: string, value: string): string {
    return createHmac('sha256', this.secret).update(`${kind}\n${value}`).digest('hex');
  }

  person(id: string): string {
    return id === 'system' ? id : `p-${this.mac('person', id).slice(0, 32)}`;
  }

  voter(id: string): string {
    return id === 'developer' ? id : `owners:${this.mac('voter', id).slice(0, 32)}`;
  }

  receipt(r: string): string {
    return this.receipts.get(r) ?? this.mac('receipt', r);
  }

  /** The stream id in the export: ballot streams carry the voter id. */
  streamId(streamId: string, data: unknown): string {
    const d = data as { motionId?: unknown; voterId?: unknown } | null;
    if (d && typeof d.motionId === 'string' && typeof d.voterId === 'string' && streamId === ballotStreamId(d.motionId, d.voterId)) return ballotStreamId(d.motionId, this.voter(d.voterId));
    return streamId;
  }

  /** An event's data with personal data replaced (rules above). */
  data(type: string, data: unknown): unknown {
    const out = this.value(data);
    if (type === 'BallotCast') {
      const before = data as { receipt: string; motionId: string; ballotId: string };
      const after = out as { receipt: string; voterId: string };
      const receipt = ballotReceipt(before.motionId, after.voterId, before.ballotId);
      this.receipts.set(before.receipt, receipt);
      return { ...after, receipt };
    }
    return out;
  }

  private value(v: unknown): unknown {
    if (Array.isArray(v)) return v.map((x) => this.value(x));
    if (typeof v !== 'object' || v === null) return v;
    const o = v as Record<string, unknown>;
    const named = NAMED_BY.some((k) => k in o);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) {
      if (CONTACT.test(k) || isEnvelope(x) || (k === 'name' && named)) continue;
      if (typeof x === 'string' && PERSON.test(k)) out[k] = this.person(x);
      else if (Array.isArray(x) && PERSON_LIST.test(k)) out[k] = x.map((p) => (typeof p === 'string' ? this.person(p) : p)).sort();
      else if (typeof x === 'string' && k === 'voterId') out[k] = this.voter(x);
      else if (typeof x === 'string' && k === 'receipt') out[k] = this.receipt(x);
      else if (Array.isArray(x) && k === 'receipts') out[k] = x.map((r) => (typeof r === 'string' ? this.receipt(r) : r));
      else out[k] = this.value(x);
    }
    return out;
  }
}
