/** Renders the notice board's pages with Eta (escaping on by default); times in Beijing time (UTC+8, no DST). */
import { Eta } from 'eta';
import { BAR, ERROR, INDEX, LAYOUT, MOTION } from './templates.js';
import { FIRM } from './firmTemplate.js';
import { COMMUNITY } from './communityTemplate.js';
import { FUND_BAR, FUNDS } from './fundsTemplate.js'; // pages16: funds page
import { COMMITTEE } from './committeeTemplate.js'; // pages16: committee page

const eta = new Eta({ cache: true, autoEscape: true });
eta.loadTemplate('@layout', LAYOUT);
eta.loadTemplate('@bar', BAR);
eta.loadTemplate('@index', INDEX);
eta.loadTemplate('@motion', MOTION);
eta.loadTemplate('@error', ERROR);
eta.loadTemplate('@firm', FIRM);
eta.loadTemplate('@community', COMMUNITY);
eta.loadTemplate('@fundBar', FUND_BAR);
eta.loadTemplate('@funds', FUNDS);
eta.loadTemplate('@committee', COMMITTEE);

/** An ISO instant as Beijing time, `YYYY-MM-DD HH:mm`. */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** What every page's layout shows. */
export interface PageFrame {
  readonly title: string;
  readonly compoundId: string;
  readonly compoundName: string;
  readonly generatedAt: string;
  readonly asOfText?: string | null;
  readonly visibility?: string;
  readonly logHead?: { readonly treeSize: string; readonly rootHash: string; readonly keyId: string } | null;
}

export type PageName = 'index' | 'motion' | 'error' | 'firm' | 'community' | 'funds' | 'committee';

export function renderPage(name: PageName, frame: PageFrame, data: Record<string, unknown>): string {
  return eta.render(`@${name}`, { asOfText: null, visibility: '', logHead: null, ...frame, ...data, fmt: beijingTime });
}
