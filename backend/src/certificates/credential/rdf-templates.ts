import * as jsonld from 'jsonld';
import type { DocumentLoader } from './contexts';

// rdf-canonize ships no types; this is the one function used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { canonize: rdfCanonize } = require('rdf-canonize') as {
  canonize(dataset: Quad[], options: { algorithm: 'RDFC-1.0' }): Promise<string>;
};

interface Term {
  termType: string;
  value: string;
  datatype?: Term;
  language?: string;
}

interface Quad {
  subject: Term;
  predicate: Term;
  object: Term;
  graph: Term;
}

/** A term of a compiled template: fixed, or the value of the document's leaf `slot`. */
type TemplateTerm = Term & { slot?: number };

interface Compiled {
  quads: { subject: TemplateTerm; predicate: TemplateTerm; object: TemplateTerm; graph: Term }[];
  /** Checked once against jsonld on a real document; false: this shape always goes the long way. */
  verified: boolean | null;
}

interface ShapeEntry {
  /** Leaves whose value changes more than the literal or IRI it lands in (e.g. @vocab terms). */
  pinned: Set<string>;
  compiled: Map<string, Compiled | 'unusable'>;
}

interface Leaf {
  path: string;
  value: string | number;
}

/** Keys whose values shape the RDF itself: part of the shape, never substituted. */
const STRUCTURAL = new Set(['@context', 'type', '@type']);
const MARK = 'qadammark';
const NUMBER_MARK = 7_000_000_000;
const MAX_SHAPES = 200;

/** Per loader: a template built with one set of contexts says nothing about another. */
const byLoader = new WeakMap<DocumentLoader, Map<string, ShapeEntry>>();

/**
 * RDFC-1.0 canonical N-Quads of a JSON-LD document, as jsonld.canonize gives them, faster for
 * documents of a shape already seen.
 *
 * Nearly all of the cost of canonicalising a credential is jsonld's expansion to RDF (≈3 ms of
 * ≈3.1 ms here): it re-processes the OB contexts' type-scoped terms for every node. Documents of
 * one shape (the same keys, array lengths, types and IRI schemes) expand to the same quads but
 * for the values in them. So a shape is expanded once with a unique marker in every value; a
 * later document of that shape puts its values into the cached quads, and RDFC-1.0 runs on that
 * dataset as usual (≈0.1 ms). A value that changes more than its own literal or IRI (a @vocab
 * term, a value read as a compact IRI) is made part of the shape instead. The first document of
 * every compiled shape is also canonicalised by jsonld itself and must give the same N-Quads, or
 * that shape is never used; anything unexpected falls back to jsonld.
 */
export async function canonicalizeFast(
  document: Record<string, unknown>,
  loader: DocumentLoader,
  slow: (doc: unknown) => Promise<string>,
): Promise<string> {
  let shapes = byLoader.get(loader);
  if (!shapes) {
    shapes = new Map();
    byLoader.set(loader, shapes);
  }
  const base = shapeOf(document, new Set(), '');
  let entry = shapes.get(base);
  if (!entry) {
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    entry = { pinned: new Set(), compiled: new Map() };
    shapes.set(base, entry);
  }
  const key = shapeOf(document, entry.pinned, '');
  let compiled = entry.compiled.get(key);
  if (compiled === undefined) {
    compiled = await compile(document, entry, loader);
    // Pins found while compiling change the key: store under the key with them.
    entry.compiled.set(shapeOf(document, entry.pinned, ''), compiled);
  }
  if (compiled === 'unusable' || compiled.verified === false) return slow(document);

  const values = leaves(document, entry.pinned).map((l) => l.value);
  const dataset: Quad[] = compiled.quads.map((q) => ({
    subject: fill(q.subject, values),
    predicate: fill(q.predicate, values),
    object: fill(q.object, values),
    graph: q.graph,
  }));
  const fast = await rdfCanonize(dataset, { algorithm: 'RDFC-1.0' });
  if (compiled.verified === null) {
    compiled.verified = fast === (await slow(document));
    if (!compiled.verified) return slow(document);
  }
  return fast;
}

function fill(term: TemplateTerm, values: (string | number)[]): Term {
  if (term.slot === undefined) return term;
  const { slot: _slot, ...rest } = term;
  return { ...rest, value: String(values[term.slot]) };
}

async function compile(
  document: Record<string, unknown>,
  entry: ShapeEntry,
  loader: DocumentLoader,
): Promise<Compiled | 'unusable'> {
  // Each round pins the leaves whose markers did not come out whole; a few rounds settle it.
  for (let round = 0; round < 4; round++) {
    const list = leaves(document, entry.pinned);
    const markers = list.map((l, i) => marker(l.value, i));
    const marked = markDocument(document, entry.pinned, markers);
    let dataset: Quad[];
    try {
      dataset = (await jsonld.toRDF(
        marked as jsonld.JsonLdDocument,
        {
          documentLoader: loader as unknown as jsonld.Options.DocLoader['documentLoader'],
          safe: true,
          produceGeneralizedRdf: false,
        } as jsonld.Options.ToRdf,
      )) as unknown as Quad[];
    } catch {
      return 'unusable';
    }
    const texts = markers.map(String);
    const whole = new Map(texts.map((m, i) => [m, i]));
    const broken = new Set<number>();
    const slotOf = (term: Term): TemplateTerm => {
      const slot = whole.get(term.value);
      if (slot !== undefined) return { ...term, slot };
      texts.forEach((m, i) => {
        if (term.value.includes(m) || term.datatype?.value.includes(m)) broken.add(i);
      });
      return term;
    };
    const quads = dataset.map((q) => ({
      subject: slotOf(q.subject),
      predicate: slotOf(q.predicate),
      object: slotOf(q.object),
      graph: q.graph,
    }));
    if (broken.size === 0) return { quads, verified: null };
    for (const i of broken) entry.pinned.add(list[i].path);
  }
  return 'unusable';
}

function marker(value: string | number, i: number): string | number {
  if (typeof value === 'number') return NUMBER_MARK + i;
  const scheme = schemeOf(value);
  return scheme ? `${scheme}:${MARK}${i}x` : `${MARK}${i}x`;
}

function schemeOf(value: string): string | null {
  return /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1] ?? null;
}

/** A value is substitutable when only its own text can change with it. */
function substitutable(value: unknown): value is string | number {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0;
  return typeof value === 'string' && value !== '' && !value.startsWith('@');
}

function leaves(node: unknown, pinned: Set<string>, path = '', out: Leaf[] = []): Leaf[] {
  if (Array.isArray(node)) {
    node.forEach((v, i) => leaves(v, pinned, `${path}/${i}`, out));
  } else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (STRUCTURAL.has(k)) continue;
      leaves(v, pinned, `${path}/${k}`, out);
    }
  } else if (substitutable(node) && !pinned.has(path)) {
    out.push({ path, value: node });
  }
  return out;
}

function markDocument(
  node: unknown,
  pinned: Set<string>,
  markers: (string | number)[],
  path = '',
  counter = { i: 0 },
): unknown {
  if (Array.isArray(node)) {
    return node.map((v, i) => markDocument(v, pinned, markers, `${path}/${i}`, counter));
  }
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        STRUCTURAL.has(k) ? v : markDocument(v, pinned, markers, `${path}/${k}`, counter),
      ]),
    );
  }
  if (substitutable(node) && !pinned.has(path)) return markers[counter.i++];
  return node;
}

/** What decides the quads but for substitutable values: keys, lengths, types, schemes, pins. */
function shapeOf(node: unknown, pinned: Set<string>, path: string): string {
  if (Array.isArray(node)) {
    return `[${node.map((v, i) => shapeOf(v, pinned, `${path}/${i}`)).join(',')}]`;
  }
  if (node !== null && typeof node === 'object') {
    return `{${Object.entries(node)
      .map(([k, v]) =>
        STRUCTURAL.has(k)
          ? `${JSON.stringify(k)}:${JSON.stringify(v)}`
          : `${JSON.stringify(k)}:${shapeOf(v, pinned, `${path}/${k}`)}`,
      )
      .join(',')}}`;
  }
  if (substitutable(node) && !pinned.has(path)) {
    return typeof node === 'number' ? 'n' : `s${schemeOf(node) ?? ''}`;
  }
  return JSON.stringify(node);
}
