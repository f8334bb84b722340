// @vitest-environment jsdom
/// <reference types="node" />
// The source scan reads the renderer files from disk: this test needs Node next to the DOM.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from '../../../src/renderer/i18n/en.json';
import zhCN from '../../../src/renderer/i18n/zh-CN.json';
import { isMessageKey, translate, useI18nStore } from '../../../src/renderer/i18n/i18n';

const RENDERER = path.resolve('src/renderer');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Words (two letters or more, any script): "F1" and "#" are not text to translate.
const hasWords = (text: string) => /\p{L}{2,}/u.test(text);

const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'placeholder',
  'title',
  'alt',
  'label',
  'aria-description',
]);

/** True for `{…}` that renders as text: a child of an element, or a text attribute's value. */
function showsText(node: ts.JsxExpression, source: ts.SourceFile): boolean {
  const parent = node.parent;
  if (ts.isJsxElement(parent) || ts.isJsxFragment(parent)) return true;
  return ts.isJsxAttribute(parent) && TEXT_ATTRIBUTES.has(parent.name.getText(source));
}

/** Every user-facing literal in a component file: JSX text, text attributes, {'literals'}. */
function hardCodedText(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${path.relative(RENDERER, file)}:${line + 1} ${JSON.stringify(text.trim())}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText(source);
      const value = node.initializer.text;
      if (TEXT_ATTRIBUTES.has(name) && hasWords(value) && !isMessageKey(value)) report(node, value);
    }
    if (ts.isJsxExpression(node) && node.expression && showsText(node, source)) {
      const inner = node.expression;
      if (
        (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) &&
        hasWords(inner.text)
      ) {
        report(node, inner.text);
      }
      if (ts.isTemplateExpression(inner)) {
        const parts = [inner.head.text, ...inner.templateSpans.map((span) => span.literal.text)];
        if (parts.some(hasWords)) report(node, parts.join('…'));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('translations', () => {
  it('have the same keys in English and Simplified Chinese', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty text and the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(en)) {
      const chinese = (zhCN as Record<string, string>)[key] ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(chinese.trim(), key).not.toBe('');
      expect(placeholders(chinese), key).toEqual(placeholders(text));
    }
  });

  it('are really translated: Chinese text differs from English except names kept as they are', () => {
    const same = Object.keys(en).filter(
      (key) => (en as Record<string, string>)[key] === (zhCN as Record<string, string>)[key],
    );
    expect(same.sort()).toEqual(['field.sku', 'language.en', 'language.zh-CN']);
  });

  it('fill placeholders and switch language at run time', () => {
    expect(translate('en', 'scan.pieceOf', { index: 2, count: 3 })).toBe('Piece 2 of 3');
    expect(translate('zh-CN', 'scan.pieceOf', { index: 2, count: 3 })).toBe('第 2 件，共 3 件');
    useI18nStore.getState().setLanguage('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('are all used: every key appears in the renderer source', () => {
    const source = sourceFiles(RENDERER)
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    const unused = Object.keys(en).filter(
      (key) => !source.includes(`'${key}'`) && !source.includes(`"${key}"`),
    );
    expect(unused).toEqual([]);
  });
});

describe('components', () => {
  it('have no hard-coded user-facing text: every string comes from the translation files', () => {
    const files = sourceFiles(RENDERER).filter((file) => file.endsWith('.tsx'));
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(hardCodedText)).toEqual([]);
  });

  it('catch hard-coded text when there is some (the check itself works)', () => {
    const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'i18n-')), 'probe.tsx');
    fs.writeFileSync(
      probe,
      'export const A = () => <p title="Print all">Printed {"ok now"} {`Job ${1}`} {`F${1}`}</p>;',
    );
    try {
      expect(hardCodedText(probe)).toHaveLength(4);
    } finally {
      fs.rmSync(path.dirname(probe), { recursive: true, force: true });
    }
  });
});
