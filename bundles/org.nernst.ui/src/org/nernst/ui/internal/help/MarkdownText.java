package org.nernst.ui.internal.help;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;

/**
 * Shows the guide's Markdown as readable text: headings bold (larger for the top levels), list
 * bullets as •, {@code **bold**} and {@code `code`} with their markers removed and styled (also where
 * they span the hard-wrapped lines of a paragraph), code
 * blocks in a monospace font, images and link targets reduced to their text. Enough for the
 * guide's own pages; not a general Markdown renderer.
 */
final class MarkdownText {
    private MarkdownText() {
    }

    static void render(String md, StyledText out) {
        StringBuilder text = new StringBuilder();
        List<StyleRange> styles = new ArrayList<>();
        Font mono = monoFont(out);
        // the lines of the current paragraph: inline marks may span its (hard-wrapped) lines
        List<String> paragraph = new ArrayList<>();
        boolean code = false;
        for (String line : md.split("\n", -1)) {
            if (line.startsWith("```")) {
                flush(paragraph, text, styles, mono);
                code = !code;
                continue;
            }
            if (code) {
                int start = text.length();
                text.append(line).append('\n');
                StyleRange r = new StyleRange(start, line.length(), null, null);
                r.font = mono;
                styles.add(r);
                continue;
            }
            int level = 0;
            while (level < line.length() && line.charAt(level) == '#') {
                level++;
            }
            if (level > 0 && level < line.length() && line.charAt(level) == ' ') {
                flush(paragraph, text, styles, mono);
                int start = text.length();
                String h = inline(line.substring(level + 1), start, styles, mono, false);
                text.append(h).append('\n');
                StyleRange r = new StyleRange(start, h.length(), null, null, SWT.BOLD);
                if (level <= 2) {
                    r.font = big(out, level);
                }
                styles.add(r);
                continue;
            }
            if (line.isBlank()) {
                flush(paragraph, text, styles, mono);
                text.append(line).append('\n');
                continue;
            }
            paragraph.add(line.replaceFirst("^(\\s*)[-*] ", "$1• ").replaceAll("!\\[([^]]*)]\\([^)]*\\)", "[image: $1]")
                    .replaceAll("\\[([^]]+)]\\([^)]*\\)", "$1"));
        }
        flush(paragraph, text, styles, mono);
        out.setText(text.toString());
        out.setStyleRanges(styles.toArray(StyleRange[]::new));
    }

    /** Appends a paragraph's lines, line breaks kept, with its ** and ` marks resolved across them. */
    private static void flush(List<String> paragraph, StringBuilder text, List<StyleRange> styles, Font mono) {
        if (paragraph.isEmpty()) {
            return;
        }
        text.append(inline(String.join("\n", paragraph), text.length(), styles, mono, true)).append('\n');
        paragraph.clear();
    }

    /** Removes ** and ` markers, recording bold and monospace ranges (offsets from {@code base}). */
    private static String inline(String s, int base, List<StyleRange> styles, Font mono, boolean record) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("**", i)) {
                int end = s.indexOf("**", i + 2);
                if (end > i) {
                    String inner = s.substring(i + 2, end);
                    if (record) {
                        styles.add(new StyleRange(base + b.length(), inner.length(), null, null, SWT.BOLD));
                    }
                    b.append(inner);
                    i = end + 2;
                    continue;
                }
            }
            if (s.charAt(i) == '`') {
                int end = s.indexOf('`', i + 1);
                if (end > i) {
                    String inner = s.substring(i + 1, end);
                    if (record) {
                        StyleRange r = new StyleRange(base + b.length(), inner.length(), null, null);
                        r.font = mono;
                        styles.add(r);
                    }
                    b.append(inner);
                    i = end + 1;
                    continue;
                }
            }
            b.append(s.charAt(i));
            i++;
        }
        return b.toString();
    }

    private static Font monoFont(StyledText out) {
        return org.eclipse.jface.resource.JFaceResources.getTextFont();
    }

    private static Font big(StyledText out, int level) {
        String key = "org.nernst.ui.help.h" + level;
        var registry = org.eclipse.jface.resource.JFaceResources.getFontRegistry();
        if (!registry.hasValueFor(key)) {
            FontData fd = out.getFont().getFontData()[0];
            registry.put(key, new FontData[] { new FontData(fd.getName(), fd.getHeight() + (level == 1 ? 5 : 2), SWT.BOLD) });
        }
        return registry.get(key);
    }
}
