// Owns turning LaTeX into plain text the way pylatexenc 2.10's `LatexNodes2Text(math_mode="text")
// .latex_to_text()` does with its default, tolerant settings — because MedARC's answer matcher runs
// every reply (and the gold option's text) through it before matching. That is not a cosmetic step:
// `%` starts a comment, so "85% likely, so B" becomes "85"; `~` becomes a no-break space, `&` three
// spaces, `--` an en dash, unknown macros vanish while their braces' contents stay, and so on.
//
// Structure follows pylatexenc: a tokenizer (`nextToken`), a tolerant recursive parser into nodes
// (chars, comments, groups, macros with their argument specs, environments, specials, math), and a
// converter (`nodesToText`) with pylatexenc's spacing rules (outside math a bare macro eats the space
// after it and whitespace-only runs are kept; inside math the reverse). A conversion pylatexenc aborts
// with an exception (e.g. `\sqrt` with no argument) throws `LatexConversionError`, so a caller can do
// what the reference does and keep the original text. Positions are code points, as in Python. Pure.
import { isPySpace, pyStrip, SPACE_CLASS } from '../python/pythonRegex';
import {
  ENVIRONMENT_SPECS,
  ENVIRONMENT_TEXT,
  MACRO_ARG_MATH_MODE,
  MACRO_ARGSPECS,
  MACRO_COMPUTED,
  MACRO_KEEP_ARGS,
  MACRO_OPTIONAL_NO_SPACE,
  MACRO_TEXT,
  SPECIALS_TEXT,
} from './latexTables';

export class LatexConversionError extends Error {}

// ---------------------------------------------------------------------------------------------------
// Nodes

interface CharsNode {
  type: 'chars';
  chars: string;
}
interface CommentNode {
  type: 'comment';
  postSpace: string;
}
interface GroupNode {
  type: 'group';
  nodes: LatexNode[];
}
interface MacroNode {
  type: 'macro';
  name: string;
  postSpace: string;
  /** All parsed arguments in argspec order (null for an absent optional/star); null if parsing failed. */
  args: (LatexNode | null)[] | null;
  argspec: string;
}
interface EnvironmentNode {
  type: 'environment';
  name: string;
  nodes: LatexNode[];
  args: (LatexNode | null)[] | null;
}
interface SpecialsNode {
  type: 'specials';
  chars: string;
}
interface MathNode {
  type: 'math';
  display: boolean;
  nodes: LatexNode[];
}
type LatexNode =
  CharsNode | CommentNode | GroupNode | MacroNode | EnvironmentNode | SpecialsNode | MathNode;

// ---------------------------------------------------------------------------------------------------
// Tokens

type TokenKind =
  | 'char'
  | 'macro'
  | 'comment'
  | 'brace_open'
  | 'brace_close'
  | 'mathmode_inline'
  | 'mathmode_display'
  | 'begin_environment'
  | 'end_environment'
  | 'specials';

interface Token {
  kind: TokenKind;
  arg: string;
  pos: number;
  len: number;
  preSpace: string;
  postSpace: string;
}

class EndOfStream extends Error {
  constructor(readonly finalSpace: string) {
    super('end of stream');
  }
}
class ParseError extends Error {}

interface ParsingState {
  inMath: boolean;
  mathDelimiter: string | null;
}

const TEXT_STATE: ParsingState = { inMath: false, mathDelimiter: null };
const SPECIALS = Object.keys(SPECIALS_TEXT).sort((a, b) => b.length - a.length);
const ENV_NAME = new RegExp(`^[${SPACE_CLASS}]*\\{([\\p{L}\\p{N}_* .-]+)\\}`, 'u');

function isAlpha(ch: string | undefined): boolean {
  return ch !== undefined && /^\p{L}$/u.test(ch);
}

class Walker {
  /** The input as code points. */
  readonly s: string[];

  constructor(text: string) {
    this.s = Array.from(text);
  }

  private startsWith(prefix: string, pos: number): boolean {
    const chars = Array.from(prefix);
    return chars.every((ch, i) => this.s[pos + i] === ch);
  }

  nextToken(
    start: number,
    opts: { braces?: readonly [string, string][]; environments?: boolean; state: ParsingState },
  ): Token {
    const s = this.s;
    const braces: [string, string][] = [['{', '}'], ...(opts.braces ?? [])];
    let pos = start;
    let space = '';
    while (pos < s.length && isPySpace(s[pos] as string)) {
      space += s[pos] as string;
      pos += 1;
      if (space.endsWith('\n\n')) {
        return {
          kind: 'char',
          arg: '\n\n',
          pos: pos - 2,
          len: 2,
          preSpace: space.slice(0, -2),
          postSpace: '',
        };
      }
    }
    if (pos >= s.length) throw new EndOfStream(space);
    const ch = s[pos] as string;
    const token = (kind: TokenKind, arg: string, len: number, postSpace = ''): Token => ({
      kind,
      arg,
      pos,
      len,
      preSpace: space,
      postSpace,
    });
    if (ch === '\\') {
      if (pos + 1 >= s.length) throw new EndOfStream('');
      let macro = s[pos + 1] as string;
      let i = 2;
      const isAlphaMacro = isAlpha(macro);
      if (isAlphaMacro) {
        while (pos + i < s.length && isAlpha(s[pos + i])) {
          macro += s[pos + i] as string;
          i += 1;
        }
      }
      if (macro === '[' || macro === ']') return token('mathmode_display', `\\${macro}`, i);
      if (macro === '(' || macro === ')') return token('mathmode_inline', `\\${macro}`, i);
      if ((opts.environments ?? true) && (macro === 'begin' || macro === 'end')) {
        const rest = s.slice(pos + i).join('');
        const match = ENV_NAME.exec(rest);
        // Tolerant parsing: a \begin without {name} is read as the characters "\begin".
        if (match === null) return token('char', `\\${macro}`, i);
        return token(
          macro === 'begin' ? 'begin_environment' : 'end_environment',
          match[1] ?? '',
          i + Array.from(match[0]).length,
        );
      }
      let postSpace = '';
      if (isAlphaMacro) {
        while (pos + i < s.length && isPySpace(s[pos + i] as string)) {
          postSpace += s[pos + i] as string;
          i += 1;
          if (postSpace.endsWith('\n\n')) {
            postSpace = postSpace.slice(0, -2);
            i -= 2;
            break;
          }
        }
      }
      return token('macro', macro, i, postSpace);
    }
    if (ch === '%') {
      // The comment runs to the first "\n" and takes the whitespace after it, unless that starts a
      // new paragraph (a second line break), which is left to be read as such.
      let nl = -1;
      for (let j = pos; j < s.length; j += 1) {
        if (s[j] === '\n' || s[j] === '\r') {
          nl = j;
          break;
        }
      }
      if (nl === -1) return token('comment', s.slice(pos + 1).join(''), s.length - pos);
      let end = nl + 1;
      while (end < s.length && isPySpace(s[end] as string)) end += 1;
      const extra = s.slice(nl + 1, end).join('');
      const arg = s.slice(pos + 1, nl).join('');
      if (extra.startsWith('\n') || extra.startsWith('\r')) return token('comment', arg, nl - pos);
      return token('comment', arg, end - pos, s.slice(nl, end).join(''));
    }
    if (braces.some(([open]) => open === ch)) return token('brace_open', ch, 1);
    if (braces.some(([, close]) => close === ch)) return token('brace_close', ch, 1);
    if (this.startsWith('$$', pos)) {
      if (!(opts.state.inMath && opts.state.mathDelimiter === '$')) {
        return token('mathmode_display', '$$', 2);
      }
    }
    if (ch === '$') return token('mathmode_inline', '$', 1);
    const special = SPECIALS.find((chars) => this.startsWith(chars, pos));
    if (special !== undefined) return token('specials', special, Array.from(special).length);
    return token('char', ch, 1);
  }

  /** One TeX "token" as an argument: a char, a bare macro, a group. Returns the node and its end. */
  expression(pos: number, state: ParsingState): { node: LatexNode; end: number } {
    const tok = this.nextToken(pos, { environments: false, state });
    switch (tok.kind) {
      case 'macro':
        if (tok.arg === 'end') return { node: { type: 'chars', chars: '' }, end: tok.pos };
        return {
          node: { type: 'macro', name: tok.arg, postSpace: tok.postSpace, args: [], argspec: '' },
          end: tok.pos + tok.len,
        };
      case 'specials':
        return { node: { type: 'specials', chars: tok.arg }, end: tok.pos + tok.len };
      case 'comment':
        return this.expression(tok.pos + tok.len, state);
      case 'brace_open':
        return this.bracedGroup(tok.pos, '{', state);
      case 'brace_close':
        return { node: { type: 'chars', chars: '' }, end: tok.pos };
      case 'char':
        return { node: { type: 'chars', chars: tok.arg }, end: tok.pos + tok.len };
      case 'mathmode_inline':
      case 'mathmode_display':
        if (tok.arg.startsWith('\\')) {
          return {
            node: { type: 'macro', name: tok.arg, postSpace: tok.postSpace, args: [], argspec: '' },
            end: tok.pos + tok.len,
          };
        }
        return { node: { type: 'chars', chars: tok.arg }, end: tok.pos + tok.len };
      default:
        throw new ParseError();
    }
  }

  maybeOptionalArg(pos: number, state: ParsingState): { node: LatexNode; end: number } | null {
    let tok: Token;
    try {
      tok = this.nextToken(pos, { braces: [['[', ']']], environments: false, state });
    } catch (error) {
      if (error instanceof EndOfStream) return null;
      throw error;
    }
    if (tok.kind === 'brace_open' && tok.arg === '[') return this.bracedGroup(pos, '[', state);
    return null;
  }

  bracedGroup(pos: number, open: string, state: ParsingState): { node: GroupNode; end: number } {
    const close = open === '[' ? ']' : '}';
    const braces: [string, string][] = open === '{' ? [] : [[open, close]];
    const first = this.nextToken(pos, { braces, state });
    if (first.kind !== 'brace_open' || first.arg !== open) throw new ParseError();
    const inner = this.nodes(first.pos + first.len, { closingBrace: [open, close] }, state);
    return { node: { type: 'group', nodes: inner.nodes }, end: inner.end };
  }

  /** Arguments by argspec (`*`, `[`, `{`), as MacroStandardArgsParser reads them. */
  parseArgs(
    pos: number,
    argspec: string,
    state: ParsingState,
    opts: { mathMode?: readonly (boolean | null)[]; optionalNoSpace?: boolean } = {},
  ): { args: (LatexNode | null)[]; end: number } {
    const args: (LatexNode | null)[] = [];
    let p = pos;
    Array.from(argspec).forEach((kind, j) => {
      const mode = opts.mathMode?.[j];
      const inner =
        mode === undefined || mode === null || mode === state.inMath
          ? state
          : { inMath: mode, mathDelimiter: state.mathDelimiter };
      if (kind === '{') {
        const { node, end } = this.expression(p, inner);
        p = end;
        args.push(node);
      } else if (kind === '[') {
        if (opts.optionalNoSpace === true && p < this.s.length && isPySpace(this.s[p] as string)) {
          args.push(null);
          return;
        }
        const optional = this.maybeOptionalArg(p, inner);
        if (optional === null) {
          args.push(null);
          return;
        }
        p = optional.end;
        args.push(optional.node);
      } else {
        const tok = this.nextToken(p, { state });
        if (tok.kind === 'char' && tok.arg.startsWith('*')) {
          args.push({ type: 'chars', chars: '*' });
          p = tok.pos + 1;
        } else {
          args.push(null);
        }
      }
    });
    return { args, end: p };
  }

  /** `\verb|…|`: the text up to the next delimiter; null when there is none (a tolerated error). */
  private verbArgument(pos: number): { text: string; end: number } | null {
    let p = pos;
    // pylatexenc indexes past the end here: an IndexError that aborts the whole conversion.
    if (p >= this.s.length) throw new LatexConversionError('IndexError in \\verb');
    while (isPySpace(this.s[p] as string)) {
      p += 1;
      if (p >= this.s.length) return null;
    }
    const delimiter = this.s[p] as string;
    const close = this.s.indexOf(delimiter, p + 1);
    if (close === -1) return null;
    return { text: this.s.slice(p + 1, close).join(''), end: close + 1 };
  }

  environment(
    pos: number,
    name: string,
    state: ParsingState,
  ): { node: EnvironmentNode; end: number } {
    const first = this.nextToken(pos, { state });
    let p = first.pos + first.len;
    if (name === 'verbatim') {
      // The body up to \end{verbatim} is the argument (shown as nothing); without one, the body is
      // read as ordinary LaTeX.
      const end = this.s.join('').indexOf('\\end{verbatim}', this.s.slice(0, p).join('').length);
      if (end !== -1) p = Array.from(this.s.join('').slice(0, end)).length;
    }
    const spec = ENVIRONMENT_SPECS[name];
    let args: (LatexNode | null)[] | null;
    try {
      const parsed = this.parseArgs(p, spec?.args ?? '', state);
      args = parsed.args;
      p = parsed.end;
    } catch (error) {
      if (!(error instanceof EndOfStream || error instanceof ParseError)) throw error;
      args = null;
    }
    const inner = spec?.math === true ? { inMath: true, mathDelimiter: `{${name}}` } : state;
    const body = this.nodes(p, { endEnvironment: name }, inner);
    return { node: { type: 'environment', name, nodes: body.nodes, args }, end: body.end };
  }

  /** Nodes from `pos` until the stop condition (or the end), tolerant of every parse error. */
  nodes(
    pos: number,
    stop: { closingBrace?: [string, string]; endEnvironment?: string; closingMath?: string },
    initialState: ParsingState,
  ): { nodes: LatexNode[]; end: number } {
    const nodes: LatexNode[] = [];
    const braces: [string, string][] =
      stop.closingBrace !== undefined && stop.closingBrace[1] !== '}' ? [stop.closingBrace] : [];
    let p = pos;
    let state = initialState;
    let lastChars = '';
    const flush = (extra: string): void => {
      if (lastChars !== '') {
        nodes.push({ type: 'chars', chars: lastChars + extra });
        lastChars = '';
      } else if (extra !== '') {
        nodes.push({ type: 'chars', chars: extra });
      }
    };
    for (;;) {
      let tok: Token;
      try {
        tok = this.nextToken(p, { braces, state });
      } catch (error) {
        if (!(error instanceof EndOfStream)) throw error;
        lastChars += error.finalSpace;
        p += Array.from(error.finalSpace).length;
        if (lastChars !== '') nodes.push({ type: 'chars', chars: lastChars });
        return { nodes, end: p };
      }
      p = tok.pos + tok.len;
      if (tok.kind === 'char') {
        lastChars += tok.preSpace + tok.arg;
        continue;
      }
      flush(tok.preSpace);
      const done = this.readNonChar(tok, nodes, stop, state, (next) => (p = next));
      if (done === 'stop') return { nodes, end: p };
      if (typeof done === 'object') state = done.state;
    }
  }

  /** Handles one token that is not a plain character; 'stop' ends the current node list. */
  private readNonChar(
    tok: Token,
    nodes: LatexNode[],
    stop: { closingBrace?: [string, string]; endEnvironment?: string; closingMath?: string },
    state: ParsingState,
    setPos: (pos: number) => void,
  ): 'stop' | 'go' | { state: ParsingState } {
    switch (tok.kind) {
      case 'brace_close':
        // A brace that closes nothing is dropped (tolerant parsing).
        return tok.arg === stop.closingBrace?.[1] ? 'stop' : 'go';
      case 'end_environment':
        return stop.endEnvironment !== undefined && tok.arg === stop.endEnvironment ? 'stop' : 'go';
      case 'mathmode_inline':
      case 'mathmode_display': {
        if (stop.closingMath !== undefined && tok.arg === stop.closingMath) return 'stop';
        if (tok.arg === '\\)' || tok.arg === '\\]') return 'go';
        const closing = tok.arg === '\\(' ? '\\)' : tok.arg === '\\[' ? '\\]' : tok.arg;
        const display = !(tok.arg === '\\(' || tok.arg === '$');
        const inner = this.nodes(
          tok.pos + tok.len,
          { closingMath: closing },
          { inMath: true, mathDelimiter: tok.arg },
        );
        setPos(inner.end);
        nodes.push({ type: 'math', display, nodes: inner.nodes });
        return 'go';
      }
      case 'comment':
        nodes.push({ type: 'comment', postSpace: tok.postSpace });
        return 'go';
      case 'brace_open': {
        const group = this.bracedGroup(tok.pos, tok.arg, state);
        setPos(group.end);
        nodes.push(group.node);
        return 'go';
      }
      case 'begin_environment': {
        const env = this.environment(tok.pos, tok.arg, state);
        setPos(env.end);
        nodes.push(env.node);
        return 'go';
      }
      case 'macro': {
        if (tok.arg === 'verb') {
          const verb = this.verbArgument(tok.pos + tok.len);
          setPos(verb?.end ?? tok.pos + tok.len);
          const args = verb === null ? null : [{ type: 'chars' as const, chars: verb.text }];
          nodes.push({ type: 'macro', name: 'verb', postSpace: tok.postSpace, args, argspec: '{' });
          return 'go';
        }
        const argspec = MACRO_ARGSPECS[tok.arg] ?? '';
        let args: (LatexNode | null)[] | null;
        try {
          const parsed = this.parseArgs(tok.pos + tok.len, argspec, state, {
            mathMode: MACRO_ARG_MATH_MODE[tok.arg],
            optionalNoSpace: MACRO_OPTIONAL_NO_SPACE.has(tok.arg),
          });
          args = parsed.args;
          setPos(parsed.end);
        } catch (error) {
          if (!(error instanceof EndOfStream || error instanceof ParseError)) throw error;
          args = null;
          setPos(tok.pos + tok.len);
        }
        nodes.push({ type: 'macro', name: tok.arg, postSpace: tok.postSpace, args, argspec });
        return 'go';
      }
      case 'specials':
        nodes.push({ type: 'specials', chars: tok.arg });
        return 'go';
      default:
        return 'go';
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Text

interface SpaceRules {
  /** Outside math: a bare macro's trailing space is not put back before following characters. */
  betweenMacroAndChars: boolean;
  /** Outside math: runs of whitespace between constructs are kept. */
  betweenConstructs: boolean;
}
const TEXT_RULES: SpaceRules = { betweenMacroAndChars: true, betweenConstructs: true };
const EQUATION_RULES: SpaceRules = { betweenMacroAndChars: false, betweenConstructs: false };

/** The legacy (optional argument, mandatory arguments) view pylatexenc 1.x exposed and 2.x keeps. */
function legacyArgs(node: MacroNode): {
  optional: LatexNode | null;
  mandatory: (LatexNode | null)[];
} {
  const args = node.args ?? [];
  let spec = node.argspec;
  let skip = 0;
  while (spec.startsWith('*')) {
    spec = spec.slice(1);
    skip += 1;
  }
  if (
    node.args !== null &&
    spec.startsWith('[') &&
    Array.from(spec.slice(1)).every((c) => c === '{')
  ) {
    return { optional: args[skip] ?? null, mandatory: args.slice(skip + 1) };
  }
  return { optional: null, mandatory: args };
}

function isBareMacro(node: LatexNode | null): node is MacroNode {
  if (node === null || node.type !== 'macro') return false;
  const legacy = legacyArgs(node);
  return legacy.optional === null && legacy.mandatory.length === 0;
}

class Converter {
  private rules: SpaceRules = TEXT_RULES;

  nodesToText(nodes: readonly LatexNode[]): string {
    let s = '';
    let prev: LatexNode | null = null;
    for (const node of nodes) {
      if (isBareMacro(prev) && node.type === 'chars' && !this.rules.betweenMacroAndChars) {
        s += prev.postSpace;
      }
      s += this.nodeToText(node);
      prev = node;
    }
    return s;
  }

  private argText(node: LatexNode | null | undefined): string {
    if (node === null || node === undefined) return '';
    return node.type === 'group' ? this.nodesToText(node.nodes) : this.nodeToText(node);
  }

  private nodeToText(node: LatexNode): string {
    switch (node.type) {
      case 'chars':
        if (!this.rules.betweenConstructs && pyStrip(node.chars) === '') return '';
        return node.chars;
      case 'comment':
        return node.postSpace;
      case 'group':
        return this.nodesToText(node.nodes);
      case 'macro':
        return this.macroToText(node);
      case 'environment':
        return this.environmentToText(node);
      case 'specials':
        return SPECIALS_TEXT[node.chars] ?? node.chars;
      case 'math':
        return this.mathToText(node.nodes, node.display);
    }
  }

  private mathToText(nodes: readonly LatexNode[], display: boolean): string {
    const saved = this.rules;
    this.rules = EQUATION_RULES;
    let content: string;
    try {
      content = pyStrip(this.nodesToText(nodes));
    } finally {
      this.rules = saved;
    }
    return display ? indentedBlock(content) : content;
  }

  private macroToText(node: MacroNode): string {
    const name = node.name;
    if (MACRO_COMPUTED.has(name)) return this.computedMacro(node);
    const repl = MACRO_TEXT[name];
    if (repl !== undefined && repl !== '') {
      return formatRepl(
        repl,
        (node.args ?? []).map((arg) => this.argText(arg)),
      );
    }
    if (MACRO_KEEP_ARGS.has(name))
      return (node.args ?? []).map((arg) => this.argText(arg)).join('');
    return '';
  }

  private computedMacro(node: MacroNode): string {
    const name = node.name;
    const accent = ACCENTS[name];
    if (accent !== undefined) {
      const arg = legacyArgs(node).mandatory[0];
      const base = arg === undefined || arg === null ? ' ' : pyStrip(this.nodesToText([arg]));
      return Array.from(base)
        .map((ch) => {
          const plain = ch === '\u0131' ? 'i' : ch === '\u0237' ? 'j' : ch;
          return (plain + accent).normalize('NFC');
        })
        .join('');
    }
    const style = MATH_STYLES[name];
    if (style !== undefined) return mathStyled(this.argText(node.args?.[0]), style);
    const args = node.args ?? [];
    switch (name) {
      case '%':
        return '%';
      case 'item': {
        const optional = legacyArgs(node).optional;
        return `\n  ${optional === null ? '* ' : this.nodesToText([optional])}`;
      }
      case 'href':
        // latexwalker gives \href no arguments, so pylatexenc's formatter fails on argnlist[1].
        throw new LatexConversionError('IndexError in \\href');
      case 'title':
      case 'author':
      case 'date':
      case 'input':
      case 'include':
        // Nothing is shown; pylatexenc only fails when the argument could not be parsed at all.
        if (node.args === null) throw new LatexConversionError(`no arguments for \\${name}`);
        return '';
      case 'exercise':
      case 'uebung': {
        if (node.args === null) throw new LatexConversionError(`no arguments for \\${name}`);
        const [body, optional] = node.args;
        const head = `\n${this.nodesToText(isNode(body) ? [body] : [])}\n`;
        return isNode(optional) ? `${head}[${this.nodesToText([optional])}]\n` : head;
      }
      case 'texorpdfstring':
        return this.nodesToText(legacyArgs(node).mandatory.slice(1, 2).filter(isNode));
      case 'part':
        return `\n\nPART: ${this.argText(args[2]).toUpperCase()}\n`;
      case 'chapter':
        return `\n\nCHAPTER: ${this.argText(args[2]).toUpperCase()}\n`;
      case 'section':
        return `\n\n\u00a7 ${this.argText(args[2]).toUpperCase()}\n`;
      case 'subsection':
        return `\n\n \u00a7.\u00a7 ${this.argText(args[2])}\n`;
      case 'subsubsection':
        return `\n\n  \u00a7.\u00a7.\u00a7 ${this.argText(args[2])}\n`;
      case 'paragraph':
        return `\n\n  ${this.argText(args[2])}\n`;
      case 'subparagraph':
        return `\n\n    ${this.argText(args[2])}\n`;
      case 'includegraphics':
        return indentedBlock('< g r a p h i c s >', '    ');
      default:
        // \maketitle prints the title block with today's date: left out (not reproducible).
        return '';
    }
  }

  private environmentToText(node: EnvironmentNode): string {
    const spec = ENVIRONMENT_TEXT[node.name];
    if (spec?.fn === 'equation') return this.mathToText(node.nodes, true);
    if (spec?.fn === 'matrix') return this.matrixToText(node.nodes);
    if (spec?.repl !== undefined) return formatRepl(spec.repl, [this.nodesToText(node.nodes)]);
    return this.nodesToText(node.nodes);
  }

  /** `[ a b; c d ]`: cells split on `&`, rows on `\\`, right-aligned to the widest cell. */
  private matrixToText(nodes: readonly LatexNode[]): string {
    const rows: string[][] = [];
    let row: string[] = [];
    let buffer: LatexNode[] = [];
    const newColumn = (): void => {
      if (buffer.length > 0) row.push(pyStrip(this.nodesToText(buffer)));
      buffer = [];
    };
    const newRow = (): void => {
      newColumn();
      rows.push(row);
      row = [];
    };
    for (const node of nodes) {
      if (node.type === 'specials' && node.chars === '&') newColumn();
      else if (node.type === 'macro' && node.name === '\\') newRow();
      else buffer.push(node);
    }
    newRow();
    const cells = rows.flat();
    if (cells.length === 0) throw new LatexConversionError('max() of an empty matrix');
    const width = Math.max(...cells.map((cell) => Array.from(cell).length));
    const padded = rows.map((r) =>
      r.map((cell) => ' '.repeat(Math.max(0, width - Array.from(cell).length)) + cell).join(' '),
    );
    return `[ ${padded.join('; ')} ]`;
  }
}

function isNode(node: LatexNode | null | undefined): node is LatexNode {
  return node !== null && node !== undefined;
}

function indentedBlock(content: string, indent = '    '): string {
  return `\n${indent}${content.replaceAll('\n', `\n${indent}`)}\n`;
}

/**
 * Python `%`-formatting of a replacement: `%s` takes the arguments in order (a count mismatch leaves
 * the text as it is, as pylatexenc does after logging), `%(n)s` the n-th argument (a missing one is a
 * KeyError that aborts the whole conversion). A lone "%" is literal.
 */
function formatRepl(repl: string, args: readonly string[]): string {
  if (!repl.includes('%') || repl.length === 1) return repl;
  const positional = /(^|[^%])(%%)*%s/.test(repl);
  let index = 0;
  const status = { failed: false };
  const out = repl.replace(
    /%(?:\((\w+)\))?([s%])/g,
    (whole, key: string | undefined, kind: string) => {
      if (kind === '%') return '%';
      if (positional && key === undefined) {
        const value = args[index];
        index += 1;
        if (value === undefined) status.failed = true;
        return value ?? whole;
      }
      if (key === undefined) {
        status.failed = true;
        return whole;
      }
      const value = args[Number(key) - 1];
      if (value === undefined) throw new LatexConversionError(`KeyError: '${key}'`);
      return value;
    },
  );
  if (status.failed || (positional && index !== args.length)) return repl;
  return out;
}

const ACCENTS: Readonly<Record<string, string>> = {
  "'": '\u0301',
  '`': '\u0300',
  '"': '\u0308',
  c: '\u0327',
  '^': '\u0302',
  '~': '\u0303',
  H: '\u030b',
  k: '\u0328',
  '=': '\u0304',
  b: '\u0331',
  '.': '\u0307',
  d: '\u0323',
  r: '\u030a',
  u: '\u0306',
  v: '\u030c',
  vec: '\u20d7',
  dot: '\u0307',
  hat: '\u0302',
  check: '\u030c',
  breve: '\u0306',
  acute: '\u0301',
  grave: '\u0300',
  tilde: '\u0303',
  bar: '\u0305',
  ddot: '\u0308',
  not: '\u0338',
};

interface MathStyle {
  upper: number;
  lower: number;
  exceptions?: Readonly<Record<string, number>>;
}
const MATH_STYLES: Readonly<Record<string, MathStyle>> = {
  mathbf: { upper: 0x1d400, lower: 0x1d41a },
  mathit: { upper: 0x1d434, lower: 0x1d44e, exceptions: { h: 0x210e } },
  mathsf: { upper: 0x1d5a0, lower: 0x1d5ba },
  mathbb: {
    upper: 0x1d538,
    lower: 0x1d552,
    exceptions: { C: 0x2102, H: 0x210d, N: 0x2115, P: 0x2119, Q: 0x211a, R: 0x211d, Z: 0x2124 },
  },
  mathtt: { upper: 0x1d670, lower: 0x1d68a },
  mathcal: SCRIPT(),
  mathscr: SCRIPT(),
  mathfrak: {
    upper: 0x1d504,
    lower: 0x1d51e,
    exceptions: { C: 0x212d, H: 0x210c, I: 0x2111, R: 0x211c, Z: 0x2128 },
  },
};

function SCRIPT(): MathStyle {
  return {
    upper: 0x1d49c,
    lower: 0x1d4b6,
    exceptions: {
      B: 0x212c,
      E: 0x2130,
      F: 0x2131,
      H: 0x210b,
      I: 0x2110,
      L: 0x2112,
      M: 0x2133,
      R: 0x211b,
      e: 0x212f,
      g: 0x210a,
      o: 0x2134,
    },
  };
}

function mathStyled(text: string, style: MathStyle): string {
  return Array.from(text)
    .map((ch) => {
      const exception = style.exceptions?.[ch];
      if (exception !== undefined) return String.fromCodePoint(exception);
      const code = ch.codePointAt(0) ?? 0;
      if (code >= 65 && code <= 90) return String.fromCodePoint(style.upper + code - 65);
      if (code >= 97 && code <= 122) return String.fromCodePoint(style.lower + code - 97);
      return ch;
    })
    .join('');
}

/**
 * `LatexNodes2Text(math_mode="text").latex_to_text(text)` with pylatexenc 2.10's defaults. Throws
 * `LatexConversionError` where pylatexenc raises.
 */
export function latexToText(text: string): string {
  const walker = new Walker(text);
  const { nodes } = walker.nodes(0, {}, TEXT_STATE);
  return new Converter().nodesToText(nodes);
}
