import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
} from 'vscode-languageserver';
import type { Completion } from '../core/assist/completion';
import type { HoverInfo } from '../core/assist/hover';
import type { OutlineSymbol } from '../core/assist/symbols';
import type { CardDiagnostic, Severity } from '../core/diagnostic';
import { ruleDocsUrl } from '../core/docs';
import type { ParsedDocument } from '../core/document/parsedDocument';
import type { Fix } from '../core/fixes';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** One core diagnostic as LSP's, its further places as `relatedInformation` in the document `uri`. */
export function toLspDiagnostic(diagnostic: CardDiagnostic, uri?: string, docsBase?: string): Diagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.code,
    codeDescription: { href: ruleDocsUrl(diagnostic.code, docsBase) },
    source: 'cardwright',
    message: diagnostic.message,
    data: diagnostic.data,
    ...(uri !== undefined && diagnostic.related?.length
      ? {
          relatedInformation: diagnostic.related.map((item) => ({
            location: { uri, range: item.range },
            message: item.message,
          })),
        }
      : {}),
  };
}

/**
 * The diagnostics the editor shows for a document: each core diagnostic, and for those whose data
 * says `markRelated` (one finding for several places, e.g. an unfilled section), a hint at each
 * further place so every occurrence is still marked in the text. The CLI reports only the finding.
 */
export function toLspDiagnostics(
  uri: string,
  diagnostics: readonly CardDiagnostic[],
  /** The rule pages' folder URI the client gave (InitializationOptions.ruleDocsBase), else GitHub. */
  docsBase?: string,
): Diagnostic[] {
  return diagnostics.flatMap((diagnostic) => {
    const main = toLspDiagnostic(diagnostic, uri, docsBase);
    if (diagnostic.data.markRelated !== true || !diagnostic.related?.length) return [main];
    const hints = diagnostic.related.map((item): Diagnostic => ({
      range: item.range,
      severity: DiagnosticSeverity.Hint,
      code: diagnostic.code,
      codeDescription: { href: ruleDocsUrl(diagnostic.code, docsBase) },
      source: 'cardwright',
      message: item.message,
      data: { relatedTo: diagnostic.range.start },
      relatedInformation: [{ location: { uri, range: diagnostic.range }, message: diagnostic.message }],
    }));
    return [main, ...hints];
  });
}

/** Back from the client's copy (code actions receive the diagnostics the client shows). */
export function fromLspDiagnostic(diagnostic: Diagnostic): CardDiagnostic | undefined {
  if (diagnostic.source !== 'cardwright' || typeof diagnostic.code !== 'string') return undefined;
  const severity =
    (Object.keys(SEVERITIES) as Severity[]).find((key) => SEVERITIES[key] === diagnostic.severity) ?? 'warning';
  const data =
    diagnostic.data && typeof diagnostic.data === 'object' ? (diagnostic.data as Record<string, unknown>) : {};
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  return { code: diagnostic.code, severity, message, range: diagnostic.range, data };
}

export function toCodeAction(doc: ParsedDocument, fix: Fix, diagnostic?: Diagnostic): CodeAction {
  return {
    title: fix.title,
    kind: fix.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
    isPreferred: fix.isPreferred,
    diagnostics: diagnostic ? [diagnostic] : undefined,
    edit: {
      documentChanges: [
        {
          textDocument: { uri: doc.uri, version: doc.version },
          edits: fix.edits.map((edit) => ({ range: doc.text.rangeOf(edit.span), newText: edit.newText })),
        },
      ],
    },
  };
}

export function toCompletionItem(doc: ParsedDocument, completion: Completion): CompletionItem {
  return {
    label: completion.label,
    kind:
      completion.kind === 'property'
        ? CompletionItemKind.Property
        : completion.kind === 'heading'
          ? CompletionItemKind.Text
          : CompletionItemKind.Value,
    detail: completion.detail,
    documentation: completion.documentation
      ? { kind: MarkupKind.Markdown, value: completion.documentation }
      : undefined,
    sortText: completion.sortText,
    filterText: completion.label,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: doc.text.rangeOf(completion.replace), newText: completion.insertText },
  };
}

export function toHover(doc: ParsedDocument, hover: HoverInfo): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: doc.text.rangeOf(hover.span) };
}

const SYMBOL_KINDS: Record<OutlineSymbol['kind'], SymbolKind> = {
  metadata: SymbolKind.Namespace,
  key: SymbolKind.Property,
  list: SymbolKind.Array,
  object: SymbolKind.Object,
  item: SymbolKind.Struct,
  section: SymbolKind.String,
};

export function toDocumentSymbol(doc: ParsedDocument, symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name || ' ',
    detail: symbol.detail,
    kind: SYMBOL_KINDS[symbol.kind],
    range: doc.text.rangeOf(symbol.span),
    selectionRange: doc.text.rangeOf(symbol.selection),
    children: symbol.children.map((child) => toDocumentSymbol(doc, child)),
  };
}
